/**
 * What keeps the overlay cheap on TikTok's page (performance), tested for being right:
 * shadow roots tracked from mutations instead of a walk of the whole DOM, a table reading reused
 * only while no change could touch it (checked against a fresh reading after every one of a few
 * hundred seeded changes to the replicas), our own overlay's changes never starting a reading,
 * and a store that keeps equal values so the panel does not render again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createOverlayStore, samePlain } from '@/lib/overlay/store';
import { ChecklistRunner } from '@/lib/overlay/runner';
import type { AgentReading } from '@/lib/overlay/frame-bridge';
import { boxesMayMove, isOwnRecord, layersMayChange, watchPage } from '@/lib/overlay/page-changes';
import type { PageChanges } from '@/lib/overlay/page-changes';
import { pageLayers } from '@/lib/overlay/placement';
import { ShadowRootTracker, queryAllDeep } from '@/lib/tiktok/dom';
import { readAccessTable, readTablesData } from '@/lib/tiktok/read-table';
import { TablesDataReader, takeTablesData } from '@/lib/tiktok/table-data';
import { tableTouched } from '@/lib/tiktok/table-changes';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import { companionFrame } from '../helpers/companion-frame';
import { runBeside } from '../helpers/run-beside';
import { ACCESS_TABLES } from '../helpers/replica-expectations';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeOldValue: true,
};

/** Records of what `change` does to `doc` (its body and the given shadow roots). */
function recordsOf(doc: Document, change: () => void, roots: ShadowRoot[] = []): MutationRecord[] {
  const observer = new MutationObserver(() => {});
  observer.observe(doc.body, OBSERVED);
  for (const r of roots) observer.observe(r, OBSERVED);
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});

describe('ShadowRootTracker', () => {
  function host(doc: Document, tag: string, inner = ''): { el: Element; shadow: ShadowRoot } {
    const el = doc.createElement(tag);
    const shadow = el.attachShadow({ mode: 'open' });
    shadow.innerHTML = inner;
    return { el, shadow };
  }

  it('finds the roots already there, nested ones too, once each', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const outer = host(doc, 'x-outer', '<div><span>in outer</span></div>');
    const inner = host(doc, 'x-inner', '<b>in inner</b>');
    outer.shadow.querySelector('div')!.append(inner.el);
    doc.body.append(outer.el);
    const found: ShadowRoot[] = [];
    const tracker = new ShadowRootTracker(doc, { onFound: (s) => found.push(s) });
    expect(tracker.roots()).toEqual([outer.shadow, inner.shadow]);
    expect(found).toEqual([outer.shadow, inner.shadow]);
    tracker.update(recordsOf(doc, () => doc.body.append(doc.createElement('p'))));
    expect(found).toHaveLength(2);
  });

  it('learns of roots added later from the records alone, nested in added subtrees too', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const tracker = new ShadowRootTracker(doc);
    expect(tracker.roots()).toEqual([]);
    const later = host(doc, 'x-later', '<i>x</i>');
    const nested = host(doc, 'x-nested', '<u>deep</u>');
    later.shadow.append(nested.el);
    const wrapper = doc.createElement('section');
    wrapper.append(later.el);
    const records = recordsOf(doc, () => doc.body.append(wrapper));
    // Not found until told: the tracker does not walk the DOM on its own.
    expect(tracker.roots()).toEqual([]);
    tracker.update(records);
    expect(tracker.roots()).toEqual([later.shadow, nested.shadow]);
    // An element added inside a known root (its records come from observing that root).
    const third = host(doc, 'x-third', '<q>3</q>');
    tracker.update(recordsOf(doc, () => nested.shadow.append(third.el), [nested.shadow]));
    expect(tracker.roots()).toContain(third.shadow);
  });

  it('drops roots whose host left the document, and finds them again when they come back', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const a = host(doc, 'x-a');
    const b = host(doc, 'x-b');
    doc.body.append(a.el, b.el);
    const tracker = new ShadowRootTracker(doc);
    tracker.update(recordsOf(doc, () => a.el.remove()));
    expect(tracker.roots()).toEqual([b.shadow]);
    tracker.update(recordsOf(doc, () => doc.body.append(a.el)));
    expect(tracker.roots()).toEqual([b.shadow, a.shadow]);
  });

  it('skips the hosts it is told to ignore (our own overlay), and what is under them', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const ours = host(doc, 'tt-access-companion');
    ours.shadow.append(host(doc, 'x-inside').el);
    const page = host(doc, 'x-page');
    doc.body.append(ours.el, page.el);
    const ignore = (el: Element) => el.localName === 'tt-access-companion';
    const tracker = new ShadowRootTracker(doc, { ignore });
    expect(tracker.roots()).toEqual([page.shadow]);
    const again = host(doc, 'tt-access-companion');
    tracker.update(recordsOf(doc, () => doc.body.append(again.el)));
    expect(tracker.roots()).toEqual([page.shadow]);
  });

  it('queryAllDeep searches exactly the tracked roots under the start', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const a = host(doc, 'x-a', '<table id="in-a"></table>');
    const b = host(doc, 'x-b', '<table id="in-b"></table>');
    a.shadow.append(b.el);
    doc.body.innerHTML = '<main><table id="light"></table></main>';
    doc.body.append(a.el);
    const tracker = new ShadowRootTracker(doc);
    const ids = (root: Document | Element) =>
      queryAllDeep(root, ['table'], { shadows: tracker }).map((e) => e.id);
    expect(ids(doc)).toEqual(['light', 'in-a', 'in-b']);
    expect(ids(doc.querySelector('main')!)).toEqual(['light']);
    expect(ids(a.el)).toEqual(['in-a', 'in-b']); // b's host sits in a's shadow root
    // The same as the full walk.
    expect(queryAllDeep(doc, ['table']).map((e) => e.id)).toEqual(['light', 'in-a', 'in-b']);
  });
});

