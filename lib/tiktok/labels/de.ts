/** German. "Weiter" and "Verifizierungscode" as the German account-deactivation article has them. */
import { flowWords, helpArticle, language, pageWords, seenIn, unverified } from './types';

const deactivate = seenIn(helpArticle('how-to-deactivate-your-tiktok-for-business-account', 'de'));

/** The words that say what a page is and read its access tables (the watcher's share). */
export const dePage = /* @__PURE__ */ pageWords({
  lang: 'de',
  name: 'Deutsch',
  dir: 'ltr',
  labels: () => ({
    members: unverified('Mitglieder', 'Mitglied'),
    partners: unverified('Partner'),
    colName: unverified('Benutzername', 'Name'),
    colEmail: unverified('E-Mail', 'E-Mail-Adresse'),
    colStatus: unverified('Status'),
    colBcRole: unverified('Rolle', 'Rollen'),
    colPermission: unverified('Berechtigung', 'Berechtigungen'),
    colPartnerName: unverified('Partnername', 'Name des Partners'),
    colIgnored: unverified('Aktion', 'Aktionen', 'Zugewiesene Assets', 'Geteilte Assets'),
    colBcId: unverified('BC-ID', 'Business-Center-ID'),
    'bcRole.admin': [...deactivate('Admin'), ...unverified('Administrator')],
    'bcRole.standard': unverified('Standard'),
    'financeRole.manager': unverified('Finanzmanager', 'Finanzmanager*in'),
    'financeRole.analyst': unverified('Finanzanalyst', 'Finanzanalyst*in'),
    'assetRole.admin': unverified('Admin', 'Administrator'),
    'assetRole.operator': unverified('Operator'),
    'assetRole.analyst': unverified('Analyst'),
    'status.active': unverified('Aktiv'),
    'status.pending': unverified('Ausstehend'),
    'status.suspended': unverified('Gesperrt'),
    'status.expired': unverified('Abgelaufen'),
    'status.rejected': unverified('Abgelehnt'),
    bcIdPrefix: unverified('Business-Center-ID', 'BC-ID'),
  }),
  recordsTotal: [
    /^(\d[\d,.\s]*)\s+einträge\s+insgesamt$/i,
    /^insgesamt\s+(\d[\d,.\s]*)(?:\s+einträge)?$/i,
  ],
});

/** The words of the flows: dialogs, fields, buttons and the messages after them. */
export const deFlow = /* @__PURE__ */ flowWords(() => ({
  loading: unverified('Wird geladen…', 'Lädt…'),
  inviteTitle: unverified('Mitglied einladen', 'Mitglieder einladen'),
  addPartnersTitle: unverified('Partner hinzufügen'),
  assignTitle: unverified('Neues Mitglied zuweisen'),
  editPermission: unverified('Bearbeiten', 'Berechtigung bearbeiten'),
  editPermissionTitle: unverified('Berechtigung bearbeiten', 'Berechtigungen bearbeiten'),
  save: unverified('Speichern'),
  resend: unverified('Erneut senden'),
  confirm: unverified('Bestätigen'),
  next: deactivate('Weiter'),
  removeVerb: unverified('Entfernen', 'Löschen'),
  confirmationCode: [...deactivate('Verifizierungscode'), ...unverified('Bestätigungscode')],
  emailField: unverified('E-Mail-Adresse(n)', 'E-Mail-Adresse'),
  partnerBcIdField: unverified('BC-ID des Partners'),
  'success.invited': unverified('Einladung gesendet', 'Einladungen gesendet'),
  'success.resent': unverified('Einladung erneut gesendet'),
  'success.memberRemoved': unverified('Mitglied entfernt'),
  'success.partnerAdded': unverified('Partner hinzugefügt'),
  'success.partnerRemoved': unverified('Partner entfernt'),
  'success.memberAssigned': unverified('Mitglied zugewiesen'),
  'success.saved': unverified('Änderungen gespeichert', 'Gespeichert'),
}));

export const de = /* @__PURE__ */ language(dePage, deFlow);
