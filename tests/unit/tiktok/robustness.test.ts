/**
 * Robustness: the readers against at least 1,000 seeded random mutations of the replicas, the
 * ways TikTok's pages change and break — attributes and classes removed or renamed, labels
 * changed or cut short, rows duplicated or truncated, junk nodes inserted, labels swapped for
 * another language's, headers dropped, columns reordered, the header drawn as a data row. The
 * readers must never throw, and either read exactly the right rows or say `complete: false` with
 * a problem; a role or status they do return must never be wrong.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AccessRow } from '@/lib/tiktok';
import {
  LABELS,
  classifyPage,
  readAccessTable,
  readBusinessCenterList,
  readFlowState,
  sameParty,
} from '@/lib/tiktok';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import { ACCESS_TABLES } from '../helpers/replica-expectations';
import { renderedReplica } from '../helpers/replica-dom';
import type { SeededRandom } from '../helpers/seeded-random';
import { seededRandom } from '../helpers/seeded-random';

const SEED = 0x7a11c0de;
/** The notes a complete reading may carry: how a column was recognised, never a gap. */
const HOW_IT_WAS_READ = /so it was read as the .* column\.$|recognised by what their cells hold\.$/;
const TRIALS = 1000;

const prng = seededRandom;
type Rng = SeededRandom;

function junkText(rng: Rng): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzÄßçñ日本語שלוםمرحبا🦊 ';
  return Array.from({ length: 3 + rng.int(10) }, () => alphabet[rng.int(alphabet.length)]).join('');
}

function textNodes(root: Node, out: Text[] = []): Text[] {
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType === 3 && child.textContent?.trim()) out.push(child as Text);
    else if (child.nodeType === 1 && !['SCRIPT', 'STYLE'].includes((child as Element).tagName))
      textNodes(child, out);
  }
  return out;
}

function bodyRows(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('main tbody > tr, main [role=row]')).filter(
    (r) => !r.querySelector('th, [role=columnheader]'),
  );
}

/** The header rows of the page's tables: a <thead>'s rows, grid rows of column headers. */
function headerRows(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('main thead > tr, main [role=row]')).filter((r) =>
    r.querySelector('th, [role=columnheader]'),
  );
}

/** Each row's cells, header rows included, for tables and grids alike. */
function cellsOf(row: Element): Element[] {
  return Array.from(row.children);
}

/** The words of one meaning in every language LABELS knows: statuses, roles, column headings. */
const SAME_MEANING: ReadonlyArray<readonly string[]> = [
  ...Object.values(LABELS.status),
  ...Object.values(LABELS.bcRole),
  ...Object.values(LABELS.financeRole),
  ...Object.values(LABELS.assetRole),
  LABELS.colName,
  LABELS.colEmail,
  LABELS.colStatus,
  LABELS.colBcRole,
  LABELS.colPermission,
  LABELS.colPartnerName,
  LABELS.colBcId,
  LABELS.colIgnored,
];
const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/** What one mutation did, for the failure message. */
type Mutation = (doc: Document, rng: Rng, identities: ReadonlySet<string>) => string;

// The page's aria-hidden decorations (avatar initials) are its own statement about what is not
// content; removing that contract is not a change TikTok can make without changing the names.
const REMOVABLE = (name: string) => name !== 'aria-hidden';