describe('tableTouched', () => {
  async function members() {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const doc = dom.document;
    const table = doc.querySelector('main table')!;
    expect(readAccessTable(doc).rows.length).toBeGreaterThan(0);
    return { doc, table, row: table.querySelector('tbody tr')! };
  }

  it('a new build’s hashed classes, the menu’s current item and a toast at the end of body do not touch it', async () => {
    const { doc, table, row } = await members();
    const touched = (change: () => void) => tableTouched([table], recordsOf(doc, change));
    expect(touched(() => row.setAttribute('class', 'bc-okee-table-row row-Zz91'))).toBe(false);
    expect(touched(() => table.querySelector('td')!.classList.add('cell-hash-31'))).toBe(false);
    expect(touched(() => doc.querySelector('nav a')!.setAttribute('aria-current', 'page'))).toBe(
      false,
    );
    expect(
      touched(() => {
        const toast = doc.createElement('div');
        toast.setAttribute('role', 'alert');
        toast.textContent = 'Invitation sent';
        doc.body.append(toast);
      }),
    ).toBe(false);
    expect(touched(() => {})).toBe(false);
  });

  it('changes in or around the table, to its hiding ancestors, or a table added anywhere do', async () => {
    const { doc, table, row } = await members();
    const touched = (change: () => void) => tableTouched([table], recordsOf(doc, change));
    expect(touched(() => (row.querySelector('td')!.textContent = 'Someone else'))).toBe(true);
    expect(touched(() => row.remove())).toBe(true);
    const other = table.querySelector('tbody tr')!;
    // A class one of the reader's selectors names (a grid row, a dialog) matters.
    expect(touched(() => other.classList.add('bui-table-row'))).toBe(true);
    expect(touched(() => doc.querySelector('main')!.classList.add('bui-modal'))).toBe(true);
    // The "N Records in Total" pager sits beside the table.
    const pager = [...doc.querySelectorAll('main span')].find((s) =>
      /Records in Total/.test(s.textContent ?? ''),
    )!;
    expect(touched(() => (pager.textContent = '99 Records in Total'))).toBe(true);
    expect(touched(() => doc.body.setAttribute('aria-hidden', 'true'))).toBe(true);
    expect(touched(() => doc.body.removeAttribute('aria-hidden'))).toBe(true);
    expect(
      touched(() => doc.body.append(doc.createElement('div'), table.cloneNode(true) as Element)),
    ).toBe(true);
  });

  it('a change inside a cell’s shadow root does (the reader reads open shadow roots)', async () => {
    const { doc, table, row } = await members();
    const badge = doc.createElement('x-status-badge');
    const shadow = badge.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>Active</span>';
    row.querySelector('td')!.append(badge);
    expect(
      tableTouched(
        [table],
        recordsOf(doc, () => (shadow.querySelector('span')!.textContent = 'Suspended'), [shadow]),
      ),
    ).toBe(true);
  });

  it('with no table read, or the table gone, any change does', async () => {
    const { doc, table } = await members();
    const elsewhere = () => doc.body.append(doc.createElement('div'));
    expect(tableTouched([], recordsOf(doc, elsewhere))).toBe(true);
    expect(tableTouched([], [])).toBe(false);
    table.closest('main')!.replaceChildren();
    expect(tableTouched([table], recordsOf(doc, elsewhere))).toBe(true);
  });
});

