/**
 * Detectors for the states a checklist follows through TikTok's access flows: the Invite Member
 * dialog and its step, the email(s) entered, the role chosen, a Confirm button shown, a success
 * message, a removal confirmation and its confirmation-code step, and a row disappearing. Each
 * is a pure read of the page as it is now; dialogs and drawers are found wherever TikTok mounts
 * them (at the end of body), by role and title text, never by class alone. Where TikTok's words
 * vary from build to build, structure decides: a code step is a dialog holding a one-time-code
 * field, whatever its title; a removal confirmation is a dialog asking about a removal verb,
 * whether its button says Confirm or the verb itself.
 */
import type { Root } from './dom';
import { fold, isHiddenDeep, isLabel, queryAllDeep, textSegments, visibleText } from './dom';
import { mentionsLabel, titleNames } from './labels/match';
import type { AccessRow, AccessTableReading } from './read-table';
import { sameParty } from './read-table';
import { LABELS, SELECTORS } from './selectors';
import { TABLE_PROBLEMS } from './table-problems';

/** An open dialog and its title. */
export interface OpenDialog {
  el: Element;
  title: string;
}

/** The dialogs and drawers open now, outermost first, with their titles. */
export function openDialogs(root: Root): OpenDialog[] {
  const all = queryAllDeep(root, SELECTORS.dialog.alternatives, { shadows: false }).filter(
    (d) => !isHiddenDeep(d),
  );
  const outer = all.filter((d) => !all.some((o) => o !== d && o.contains(d)));
  return outer.map((el) => ({ el, title: dialogTitle(el) }));
}

function dialogTitle(dialog: Element): string {
  const ids = dialog.getAttribute('aria-labelledby');
  if (ids) {
    const doc = dialog.ownerDocument;
    const text = ids
      .split(/\s+/)
      .map((id) => doc.getElementById(id))
      .filter((e): e is HTMLElement => e !== null)
      .map((e) => visibleText(e))
      .join(' ');
    if (text) return text;
  }
  const label = dialog.getAttribute('aria-label');
  if (label) return label.trim();
  const heading = dialog.querySelector('h1, h2, h3, [role=heading]');
  return heading ? visibleText(heading) : '';
}

/** The open dialogs, as one reading of the page found them (shared by the detectors). */
export type Dialogs = readonly OpenDialog[];

// A title names its label anywhere in it: the verb ends Japanese, Korean, German and Turkish
// titles ("メンバーを削除しますか？", "Mitglied entfernen?").
const titled = (dialogs: Dialogs, labels: readonly string[]) =>
  dialogs.find((d) => titleNames(d.title, labels));

function buttons(el: Element): Element[] {
  return Array.from(el.querySelectorAll('button, [role=button], ks-button')).filter(
    (b) => !isHiddenDeep(b),
  );
}

/** The step an Invite Member dialog is at: entering people, or choosing their ad accounts. */
export type InviteStep = 'details' | 'assets';

/** Whether the Invite Member dialog is open, and at which step; null when it is not open. */
export function inviteDialogStep(root: Root): InviteStep | null {
  return inviteStepIn(openDialogs(root));
}

function inviteStepIn(dialogs: Dialogs): InviteStep | null {
  const dialog = titled(dialogs, LABELS.inviteTitle);
  if (!dialog) return null;
  const current = dialog.el.querySelector(SELECTORS.currentStep.alternatives.join(','));
  if (current?.parentElement) {
    const index = Array.from(current.parentElement.children).indexOf(current);
    if (index === 0) return 'details';
    if (index >= 1) return 'assets';
  }
  // No step marker: the fields on show tell the step.
  return emailField(dialog.el) ? 'details' : 'assets';
}

function labelText(field: Element): string {
  const doc = field.ownerDocument;
  const id = field.getAttribute('id');
  const label =
    (id ? doc.querySelector(`label[for="${CSS.escape(id)}"]`) : null) ?? field.closest('label');
  return label ? visibleText(label) : (field.getAttribute('aria-label') ?? '');
}

function emailField(dialog: Element): HTMLInputElement | HTMLTextAreaElement | null {
  const fields = Array.from(dialog.querySelectorAll('textarea, input')) as Array<
    HTMLInputElement | HTMLTextAreaElement
  >;
  return (
    fields.find((f) => f.getAttribute('type') === 'email') ??
    fields.find((f) => isLabel(labelText(f), LABELS.emailField)) ??
    null
  );
}

const EMAIL = /[^\s,;<>@]+@[^\s,;<>@]+\.[^\s,;<>@]+/g;

