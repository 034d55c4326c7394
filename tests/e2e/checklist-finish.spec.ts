import type { Page, Worker } from '@playwright/test';
import { BC_MEMBERS_URL, REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Companion, readRegister } from './pages/companion';
import { OptionsPage } from './pages/extension-pages';
import type { SeedRow } from './pages/seed';
import { seedGrants } from './pages/seed';

const NORTHWIND = '7012345678901234567';
const NORTHWIND_US = {
  kind: 'adAccount' as const,
  externalId: '7100000000000000001',
  name: 'Northwind US',
  ownerBcId: NORTHWIND,
};
const NORTHWIND_BC = {
  kind: 'businessCenter' as const,
  externalId: NORTHWIND,
  name: 'Northwind Outdoor',
  ownerBcId: null,
};
const person = (name: string, email: string) => ({
  kind: 'person' as const,
  name,
  email,
  bcId: null,
});
const DANA_ON_US: SeedRow = {
  account: NORTHWIND_US,
  party: person('Dana Kim', 'dana@brightlane-agency.com'),
  assetRole: 'operator',
  status: 'active',
};

/** Open an extension page so the worker opens the register, then seed it. */
async function seed(
  page: Page,
  worker: Worker,
  extensionId: string,
  rows: SeedRow[],
): Promise<string[]> {
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  await expect(options.backgroundStatus).toContainText('0');
  return seedGrants(worker, rows);
}

test('lower a member from Operator to Analyst by editing the permission; each step ticks itself off', async ({
  page,
  serviceWorker,
  extensionId,
}, testInfo) => {
  const [grantId] = await seed(page, serviceWorker, extensionId, [DANA_ON_US]);
  await page.goto(REPLICA_URLS.bcAssetMembers);
  const companion = await new Companion(page).ready();
  await companion.start('Lower a member’s permission');
  await companion.expectDone('open-asset');
  await companion.expectActive('open-edit');
  await page.getByText('Records in Total').waitFor();
  const danaRow = page.getByRole('row', { name: /Dana Kim/ });
  await expect(danaRow).toContainText('Operator');
  await companion.expectSpotlightOn(page.getByRole('button', { name: 'Edit' }).first());
  await companion.shoot(testInfo, 'lower-1-edit');
  await danaRow.getByRole('button', { name: 'Edit' }).click();

  // The dialog's form arrives late; the step waits for it.
  const dialog = page.getByRole('dialog', { name: 'Edit permission' });
  await companion.expectActive('choose-lower');
  const permission = dialog.getByLabel('Permission');
  await companion.expectSpotlightOn(permission);
  await permission.selectOption('admin');
  const advice = companion.panel.getByRole('list', { name: 'Advice' });
  await expect(advice).toContainText('Admin is not lower than their current permission (Operator)');
  await companion.expectActive('choose-lower');
  await permission.selectOption('analyst');
  await companion.expectActive('save');
  await expect(advice).toHaveCount(0);
  const save = dialog.getByRole('button', { name: 'Save' });
  await companion.expectSpotlightOn(save);
  await companion.expectNotCovering(save);
  await companion.shoot(testInfo, 'lower-2-save');
  expect(await axeViolations(companion.frame())).toEqual([]);
  await save.click();

  await expect(page.getByRole('row', { name: /Dana Kim/ })).toContainText('Analyst');
  await companion.answerRecord();
  await companion.expectDone('open-asset', 'open-edit', 'choose-lower', 'save', 'record');
  await expect(companion.panel.getByTestId('checklist-finished')).toContainText(
    'recorded in your register',
  );
  await companion.shoot(testInfo, 'lower-3-recorded');

  const register = await readRegister(serviceWorker);
  expect(register.grants.map((g) => [g.id, g.assetRole, g.status])).toEqual([
    [grantId, 'analyst', 'active'],
  ]);
  expect(register.events.map((e) => [e.grantId, e.type, e.source, e.checklist])).toEqual([
    [grantId, 'roleChanged', 'checklist', 'lower-member'],
  ]);
  expect(register.accounts).toHaveLength(1);
  expect(register.parties).toHaveLength(1);
});

