/**
 * Finding the controls a checklist points at (buttons, links, fields inside TikTok's dialogs) and
 * reading what the user chose in the dialogs the flow detectors (flow.ts) do not cover: the Add
 * Partners dialog, the ad-account picker, the Assign member dialog and whom a removal is about.
 * Controls are found by visible text in every language LABELS knows and by role, never by class.
 */
import type { Root } from './dom';
import { fold, isHiddenDeep, isLabel, queryAllDeep, visibleText } from './dom';
import { oneTimeCodeInput, openDialogs, removalConfirmation } from './flow';
import { titleNames } from './labels/match';
import { LABELS } from './selectors';
import { TIKTOK_ID, TIKTOK_ID_DIGITS } from './ids';

/** "Name (ID)", as TikTok's pickers write an account. */
const NAME_AND_ID = new RegExp(`^(.*?)\\s*\\((${TIKTOK_ID_DIGITS})\\)\\s*$`);

/** The permissions an ad account can be shared with. */
export type AssetRoleName = 'admin' | 'operator' | 'analyst';

const CLICKABLE = ['button', '[role=button]', 'a[href]', '[role=tab]', '[role=menuitem]'];

/** A visible button or link whose text is one of `labels` (exactly, once folded), or null. */
export function findControl(
  root: Root,
  labels: readonly string[],
  { within }: { within?: Element } = {},
): HTMLElement | null {
  const scope = within ?? root;
  for (const el of queryAllDeep(scope, CLICKABLE, { shadows: false })) {
    if (isHiddenDeep(el)) continue;
    if (el.closest('tt-access-companion')) continue; // never our own overlay
    const text = visibleText(el) || el.getAttribute('aria-label') || '';
    if (isLabel(text, labels)) return el as HTMLElement;
  }
  return null;
}

/** The side-menu link to a section (Members, Partners), found in the page's navigation. */
export function findNavLink(root: Root, labels: readonly string[]): HTMLElement | null {
  const nav = queryAllDeep(root, ['nav', '[role=navigation]'], { shadows: false });
  for (const n of nav) {
    const link = findControl(root, labels, { within: n });
    if (link) return link;
  }
  return null;
}

/** The open dialog whose title names one of `labels` ("¿Eliminar miembro?", "メンバーを削除"), or null. */
export function dialogTitled(root: Root, labels: readonly string[]): Element | null {
  return openDialogs(root).find((d) => titleNames(d.title, labels))?.el ?? null;
}

/** The first visible button in any open dialog whose text is one of `labels`. */
export function findDialogButton(root: Root, labels: readonly string[]): HTMLElement | null {
  for (const d of openDialogs(root)) {
    const found = findControl(root, labels, { within: d.el });
    if (found) return found;
  }
  return null;
}