/** The email addresses typed into the Invite Member dialog (empty when none or not open). */
export function enteredEmails(root: Root): string[] {
  return emailsIn(openDialogs(root));
}

function emailsIn(dialogs: Dialogs): string[] {
  const dialog = titled(dialogs, LABELS.inviteTitle);
  const field = dialog ? emailField(dialog.el) : null;
  return field ? (field.value.match(EMAIL) ?? []) : [];
}

/** The Business Center role chosen in the Invite Member dialog, or null when none is. */
export function chosenBcRole(root: Root): 'admin' | 'standard' | null {
  return bcRoleIn(openDialogs(root));
}

function bcRoleIn(dialogs: Dialogs): 'admin' | 'standard' | null {
  const dialog = titled(dialogs, LABELS.inviteTitle);
  if (!dialog) return null;
  const radios = Array.from(
    dialog.el.querySelectorAll('input[type=radio], [role=radio]'),
  ) as HTMLInputElement[];
  const chosen = radios.find((r) =>
    r.getAttribute('role') === 'radio' ? r.getAttribute('aria-checked') === 'true' : r.checked,
  );
  if (!chosen) return null;
  const text = labelText(chosen) || visibleText(chosen);
  if (isLabel(text, LABELS.bcRole.admin)) return 'admin';
  if (isLabel(text, LABELS.bcRole.standard)) return 'standard';
  return null; // a role we cannot name: say nothing rather than guess
}

/** Whether an open dialog shows a Confirm button (the last step of a flow). */
export function confirmationShown(root: Root): boolean {
  return confirmIn(openDialogs(root));
}

function confirmIn(dialogs: Dialogs): boolean {
  return dialogs.some((d) => buttons(d.el).some((b) => isLabel(visibleText(b), LABELS.confirm)));
}

/** What a success message says happened. */
export type SuccessKind = keyof typeof LABELS.success;

/** The success message on show after a flow ("Invitation sent"), or null. */
export function successMessage(root: Root): { kind: SuccessKind; text: string } | null {
  for (const el of queryAllDeep(root, SELECTORS.message.alternatives, { shadows: false })) {
    if (isHiddenDeep(el)) continue;
    for (const text of textSegments(el)) {
      for (const [kind, labels] of Object.entries(LABELS.success) as Array<
        [SuccessKind, readonly string[]]
      >) {
        if (isLabel(text, labels)) return { kind, text };
      }
    }
  }
  return null;
}

/**
 * A field shaped for a one-time code, whatever its label says: `autocomplete=one-time-code`, a
 * digits-only `pattern` of 4 to 8, or a numeric field that takes 4 to 8 characters; or the first
 * of a row of 4 to 8 one-character boxes (a code typed digit by digit).
 */
export function oneTimeCodeInput(scope: Element): HTMLInputElement | null {
  const fields = Array.from(scope.querySelectorAll('input')).filter(
    (i) => !/^(hidden|checkbox|radio|submit|button)$/i.test(i.type) && !isHiddenDeep(i),
  );
  const length = (i: HTMLInputElement) => Number(i.getAttribute('maxlength') ?? NaN);
  const shaped = fields.find(
    (i) =>
      /\bone-time-code\b/i.test(i.getAttribute('autocomplete') ?? '') ||
      /^(\[0-9\]|\\d)\{[4-8](,[4-8])?\}$/.test(i.getAttribute('pattern') ?? '') ||
      ((i.getAttribute('inputmode') === 'numeric' || i.type === 'tel' || i.type === 'number') &&
        length(i) >= 4 &&
        length(i) <= 8),
  );
  if (shaped) return shaped;
  const boxes = fields.filter((i) => length(i) === 1);
  return boxes.length >= 4 && boxes.length <= 8 ? boxes[0]! : null;
}

function isCodeDialog(d: OpenDialog): boolean {
  // The cheap tests first: reading a large dialog's whole text (Invite Member's account list) is
  // the expensive part, and a dialog with no field cannot be asking for a code.
  if (d.el.querySelector('input') === null) return false;
  if (oneTimeCodeInput(d.el)) return true;
  const words = fold(`${d.title} ${visibleText(d.el)}`);
  return LABELS.confirmationCode.some((l) => words.includes(fold(l)));
}

/**
 * Whether a dialog's title asks about a removal: it opens with a removal verb ("Remove member?",
 * "¿Eliminar miembro?"), or it is a question that has one as a word ("Are you sure you want to
 * delete this member?").
 */
