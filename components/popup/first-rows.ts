/**
 * The popup's first screen written as plain DOM, before React and Dexie have loaded: the same
 * markup `PopupApp` renders first (its rows passed to it as `initialRecent`), so when React
 * mounts and replaces it nothing moves. Loading and starting React and Dexie is most of the
 * popup's time to its first rows; this module needs neither. The rows are the register's own,
 * read from IndexedDB by the same query (`recentViewsFromIdb`): no copy of the register is kept
 * anywhere else. tests/unit/popup/first-rows.test.tsx holds the two renderings to the same HTML.
 */
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import type { GrantView } from '@/lib/register';
// The first screen paints before React and the register's database code load
// (docs/register-performance.md): the words come by their path, not through the index.
// eslint-disable-next-line no-restricted-imports
import { accountLabel, grantBcUrl, partyLabel, statusLabel } from '@/lib/register/labels';
import { describeRoles } from '../shared/format';
import { openRegister } from './open-register';

/** Marks the first screen's quick add button once pressed (React opens the form on mounting). */
export const ADD_PRESSED = 'data-add-pressed';

/** How many rows the popup lists before pointing to the full register. */
export const LIST_LIMIT = 30;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...children); // strings become text nodes: nothing read from the register is HTML
  return el;
}

/** One row of the latest changes, as `PopupRow` renders it without a due reason. */
export function firstRow(view: GrantView): HTMLLIElement {
  const bcUrl = grantBcUrl(view);
  const open = element(
    'button',
    { type: 'button', class: 'link-button row-main' },
    element('span', { class: 'row-title' }, partyLabel(view)),
    element(
      'span',
      { class: 'muted small' },
      `${accountLabel(view)} · ${describeRoles(view.grant)}`,
    ),
  );
  open.addEventListener('click', () => openRegister(view.grant.id));
  const badges = element(
    'span',
    { class: 'row-badges' },
    element(
      'span',
      { class: 'badge', 'data-status': view.grant.status },
      statusLabel(view.grant.status),
    ),
  );
  if (bcUrl)
    badges.append(
      element(
        'a',
        {
          class: 'small',
          href: bcUrl,
          target: '_blank',
          rel: 'noreferrer',
          'aria-label': t('open_inBusinessCenterFor', partyLabel(view)),
        },
        t('open_bcShort'),
      ),
    );
  return element('li', { class: 'popup-row', 'data-grant-id': view.grant.id }, open, badges);
}

/**
 * The popup's first screen with `recent` listed: what `PopupApp` shows before the tab, what is
 * due and the rest are known. The ids are its own (React's `useId` names them when it mounts).
 */
export function firstScreen(recent: readonly GrantView[]): HTMLElement {
  const id = 'first-rows';
  const title = (suffix: string, text: string) =>
    element('h2', { id: `${id}-${suffix}`, class: 'section-title' }, text);
  const list =
    recent.length === 0
      ? element('p', { class: 'muted', 'data-testid': 'popup-empty' }, t('popup_empty'))
      : element(
          'ul',
          { class: 'popup-list', 'data-testid': 'popup-list' },
          ...recent.slice(0, LIST_LIMIT).map(firstRow),
        );
  // Quick add needs React: a press before it mounts is kept, and the form opens when it does.
  const addButton = element('button', { type: 'button' }, t('action_add'));
  addButton.addEventListener('click', () => addButton.setAttribute(ADD_PRESSED, ''));
  const openButton = element(
    'button',
    { type: 'button', class: 'primary' },
    t('popup_openRegister'),
  );
  openButton.addEventListener('click', () => openRegister());
  const optionsButton = element('button', { type: 'button' }, t('popup_options'));
  optionsButton.addEventListener('click', () => void browser.runtime.openOptionsPage());
  return element(
    'main',
    { class: 'popup' },
    element(
      'header',
      { class: 'popup-header' },
      element(
        'div',
        { class: 'brand' },
        element('img', { alt: '', src: browser.runtime.getURL('/icon/128.png') }),
        element('h1', { class: 'brand-name' }, t('extension_name')),
      ),
    ),
    element(
      'p',
      { class: 'card tab-context', 'data-testid': 'tab-context' },
      t('popup_tabLooking'),
    ),
    element(
      'section',
      { 'aria-labelledby': `${id}-due` },
      title('due', t('popup_dueTitle')),
      element('p', { class: 'muted' }, t('register_opening')),
    ),
    element(
      'section',
      { 'aria-labelledby': `${id}-list` },
      title('list', t('popup_recent')),
      element('label', { for: `${id}-q`, class: 'visually-hidden' }, t('search_label')),
      element('input', {
        id: `${id}-q`,
        class: 'popup-search',
        placeholder: t('search_placeholder'),
        type: 'search',
        value: '',
      }),
      list,
    ),
    element(
      'section',
      { 'aria-labelledby': `${id}-add` },
      title('add', t('popup_quickAdd')),
      addButton,
    ),
    element('nav', { class: 'actions', 'aria-label': t('popup_more') }, openButton, optionsButton),
  );
}