/** A seeded PRNG (mulberry32), so every run changes the pages the same way. */
function prng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe('TablesDataReader', () => {
  it('gives the same tables as a fresh take after every one of 400 seeded page changes', async () => {
    const int = prng(0x5eedcafe);
    const pick = <T>(xs: readonly T[]): T | undefined => xs[int(xs.length)];
    let reused = 0;
    let reread = 0;
    for (const { page } of ACCESS_TABLES.slice(0, 4)) {
      dom = await openReplica(REPLICA_URLS[page]);
      const doc = dom.document;
      const tracker = new ShadowRootTracker(doc);
      const reader = new TablesDataReader(doc, tracker);
      expect(readTablesData(reader.read())).toEqual(readAccessTable(doc));
      const inMain = () => Array.from(doc.querySelectorAll('main *'));
      const rows = () => Array.from(doc.querySelectorAll('main tbody > tr, main [role=row]'));
      const changes: Array<() => void> = [
        () => pick(rows())?.setAttribute('class', `row-${int(1e6).toString(36)}`),
        () => pick(inMain())?.classList.add(pick(['bui-table-row', 'bui-table', 'x-hash'])!),
        () => pick(rows())?.classList.remove('bc-okee-table-row', 'bui-table-row'),
        () => {
          const el = pick(inMain().filter((e) => e.children.length === 0));
          if (el) el.textContent = pick(['Admin', 'Standard', 'Pending', 'x@y.co', '—'])!;
        },
        () => {
          const row = pick(rows());
          row?.after(row.cloneNode(true));
        },
        () => pick(rows())?.remove(),
        () => {
          const toast = doc.createElement('div');
          toast.setAttribute('role', pick(['alert', 'status'])!);
          toast.textContent = 'Saved';
          doc.body.append(toast);
        },
        () => doc.querySelector('body > [role=alert], body > [role=status]')?.remove(),
        () => {
          const el = pick([doc.body, doc.querySelector('main'), doc.querySelector('#app')]);
          const attr = pick(['hidden', 'aria-hidden', 'style'])!;
          if (el?.hasAttribute(attr)) el.removeAttribute(attr);
          else el?.setAttribute(attr, attr === 'style' ? 'display:none' : 'true');
        },
        () => doc.querySelector('nav a')?.setAttribute('aria-current', 'page'),
        () => {
          const t = doc.querySelector('main table, main [role=table]');
          if (t) doc.body.append(t.cloneNode(true));
        },
        () => doc.querySelector('body > table, body > [role=table]')?.remove(),
        () => {
          const t = doc.querySelector('main table, main [role=table]');
          t?.replaceWith(t.cloneNode(true));
        },
        () => {
          const el = pick(inMain());
          el?.append(
            Object.assign(doc.createElement('span'), { textContent: '3 Records in Total' }),
          );
        },
      ];
      for (let i = 0; i < 100; i++) {
        const before = reader.read();
        const records = recordsOf(doc, pick(changes)!, tracker.roots());
        tracker.update(records);
        reader.changed(records);
        const after = reader.read();
        expect(after, `${page}, change ${i}`).toEqual(takeTablesData(doc));
        expect(readTablesData(after), `${page}, change ${i}`).toEqual(readAccessTable(doc));
        if (after === before) reused++;
        else reread++;
      }
      await dom.close();
      dom = undefined;
    }
    // Both happen: changes that cannot matter are skipped, the others read again.
    expect(reused).toBeGreaterThan(60);
    expect(reread).toBeGreaterThan(60);
  }, 120_000);

  it('reads again when told a new shadow root appeared', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const reader = new TablesDataReader(dom.document);
    const first = reader.read();
    expect(reader.read()).toBe(first);
    reader.invalidate();
    expect(reader.read()).not.toBe(first);
    expect(reader.read()).toEqual(first);
  });
});