test('invitation accepted: after the add-member walkthrough the invitee turns Active, the step ticks off and the register follows', async ({
  page,
  serviceWorker,
}, testInfo) => {
  await page.goto(BC_MEMBERS_URL);
  const companion = await new Companion(page).ready();
  await companion.start('Add an account manager as a member');
  await page.getByRole('button', { name: 'Invite Member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite Member' });
  await dialog.getByLabel('Email address(es)').fill('morgan.new@northwind-outdoor.com');
  await dialog.getByLabel('Standard').check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('checkbox', { name: /Northwind US/ }).check();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await companion.answerRecord();
  await companion.expectDone('confirm', 'record');
  await companion.expectActive('accepted');
  const before = await readRegister(serviceWorker);
  expect(before.grants.map((g) => g.status)).toEqual(['invited', 'invited']);

  // The new member is on the table's second page, still Pending.
  await page.getByRole('button', { name: 'Page 2' }).click();
  const row = page.getByRole('row', { name: /morgan\.new@northwind-outdoor\.com/ });
  await expect(row).toContainText('Pending');
  await expect(companion.step('accepted')).toHaveAttribute('data-state', 'active');
  // They accept on their side (the replica's test hook); TikTok's table shows it.
  expect(
    await page.evaluate(() =>
      (
        window as unknown as { __replicaAcceptInvitation: (email: string) => boolean }
      ).__replicaAcceptInvitation('morgan.new@northwind-outdoor.com'),
    ),
  ).toBe(true);
  await expect(row).toContainText('Active');
  await companion.expectDone('accepted');
  await companion.shoot(testInfo, 'accepted');

  await expect
    .poll(async () => (await readRegister(serviceWorker)).grants.map((g) => g.status))
    .toEqual(['active', 'active']);
  const register = await readRegister(serviceWorker);
  for (const g of register.grants) expect(g.acceptedAt).toEqual(expect.any(String));
  expect(
    register.events
      .map((e) => [e.type, e.checklist])
      .sort((a, b) => String(a).localeCompare(String(b))),
  ).toEqual([
    ['accepted', 'add-member'],
    ['accepted', 'add-member'],
    ['invited', 'add-member'],
    ['invited', 'add-member'],
  ]);
  expect(await axeViolations(companion.frame())).toEqual([]);
});

test('troubleshoot: the email as TikTok shows it vs the register, the typo, Resend highlighted; pending vs active for the chosen person', async ({
  page,
  serviceWorker,
  extensionId,
}, testInfo) => {
  await seed(page, serviceWorker, extensionId, [
    {
      account: NORTHWIND_BC,
      party: person('Sam Ortiz', 'sam.ortiz@gmail.com'),
      bcRole: 'standard',
      status: 'invited',
    },
    {
      account: NORTHWIND_BC,
      party: person('Alex Moreno', 'alex@northwind-outdoor.com'),
      bcRole: 'standard',
      status: 'invited',
    },
  ]);
  await page.goto(BC_MEMBERS_URL);
  const companion = await new Companion(page).ready();
  await page.getByText('Records in Total').waitFor();
  await companion.start('Troubleshoot access');
  const card = companion.panel.getByTestId('troubleshoot-person');
  const who = card.getByLabel('Whom is this about?');
  // Pending on the page, and invited in the register.
  await expect(who.locator('optgroup[label="Pending on this page"] option')).toHaveText([
    'sam.ortiz@gmial.com',
    '🦊 Fox Media 🎯 (team@foxmedia.io)',
  ]);
  await expect(who.locator('optgroup[label="Invited, in your register"] option')).toHaveText([
    'Alex Moreno (alex@northwind-outdoor.com)',
    'Sam Ortiz (sam.ortiz@gmail.com)',
  ]);
  await who.selectOption({ label: 'sam.ortiz@gmial.com' });
  const diagnosis = card.getByTestId('troubleshoot-diagnosis');
  await expect(diagnosis.getByTestId('page-email')).toHaveText(
    'Email on TikTok’s page: sam.ortiz@gmial.com',
  );
  await expect(diagnosis.getByTestId('register-email')).toHaveText(
    'Email in your register: sam.ortiz@gmail.com',
  );
  await expect(diagnosis.getByTestId('email-match')).toHaveAttribute('data-differ', 'true');
  await expect(diagnosis).toContainText('Did you mean @gmail.com?');
  await expect(diagnosis).toContainText('look in spam');
  await expect(diagnosis).toContainText('signed in to the TikTok account with this email');
  await expect(diagnosis.getByTestId('page-status')).toHaveText('Status on this page: pending');
  expect(await axeViolations(companion.frame())).toEqual([]);
  await companion.shoot(testInfo, 'troubleshoot-1-email');

  // Resend: the chosen person's email link, then the Resend in their details.
  await companion.step('invitation-email').getByRole('button', { name: 'I did this' }).click();
  await companion.expectActive('invitation-resend');
  const link = page.getByRole('link', { name: 'sam.ortiz@gmial.com' });
  await companion.expectSpotlightOn(link);
  await link.click();
  const resend = page.getByRole('button', { name: 'Resend' });
  await companion.expectSpotlightOn(resend);
  await companion.shoot(testInfo, 'troubleshoot-2-resend');
  await resend.click();
  await companion.expectDone('invitation-resend');

  // Can't access: someone invited in the register whom the page shows Active.
  await who.selectOption({ label: 'Alex Moreno (alex@northwind-outdoor.com)' });
  await expect(diagnosis.getByTestId('page-status')).toHaveAttribute('data-status', 'active');
  await expect(diagnosis.getByTestId('page-status')).toHaveText('Status on this page: active');
  await expect(diagnosis.getByTestId('register-status')).toHaveText(
    'Status in your register: invited',
  );
  await expect(diagnosis.getByTestId('email-match')).toHaveAttribute('data-differ', 'false');
  await expect(diagnosis).toContainText('no ad account assigned');
  await companion.shoot(testInfo, 'troubleshoot-3-active');
  // Keyboard: the picker is reachable and changes with the arrow keys.
  await who.focus();
  await page.keyboard.press('ArrowUp'); // the page's last pending one: Fox Media, expired
  await expect(diagnosis.getByTestId('page-email')).toHaveText(
    'Email on TikTok’s page: team@foxmedia.io',
  );
  await expect(diagnosis.getByTestId('page-status')).toHaveText('Status on this page: expired');
  await expect(diagnosis).toContainText('Not in your register.');
  expect(await axeViolations(companion.frame())).toEqual([]);
});

