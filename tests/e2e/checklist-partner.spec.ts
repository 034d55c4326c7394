import { REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Companion, readRegister } from './pages/companion';

const BRIGHTLANE = '7023456789012345678';

test('add a partner: Partners → Add Partners → BC ID → accounts and permission → Confirm → recorded', async ({
  page,
  serviceWorker,
}, testInfo) => {
  await page.goto(REPLICA_URLS.bcMembers);
  const companion = await new Companion(page).ready();
  await companion.start('Add an agency as a partner');
  await companion.expectActive('open-partners');
  await companion.expectSpotlightOn(
    page
      .getByRole('navigation', { name: 'Business Center' })
      .getByRole('link', { name: 'Partners' }),
  );
  await companion.shoot(testInfo, '1-open-partners');
  await page
    .getByRole('navigation', { name: 'Business Center' })
    .getByRole('link', { name: 'Partners' })
    .click();
  await companion.expectActive('open-add');
  await page.getByRole('button', { name: 'Add Partners' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Partners' });
  await companion.expectActive('enter-bc-id');
  await dialog.getByLabel("Partner's BC ID").fill('7066666666666666666');
  await dialog.getByRole('button', { name: 'Next' }).click();
  await companion.expectActive('choose-accounts');
  await dialog.getByRole('checkbox', { name: /Northwind US/ }).check();
  await companion.expectActive('confirm');
  await expect(companion.panel.getByRole('list', { name: 'Advice' })).toContainText(
    'access, not ownership',
  );
  await companion.shoot(testInfo, '2-confirm');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await companion.answerRecord();
  await companion.expectDone('confirm', 'record');
  const register = await readRegister(serviceWorker);
  expect(register.parties.map((p) => [p.kind, p.bcId, p.email])).toEqual([
    ['partnerBc', '7066666666666666666', null],
  ]);
  expect(register.grants.map((g) => [g.assetRole, g.status])).toEqual([['operator', 'invited']]);
  expect(register.events.map((e) => [e.type, e.checklist])).toEqual([['invited', 'add-partner']]);
});

test('lower a partner: remove, then share again with the lower permission; both halves tick off', async ({
  page,
  serviceWorker,
}, testInfo) => {
  await page.goto(REPLICA_URLS.bcPartners);
  const companion = await new Companion(page).ready();
  await companion.start('Lower a partner’s permission');
  await companion.expectActive('remove-click-remove');
  const row = page.getByRole('row').filter({ hasText: 'Brightlane Agency' });
  await row.getByRole('button', { name: 'Remove' }).click();
  await companion.expectActive('remove-confirm-remove');
  await page
    .getByRole('dialog', { name: 'Remove partner?' })
    .getByRole('button', { name: 'Confirm' })
    .click();
  await companion.expectDone('remove-confirm-remove', 'remove-row-gone');
  await companion.expectActive('share-open-add');
  await companion.shoot(testInfo, '1-removed-share-again');
  await page.getByRole('button', { name: 'Add Partners' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Partners' });
  await dialog.getByLabel("Partner's BC ID").fill(BRIGHTLANE);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('combobox', { name: 'Permission: Northwind US' }).selectOption('analyst');
  await dialog.getByRole('checkbox', { name: /Northwind US/ }).check();
  await companion.expectActive('share-confirm');
  expect(await axeViolations(companion.frame())).toEqual([]);
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await companion.answerRecord();
  await companion.expectDone('share-confirm', 'record');
  await companion.shoot(testInfo, '2-recorded');
  const register = await readRegister(serviceWorker);
  expect(register.parties.map((p) => [p.bcId, p.name])).toEqual([
    [BRIGHTLANE, 'Brightlane Agency'],
  ]);
  expect(register.grants.map((g) => [g.assetRole, g.status])).toEqual([['analyst', 'active']]);
  expect(register.events.map((e) => [e.type, e.checklist])).toEqual([['created', 'lower-partner']]);
});
