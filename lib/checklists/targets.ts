/**
 * The control each step points at on TikTok's page, by checklist and step id: the page agent's
 * part of the checklists. It finds the active step's control afresh on every change (with the
 * facts so far, e.g. whom the flow is about) to draw the spotlight; which step is active is the
 * engine's word (./engine.ts), which runs in the companion frame. A step with no finder here has
 * no control (only the page, or the user, can say it is done).
 */
import type { Root } from '../tiktok/dom';
import {
  confirmationCodeField,
  dialogTitled,
  fieldLabelled,
  findControl,
  findDialogButton,
  findNavLink,
  findPersonLink,
  findRowControl,
  findRowLink,
  permissionEditField,
  removalDialog,
  rowMenuTrigger,
} from '../tiktok/controls';
import { LABELS } from '../tiktok/selectors';
import type { ChecklistId, FlowFacts } from './types';

/** Finds a step's control on the page now, or null. */
export type StepTarget = (root: Root, facts?: FlowFacts) => Element | null;

type Targets = Record<string, StepTarget>;

/** The button that confirms a removal: Confirm, or the removal's own verb ("Remove", "Delete"). */
export function removalConfirmButton(root: Root): Element | null {
  const dialog = removalDialog(root);
  return (
    (dialog
      ? findControl(root, [...LABELS.confirm, ...LABELS.removeVerb], { within: dialog })
      : null) ?? findDialogButton(root, LABELS.confirm)
  );
}

const openMembers: Targets = { 'open-members': (root) => findNavLink(root, LABELS.members) };
const openPartners: Targets = { 'open-partners': (root) => findNavLink(root, LABELS.partners) };

/** The steps that remove a partner (./revoke-partner.ts), their ids prefixed with `prefix`. */
const removePartner = (prefix: string): Targets => ({
  [`${prefix}click-remove`]: (root, facts) =>
    (facts?.subject ? findRowControl(root, facts.subject, LABELS.removeVerb) : null) ??
    findControl(root, LABELS.removeVerb) ??
    rowMenuTrigger(root, facts?.subject),
  [`${prefix}confirm-remove`]: removalConfirmButton,
});

/** The steps that share ad accounts with a partner (./add-partner.ts), prefixed with `prefix`. */
const addPartner = (prefix: string): Targets => ({
  [`${prefix}open-add`]: (root) => findControl(root, LABELS.addPartnersTitle),
  [`${prefix}enter-bc-id`]: (root) =>
    dialogTitled(root, LABELS.addPartnersTitle)?.querySelector('input') ?? null,
  [`${prefix}choose-accounts`]: (root) =>
    dialogTitled(root, LABELS.addPartnersTitle)?.querySelector('fieldset') ?? null,
  [`${prefix}confirm`]: (root) => findDialogButton(root, LABELS.confirm),
});

const TARGETS: Record<ChecklistId, Targets> = {
  'add-member': {
    ...openMembers,
    'open-invite': (root) => findControl(root, LABELS.inviteTitle),
    'enter-email': (root) =>
      dialogTitled(root, LABELS.inviteTitle)?.querySelector('textarea, input') ?? null,
    // The least privileged role is the one to point at; a dialog whose labels are not read
    // still gets its first choice outlined.
    'choose-role': (root) => {
      const dialog = dialogTitled(root, LABELS.inviteTitle);
      if (!dialog) return null;
      return (
        fieldLabelled(dialog, LABELS.bcRole.standard) ?? dialog.querySelector('input[type=radio]')
      );
    },
    'choose-accounts': (root) =>
      findDialogButton(root, LABELS.next) ??
      dialogTitled(root, LABELS.inviteTitle)?.querySelector('fieldset') ??
      null,
    confirm: (root) => findDialogButton(root, LABELS.confirm),
  },
  'add-partner': { ...openPartners, ...addPartner('') },
  'revoke-member': {
    ...openMembers,
    // Remove on show (a row's button, a details drawer's, an open row menu's item); else the
    // chosen person's row menu or details link; else any row's menu, or View.
    'find-remove': (root, facts) =>
      findControl(root, LABELS.removeVerb) ??
      (facts?.subject ? rowMenuTrigger(root, facts.subject) : null) ??
      (facts?.subject ? findPersonLink(root, facts.subject) : null) ??
      rowMenuTrigger(root) ??
      findControl(root, ['View', 'Ver', 'Lihat']),
    'confirm-remove': removalConfirmButton,
    'enter-code': (root) => confirmationCodeField(root),
  },
  'revoke-partner': { ...openPartners, ...removePartner('') },
  'lower-member': {
    'open-asset': (root) =>
      findNavLink(root, ['Ad accounts', 'Cuentas publicitarias', 'Akun iklan']),
    'open-edit': (root, facts) =>
      (facts?.subject ? findRowControl(root, facts.subject, LABELS.editPermission) : null) ??
      findControl(root, LABELS.editPermission),
    'choose-lower': (root) => permissionEditField(root),
    save: (root) => findDialogButton(root, LABELS.save),
  },
  'lower-partner': { ...openPartners, ...removePartner('remove-'), ...addPartner('share-') },
  troubleshoot: {
    // The chosen person's Resend (in their details), else their email link in Members; with
    // nobody chosen, the first pending invitation's.
    'invitation-resend': (root, facts) =>
      findDialogButton(root, LABELS.resend) ??
      (facts?.subject
        ? findPersonLink(root, facts.subject)
        : findRowLink(root, [...LABELS.status.pending, ...LABELS.status.expired])),
  },
};

/** The finder of a step's control, or undefined when the step has none. */
export function stepTarget(checklist: ChecklistId, step: string): StepTarget | undefined {
  return TARGETS[checklist]?.[step];
}