describe('watchPage', () => {
  async function watching(doc: Document) {
    const batches: PageChanges[] = [];
    const controller = new AbortController();
    let tracker: ShadowRootTracker | undefined;
    watchPage(
      doc,
      controller.signal,
      (c) => batches.push(c),
      () => {},
      (watch) =>
        (tracker = new ShadowRootTracker(doc, {
          onFound: watch,
          ignore: (el) => el.localName === 'tt-access-companion',
        })),
    );
    const settle = () => new Promise((r) => setTimeout(r, 60));
    await settle(); // the first batch, with no records
    expect(batches).toEqual([{ records: [], input: false, acts: 0 }]);
    batches.length = 0;
    return { batches, settle, stop: () => controller.abort(), tracker: () => tracker! };
  }

  it('starts no reading for changes inside our own overlay, or for mounting it', async () => {
    const doc = document.implementation.createHTMLDocument('t');
    doc.body.innerHTML = '<main><p>page</p></main>';
    const w = await watching(doc);
    const ours = doc.createElement('tt-access-companion');
    const light = doc.createElement('div');
    ours.append(light);
    doc.body.append(ours);
    await w.settle();
    light.setAttribute('class', 'ac-open');
    light.textContent = 'changed';
    ours.setAttribute('style', 'z-index: 1');
    const shadow = ours.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input>';
    shadow
      .querySelector('input')!
      .dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await w.settle();
    ours.remove();
    await w.settle();
    expect(w.batches).toEqual([]);
    // The page's own change is read, with its records.
    doc.querySelector('main p')!.textContent = 'new';
    await w.settle();
    expect(w.batches).toHaveLength(1);
    expect(w.batches[0]!.records.length).toBeGreaterThan(0);
    w.stop();
  });

  it('one batch for many changes, and the user typing counts as one', async () => {
    const doc = document.implementation.createHTMLDocument('t');
    doc.body.innerHTML = '<main><input id="q"></main>';
    const w = await watching(doc);
    for (let i = 0; i < 20; i++) doc.querySelector('main')!.append(doc.createElement('p'));
    doc.getElementById('q')!.dispatchEvent(new Event('input', { bubbles: true }));
    await w.settle();
    expect(w.batches).toHaveLength(1);
    expect(w.batches[0]!.records).toHaveLength(20);
    expect(w.batches[0]!.input).toBe(true);
    w.stop();
    doc.querySelector('main')!.append(doc.createElement('p'));
    await w.settle();
    expect(w.batches).toHaveLength(1); // nothing after the route's signal aborted
  });

  it('sees changes inside the page’s shadow roots, also ones that appear later', async () => {
    const doc = document.implementation.createHTMLDocument('t');
    const early = doc.createElement('x-early');
    early.attachShadow({ mode: 'open' }).innerHTML = '<span>1</span>';
    doc.body.append(early);
    const w = await watching(doc);
    early.shadowRoot!.querySelector('span')!.textContent = '2';
    await w.settle();
    expect(w.batches).toHaveLength(1);
    const late = doc.createElement('x-late');
    late.attachShadow({ mode: 'open' }).innerHTML = '<span>a</span>';
    doc.body.append(late);
    await w.settle();
    expect(w.tracker().roots()).toContain(late.shadowRoot);
    late.shadowRoot!.querySelector('span')!.append(doc.createElement('b'));
    await w.settle();
    expect(w.batches).toHaveLength(3);
    w.stop();
  });
});

