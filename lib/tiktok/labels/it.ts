/** Italian, from the Italian article on changing a partner's permissions. */
import { flowWords, helpArticle, language, pageWords, seenIn, unverified } from './types';

const partnerPermission = seenIn(
  helpArticle('change-the-permissions-for-your-tiktok-business-center-partner', 'it'),
);

/** The words that say what a page is and read its access tables (the watcher's share). */
export const itPage = /* @__PURE__ */ pageWords({
  lang: 'it',
  name: 'Italiano',
  dir: 'ltr',
  labels: () => ({
    members: unverified('Membri', 'Membro'),
    partners: partnerPermission('Partner'),
    colName: unverified('Nome utente', 'Nome'),
    colEmail: unverified('E-mail', 'Indirizzo e-mail'),
    colStatus: unverified('Stato'),
    colBcRole: unverified('Ruolo', 'Ruoli'),
    colPermission: unverified('Autorizzazione', 'Autorizzazioni'),
    colPartnerName: unverified('Nome del partner'),
    colIgnored: unverified('Azione', 'Azioni', 'Risorse assegnate', 'Risorse condivise'),
    colBcId: unverified('ID del Business Center', 'ID BC'),
    'bcRole.admin': unverified('Amministratore'),
    'bcRole.standard': unverified('Standard'),
    'financeRole.manager': unverified('Responsabile finanziario'),
    'financeRole.analyst': unverified('Analista finanziario'),
    'assetRole.admin': unverified('Amministratore'),
    'assetRole.operator': unverified('Operatore'),
    'assetRole.analyst': unverified('Analista'),
    'status.active': unverified('Attivo', 'Attiva'),
    'status.pending': unverified('In attesa'),
    'status.suspended': unverified('Sospeso', 'Sospesa'),
    'status.expired': unverified('Scaduto', 'Scaduta'),
    'status.rejected': unverified('Rifiutato', 'Rifiutata'),
    bcIdPrefix: unverified('ID del Business Center'),
  }),
  recordsTotal: [/^(\d[\d,.\s]*)\s+record\s+in\s+totale$/i, /^totale\s*:?\s*(\d[\d,.\s]*)$/i],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const itFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('Caricamento…', 'Caricamento in corso…'),
  inviteTitle: unverified('Invita membro', 'Invita membri'),
  addPartnersTitle: unverified('Aggiungi partner'),
  assignTitle: unverified('Assegna nuovo membro'),
  editPermission: unverified('Modifica', 'Modifica autorizzazione'),
  editPermissionTitle: unverified('Modifica autorizzazione', 'Modifica autorizzazioni'),
  save: unverified('Salva'),
  resend: unverified('Invia di nuovo', 'Reinvia'),
  confirm: unverified('Conferma'),
  next: unverified('Avanti'),
  removeVerb: unverified('Rimuovi', 'Elimina'),
  confirmationCode: unverified('codice di conferma', 'codice di verifica'),
  emailField: unverified('Indirizzo/i e-mail', 'Indirizzo e-mail'),
  partnerBcIdField: unverified('ID del Business Center del partner'),
  'success.invited': unverified('Invito inviato', 'Inviti inviati'),
  'success.resent': unverified('Invito inviato di nuovo'),
  'success.memberRemoved': unverified('Membro rimosso'),
  'success.partnerAdded': unverified('Partner aggiunto'),
  'success.partnerRemoved': unverified('Partner rimosso'),
  'success.memberAssigned': unverified('Membro assegnato'),
  'success.saved': unverified('Modifiche salvate', 'Salvato'),
}));

export const it = /* @__PURE__ */ language(itPage, itFlow);
