import { BC_MEMBERS_URL, REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Companion, readRegister } from './pages/companion';

test('revoke a member: Remove → Confirm → confirmation code → row gone → recorded; a reload mid-flow resumes', async ({
  page,
  serviceWorker,
}, testInfo) => {
  await page.goto(BC_MEMBERS_URL);
  const companion = await new Companion(page).ready();
  await companion.start('Revoke a member');
  await companion.expectActive('find-remove');
  await page.getByText('Records in Total').waitFor();

  // Reload in the middle: the run carries on where it was.
  await page.reload();
  await companion.ready();
  await companion.expectDone('open-members');
  await companion.expectActive('find-remove');

  const row = page.getByRole('row').filter({ hasText: 'dana@brightlane-agency.com' });
  await row.getByRole('button', { name: 'View' }).click();
  const drawer = page.getByRole('dialog', { name: 'Member details' });
  await companion.expectSpotlightOn(drawer.getByRole('button', { name: 'Remove' }));
  await companion.shoot(testInfo, '1-remove-highlighted');
  await drawer.getByRole('button', { name: 'Remove' }).click();

  await companion.expectActive('confirm-remove');
  const confirm = page.getByRole('dialog', { name: 'Remove member?' }).getByRole('button', {
    name: 'Confirm',
  });
  await companion.expectSpotlightOn(confirm);
  await confirm.click();

  await companion.expectActive('enter-code');
  const code = page.getByRole('dialog', { name: 'Enter the confirmation code' });
  await companion.expectSpotlightOn(code.getByLabel('Confirmation code'));
  await companion.shoot(testInfo, '2-code-highlighted');
  expect(await axeViolations(companion.frame())).toEqual([]);
  await code.getByLabel('Confirmation code').fill('123456');
  await code.getByRole('button', { name: 'Confirm' }).click();

  // The row is gone: the frame asks before the register is written.
  await expect(companion.step('record').getByTestId('record-confirm')).toContainText(
    'Access removed:',
  );
  await companion.shoot(testInfo, '3-record-question');
  await companion.answerRecord();
  await companion.expectDone('enter-code', 'row-gone', 'record');
  await expect(companion.panel.getByTestId('checklist-finished')).toBeVisible();
  await companion.shoot(testInfo, '4-recorded');
  const register = await readRegister(serviceWorker);
  expect(register.grants.map((g) => [g.bcRole, g.status, g.source, !!g.revokedAt])).toEqual([
    ['standard', 'revoked', 'checklist', true],
  ]);
  expect(register.parties.map((p) => [p.email, p.name])).toEqual([
    ['dana@brightlane-agency.com', 'Dana Kim'],
  ]);
  expect(register.events.map((e) => [e.type, e.checklist])).toEqual([['created', 'revoke-member']]);

  // Closing the finished checklist clears it; nothing more is written.
  await companion.panel.getByRole('button', { name: 'Close checklist' }).click();
  await expect(companion.panel.getByTestId('checklist-menu')).toBeVisible();
  await page.reload();
  await companion.ready();
  await expect(companion.panel.getByTestId('checklist-menu')).toBeVisible();
});

test('revoke a partner warns that live ads pause; abandoning records nothing', async ({
  page,
  serviceWorker,
}) => {
  await page.goto(REPLICA_URLS.bcPartners);
  const companion = await new Companion(page).ready();
  await companion.start('Revoke a partner');
  await expect(companion.panel.getByRole('note')).toContainText('pauses the ads');
  // The run has reached the page agent (the frame shows its first open step) before the user acts.
  await expect(companion.panel.locator('li[aria-current="step"]')).toHaveCount(1);
  const row = page.getByRole('row').filter({ hasText: 'Cedar & Co Apparel' });
  await row.getByRole('button', { name: 'Remove' }).click();
  await companion.expectActive('confirm-remove');
  await companion.panel.getByRole('button', { name: 'Abandon checklist' }).click();
  await page
    .getByRole('dialog', { name: 'Remove partner?' })
    .getByRole('button', { name: 'Confirm' })
    .click();
  await expect(page.getByRole('alert')).toContainText('Partner removed');
  await expect(companion.panel.getByTestId('checklist-menu')).toBeVisible();
  expect((await readRegister(serviceWorker)).grants).toEqual([]);
});
