/**
 * With no checklist running, the panel keeps clear of the page's own controls (the access
 * table's ⋯ or View buttons and pager, the navigation's links) where a roomy place allows, and
 * still moves aside for what the page opens. `pageControlBoxes` finds those controls on the
 * replicas; `placePanel` weighs them below what must stay visible.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { placePanel, pageControlBoxes, type Box } from '@/lib/overlay/placement';
import { REPLICA_URLS, withVariant } from '../../fixtures/tiktok/replicas.mjs';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';

const narrow = { width: 1024, height: 700 };
const size = { width: 348, height: 668 };
/** A row's ⋯ button at the right edge of the table, and the pager's buttons below it. */
const rowMenu = (top: number): Box => ({ top, left: 960, width: 32, height: 29 });

describe('placePanel and the table’s controls', () => {
  it('moves to the side that covers none of them', () => {
    const clear = [rowMenu(240), rowMenu(330), rowMenu(420)];
    expect(placePanel({ viewport: narrow, size, side: 'right', keep: [], clear })).toEqual({
      side: 'left',
      top: 16,
      height: 668,
      covering: false,
    });
    // Chosen left, already clear: it stays.
    expect(placePanel({ viewport: narrow, size, side: 'left', keep: [], clear }).side).toBe('left');
  });

  it('shrinks below the navigation rather than sit on its links or on the row actions', () => {
    // 1024 × 700: the side navigation's links down to 321 px on the left, row actions on the right.
    const nav = [68, 139, 176, 247, 284].map((top) => ({ top, left: 0, width: 219, height: 37 }));
    const rows = [240, 330, 420, 510, 600, 690].map(rowMenu);
    const place = placePanel({
      viewport: narrow,
      size,
      side: 'right',
      keep: [],
      clear: [...nav, ...rows],
    });
    expect(place.side).toBe('left');
    expect(place.top).toBeGreaterThanOrEqual(321);
    expect(place.top + place.height).toBe(700 - 16);
    expect(place.covering).toBe(false);
  });

  it('keeps its height over the fewest of them when clearing them leaves too little room', () => {
    const short = { width: 1024, height: 420 };
    const nav = [{ top: 40, left: 0, width: 219, height: 300 }];
    const rows = [100, 200, 300].map(rowMenu);
    const place = placePanel({
      viewport: short,
      size,
      side: 'right',
      keep: [],
      clear: [...nav, ...rows],
    });
    expect(place.height).toBe(420 - 32);
    expect(place.side).toBe('left'); // one box covered instead of three
  });

  it('stays on the chosen side when neither side is clear of them, unless the other covers fewer', () => {
    // Controls the whole height of both columns: no roomy place clear of them.
    const leftBoxes = [
      { top: 20, left: 260, width: 16, height: 16 },
      { top: 660, left: 260, width: 16, height: 16 },
    ];
    const both = [...leftBoxes, rowMenu(20), rowMenu(660)];
    expect(placePanel({ viewport: narrow, size, side: 'right', keep: [], clear: both }).side).toBe(
      'right',
    );
    const more = [...leftBoxes, rowMenu(20), rowMenu(330), rowMenu(660)];
    expect(placePanel({ viewport: narrow, size, side: 'right', keep: [], clear: more }).side).toBe(
      'left',
    );
  });

  it('never pays for them with what must stay visible (an open menu, the next control)', () => {
    // The control to use next fills the left column; the table's row actions are on the right.
    const next = { top: 40, left: 30, width: 150, height: 600 };
    const place = placePanel({
      viewport: narrow,
      size,
      side: 'left',
      keep: [next],
      clear: [20, 240, 460, 660].map(rowMenu),
    });
    // Over the row actions, at full height: the next control stays in view.
    expect(place).toEqual({ side: 'right', top: 16, height: 668, covering: false });
    // A row's menu open at the right and the table's controls on the left: the panel shrinks
    // clear of the menu rather than sit on it.
    const menu = { top: 300, left: 820, width: 180, height: 120 };
    const cramped = placePanel({
      viewport: narrow,
      size,
      side: 'right',
      keep: [menu, { top: 100, left: 20, width: 340, height: 500 }],
      clear: [rowMenu(240)],
    });
    expect(cramped.side).toBe('right');
    const above = cramped.top + cramped.height <= menu.top;
    const below = cramped.top >= menu.top + menu.height;
    expect(above || below).toBe(true);
    expect(cramped.covering).toBe(false);
  });

  it('with nothing running and no place clear of the text, stays whole where it covers the least of it, clear of the controls', () => {
    // 1024 × 700: the table's text from 170 px down across both columns; the navigation's first
    // link on the left at 68.
    const cells = [170, 260, 350, 440, 530, 620].flatMap((top) => [
      { top, left: 264, width: 120, height: 40, text: true },
      { top, left: 700, width: 120, height: 40, text: true },
    ]);
    const navLink = { top: 68, left: 0, width: 219, height: 37 };
    const place = placePanel({
      viewport: narrow,
      size,
      side: 'left',
      keep: [],
      clear: [navLink, ...cells],
      squeeze: true,
      minHeight: 58,
    });
    // Both columns cover six cells; the right one is clear of the link at full height: the
    // checklists are offered whole there, not cut down to a header.
    expect(place).toEqual({ side: 'right', top: 16, height: 668, covering: false });
    // Fewer cells on the left: there, below the link, whole enough to read.
    const fewerLeft = cells.filter((c) => c.left > 500 || c.top > 600);
    const left = placePanel({
      viewport: narrow,
      size,
      side: 'right',
      keep: [],
      clear: [navLink, ...fewerLeft, { top: 20, left: 700, width: 100, height: 20, text: true }],
      squeeze: true,
    });
    expect(left.side).toBe('left');
    expect(left.top).toBeGreaterThanOrEqual(navLink.top + navLink.height);
    expect(left.height).toBeGreaterThanOrEqual(240);
    // A row's controls on the right: never over them for the text's sake.
    const withMenus = placePanel({
      viewport: narrow,
      size,
      side: 'right',
      keep: [],
      clear: [...cells, ...[200, 400, 600].map(rowMenu)],
      squeeze: true,
    });
    expect(withMenus.side).toBe('left');
    expect(withMenus.height).toBe(668);
    // With a checklist running the table's text does not count (its steps are read in the
    // panel), its controls still do.
    const text = cells.map((b) => ({ ...b, text: true }));
    expect(placePanel({ viewport: narrow, size, side: 'right', keep: [], clear: text })).toEqual(
      placePanel({ viewport: narrow, size, side: 'right', keep: [] }),
    );
  });

  it('is what it was when there are none', () => {
    expect(placePanel({ viewport: narrow, size, side: 'right', keep: [], clear: [] })).toEqual(
      placePanel({ viewport: narrow, size, side: 'right', keep: [] }),
    );
  });
});