describe('watchPage batches per animation frame', () => {
  afterEach(() => vi.useRealTimers());

  it('reads once at the next frame for everything changed before it, on a timer when hidden', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame'] });
    const doc = document.implementation.createHTMLDocument('t');
    let visibility: DocumentVisibilityState = 'visible';
    Object.defineProperty(doc, 'visibilityState', { get: () => visibility });
    doc.body.innerHTML = '<main></main>';
    const batches: PageChanges[] = [];
    const controller = new AbortController();
    watchPage(doc, controller.signal, (c) => batches.push(c));
    vi.advanceTimersToNextFrame();
    expect(batches).toHaveLength(1); // the first, with no records
    for (let i = 0; i < 5; i++) doc.querySelector('main')!.append(doc.createElement('p'));
    await Promise.resolve(); // the observer's records arrive
    expect(batches).toHaveLength(1); // not before the frame
    vi.advanceTimersToNextFrame();
    expect(batches).toHaveLength(2);
    expect(batches[1]!.records).toHaveLength(5);
    // A hidden tab draws no frames: its changes are still read, on a timer.
    visibility = 'hidden';
    doc.querySelector('main')!.append(doc.createElement('p'));
    await Promise.resolve();
    vi.advanceTimersByTime(40);
    expect(batches).toHaveLength(3);
    controller.abort();
  });
});

describe('layersMayChange', () => {
  it('is false for class flips on the rows, true for a dialog or a row menu opening', async () => {
    dom = await openReplica(`${REPLICA_URLS.bcMembers}&ui=row-menu`);
    const doc = dom.document;
    const rows = Array.from(doc.querySelectorAll('main [data-row-key]'));
    expect(rows.length).toBeGreaterThan(0);
    const flips = recordsOf(doc, () => {
      for (const row of rows) row.className += ' h7';
    });
    expect(flips.length).toBe(rows.length);
    expect(layersMayChange(flips)).toBe(false);
    const current = recordsOf(doc, () => {
      for (const row of rows) row.setAttribute('aria-current', 'true');
    });
    expect(layersMayChange(current)).toBe(false);

    const more = Array.from(doc.querySelectorAll('main button[aria-haspopup=menu]'))[0];
    expect(more).toBeDefined();
    const menu = recordsOf(doc, () => (more as HTMLElement).click());
    expect(layersMayChange(menu)).toBe(true);
    await dom.settle();
    // A layer shown or hidden by its own attributes, or by its parent's.
    const open = doc.querySelector('[role=menu]')!;
    expect(layersMayChange(recordsOf(doc, () => open.setAttribute('hidden', '')))).toBe(true);
    expect(
      layersMayChange(recordsOf(doc, () => open.parentElement!.setAttribute('style', 'x: y'))),
    ).toBe(true);
    const item = open.querySelector('*')!;
    expect(layersMayChange(recordsOf(doc, () => item.setAttribute('style', 'x: y')))).toBe(true);
  });

  it('with the layers looked at last time known, tells the same without searching under each changed element', async () => {
    dom = await openReplica(`${REPLICA_URLS.bcMembers}&ui=row-menu`);
    const doc = dom.document;
    const more = doc.querySelector('main button[aria-haspopup=menu]') as HTMLElement;
    more.click();
    await dom.settle();
    const open = doc.querySelector('[role=menu]')!;
    const known = new Set<Element>();
    pageLayers(doc, known);
    expect(known.has(open)).toBe(true);
    const rows = Array.from(doc.querySelectorAll('main [data-row-key]'));
    const flips = recordsOf(doc, () => {
      for (const row of rows) row.className += ' h8';
    });
    const searches = vi.spyOn(dom.window.Element.prototype, 'querySelector');
    expect(layersMayChange(flips, known)).toBe(false);
    expect(searches).not.toHaveBeenCalled();
    // Around the open menu (its wrapper restyled), on it, in it: as without the list.
    for (const el of [open.parentElement!, open, open.querySelector('*')!])
      expect(
        layersMayChange(
          recordsOf(doc, () => el.setAttribute('style', 'x: y')),
          known,
        ),
      ).toBe(true);
  });
});

