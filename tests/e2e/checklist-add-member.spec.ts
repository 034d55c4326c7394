import { BC_MEMBERS_URL } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Companion, readRegister } from './pages/companion';

test('add a member: every step ticks itself off from the page, then the register holds the invitation', async ({
  page,
  serviceWorker,
}, testInfo) => {
  await page.goto(BC_MEMBERS_URL);
  const companion = await new Companion(page).ready();
  await expect(companion.panel).toHaveAttribute('data-page-kind', 'bc-members');
  await companion.shoot(testInfo, '0-menu');
  await companion.start('Add an account manager as a member');

  await companion.expectDone('open-members');
  await companion.expectActive('open-invite');
  const invite = page.getByRole('button', { name: 'Invite Member' });
  await companion.expectSpotlightOn(invite);
  await companion.expectNotCovering(invite);
  await expect(companion.panel.getByRole('status')).toContainText(
    'Step 2 of 8: Click Invite Member',
  );
  expect(await axeViolations(companion.frame())).toEqual([]);
  await companion.shoot(testInfo, '1-invite-highlighted');
  await invite.click();

  const dialog = page.getByRole('dialog', { name: 'Invite Member' });
  await companion.expectActive('enter-email');
  await dialog.getByLabel('Email address(es)').fill('sam.ortiz@gmial.com');
  await companion.expectActive('choose-role');
  // The typo is caught, and so is the member already on the page.
  await expect(companion.panel.getByRole('list', { name: 'Advice' })).toContainText(
    'Did you mean @gmail.com?',
  );
  await expect(companion.panel.getByRole('list', { name: 'Advice' })).toContainText(
    'already a member',
  );
  await companion.shoot(testInfo, '2-email-advice');
  await dialog.getByLabel('Email address(es)').fill('morgan.new@northwind-outdoor.com');
  await dialog.getByLabel('Admin').check();
  await companion.expectActive('choose-accounts');
  await expect(companion.panel.getByRole('list', { name: 'Advice' })).toContainText(
    'Give it only to someone who must manage',
  );
  await dialog.getByLabel('Standard').check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('checkbox', { name: /Northwind US/ }).check();
  await dialog.getByRole('combobox', { name: 'Permission: Northwind EU' }).selectOption('analyst');
  await dialog.getByRole('checkbox', { name: /Northwind EU/ }).check();
  await companion.expectActive('confirm');
  const confirm = dialog.getByRole('button', { name: 'Confirm' });
  await companion.expectSpotlightOn(confirm);
  await companion.expectNotCovering(confirm);
  await companion.shoot(testInfo, '3-confirm-highlighted');
  await confirm.click();

  await companion.answerRecord();
  await companion.expectDone('confirm', 'record');
  await expect(companion.step('accepted')).toHaveAttribute('data-state', 'active');
  await expect(companion.panel.getByTestId('checklist-finished')).toContainText(
    'recorded in your register',
  );
  // The person just invited is on the page and in the register now: no "already a member".
  await expect(companion.panel).not.toContainText('already a member');
  await expect(companion.panel).not.toContainText('already in your register');
  await companion.shoot(testInfo, '4-recorded');

  const register = await readRegister(serviceWorker);
  const grants = register.grants.map((g) => [g.bcRole, g.assetRole, g.status, g.source]);
  expect(grants.sort()).toEqual(
    [
      ['standard', null, 'invited', 'checklist'],
      [null, 'analyst', 'invited', 'checklist'],
      [null, 'operator', 'invited', 'checklist'],
    ].sort(),
  );
  expect(register.parties.map((p) => p.email)).toEqual(['morgan.new@northwind-outdoor.com']);
  expect(register.accounts.map((a) => [a.kind, a.externalId, a.name]).sort()).toEqual([
    ['adAccount', '7100000000000000001', 'Northwind US'],
    ['adAccount', '7100000000000000002', 'Northwind EU'],
    ['businessCenter', '7012345678901234567', 'Northwind Outdoor'],
  ]);
  expect(register.events.map((e) => [e.type, e.source, e.checklist])).toEqual([
    ['invited', 'checklist', 'add-member'],
    ['invited', 'checklist', 'add-member'],
    ['invited', 'checklist', 'add-member'],
  ]);
  expect(await axeViolations(companion.frame())).toEqual([]);
});
