import { BC_MEMBERS_URL, REPLICA_URLS, withVariant } from '../fixtures/tiktok/replicas.mjs';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Companion, isCompanionFrame, readRegister, seedRegister } from './pages/companion';
import { OptionsPage } from './pages/extension-pages';

const NORTHWIND = { id: '7012345678901234567', name: 'Northwind Outdoor' };
const TIENDA_SOL = { id: '7098765432109876543', name: 'Tienda Sol' };

test('a hostile page script cannot read the register in the panel, click it, or steer it to another Business Center', async ({
  page,
  serviceWorker,
  extensionId,
}) => {
  const options = new OptionsPage(page, extensionId);
  await options.goto(); // the worker opens the register
  await expect(options.backgroundStatus).toContainText('0');
  // In the register only: a person gone from Tienda Sol's page (its table is complete, so the
  // reconcile card lists them), and one of another Business Center.
  await seedRegister(serviceWorker, TIENDA_SOL, [
    {
      email: 'gone.person@tiendasol.mx',
      name: 'Gone Person',
      bcRole: 'standard',
      status: 'active',
      invitedAt: null,
    },
  ]);
  await seedRegister(serviceWorker, NORTHWIND, [
    {
      email: 'secret.person@northwind-outdoor.com',
      name: 'Secret Person',
      bcRole: 'admin',
      status: 'active',
      invitedAt: null,
    },
  ]);
  await page.goto(REPLICA_URLS.bcMembersEs);
  await page.getByText(/registros en total/i).waitFor();
  const companion = await new Companion(page).ready();
  const card = companion.panel.getByTestId('reconcile-card');
  await card.locator('summary').click();
  await expect(card).toContainText('Gone Person');
  const before = await readRegister(serviceWorker);

  // The page's own script: the DOM, the host, the frames.
  const seen = await page.evaluate(() => {
    const host = document.querySelector('tt-access-companion')!;
    const frames: string[] = [];
    for (let i = 0; i < window.frames.length; i++) {
      try {
        frames.push(window.frames[i]!.document.body.innerText);
      } catch {
        frames.push('blocked');
      }
    }
    return {
      shadowRoot: host.shadowRoot,
      hostChildren: host.childNodes.length,
      hostText: host.textContent,
      html: document.documentElement.outerHTML,
      text: document.body.innerText,
      frames,
    };
  });
  expect(seen.shadowRoot).toBeNull();
  expect(seen.hostChildren).toBe(0);
  expect(seen.hostText).toBe('');
  for (const secret of ['Gone Person', 'gone.person@', 'Secret Person', 'secret.person@']) {
    expect(seen.html).not.toContain(secret);
    expect(seen.text).not.toContain(secret);
  }
  // A frame in a shadow tree is not among window.frames: the page holds no handle on it at all
  // (and were it there, it would be cross-origin).
  expect(seen.frames.every((f) => f === 'blocked')).toBe(true);

  // Clicks and keys from the page's script land on the host, never on the panel's buttons.
  const box = (await companion.frameBox())!;
  const answers = await page.evaluate(
    async ({ x, y }) => {
      const hit = document.elementFromPoint(x, y);
      for (const el of [hit, document.querySelector('tt-access-companion')]) {
        (el as HTMLElement | null)?.click();
        el?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      }
      // A forged handshake to every window the page can reach: the frame takes a port only
      // from its parent with the token from its own URL.
      const channel = new MessageChannel();
      const heard: unknown[] = [];
      channel.port1.onmessage = (e) => heard.push(e.data);
      const forged = { kind: 'access-companion:connect', token: 'guessed' };
      window.postMessage(forged, '*', [channel.port2]);
      for (let i = 0; i < window.frames.length; i++) window.frames[i]!.postMessage(forged, '*');
      await new Promise((r) => setTimeout(r, 800));
      return { hit: hit?.localName ?? null, heard };
    },
    { x: box.x + box.width / 2, y: box.y + box.height - 30 },
  );
  expect(answers.hit).toBe('tt-access-companion');
  expect(answers.heard).toEqual([]);
  const after = await readRegister(serviceWorker);
  expect(after.events).toEqual(before.events);
  expect(after.grants).toEqual(before.grants);
  // The panel still answers its user.
  await expect(card).toContainText('Gone Person');

  // The address rewritten to another Business Center: the page still shows Tienda Sol's, so the
  // panel loads no register rows for the forged one.
  await page.evaluate((org) => {
    history.pushState({}, '', `/manage/users/members?org_id=${org}`);
  }, NORTHWIND.id);
  await page.waitForTimeout(1_500);
  await expect(companion.panel).toBeVisible();
  await expect(companion.panel).not.toContainText('Secret Person');
  await expect(companion.panel).not.toContainText('secret.person@');
  await expect(companion.panel.getByTestId('reconcile-card')).toHaveCount(0);
});

test('served with a strict Content-Security-Policy, the page still gets its companion frame', async ({
  page,
}) => {
  const response = await page.goto(BC_MEMBERS_URL);
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-src 'self'");
  const companion = await new Companion(page).ready();
  await expect(companion.panel).toHaveAttribute('data-page-kind', 'bc-members');
  await companion.start('Add an account manager as a member');
  await companion.expectActive('open-invite');
  await companion.expectSpotlightOn(page.getByRole('button', { name: 'Invite Member' }));
});

