import { REPLICA_URLS } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Companion, readRegister, seedRegister } from './pages/companion';
import { OptionsPage, PopupPage } from './pages/extension-pages';

const TIENDA_SOL = { id: '7098765432109876543', name: 'Tienda Sol' };
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

test('reconcile finds each kind of difference on a seeded register and updates it, one event each', async ({
  page,
  serviceWorker,
  extensionId,
}, testInfo) => {
  const options = new OptionsPage(page, extensionId);
  await options.goto(); // the worker opens the register
  await expect(options.backgroundStatus).toContainText('0');
  await seedRegister(serviceWorker, TIENDA_SOL, [
    // Admin on the page, Standard here: the role differs.
    {
      email: 'lucia@tiendasol.mx',
      name: 'Lucía',
      bcRole: 'standard',
      status: 'active',
      invitedAt: null,
    },
    // Invited 30 days ago and still Pending on the page.
    {
      email: 'ana@agencia-norte.es',
      name: 'Ana',
      bcRole: 'standard',
      status: 'invited',
      invitedAt: daysAgo(30),
    },
    // Active here, gone from the page.
    {
      email: 'gone@tiendasol.mx',
      name: 'Gone Person',
      bcRole: 'standard',
      status: 'active',
      invitedAt: null,
    },
  ]);

  await page.goto(REPLICA_URLS.bcMembersEs);
  const companion = await new Companion(page).ready();
  const card = companion.panel.getByTestId('reconcile-card');
  await card.getByText('This page and your register differ').click();
  const items = card.locator('li');
  await expect(items.filter({ hasText: 'lucia@tiendasol.mx' })).toHaveAttribute(
    'data-kind',
    'roleDiffers',
  );
  await expect(items.filter({ hasText: 'ana@agencia-norte.es' })).toHaveAttribute(
    'data-kind',
    'stillPending',
  );
  await expect(items.filter({ hasText: 'Gone Person' })).toHaveAttribute(
    'data-kind',
    'goneFromPage',
  );
  await expect(items.filter({ hasText: 'mateo@tiendasol.mx' })).toHaveAttribute(
    'data-kind',
    'notInRegister',
  );
  await expect(items.filter({ hasText: 'sara@example.co.il' })).toHaveAttribute(
    'data-kind',
    'notInRegister',
  );
  await expect(items).toHaveCount(5);
  await companion.shoot(testInfo, 'reconcile-card');
  expect(await axeViolations(companion.frame())).toEqual([]);

  // One click for one row.
  await items
    .filter({ hasText: 'lucia@tiendasol.mx' })
    .getByRole('button', { name: 'Update register' })
    .click();
  await expect(items).toHaveCount(4);
  // Then all the rest that the register can follow (the pending one is advice only), once the
  // user confirms changing several entries at once — asked in the panel, never in a browser box.
  page.on('dialog', (d) => {
    throw new Error(`a browser dialog opened: ${d.message()}`);
  });
  const frame = companion.frame();
  const updateAll = card.getByRole('button', { name: 'Update all (3)' });
  // By keyboard: the question takes the focus, Escape answers no and gives it back.
  await updateAll.focus();
  await page.keyboard.press('Enter');
  const question = card.getByRole('alertdialog', { name: /^Update 3 entries of the register/ });
  await expect(question).toBeVisible();
  await expect(question.getByRole('listitem')).toHaveCount(3);
  await expect(question).toContainText('Gone Person');
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await companion.shoot(testInfo, 'update-all-question');
  expect(await axeViolations(frame)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(updateAll).toBeFocused();
  await expect(items).toHaveCount(4);
  expect((await readRegister(serviceWorker)).events).toHaveLength(1);
  // Asked again, and confirmed.
  await page.keyboard.press('Enter');
  await question.getByRole('button', { name: 'Update 3 entries' }).click();
  await expect(question).toHaveCount(0);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-kind', 'stillPending');

  const register = await readRegister(serviceWorker);
  const events = register.events.map((e) => [e.type, e.source, e.checklist]).sort();
  expect(events).toEqual(
    [
      ['roleChanged', 'page', 'reconcile'],
      ['created', 'page', 'reconcile'],
      ['created', 'page', 'reconcile'],
      ['revoked', 'page', 'reconcile'],
    ].sort(),
  );
  const byEmail = new Map(register.parties.map((p) => [p.id, p.email]));
  const grants = register.grants
    .map((g) => [byEmail.get(g.partyId as string), g.bcRole, g.status])
    .sort();
  expect(grants).toEqual(
    [
      ['ana@agencia-norte.es', 'standard', 'invited'],
      ['gone@tiendasol.mx', 'standard', 'revoked'],
      ['lucia@tiendasol.mx', 'admin', 'active'],
      ['mateo@tiendasol.mx', 'admin', 'active'],
      ['sara@example.co.il', 'standard', 'suspended'],
    ].sort(),
  );
});

test('on a client’s Business Center the card says whose it is and my access, and reconciles nothing', async ({
  context,
  page,
  serviceWorker,
  extensionId,
}, testInfo) => {
  // The picker lists Tienda Sol; the popup asks whose it is, and "A client's" records it as a
  // client account I hold (Standard).
  const options = new OptionsPage(page, extensionId);
  await options.goto();
  await page.goto(REPLICA_URLS.bcPicker);
  await expect(page.getByText('Tienda Sol')).toBeVisible();
  const popup = await PopupPage.openFor(
    page,
    context,
    serviceWorker,
    extensionId,
    'Business Center · choose a Business Center',
  );
  const question = popup.page.getByTestId('held-picker');
  await question
    .getByRole('group', { name: /Tienda Sol/ })
    .getByRole('radio', { name: 'A client’s — track it' })
    .check();
  await question.getByRole('button', { name: 'Save answers' }).click();
  await expect(popup.page.getByTestId('held-picker-answered')).toBeVisible();
  await popup.page.close();
  await expect
    .poll(async () => (await readRegister(serviceWorker)).accounts.map((a) => a.ownership))
    .toContain('client');

  await page.goto(REPLICA_URLS.bcMembersEs);
  const companion = await new Companion(page).ready();
  const note = companion.panel.getByTestId('held-note');
  await expect(note.getByRole('heading', { name: 'A client’s Business Center' })).toBeVisible();
  await expect(note.getByTestId('held-role')).toHaveText(
    'Your role here, per your register: Standard (active).',
  );
  await expect(page.getByText(/registros en total/i)).toBeVisible();
  // The client's members (four on the page) are not offered as people with access to mine.
  await page.waitForTimeout(500);
  await expect(companion.panel.getByTestId('reconcile-card')).toHaveCount(0);
  await companion.shoot(testInfo, 'held-note');
  expect(await axeViolations(companion.frame())).toEqual([]);

  // Keyboard: "Open in the register" opens my grant there.
  const open = note.getByRole('button', { name: 'Open in the register' });
  await open.focus();
  const [tab] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
  const register = await readRegister(serviceWorker);
  const tienda = register.accounts.find((a) => a.externalId === TIENDA_SOL.id);
  const mine = register.grants.filter((g) => g.accountId === tienda?.id);
  expect(mine).toHaveLength(1);
  await expect(tab).toHaveURL(new RegExp(`register\\.html#grant=${mine[0]!.id}$`));
  // Nothing was written from the page: one "created" event, for the answer in the popup.
  expect(register.events.map((e) => e.type)).toEqual(register.grants.map(() => 'created'));
});