test('a reminder’s hint starts the matching checklist with the person pre-selected, and leaves the address bar clean', async ({
  page,
  serviceWorker,
  extensionId,
}, testInfo) => {
  const [grantId] = await seed(page, serviceWorker, extensionId, [DANA_ON_US]);
  await page.goto(`${BC_MEMBERS_URL}#access-companion=lower&grant=${grantId}`);
  const companion = await new Companion(page).ready();
  await expect(companion.panel.getByTestId('checklist')).toHaveAttribute(
    'data-checklist',
    'lower-member',
  );
  await expect(companion.panel.getByTestId('hinted-for')).toHaveText(
    'Opened from a reminder about Dana Kim.',
  );
  await expect.poll(() => page.url()).toBe(BC_MEMBERS_URL);
  expect(await axeViolations(companion.frame())).toEqual([]);
  // TikTok's SPA still routes: Back/forward state is intact and links work.
  await companion.expectActive('open-asset');
  await page
    .getByRole('navigation', { name: 'Business Center' })
    .getByRole('link', { name: 'Ad accounts' })
    .click();
  await page.getByRole('link', { name: 'View', exact: true }).first().click();
  await page.getByText('Records in Total').waitFor();
  await companion.expectActive('open-edit');
  // Dana's own Edit, not the first row's.
  await companion.expectSpotlightOn(
    page.getByRole('row', { name: /Dana Kim/ }).getByRole('button', { name: 'Edit' }),
  );
  await companion.shoot(testInfo, 'hint-lower');
  await page.goBack();
  await expect(page).toHaveURL(/\/manage\/accounts\/adv\?/);
  await page.goBack();
  await expect(page).toHaveURL(BC_MEMBERS_URL);
  await expect(page.getByRole('heading', { name: 'Members', level: 1 })).toBeVisible();
  // Reloading does not start it again (the hint is gone); progress resumes instead.
  await page.reload();
  await companion.ready();
  await expect(companion.panel.getByTestId('checklist')).toHaveAttribute(
    'data-checklist',
    'lower-member',
  );
  await expect(companion.panel.getByTestId('hinted-for')).toHaveCount(0);
});

