import { BC_MEMBERS_URL, withVariant } from '../fixtures/tiktok/replicas.mjs';
import { expect, test } from './fixtures';
import { Companion, readRegister } from './pages/companion';

// The revoke checklist on Members pages it was not written against: each row's actions behind
// a ⋯ menu, a confirmation whose button says the verb, a code step in other words, no success
// message. The steps still tick in turn, the spotlight finds each control, and the revoke is
// recorded once the row has left the table.

test('revoke through a row’s ⋯ menu, "Remove this member?" and "Security verification": recorded', async ({
  page,
  serviceWorker,
}, testInfo) => {
  await page.goto(withVariant(BC_MEMBERS_URL, 'row-menu', 'code-security', 'quiet'));
  const companion = await new Companion(page).ready();
  await companion.start('Revoke a member');
  await page.getByText('Records in Total').waitFor();
  await companion.expectActive('find-remove');
  // No Remove on show: the spotlight is on a row's menu button.
  await companion.expectSpotlightOn(page.getByRole('button', { name: 'More actions' }).first());

  const row = page.getByRole('row').filter({ hasText: 'dana@brightlane-agency.com' });
  await row.getByRole('button', { name: 'More actions' }).click();
  const remove = page.getByRole('menu').getByRole('menuitem', { name: 'Remove' });
  await companion.expectSpotlightOn(remove);
  await companion.shoot(testInfo, '1-menu-item-highlighted');
  await remove.click();

  await companion.expectActive('confirm-remove');
  const confirm = page
    .getByRole('dialog', { name: 'Remove this member?' })
    .getByRole('button', { name: 'Remove' });
  await companion.expectSpotlightOn(confirm);
  await confirm.click();

  await companion.expectActive('enter-code');
  const code = page.getByRole('dialog', { name: 'Security verification' });
  await companion.expectSpotlightOn(code.getByLabel('Code'));
  await code.getByLabel('Code').fill('123456');
  await code.getByRole('button', { name: 'Verify' }).click();

  await expect(row).toHaveCount(0);
  await companion.answerRecord();
  await companion.expectDone('enter-code', 'row-gone', 'record');
  await expect(companion.panel.getByTestId('checklist-finished')).toBeVisible();
  await companion.shoot(testInfo, '2-recorded');
  const register = await readRegister(serviceWorker);
  expect(register.grants.map((g) => [g.bcRole, g.status, g.source, !!g.revokedAt])).toEqual([
    ['standard', 'revoked', 'checklist', true],
  ]);
  expect(register.parties.map((p) => [p.email, p.name])).toEqual([
    ['dana@brightlane-agency.com', 'Dana Kim'],
  ]);
});

test('a checklist started at "Verify your identity" (Delete in a drawer before it) finishes on the row leaving', async ({
  page,
  serviceWorker,
}) => {
  await page.goto(
    withVariant(BC_MEMBERS_URL, 'row-menu', 'delete', 'confirm-drawer', 'code-verify', 'quiet'),
  );
  await page.getByText('Records in Total').waitFor();
  // The user folds the companion away (it offers its checklists at once, beside the table).
  const companion = await new Companion(page).ready();
  await companion.panel.getByRole('button', { name: 'Collapse' }).click();
  const row = page.getByRole('row').filter({ hasText: 'dana@brightlane-agency.com' });
  await row.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this member?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  const verify = page.getByRole('dialog', { name: 'Verify your identity' });
  await expect(verify).toBeVisible();

  // Only now does the user open the guide: the page proves the steps already behind them.
  await companion.launcher.click();
  await companion.start('Revoke a member');
  await companion.expectDone('open-members', 'find-remove', 'confirm-remove');
  await companion.expectActive('enter-code');
  await companion.expectSpotlightOn(verify.getByLabel('Digit 1'));
  for (const [i, digit] of [...'246810'].entries())
    await verify.getByLabel(`Digit ${i + 1}`).fill(digit);
  await verify.getByRole('button', { name: 'Submit' }).click();

  await expect(row).toHaveCount(0);
  await companion.answerRecord();
  await companion.expectDone('enter-code', 'row-gone', 'record');
  const register = await readRegister(serviceWorker);
  expect(register.grants.map((g) => [g.status, !!g.revokedAt])).toEqual([['revoked', true]]);
  expect(register.parties.map((p) => p.email)).toEqual(['dana@brightlane-agency.com']);
});

test('acting on the page a while without the step being seen offers "I did this", control on show or not', async ({
  page,
}) => {
  await page.goto(withVariant(BC_MEMBERS_URL, 'row-menu'));
  const companion = await new Companion(page).ready();
  await companion.start('Revoke a member');
  await page.getByText('Records in Total').waitFor();
  await companion.expectActive('find-remove');
  // The user looks around: a row's menu, someone's details drawer, closes it. Nothing removed.
  const row = page.getByRole('row').filter({ hasText: 'priya@northwind-outdoor.com' });
  await row.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'View details' }).click();
  await page
    .getByRole('dialog', { name: 'Member details' })
    .getByRole('button', { name: 'Close' })
    .click();
  // A row's menu button is still on show, yet after a while the step offers the manual way on.
  await expect(page.getByRole('button', { name: 'More actions' }).first()).toBeVisible();
  await companion.expectActive('find-remove', 'manual');
  // The control is there: the panel says the step went unseen, not that it can't find it.
  const note = companion.step('find-remove').getByTestId('unrecognised');
  await expect(note).toHaveAttribute('data-reason', 'unproven');
  await expect(note).not.toContainText('can’t find');
  await companion.step('find-remove').getByRole('button', { name: 'I did this' }).click();
  await companion.expectActive('confirm-remove');
});
