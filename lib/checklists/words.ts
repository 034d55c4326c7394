/**
 * The words of the guided checklists: each checklist's title, summary and warning, each step's
 * title, help and warning, as message keys (resolved with `t` when shown, so nothing reads i18n at
 * module load). Only the companion frame shows them; the page agent on TikTok's page carries
 * none of them, only each step's control (./targets.ts).
 */
import type { MessageKey } from '@/lib/i18n';
import type { ChecklistId } from './types';

/** What the panel shows of one step. */
export interface StepWords {
  title: MessageKey;
  help: MessageKey;
  /** Shown with the step, in a warning style. */
  warning?: MessageKey;
}

/** What the panel shows of one checklist, and of each of its steps by id. */
export interface ChecklistWords {
  title: MessageKey;
  summary: MessageKey;
  warning?: MessageKey;
  steps: Readonly<Record<string, StepWords>>;
}

const partnerRemovalWarning = 'checklist_partnerRemovalWarning';

const openMembers = {
  'open-members': { title: 'checklist_openMembers_title', help: 'checklist_openMembers_help' },
} as const satisfies Record<string, StepWords>;

const openPartners = {
  'open-partners': { title: 'checklist_openPartners_title', help: 'checklist_openPartners_help' },
} as const satisfies Record<string, StepWords>;

/** The record step; `help` says what it records. */
const record = (help: MessageKey): Record<string, StepWords> => ({
  record: { title: 'checklist_record_title', help },
});

const addPartner = (prefix: string, lower: boolean): Record<string, StepWords> => ({
  [`${prefix}open-add`]: {
    title: 'checklist_addPartnerOpen_title',
    help: 'checklist_addPartnerOpen_help',
  },
  [`${prefix}enter-bc-id`]: {
    title: 'checklist_enterBcId_title',
    help: 'checklist_enterBcId_help',
  },
  [`${prefix}choose-accounts`]: lower
    ? { title: 'checklist_partnerAccountsLower_title', help: 'checklist_partnerAccountsLower_help' }
    : { title: 'checklist_partnerAccounts_title', help: 'checklist_partnerAccounts_help' },
  [`${prefix}confirm`]: {
    title: 'checklist_clickConfirm_title',
    help: 'checklist_partnerConfirm_help',
  },
});

const removePartner = (prefix: string): Record<string, StepWords> => ({
  [`${prefix}click-remove`]: {
    title: 'checklist_partnerRemove_title',
    help: 'checklist_partnerRemove_help',
    warning: partnerRemovalWarning,
  },
  [`${prefix}confirm-remove`]: {
    title: 'checklist_confirmRemoval_title',
    help: 'checklist_partnerConfirmRemoval_help',
  },
  [`${prefix}row-gone`]: {
    title: 'checklist_partnerGone_title',
    help: 'checklist_partnerGone_help',
  },
});

/** The words of every checklist, by its id. */
export const CHECKLIST_WORDS: Readonly<Record<ChecklistId, ChecklistWords>> = {
  'add-member': {
    title: 'checklist_addMember_title',
    summary: 'checklist_addMember_summary',
    steps: {
      ...openMembers,
      'open-invite': { title: 'checklist_openInvite_title', help: 'checklist_openInvite_help' },
      'enter-email': { title: 'checklist_enterEmail_title', help: 'checklist_enterEmail_help' },
      'choose-role': { title: 'checklist_chooseRole_title', help: 'checklist_chooseRole_help' },
      'choose-accounts': {
        title: 'checklist_memberAccounts_title',
        help: 'checklist_memberAccounts_help',
      },
      confirm: { title: 'checklist_clickConfirm_title', help: 'checklist_memberConfirm_help' },
      ...record('checklist_record_invitation'),
      accepted: { title: 'checklist_accepted_title', help: 'checklist_accepted_help' },
    },
  },
  'add-partner': {
    title: 'checklist_addPartner_title',
    summary: 'checklist_addPartner_summary',
    steps: { ...openPartners, ...addPartner('', false), ...record('checklist_record_partner') },
  },
  'revoke-member': {
    title: 'checklist_revokeMember_title',
    summary: 'checklist_revokeMember_summary',
    steps: {
      ...openMembers,
      'find-remove': { title: 'checklist_findRemove_title', help: 'checklist_findRemove_help' },
      'confirm-remove': {
        title: 'checklist_confirmRemoval_title',
        help: 'checklist_memberConfirmRemoval_help',
      },
      'enter-code': { title: 'checklist_enterCode_title', help: 'checklist_enterCode_help' },
      'row-gone': { title: 'checklist_memberGone_title', help: 'checklist_memberGone_help' },
      ...record('checklist_record_revocation'),
    },
  },
  'revoke-partner': {
    title: 'checklist_revokePartner_title',
    summary: 'checklist_revokePartner_summary',
    warning: partnerRemovalWarning,
    steps: { ...openPartners, ...removePartner(''), ...record('checklist_record_revocation') },
  },
  'lower-member': {
    title: 'checklist_lowerMember_title',
    summary: 'checklist_lowerMember_summary',
    steps: {
      'open-asset': { title: 'checklist_openAsset_title', help: 'checklist_openAsset_help' },
      'open-edit': { title: 'checklist_openEdit_title', help: 'checklist_openEdit_help' },
      'choose-lower': { title: 'checklist_chooseLower_title', help: 'checklist_chooseLower_help' },
      save: { title: 'checklist_savePermission_title', help: 'checklist_savePermission_help' },
      ...record('checklist_record_newPermission'),
    },
  },
  'lower-partner': {
    title: 'checklist_lowerPartner_title',
    summary: 'checklist_lowerPartner_summary',
    warning: partnerRemovalWarning,
    steps: {
      ...openPartners,
      ...removePartner('remove-'),
      ...addPartner('share-', true),
      ...record('checklist_record_lowerPermission'),
    },
  },
  troubleshoot: {
    title: 'checklist_troubleshoot_title',
    summary: 'checklist_troubleshoot_summary',
    steps: {
      'invitation-email': {
        title: 'checklist_invitationEmail_title',
        help: 'checklist_invitationEmail_help',
      },
      'invitation-resend': {
        title: 'checklist_invitationResend_title',
        help: 'checklist_invitationResend_help',
      },
      'wrong-permission': {
        title: 'checklist_wrongPermission_title',
        help: 'checklist_wrongPermission_help',
      },
      'sees-nothing': { title: 'checklist_seesNothing_title', help: 'checklist_seesNothing_help' },
      'cannot-access': {
        title: 'checklist_cannotAccess_title',
        help: 'checklist_cannotAccess_help',
      },
    },
  },
};

/** The words of one step of a checklist. */
export function stepWords(checklist: ChecklistId, step: string): StepWords {
  const words = CHECKLIST_WORDS[checklist].steps[step];
  if (!words) throw new Error(`No words for step "${step}" of checklist "${checklist}".`);
  return words;
}
