/** French, "Membre" as the French article on asset groups has it. */
import { flowWords, helpArticle, language, pageWords, seenIn, unverified } from './types';

const assetGroup = seenIn(helpArticle('how-to-manage-members-in-an-asset-group', 'fr'));

/** The words that say what a page is and read its access tables (the watcher's share). */
export const frPage = /* @__PURE__ */ pageWords({
  lang: 'fr',
  name: 'Français',
  dir: 'ltr',
  labels: () => ({
    members: [...unverified('Membres'), ...assetGroup('Membre')],
    partners: unverified('Partenaires', 'Partenaire'),
    colName: unverified("Nom d'utilisateur", 'Nom'),
    colEmail: unverified('E-mail', 'Adresse e-mail'),
    colStatus: unverified('Statut'),
    colBcRole: unverified('Rôle', 'Rôles'),
    colPermission: unverified('Autorisation', 'Autorisations'),
    colPartnerName: unverified('Nom du partenaire'),
    colIgnored: unverified('Action', 'Actions', 'Actifs attribués', 'Actifs partagés'),
    colBcId: unverified('ID du Business Center', 'ID BC'),
    'bcRole.admin': unverified('Administrateur', 'Administratrice'),
    'bcRole.standard': unverified('Standard'),
    'financeRole.manager': unverified('Responsable financier', 'Gestionnaire financier'),
    'financeRole.analyst': unverified('Analyste financier'),
    'assetRole.admin': unverified('Administrateur'),
    'assetRole.operator': unverified('Opérateur'),
    'assetRole.analyst': unverified('Analyste'),
    'status.active': unverified('Actif', 'Active'),
    'status.pending': unverified('En attente'),
    'status.suspended': unverified('Suspendu', 'Suspendue'),
    'status.expired': unverified('Expiré', 'Expirée'),
    'status.rejected': unverified('Refusé', 'Refusée', 'Rejeté'),
    bcIdPrefix: unverified('ID du Business Center'),
  }),
  recordsTotal: [
    /^(\d[\d,.\s]*)\s+enregistrements?\s+au\s+total$/i,
    /^total\s*:\s*(\d[\d,.\s]*)$/i,
  ],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const frFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('Chargement…', 'Chargement...'),
  inviteTitle: unverified('Inviter un membre', 'Inviter des membres'),
  addPartnersTitle: unverified('Ajouter des partenaires', 'Ajouter un partenaire'),
  assignTitle: unverified('Attribuer un nouveau membre'),
  editPermission: unverified('Modifier', "Modifier l'autorisation"),
  editPermissionTitle: unverified("Modifier l'autorisation", 'Modifier les autorisations'),
  save: unverified('Enregistrer'),
  resend: unverified('Renvoyer', "Renvoyer l'invitation"),
  confirm: unverified('Confirmer'),
  next: unverified('Suivant'),
  removeVerb: unverified('Supprimer', 'Retirer'),
  confirmationCode: unverified('code de confirmation', 'code de vérification'),
  emailField: unverified('Adresse(s) e-mail', 'Adresse e-mail'),
  partnerBcIdField: unverified('ID du Business Center du partenaire'),
  'success.invited': unverified('Invitation envoyée', 'Invitations envoyées'),
  'success.resent': unverified('Invitation renvoyée'),
  'success.memberRemoved': unverified('Membre supprimé'),
  'success.partnerAdded': unverified('Partenaire ajouté'),
  'success.partnerRemoved': unverified('Partenaire supprimé'),
  'success.memberAssigned': unverified('Membre attribué'),
  'success.saved': unverified('Modifications enregistrées', 'Enregistré'),
}));

export const fr = /* @__PURE__ */ language(frPage, frFlow);