const MUTATIONS: Record<string, Mutation> = {
  removeAttribute(doc, rng) {
    const el = rng.pick(
      Array.from(doc.querySelectorAll('main *')).filter((e) =>
        Array.from(e.attributes).some((a) => REMOVABLE(a.name)),
      ),
    );
    const attr = el && rng.pick(Array.from(el.attributes).filter((a) => REMOVABLE(a.name)));
    if (!el || !attr) return 'nothing';
    el.removeAttribute(attr.name);
    return `removed ${attr.name} from <${el.tagName.toLowerCase()}>`;
  },
  renameAttribute(doc, rng) {
    const el = rng.pick(
      Array.from(doc.querySelectorAll('main *')).filter((e) =>
        Array.from(e.attributes).some((a) => REMOVABLE(a.name)),
      ),
    );
    const attr = el && rng.pick(Array.from(el.attributes).filter((a) => REMOVABLE(a.name)));
    if (!el || !attr) return 'nothing';
    if (rng.next() < 0.5) {
      el.setAttribute(`${attr.name}-v2`, attr.value);
      el.removeAttribute(attr.name);
      return `renamed ${attr.name} on <${el.tagName.toLowerCase()}>`;
    }
    el.setAttribute(attr.name, junkText(rng));
    return `gave ${attr.name} on <${el.tagName.toLowerCase()}> a new value`;
  },
  renameClasses(doc, rng) {
    const el = rng.pick(Array.from(doc.querySelectorAll('main [class], #app [class]')));
    if (!el) return 'nothing';
    el.setAttribute('class', `x-${junkText(rng).replace(/\W/g, '')}-${rng.int(9999)}`);
    return `renamed the classes of <${el.tagName.toLowerCase()}>`;
  },
  changeLabel(doc, rng, identities) {
    // Labels, not identities: a name or email changed to another is a different person.
    const node = rng.pick(
      textNodes(doc.querySelector('main') ?? doc.body).filter(
        (t) => !identities.has((t.textContent ?? '').trim()),
      ),
    );
    if (!node) return 'nothing';
    const before = node.textContent ?? '';
    const kinds = [
      () => junkText(rng),
      () => `${before.trim().slice(0, Math.max(1, rng.int(before.trim().length)))}…`,
      () => before.toUpperCase(),
      () => `${before} ${junkText(rng)}`,
    ];
    node.textContent = rng.pick(kinds)!();
    return `label "${before}" → "${node.textContent}"`;
  },
  duplicateRow(doc, rng) {
    const row = rng.pick(bodyRows(doc));
    if (!row) return 'nothing';
    row.after(row.cloneNode(true));
    return 'duplicated a row';
  },
  truncateRows(doc, rng) {
    const rows = bodyRows(doc);
    const n = 1 + rng.int(rows.length || 1);
    for (const row of rows.slice(-n)) row.remove();
    return `removed the last ${n} rows`;
  },
  shuffleLanguages(doc, rng) {
    // Labels of one meaning swapped for the same meaning in another language, several at once.
    const known = textNodes(doc.querySelector('main') ?? doc.body).filter((t) =>
      SAME_MEANING.some((group) => group.some((w) => fold(w) === fold(t.textContent ?? ''))),
    );
    const changed: string[] = [];
    for (const node of known) {
      if (rng.next() < 0.5) continue;
      const before = node.textContent ?? '';
      // Only words that mean the same in every list the word is in ("Administrador" is a
      // Business Center role and an ad account permission: "Admin BC" is only the former).
      const groups = SAME_MEANING.filter((g) => g.some((w) => fold(w) === fold(before)));
      const same = groups[0]!.filter((w) =>
        groups.every((g) => g.some((x) => fold(x) === fold(w))),
      );
      node.textContent = rng.pick(same)!;
      changed.push(`${before.trim()}→${node.textContent}`);
    }
    return `labels in other languages: ${changed.slice(0, 6).join(', ')}`;
  },
  dropHeaders(doc) {
    const rows = headerRows(doc);
    for (const row of rows) {
      const head = row.parentElement;
      row.remove();
      // A scroll table's header part is a table of its own: it goes with its only row.
      if (head?.tagName === 'THEAD' && head.children.length === 0) {
        const table = head.parentElement;
        head.remove();
        if (table && table.children.length === 0) table.remove();
      }
    }
    return `dropped ${rows.length} header rows`;
  },
  reorderColumns(doc, rng) {
    const rows = [...headerRows(doc), ...bodyRows(doc)];
    const width = rows[0] ? cellsOf(rows[0]).length : 0;
    if (width < 2) return 'nothing';
    const order = Array.from({ length: width }, (_, i) => i).sort(() => rng.next() - 0.5);
    for (const row of rows) {
      const cells = cellsOf(row);
      if (cells.length !== width) continue;
      row.append(...order.map((i) => cells[i]!));
    }
    return `reordered the columns as ${order.join(',')}`;
  },
  headerAsDataRow(doc) {
    // The header rendered like a data row: td cells (or role=cell) in the body, before the rows.
    const row = headerRows(doc)[0];
    if (!row) return 'nothing';
    if (row.tagName === 'TR') {
      const tr = doc.createElement('tr');
      for (const th of cellsOf(row)) {
        const td = doc.createElement('td');
        td.append(...Array.from(th.childNodes));
        tr.append(td);
      }
      const table = row.closest('table')!;
      const body =
        table.querySelector('tbody') ??
        (table.parentElement?.parentElement?.querySelector('tbody') as Element | null);
      if (!body) return 'nothing';
      body.prepend(tr);
      row.remove();
    } else {
      for (const cell of cellsOf(row)) cell.setAttribute('role', 'cell');
    }
    return 'rendered the header as a data row';
  },
  insertJunk(doc, rng) {
    const rows = bodyRows(doc);
    const places: Array<() => Element | null> = [
      () => rng.pick(rows)?.parentElement ?? null,
      () => doc.querySelector('main'),
      () => doc.body,
      () => doc.querySelector('main table, main [role=table]')?.parentElement ?? null,
    ];
    const parent = rng.pick(places)!();
    if (!parent) return 'nothing';
    const tag =
      parent.tagName === 'TBODY' ? rng.pick(['tr', 'div'])! : rng.pick(['div', 'span', 'p'])!;
    const junk = doc.createElement(tag);
    if (tag === 'tr') {
      const cells = (rows[0]?.children.length ?? 3) + (rng.next() < 0.5 ? 0 : 1);
      for (let i = 0; i < cells; i++)
        junk.append(Object.assign(doc.createElement('td'), { textContent: junkText(rng) }));
    } else {
      junk.textContent = junkText(rng);
      if (rng.next() < 0.5)
        junk.setAttribute('role', rng.pick(['row', 'status', 'alert', 'cell'])!);
    }
    const children = Array.from(parent.children);
    parent.insertBefore(junk, children[rng.int(children.length + 1)] ?? null);
    return `inserted a junk <${tag}> into <${parent.tagName.toLowerCase()}>`;
  },
};