function labelOf(field: Element): string {
  const id = field.getAttribute('id');
  const label =
    (id ? field.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`) : null) ??
    field.closest('label');
  return label ? visibleText(label) : (field.getAttribute('aria-label') ?? '');
}

/** The field inside `scope` labelled with one of `labels`. */
export function fieldLabelled(
  scope: Element,
  labels: readonly string[],
): HTMLInputElement | HTMLTextAreaElement | null {
  const fields = Array.from(scope.querySelectorAll('input, textarea')) as Array<
    HTMLInputElement | HTMLTextAreaElement
  >;
  return fields.find((f) => isLabel(labelOf(f), labels)) ?? null;
}

/** The step the Add Partners dialog is at, or null when it is not open. */
export function addPartnerStep(root: Root): 'details' | 'assets' | null {
  const dialog = dialogTitled(root, LABELS.addPartnersTitle);
  if (!dialog) return null;
  return fieldLabelled(dialog, LABELS.partnerBcIdField) ? 'details' : 'assets';
}

/** The partner BC ID typed into the Add Partners dialog, when it is a well-formed ID. */
export function enteredPartnerBcId(root: Root): string | null {
  const dialog = dialogTitled(root, LABELS.addPartnersTitle);
  const field = dialog ? fieldLabelled(dialog, LABELS.partnerBcIdField) : null;
  const value = field?.value.trim() ?? '';
  return TIKTOK_ID.test(value) ? value : null;
}

/** The asset role a visible label names, or null. */
export function assetRoleOf(text: string): AssetRoleName | null {
  for (const role of ['admin', 'operator', 'analyst'] as const)
    if (isLabel(text, LABELS.assetRole[role])) return role;
  return null;
}

function chosenOptionText(select: HTMLSelectElement): string {
  return select.options[select.selectedIndex]?.textContent?.trim() ?? '';
}

/** An ad account ticked in a picker, with the permission chosen next to it. */
export interface ChosenAccount {
  id: string;
  name: string;
  role: AssetRoleName;
}

/** The ad accounts ticked in an open dialog's account picker, with their permissions. */
export function chosenAccounts(root: Root): ChosenAccount[] {
  const found: ChosenAccount[] = [];
  for (const d of openDialogs(root)) {
    for (const box of Array.from(d.el.querySelectorAll('input[type=checkbox]'))) {
      if (!(box as HTMLInputElement).checked) continue;
      const text = labelOf(box);
      // "Northwind US (7100000000000000001)": the ad account's name and ID.
      const match = NAME_AND_ID.exec(text);
      if (!match) continue;
      const line = box.closest('label')?.parentElement ?? box.parentElement;
      const select = line?.querySelector('select') as HTMLSelectElement | null;
      const role = select ? assetRoleOf(chosenOptionText(select)) : null;
      if (role) found.push({ id: match[2]!, name: match[1]!.trim(), role });
    }
  }
  return found;
}

/** Whom and with which permission the Assign member dialog (an ad account's Members tab) names. */
export function assignChoice(root: Root): { who: string; role: AssetRoleName } | null {
  const dialog = dialogTitled(root, LABELS.assignTitle);
  if (!dialog) return null;
  const selects = Array.from(dialog.querySelectorAll('select'));
  let who = '';
  let role: AssetRoleName | null = null;
  for (const s of selects) {
    const text = chosenOptionText(s);
    const asRole = assetRoleOf(text);
    if (asRole && role === null) role = asRole;
    else if (!who) who = text;
  }
  return who && role ? { who, role } : null;
}

/** The open removal confirmation ("Remove member?", "Delete this member?"), or null. */
export function removalDialog(root: Root): Element | null {
  const dialogs = openDialogs(root);
  if (dialogs.length === 0) return null;
  return (
    removalConfirmation(dialogs)?.el ??
    dialogs.find((d) => {
      const title = fold(d.title).replace(/^[¿¡]/, '');
      return LABELS.removeVerb.some((l) => title.startsWith(fold(l)));
    })?.el ??
    null
  );
}

/**
 * The name or email a removal confirmation ("Remove member?") is about, as its first line shows
 * it; `dialog`: the confirmation when already found.
 */
export function removalSubject(
  root: Root,
  dialog: Element | null = removalDialog(root),
): string | null {
  if (!dialog) return null;
  const first = Array.from(dialog.querySelectorAll('p')).find((p) => visibleText(p));
  return first ? visibleText(first) : null;
}

/** The confirmation code field of a removal, when TikTok asks for one. */
export function confirmationCodeField(root: Root): HTMLInputElement | null {
  for (const d of openDialogs(root)) {
    const field = fieldLabelled(
      d.el,
      LABELS.confirmationCode.map((l) => l),
    );
    if (field instanceof HTMLInputElement || field?.tagName === 'INPUT')
      return field as HTMLInputElement;
    const byLabel = Array.from(d.el.querySelectorAll('input')).find((i) =>
      LABELS.confirmationCode.some((l) => fold(labelOf(i)).includes(fold(l))),
    );
    if (byLabel) return byLabel;
    // Labelled in words no list knows ("Security verification"): a field shaped for a code.
    const shaped = oneTimeCodeInput(d.el);
    if (shaped) return shaped;
  }
  return null;
}

const MENU_TRIGGER = [
  'button[aria-haspopup]:not([aria-haspopup=false])',
  '[role=button][aria-haspopup]:not([aria-haspopup=false])',
];

/**
 * The control that opens a table row's menu of actions (TikTok's "⋯"), known by its ARIA
 * (`aria-haspopup`), not its glyph: `who`'s row, or with nobody given the first row that has one.
 */
export function rowMenuTrigger(
  root: Root,
  who?: { name?: string; email?: string },
): HTMLElement | null {
  const rows = who
    ? [rowOf(root, who)].filter((r): r is Element => r !== null)
    : queryAllDeep(root, ['tr', '[role=row]'], { shadows: false });
  for (const row of rows) {
    if (isHiddenDeep(row) || row.closest('tt-access-companion')) continue;
    const trigger = Array.from(row.querySelectorAll(MENU_TRIGGER.join(','))).find(
      (b) => !isHiddenDeep(b),
    );
    if (trigger) return trigger as HTMLElement;
  }
  return null;
}

/** The link (a person's email) in the first table row whose status is one of `statuses`. */
export function findRowLink(root: Root, statuses: readonly string[]): HTMLElement | null {
  for (const row of queryAllDeep(root, ['tr', '[role=row]'], { shadows: false })) {
    if (isHiddenDeep(row) || row.closest('tt-access-companion')) continue;
    const texts = Array.from(row.querySelectorAll('td, [role=cell], span')).map((c) =>
      visibleText(c),
    );
    if (!texts.some((t) => isLabel(t, statuses))) continue;
    const link = row.querySelector('a[href]');
    if (link && !isHiddenDeep(link)) return link as HTMLElement;
  }
  return null;
}

/** What the Edit permission dialog (an ad account's Members tab) shows and has chosen. */
export interface PermissionEdit {
  /** The member's name as the dialog shows it. */
  who: string;
  email?: string;
  /** The permission chosen in its dropdown (null while the form is still loading). */
  role: AssetRoleName | null;
}

const EMAIL_TEXT = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/** The open Edit permission dialog: whom it is about and the permission chosen, or null. */
export function permissionEdit(root: Root): PermissionEdit | null {
  const dialog = dialogTitled(root, LABELS.editPermissionTitle);
  if (!dialog) return null;
  const texts = Array.from(dialog.querySelectorAll('p'))
    .map((p) => visibleText(p))
    .filter(Boolean);
  const email = texts.find((t) => EMAIL_TEXT.test(t));
  const who = texts.find((t) => t !== email && !EMAIL_TEXT.test(t)) ?? email ?? '';
  const select = dialog.querySelector('select');
  const role = select ? assetRoleOf(chosenOptionText(select)) : null;
  if (!who && !email) return null;
  return { who, ...(email ? { email } : {}), role };
}

/** The permission dropdown of the open Edit permission dialog. */
export function permissionEditField(root: Root): HTMLSelectElement | null {
  return dialogTitled(root, LABELS.editPermissionTitle)?.querySelector('select') ?? null;
}

/** The table row that shows `who` (by email, else by name), outside our overlay. */
export function rowOf(root: Root, who: { name?: string; email?: string }): Element | null {
  const wanted = [who.email, who.name].filter((x): x is string => !!x).map(fold);
  if (wanted.length === 0) return null;
  for (const want of wanted) {
    for (const row of queryAllDeep(root, ['tr', '[role=row]'], { shadows: false })) {
      if (isHiddenDeep(row) || row.closest('tt-access-companion')) continue;
      const cells = Array.from(row.querySelectorAll('td, [role=cell], a, span'));
      if (cells.some((c) => fold(visibleText(c)) === want)) return row;
    }
  }
  return null;
}

/** A control labelled with one of `labels` in the row that shows `who`, or null. */
export function findRowControl(
  root: Root,
  who: { name?: string; email?: string },
  labels: readonly string[],
): HTMLElement | null {
  const row = rowOf(root, who);
  return row ? findControl(root, labels, { within: row }) : null;
}

/** The link that opens `who`'s details (their email in the Members table), or null. */
export function findPersonLink(
  root: Root,
  who: { name?: string; email?: string },
): HTMLElement | null {
  const row = rowOf(root, who);
  const link = row?.querySelector('a[href]');
  return link && !isHiddenDeep(link) ? (link as HTMLElement) : null;
}