test('a revoke hint for a partner starts revoke-partner with their Remove highlighted', async ({
  page,
  serviceWorker,
  extensionId,
}) => {
  const [grantId] = await seed(page, serviceWorker, extensionId, [
    {
      account: NORTHWIND_BC,
      party: {
        kind: 'partnerBc',
        name: 'Cedar & Co Apparel',
        email: null,
        bcId: '7034567890123456789',
      },
      status: 'active',
    },
  ]);
  await page.goto(`${REPLICA_URLS.bcPartners}#access-companion=revoke&grant=${grantId}`);
  const companion = await new Companion(page).ready();
  await expect(companion.panel.getByTestId('checklist')).toHaveAttribute(
    'data-checklist',
    'revoke-partner',
  );
  await companion.expectActive('click-remove');
  await companion.expectSpotlightOn(
    page.getByRole('row', { name: /Cedar & Co Apparel/ }).getByRole('button', { name: 'Remove' }),
  );
  await expect.poll(() => page.url()).toBe(REPLICA_URLS.bcPartners);
});

test('a failed write is said in the user’s words, and "Not now" writes nothing', async ({
  page,
  serviceWorker,
}, testInfo) => {
  await page.goto(BC_MEMBERS_URL);
  const companion = await new Companion(page).ready();
  await page.getByText('Records in Total').waitFor();
  // A Business Center name longer than the register accepts: the background refuses the write.
  await page.getByTestId('bc-name').evaluate((el) => {
    el.textContent = 'N'.repeat(600);
  });
  await companion.start('Add an account manager as a member');
  await page.getByRole('button', { name: 'Invite Member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite Member' });
  await dialog.getByLabel('Email address(es)').fill('skip.me@northwind-outdoor.com');
  await dialog.getByLabel('Standard').check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('button', { name: 'Skip' }).click();
  await companion.answerRecord();
  const error = companion.step('record').getByRole('alert');
  await expect(error).toHaveText(
    'Could not record it: what was read from the page was incomplete.',
  );
  await companion.shoot(testInfo, 'record-failed');
  expect(await axeViolations(companion.frame())).toEqual([]);
  await companion.answerRecord('Not now');
  await expect(companion.step('record')).toHaveAttribute('data-state', 'done');
  await expect(companion.panel.getByTestId('checklist-finished')).toHaveText('All done.');
  const register = await readRegister(serviceWorker);
  expect([register.grants, register.events, register.parties, register.accounts]).toEqual([
    [],
    [],
    [],
    [],
  ]);
});

test('the spotlight follows its control when the page scrolls', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 420 });
  await page.goto(BC_MEMBERS_URL);
  await page.getByText('Records in Total').waitFor();
  const companion = await new Companion(page).ready();
  await companion.start('Revoke a member');
  const view = page.getByRole('button', { name: 'View' }).first();
  await companion.expectSpotlightOn(view);
  const before = (await companion.spotlightBox())!.y;
  // The wheel scrolls what is under the pointer: the page, not the panel it started from.
  await page.getByText('riley@northwind-outdoor.com').hover();
  await page.mouse.wheel(0, 160);
  await expect.poll(async () => (await companion.spotlightBox())!.y).toBeLessThan(before - 100);
  await companion.expectSpotlightOn(view);
});

test('keyboard only: lower a member through "Go to the control", the dropdown and Save', async ({
  page,
}) => {
  await page.goto(REPLICA_URLS.bcAssetMembers);
  await page.getByText('Records in Total').waitFor();
  const companion = await new Companion(page).ready();
  await companion.panel.getByText(/Guided checklists/).focus();
  await page.keyboard.press('Enter');
  const start = companion.panel.getByRole('button', { name: 'Lower a member’s permission' });
  await start.focus();
  await page.keyboard.press('Enter');
  await companion.expectActive('open-edit');
  // "Go to the control" puts focus on the highlighted Edit (the first row's: Riley, Admin).
  await companion.panel.getByRole('button', { name: 'Go to the control' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Edit' }).first()).toBeFocused();
  await page.keyboard.press('Enter');
  const permission = page.getByRole('dialog', { name: 'Edit permission' }).getByLabel('Permission');
  await expect(permission).toBeFocused(); // TikTok focuses its dropdown once it has loaded
  await companion.expectActive('choose-lower');
  await page.keyboard.press('ArrowDown'); // Admin → Operator
  await expect(permission).toHaveValue('operator');
  await companion.expectActive('save');
  await companion.panel.getByRole('button', { name: 'Go to the control' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Save' })).toBeFocused();
  await page.keyboard.press('Enter');
  await companion.answerRecord();
  await companion.expectDone('save', 'record');
  await expect(page.getByRole('row', { name: /Riley Chen/ })).toContainText('Operator');
});