describe('the runner with no checklist running', () => {
  afterEach(() => vi.useRealTimers());

  it('searches nothing, reads no styles and tells the frame nothing for class churn; looks again when a layer opens', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
    const doc = dom.document;
    const store = createOverlayStore('bc-members');
    const runner = new ChecklistRunner(doc, store);
    const readings = vi.fn();
    runner.onReading = readings;
    const controller = new AbortController();
    runner.runRoute(dom.url(), controller.signal);
    await vi.advanceTimersByTimeAsync(40);
    expect(readings).toHaveBeenCalledTimes(1); // the table as first read
    const rows = Array.from(doc.querySelectorAll('main [data-row-key]'));
    const styles = vi.spyOn(dom.window, 'getComputedStyle');
    // No search of the whole page either.
    const scans = [vi.spyOn(doc, 'querySelectorAll'), vi.spyOn(doc, 'querySelector')];
    for (let i = 0; i < 5; i++) {
      for (const row of rows) row.className += ` h${i}`;
      await vi.advanceTimersByTimeAsync(40);
    }
    expect(styles).not.toHaveBeenCalled();
    for (const scan of scans) expect(scan).not.toHaveBeenCalled();
    expect(readings).toHaveBeenCalledTimes(1);
    // The page opens a floating layer: the panel's placement looks for it.
    const menu = doc.createElement('div');
    menu.setAttribute('role', 'menu');
    doc.body.append(menu);
    await vi.advanceTimersByTimeAsync(40);
    expect(styles).toHaveBeenCalled();
    controller.abort();
  });
});

describe('the runner with no checklist running, where the browser has idle callbacks', () => {
  afterEach(() => vi.useRealTimers());

  it('reads once the page is idle, once for a burst of batches; with a checklist running, at once', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
    const doc = dom.document;
    // The page's idle callbacks, run when the test says the page is idle.
    let idle = new Map<number, () => void>();
    let next = 0;
    Object.assign(dom.window, {
      requestIdleCallback: (work: () => void) => {
        idle.set(++next, work);
        return next;
      },
      cancelIdleCallback: (id: number) => idle.delete(id),
    });
    const goIdle = () => {
      const due = idle;
      idle = new Map();
      for (const work of due.values()) work();
    };
    const store = createOverlayStore('bc-members');
    const runner = new ChecklistRunner(doc, store);
    const readings = vi.fn();
    runner.onReading = readings;
    const controller = new AbortController();
    runner.runRoute(dom.url(), controller.signal);
    await vi.advanceTimersByTimeAsync(40);
    expect(readings).not.toHaveBeenCalled(); // the frame drew; the page is not idle yet
    goIdle();
    expect(readings).toHaveBeenCalledTimes(1);

    // Three batches of the table changing (a name, three times), one frame each.
    const name = [...doc.querySelectorAll('main td *')].find(
      (el) => el.children.length === 0 && el.textContent?.trim() === 'Priya Natarajan',
    )!;
    for (const n of [1, 2, 3]) {
      name.textContent = `Priya Natarajan ${n}`;
      await vi.advanceTimersByTimeAsync(40);
    }
    expect(readings).toHaveBeenCalledTimes(1);
    expect(idle.size).toBe(1); // one reading waits, for all three
    goIdle();
    expect(readings).toHaveBeenCalledTimes(2);
    const { rows } = readTablesData((readings.mock.calls[1]![0] as AgentReading).table!);
    expect(rows.some((r) => r.name === 'Priya Natarajan 3')).toBe(true);

    // A checklist running: the page's changes are read in the batch's frame, no idle wait.
    const run = runBeside(runner, store);
    run.ask({ kind: 'start', checklist: 'revoke-member' });
    const before = readings.mock.calls.length;
    name.textContent = 'Priya Natarajan 4';
    await vi.advanceTimersByTimeAsync(40);
    expect(readings.mock.calls.length).toBe(before + 1);
    controller.abort();
    expect(idle.size).toBe(0); // the route's pending idle work is dropped with it
  });
});