describe('pageControlBoxes on the replicas', () => {
  let dom: ReplicaDom;
  afterEach(async () => {
    await dom.close();
  });

  /**
   * happy-dom lays nothing out: give every element a box of its own in the viewport (its order
   * in the document as its top), so a box found names the element it came from.
   */
  function layOut(): Element[] {
    const all = [...dom.document.querySelectorAll('*')];
    all.forEach((el, i) => {
      el.getBoundingClientRect = () =>
        ({ top: i, left: 10, width: 10, height: 1, bottom: i + 1, right: 20 }) as DOMRect;
    });
    return all;
  }
  const found = (all: Element[]) => pageControlBoxes(dom.document).map((b) => all[b.top]!);
  const label = (el: Element) =>
    el.getAttribute('aria-label') ?? el.textContent?.trim().replace(/\s+/g, ' ') ?? '';

  it('finds each row’s ⋯ button, the pager, the main region’s Invite button and the navigation’s links, not the panel', async () => {
    dom = await openReplica(withVariant(REPLICA_URLS.bcMembers, 'row-menu'));
    const host = dom.document.createElement('tt-access-companion');
    host.innerHTML = '<nav><a href="#x">Ours</a></nav>';
    dom.document.body.append(host);
    const all = layOut();
    const labels = found(all).map(label);
    const menus = found(all).filter((el) => el.getAttribute('aria-haspopup') === 'menu');
    expect(menus.length).toBeGreaterThanOrEqual(5);
    expect(labels).toContain('Page 2');
    expect(labels).toContain('Partners'); // the side navigation's link
    expect(labels).toContain('Invite Member');
    expect(labels).not.toContain('Ours');
    expect(found(all).some((el) => el.closest('tt-access-companion, h1'))).toBe(false);
  });

  it('finds View and Add accounts and the email links of the plain Members table', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const all = layOut();
    const labels = found(all).map(label);
    expect(labels.filter((l) => l === 'View').length).toBeGreaterThanOrEqual(5);
    expect(labels).toContain('Add accounts');
    expect(labels).toContain('riley@northwind-outdoor.com');
  });

  it('leaves out tables in dialogs, disabled controls and controls out of view', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const doc = dom.document;
    const dialog = doc.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.innerHTML = '<table><tr><td><button id="in-dialog">Pick</button></td></tr></table>';
    doc.body.append(dialog);
    const firstView = [...doc.querySelectorAll('table button')].find(
      (b) => b.textContent?.trim() === 'View',
    ) as HTMLButtonElement;
    firstView.disabled = true;
    const all = layOut();
    const pager = doc.querySelector('[aria-label="Page 2"]')!;
    pager.getBoundingClientRect = () =>
      ({ top: 5000, left: 10, width: 10, height: 10, bottom: 5010, right: 20 }) as DOMRect;
    const els = found(all);
    expect(els).not.toContain(doc.getElementById('in-dialog'));
    expect(els).not.toContain(firstView);
    expect(els).not.toContain(pager);
    expect(els.length).toBeGreaterThan(0);
  });

  it('finds the text of the table’s cells on show, as tight as the text, and nothing of the page around', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const all = layOut();
    // A text's box is its parent element's here (happy-dom lays nothing out).
    Object.defineProperty(dom.window.Range.prototype, 'getBoundingClientRect', {
      configurable: true,
      value(this: Range) {
        return this.startContainer.parentElement?.getBoundingClientRect();
      },
    });
    const row = [...dom.document.querySelectorAll('main tr')].find((r) =>
      /Riley Chen/.test(r.textContent ?? ''),
    )!;
    const cellsOf = (r: Element) => new Set([...r.querySelectorAll('td, th')]);
    const cellsFound = (r: Element) => {
      const cells = cellsOf(r);
      return new Set(found(all).flatMap((el) => [...cells].filter((c) => c.contains(el))));
    };
    // The text of every cell of the row that says anything: the name's, the email's, the role's…
    const saying = [...cellsOf(row)].filter((c) => c.textContent?.trim());
    expect(cellsFound(row).size).toBe(saying.length);
    const head = dom.document.querySelector('main thead tr, main tr:has(th)')!;
    expect(cellsFound(head).size).toBeGreaterThan(0); // the columns' headings
    expect(found(all).some((el) => el.closest('h1'))).toBe(false);
    // The row scrolled out of view: none of its cells count.
    for (const el of [row, ...row.querySelectorAll('*')])
      el.getBoundingClientRect = () =>
        ({ top: -500, left: 10, width: 10, height: 10, bottom: -490, right: 20 }) as DOMRect;
    expect(cellsFound(row).size).toBe(0);
  });

  it('finds the controls of a [role=row] grid (Spanish, older classes)', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembersEs);
    const all = layOut();
    expect(found(all).length).toBeGreaterThanOrEqual(4);
    expect(found(all).some((el) => el.closest('h1'))).toBe(false);
  });
});
