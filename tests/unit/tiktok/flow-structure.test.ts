/**
 * The removal detectors know TikTok's dialogs by structure where its words vary: a code step by
 * a field shaped for a one-time code (whatever the title), a removal confirmation by a question
 * about a removal verb with a button that confirms (Confirm or the verb), a row's actions by the
 * ARIA of their menu button. And they do not mistake the other flows' dialogs for them.
 */
import { describe, expect, it } from 'vitest';
import {
  confirmationCodeField,
  confirmationCodeStepShown,
  isRemovalTitle,
  oneTimeCodeInput,
  removeConfirmationShown,
  rowMenuTrigger,
} from '@/lib/tiktok';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html;
  return doc;
}

const dialog = (title: string, body: string) =>
  `<div role="dialog" aria-label="${title}">${body}</div>`;

describe('a code step, known by its field', () => {
  it.each([
    ['autocomplete=one-time-code', '<input autocomplete="one-time-code">'],
    ['a numeric field of 6', '<input inputmode="numeric" maxlength="6">'],
    ['a tel field of 4', '<input type="tel" maxlength="4">'],
    ['a digits pattern', '<input pattern="[0-9]{6}">'],
    ['a \\d pattern', '<input pattern="\\d{4,8}">'],
    ['six one-digit boxes', '<input maxlength="1">'.repeat(6)],
  ])('%s, under any title', (_what, field) => {
    const doc = page(dialog('Verify your identity', `<p>We sent you something.</p>${field}`));
    expect(oneTimeCodeInput(doc.querySelector('[role=dialog]')!)).not.toBeNull();
    expect(confirmationCodeStepShown(doc)).toBe(true);
    expect(confirmationCodeField(doc)).toBe(doc.querySelector('input'));
    expect(removeConfirmationShown(doc)).toBe(false);
  });

  it.each([
    ['a partner BC ID (numeric, any length)', 'Add Partners', '<input inputmode="numeric">'],
    ['an email field', 'Invite Member', '<textarea></textarea><input type="email">'],
    ['a search box', 'Assign new member', '<input type="search" maxlength="40">'],
    ['two one-character boxes', 'Settings', '<input maxlength="1"><input maxlength="1">'],
    ['a hidden code field', 'Settings', '<input type="hidden" autocomplete="one-time-code">'],
  ])('not %s', (_what, title, field) => {
    const doc = page(dialog(title, field));
    expect(confirmationCodeStepShown(doc)).toBe(false);
    expect(confirmationCodeField(doc)).toBeNull();
  });

  it('a code step named in words still counts without the shape', () => {
    const doc = page(
      dialog(
        'Enter the confirmation code',
        '<label for="c">Confirmation code</label><input id="c">',
      ),
    );
    expect(confirmationCodeStepShown(doc)).toBe(true);
  });
});

describe('a removal confirmation', () => {
  it.each([
    ['Remove member?', 'Confirm'],
    ['Remove this member?', 'Remove'],
    ['Delete this member?', 'Delete'],
    ['¿Quitar a este miembro?', 'Quitar'],
    ['Are you sure you want to delete this member?', 'Delete'],
    ['Are you sure you want to remove Dana?', 'Confirm'],
  ])('"%s" with a %s button', (title, button) => {
    const doc = page(
      dialog(title, `<p>Dana Kim</p><button>Cancel</button><button>${button}</button>`),
    );
    expect(removeConfirmationShown(doc)).toBe(true);
  });

  it.each([
    ['Member details', 'Remove'], // a drawer with a Remove button is not the confirmation
    ['Removed members', 'Close'], // a verb in a title that asks nothing, no button that confirms
    ['Delete this member?', 'Close'], // nothing confirms it
    ['Are you sure?', 'Confirm'], // no removal named
  ])('not "%s" with a %s button', (title, button) => {
    const doc = page(dialog(title, `<button>${button}</button>`));
    expect(removeConfirmationShown(doc)).toBe(false);
  });

  it('a title names a removal by its opening verb, or as a question holding the verb as a word', () => {
    expect(isRemovalTitle('Delete member?')).toBe(true);
    expect(isRemovalTitle('¿Eliminar socio?')).toBe(true);
    expect(isRemovalTitle('Do you want to remove them?')).toBe(true);
    expect(isRemovalTitle('Are you sure?')).toBe(false);
    expect(isRemovalTitle('Member details')).toBe(false);
    // A word that only contains a verb is not it.
    expect(isRemovalTitle('Any removals pending?')).toBe(false);
  });
});

describe('a row’s menu of actions', () => {
  const table = `<table><tbody>
      <tr><td>Riley Chen</td><td>riley@example.com</td><td><button aria-haspopup="menu" aria-label="More">⋯</button></td></tr>
      <tr><td>Dana Kim</td><td>dana@example.com</td><td><button aria-haspopup="true">⋯</button></td></tr>
      <tr><td>Lee Wong</td><td>lee@example.com</td><td><button aria-haspopup="false">i</button></td></tr>
    </tbody></table>`;

  it('is its aria-haspopup button: the person’s row, else the first row', () => {
    const doc = page(table);
    const rows = doc.querySelectorAll('tr');
    expect(rowMenuTrigger(doc, { email: 'dana@example.com' })).toBe(
      rows[1]!.querySelector('button'),
    );
    expect(rowMenuTrigger(doc)).toBe(rows[0]!.querySelector('button'));
    expect(rowMenuTrigger(doc, { name: 'Lee Wong' })).toBeNull(); // a popup-less button is no menu
    expect(rowMenuTrigger(doc, { email: 'nobody@example.com' })).toBeNull();
  });
});