describe('boxesMayMove', () => {
  it('is false for class flips and text changed in place, true for elements added, removed, shown or hidden', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const doc = dom.document;
    const rows = Array.from(doc.querySelectorAll('main [data-row-key]'));
    expect(boxesMayMove(recordsOf(doc, () => rows.forEach((r) => (r.className += ' h3'))))).toBe(
      false,
    );
    const cell = doc.querySelector('main td')!;
    expect(boxesMayMove(recordsOf(doc, () => cell.setAttribute('aria-current', 'true')))).toBe(
      false,
    );
    expect(boxesMayMove(recordsOf(doc, () => rows[0]!.remove()))).toBe(true);
    expect(boxesMayMove(recordsOf(doc, () => rows[1]!.setAttribute('hidden', '')))).toBe(true);
    expect(boxesMayMove(recordsOf(doc, () => rows[1]!.setAttribute('style', 'height: 9px')))).toBe(
      true,
    );
  });
});

describe('isOwnRecord', () => {
  it('tells our host and what is in it from the page', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const ours = doc.createElement('tt-access-companion');
    doc.body.append(ours);
    const mixed = recordsOf(doc, () => {
      ours.append(doc.createElement('i'));
      doc.body.append(doc.createElement('p'));
      ours.remove();
    });
    expect(mixed.map(isOwnRecord)).toEqual([true, false, true]);
  });
});

describe('the overlay store', () => {
  it('keeps equal values, so nothing re-renders for a batch that changed nothing', () => {
    const store = createOverlayStore('bc-members');
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().set({ target: { top: 1, left: 2, width: 3, height: 4 }, advice: [] });
    expect(listener).toHaveBeenCalledTimes(1);
    const target = store.getState().target;
    store.getState().set({ target: { top: 1, left: 2, width: 3, height: 4 }, advice: [] });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().target).toBe(target);
    store.getState().set({ target: { top: 1, left: 2, width: 3, height: 5 } });
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('hands each listener the new state and the one before, until it unsubscribes', () => {
    const store = createOverlayStore('bc-members');
    const initial = store.getState();
    const seen: Array<[boolean, boolean]> = [];
    const stop = store.subscribe((now, before) => seen.push([now.collapsed, before.collapsed]));
    store.getState().setCollapsed(true);
    store.getState().setPageKind('bc-partners');
    expect(seen).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(store.getState().pageKind).toBe('bc-partners');
    // A new state object for every change (React compares by identity); the first stays as it was.
    expect(store.getState()).not.toBe(initial);
    expect(store.getInitialState()).toBe(initial);
    expect(initial.collapsed).toBe(false);
    stop();
    store.getState().setCollapsed(false);
    expect(seen).toHaveLength(2);
  });

  it('samePlain compares plain data deeply', () => {
    expect(samePlain({ a: [1, { b: 'x' }], c: null }, { a: [1, { b: 'x' }], c: null })).toBe(true);
    expect(samePlain({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(samePlain({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(samePlain([], {})).toBe(false);
    expect(samePlain(null, {})).toBe(false);
  });
});

describe('ChecklistRunner while the panel is hidden', () => {
  it('reads nothing until the panel opens, then reconciles at once', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const doc = dom.document;
    const store = createOverlayStore('bc-members');
    store.getState().set({ collapsed: true });
    const runner = new ChecklistRunner(doc, store);
    const rows = vi.fn(async () => []);
    const { frame } = companionFrame(runner, store, { rows });
    const controller = new AbortController();
    const reads = vi.spyOn(doc, 'querySelectorAll');
    runner.runRoute(dom.url(), controller.signal);
    await new Promise((r) => setTimeout(r, 80));
    // The frame asks for the register's rows (the agent has no way to).
    expect(rows).toHaveBeenCalled();
    // Collapsed, with no checklist: no table reading (no table query at all).
    const tableQueries = () => reads.mock.calls.filter(([s]) => s === 'table').length;
    expect(tableQueries()).toBe(0);
    // The register is empty, so every row of the table is "not in the register".
    store.getState().set({ collapsed: false });
    expect(tableQueries()).toBeGreaterThan(0);
    await vi.waitFor(() =>
      expect(frame.getState().reconcile.length).toBe(readAccessTable(doc).rows.length),
    );
    controller.abort();
  });
});