interface Snapshot {
  page: string;
  url: URL;
  html: string;
  rows: readonly AccessRow[];
  identities: Set<string>;
}

const snapshots: Snapshot[] = [];

beforeAll(async () => {
  for (const { page, rows } of ACCESS_TABLES) {
    const html = (await renderedReplica(REPLICA_URLS[page]))
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<style[\s\S]*?<\/style>/g, '');
    const identities = new Set([
      '—',
      ...rows.flatMap((r) => [r.name, r.email ?? '', r.partnerBcId ?? '']),
    ]);
    identities.delete('');
    snapshots.push({ page, url: new URL(REPLICA_URLS[page]), html, rows, identities });
  }
});

/** Whether a reading's rows say anything wrong about someone the table really shows. */
function wrongClaims(rows: readonly AccessRow[], truth: readonly AccessRow[]): string[] {
  const wrong: string[] = [];
  for (const row of rows) {
    const real = truth.find((t) => t.kind === row.kind && sameParty(t, row));
    if (!real) continue;
    for (const field of ['bcRole', 'financeRole', 'assetRole'] as const) {
      if (row[field] !== undefined && row[field] !== real[field])
        wrong.push(`${row.name}: ${field} ${row[field]} should be ${real[field]}`);
    }
    if (row.status !== 'unknown' && row.status !== real.status)
      wrong.push(`${row.name}: status ${row.status} should be ${real.status}`);
  }
  return wrong;
}