export function isRemovalTitle(title: string): boolean {
  const folded = fold(title).replace(/^[¿¡]/, '').trim();
  if (LABELS.removeVerb.some((v) => folded.startsWith(fold(v)))) return true;
  if (!/[?？؟]\s*$/.test(folded)) return false;
  // The verb where a word may begin in its script (labels/match.ts): inside a longer run where
  // words are not spaced ("确定要删除该成员吗？") or take endings ("멤버를 삭제하시겠습니까?",
  // "Üye kaldırılsın mı?"), at a word's start in Latin, Greek and Cyrillic ("undelete" is not one).
  return mentionsLabel(folded, LABELS.removeVerb);
}

/** Whether a "Remove …?" confirmation is open (before the confirmation code is asked for). */
export function removeConfirmationShown(root: Root): boolean {
  return removeConfirmationIn(openDialogs(root));
}

/** The open removal confirmation (not its code step), or null. */
export function removalConfirmation(dialogs: Dialogs): OpenDialog | null {
  return (
    dialogs.find(
      (d) =>
        isRemovalTitle(d.title) &&
        !isCodeDialog(d) &&
        // Its button confirms, in TikTok's word for it or in the removal's own ("Remove").
        buttons(d.el).some((b) =>
          isLabel(visibleText(b), [...LABELS.confirm, ...LABELS.removeVerb]),
        ),
    ) ?? null
  );
}

function removeConfirmationIn(dialogs: Dialogs): boolean {
  return removalConfirmation(dialogs) !== null;
}

/** Whether TikTok is asking for the confirmation code it sent (the last step of a removal). */
export function confirmationCodeStepShown(root: Root): boolean {
  return openDialogs(root).some(isCodeDialog);
}

function codeStepIn(dialogs: Dialogs): boolean {
  return dialogs.some(isCodeDialog);
}

/** Whether a reading shows a table at all (not loading, not missing, with rows). */
export function tableReadable(reading: AccessTableReading): boolean {
  const missing = [TABLE_PROBLEMS.loading(), TABLE_PROBLEMS.noTable()];
  return reading.rows.length > 0 && reading.problems.every((p) => !missing.includes(p));
}

/** Whether a person or partner shown in `before` is no longer in `after` (their row is gone). */
export function rowDisappeared(
  before: AccessTableReading,
  after: AccessTableReading,
  who: Pick<AccessRow, 'name' | 'email' | 'partnerBcId'>,
): boolean {
  const was = before.rows.some((r) => sameParty(r, who));
  const is = after.rows.some((r) => sameParty(r, who));
  // A table that is not readable now proves nothing: the row may only be re-rendering.
  return was && !is && tableReadable(after);
}

/** Every flow state at once, for a checklist to follow. */
export interface FlowState {
  inviteStep: InviteStep | null;
  emails: string[];
  bcRole: 'admin' | 'standard' | null;
  confirmShown: boolean;
  success: { kind: SuccessKind; text: string } | null;
  removeConfirmation: boolean;
  confirmationCodeStep: boolean;
}

/**
 * Every flow state the checklists follow, as the page is now. Never throws.
 *
 * Read on demand: each state is worked out the first time it is read, then kept, so a batch
 * pays only for what the running checklist asks (gatherFacts reads the emails and the role, the
 * active step its own state; the confirmation-code detector, the dearest, only at a removal's
 * last steps); and the open dialogs are found once for all the detectors. Read it within the
 * task that made it (the runner does, in one synchronous batch): the page may change after.
 * Spreading or comparing it reads every state, exactly as an eager read would.
 */
export function readFlowState(root: Root): FlowState {
  const safe = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch {
      return fallback;
    }
  };
  let found: Dialogs | null = null;
  const dialogs = (): Dialogs => (found ??= openDialogs(root));
  const readers: { [K in keyof FlowState]: () => FlowState[K] } = {
    inviteStep: () => safe(() => inviteStepIn(dialogs()), null),
    emails: () => safe(() => emailsIn(dialogs()), []),
    bcRole: () => safe(() => bcRoleIn(dialogs()), null),
    confirmShown: () => safe(() => confirmIn(dialogs()), false),
    success: () => safe(() => successMessage(root), null),
    removeConfirmation: () => safe(() => removeConfirmationIn(dialogs()), false),
    confirmationCodeStep: () => safe(() => codeStepIn(dialogs()), false),
  };
  const state = {} as FlowState;
  const keep = (key: keyof FlowState, value: unknown) =>
    Object.defineProperty(state, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  for (const key of Object.keys(readers) as Array<keyof FlowState>) {
    Object.defineProperty(state, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const value = readers[key]();
        keep(key, value);
        return value;
      },
      // observePage overrules `success` (a message that cannot prove a new step).
      set: (value: unknown) => keep(key, value),
    });
  }
  return state;
}