test('while the mouse button is held on the page the frame does not appear; released, it shows', async ({
  page,
}) => {
  const companion = new Companion(page);
  // The page's own clock stands still (the agent's, in its own world, runs on): the late table
  // never comes, so the frame stays out of sight until the reveal's fallback delay.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  /** Whether the frame shows in the page. */
  const shown = async () => (await companion.frame().frameElement()).isVisible();
  // The press must come within the fallback delay of the frame's mounting; on a machine too
  // busy for that, the frame has shown before the press and the page is loaded again.
  let pressedInTime = false;
  for (let attempt = 0; attempt < 4 && !pressedInTime; attempt++) {
    await page.goto(BC_MEMBERS_URL);
    await expect.poll(() => page.frames().some(isCompanionFrame), { intervals: [20] }).toBe(true);
    await page.mouse.move(640, 300);
    await page.mouse.down();
    pressedInTime = !(await shown());
    if (!pressedInTime) await page.mouse.up();
  }
  expect(pressedInTime).toBe(true);
  // Held well past the fallback delay: the frame waits for the release.
  await page.waitForTimeout(3000);
  expect(await shown()).toBe(false);
  await page.mouse.up();
  await expect.poll(shown).toBe(true);
  await page.clock.resume();
  await companion.untilStill();
  await expect(companion.panel).toHaveAttribute('data-page-kind', 'bc-members');
});

test('a menu opening where the panel sits is not covered: the panel moves aside, and back', async ({
  page,
}) => {
  await page.goto(BC_MEMBERS_URL);
  await page.getByText('Records in Total').waitFor();
  const companion = await new Companion(page).ready();
  const start = (await companion.frameBox())!;
  // A row's ⋯ menu as TikTok's design system renders one: a floating role=menu, right where the
  // panel sits (with nothing running, the panel already keeps clear of the table's own row
  // actions, so the menu is put on the panel's side).
  await page.evaluate(
    ({ top, left }) => {
      const menu = document.createElement('div');
      menu.setAttribute('role', 'menu');
      menu.id = 'row-actions';
      Object.assign(menu.style, {
        position: 'fixed',
        left: `${left}px`,
        top: `${top}px`,
        width: '160px',
        background: '#fff',
        border: '1px solid #ccc',
      });
      for (const label of ['View details', 'Remove']) {
        const item = document.createElement('button');
        item.setAttribute('role', 'menuitem');
        item.textContent = label;
        item.style.display = 'block';
        menu.append(item);
      }
      document.body.append(menu);
    },
    { top: start.y + 40, left: start.x + 40 },
  );
  const remove = page.getByRole('menuitem', { name: 'Remove' });
  await companion.expectNotCovering(remove);
  await companion.expectNotCovering(page.getByRole('menu'));
  await remove.click(); // the page's own control takes the click
  // The menu closes: the panel goes back where it was.
  await page.evaluate(() => document.getElementById('row-actions')!.remove());
  await expect.poll(async () => (await companion.frameBox())!.x).toBe(start.x);
});

test.describe('a narrow window (1024 px)', () => {
  test('the Invite dialog and its controls stay clear of the panel', async ({ page }, testInfo) => {
    // The harness's context has its own window size: narrow this page's.
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(BC_MEMBERS_URL);
    await page.getByText('Records in Total').waitFor();
    const companion = await new Companion(page).ready();
    await companion.start('Add an account manager as a member');
    const invite = page.getByRole('button', { name: 'Invite Member' });
    await companion.expectNotCovering(invite);
    await invite.click();
    const dialog = page.getByRole('dialog', { name: 'Invite Member' });
    await companion.expectActive('enter-email');
    await companion.expectNotCovering(dialog);
    await dialog.getByLabel('Email address(es)').fill('morgan.new@northwind-outdoor.com');
    await companion.expectActive('choose-role');
    await companion.expectNotCovering(dialog);
    await companion.shoot(testInfo, 'narrow-invite');
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`a narrow window (1024 px), ${colorScheme}`, () => {
    test.use({ colorScheme });
    test('with nothing running the panel covers none of the table’s controls nor the navigation, and still moves for a row’s menu', async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width: 1024, height: 700 });
      await page.goto(withVariant(BC_MEMBERS_URL, 'row-menu'));
      await page.getByText('Records in Total').waitFor();
      const companion = await new Companion(page).ready();
      await expect(companion.panel.getByTestId('checklist-menu')).toBeVisible();
      const table = page.locator('#table-area');
      // The table's controls and the navigation's links: the way on to another page stays open.
      const controls = page.locator('#table-area, nav').locator('button, a[href]');
      const rowMenus = table.getByRole('button', { name: 'More actions' });
      expect(await rowMenus.count()).toBeGreaterThanOrEqual(5);
      const expectClearOfTable = async () => {
        for (const control of await controls.all()) {
          if (await control.isVisible()) await companion.expectNotCovering(control);
        }
      };
      await expectClearOfTable();
      await companion.shoot(testInfo, `narrow-idle-${colorScheme}`);
      expect(await axeViolations(companion.frame())).toEqual([]);

      // Scrolled down to the pager: still clear of every control on show.
      await page.mouse.wheel(0, 600);
      await expect(table.getByRole('button', { name: 'Page 2' })).toBeInViewport();
      await expectClearOfTable();

      // A row's ⋯ menu opens at the right edge: the panel keeps clear of it and its Remove.
      await page.mouse.wheel(0, -600);
      await rowMenus.first().click();
      const menu = page.getByRole('menu');
      await expect(menu).toBeVisible();
      await companion.expectNotCovering(menu);
      await companion.expectNotCovering(page.getByRole('menuitem', { name: 'Remove' }));
      await companion.shoot(testInfo, `narrow-row-menu-${colorScheme}`);
    });
  });
}