describe(`readers under ${TRIALS} seeded random mutations of the replicas`, () => {
  it('the Business Center picker reader never throws and never gives a wrong role', async () => {
    const html = (await renderedReplica(REPLICA_URLS.bcPicker)).replace(
      /<script[\s\S]*?<\/script>/g,
      '',
    );
    const truth = new Map([
      ['7012345678901234567', { name: 'Northwind Outdoor', myRole: 'admin' }],
      ['7098765432109876543', { name: 'Tienda Sol', myRole: 'standard' }],
      ['7034567890123456789', { name: 'Cedar & Co Apparel', myRole: 'standard' }],
      ['7067890123456789012', { name: '<b onmouseover=alert(1)>Evil BC</b> 🧨', myRole: 'admin' }],
    ]);
    const identities = new Set([...truth.values()].map((t) => t.name));
    const rng = prng(SEED + 1);
    const parser = new DOMParser();
    const names = [
      'removeAttribute',
      'renameAttribute',
      'renameClasses',
      'changeLabel',
      'insertJunk',
    ];
    for (let trial = 0; trial < 200; trial++) {
      const doc = parser.parseFromString(html, 'text/html');
      const applied = [1, 2].map(() => {
        const name = rng.pick(names)!;
        return `${name}: ${MUTATIONS[name]!(doc, rng, identities)}`;
      });
      const list = readBusinessCenterList(doc);
      for (const entry of list) {
        const real = truth.get(entry.orgId);
        if (!real) continue;
        if (entry.myRole !== undefined)
          expect(entry.myRole, `picker trial ${trial}: ${applied.join('; ')}`).toBe(real.myRole);
      }
    }
  });

  it(
    'never throw; read the right rows or report the problem; never a wrong role or status',
    { timeout: 300_000 },
    () => {
      const rng = prng(SEED);
      const parser = new DOMParser();
      const names = Object.keys(MUTATIONS);
      const outcomes = { exact: 0, reported: 0 };
      const kindsSeen = new Set<string>();
      /** Per mutation, the trials read exactly although it was applied. */
      const exactAfter = new Map<string, number>();
      for (let trial = 0; trial < TRIALS; trial++) {
        const snap = snapshots[trial % snapshots.length]!;
        const doc = parser.parseFromString(snap.html, 'text/html');
        const applied: string[] = [];
        const used = new Set<string>();
        const count = 1 + rng.int(3);
        for (let i = 0; i < count; i++) {
          const name = rng.pick(names)!;
          kindsSeen.add(name);
          used.add(name);
          applied.push(`${name}: ${MUTATIONS[name]!(doc, rng, snap.identities)}`);
        }
        const context = `trial ${trial} on ${snap.page} after ${applied.join('; ')}`;

        const reading = readAccessTable(doc);
        expect(() => classifyPage(snap.url, doc), context).not.toThrow();
        expect(() => readFlowState(doc), context).not.toThrow();

        expect(wrongClaims(reading.rows, snap.rows), context).toEqual([]);
        if (reading.complete) {
          expect(reading.rows, context).toEqual(snap.rows);
          // A complete reading may say how it was read (a column known by its cells), nothing else.
          for (const p of reading.problems) expect(p, context).toMatch(HOW_IT_WAS_READ);
          outcomes.exact++;
          for (const name of used) exactAfter.set(name, (exactAfter.get(name) ?? 0) + 1);
        } else {
          expect(reading.problems.length, context).toBeGreaterThan(0);
          for (const p of reading.problems) expect(p, context).toMatch(/^[A-Z0-9].*[.)]$/);
          outcomes.reported++;
        }
      }
      expect(kindsSeen).toEqual(new Set(names));
      // Both outcomes occur: mutations that do not matter, and ones that must be reported.
      expect(outcomes.exact).toBeGreaterThan(50);
      expect(outcomes.reported).toBeGreaterThan(50);
      // The readers cope with a page in other languages, without headings, with its columns in
      // another order or its header drawn as a row: such pages are read exactly, not just reported.
      for (const name of ['shuffleLanguages', 'dropHeaders', 'reorderColumns', 'headerAsDataRow'])
        expect(exactAfter.get(name) ?? 0, name).toBeGreaterThan(10);
    },
  );
});
