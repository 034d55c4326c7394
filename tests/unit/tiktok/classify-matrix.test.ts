/**
 * Page classification as a generated matrix: every route × every combination of heading, tabs
 * and access table × every replica page as the surroundings, each with its expected kind written
 * out below. The headings, tab bars and tables put into each page are the replicas' own markup
 * (both class-name generations, `<table>`, ARIA grid and scroll table) in every language LABELS
 * knows, so a new replica or a new language is part of the matrix without touching this file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PageKind } from '@/lib/tiktok';
import {
  LABELS,
  SELECTORS,
  describeWeighing,
  readPageEvidence,
  weighEvidence,
  weighPage,
} from '@/lib/tiktok';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import { renderedReplica } from '../helpers/replica-dom';

const ORG = 'org_id=7012345678901234567';
const BC = 'https://business.tiktok.com';

/** Every kind of route the classifier meets. */
const ROUTES = {
  members: `${BC}/manage/users/members?${ORG}`,
  partners: `${BC}/manage/users/partners?${ORG}`,
  asset: `${BC}/manage/accounts/adv/detail?${ORG}&aadvid=7100000000000000001`,
  /** Routes the detectors do not know, where a page about access may be. */
  usersRenamed: `${BC}/manage/users/collaborators?${ORG}`,
  accountsRenamed: `${BC}/manage/accounts/adv/info?${ORG}&aadvid=7100000000000000001`,
  overview: `${BC}/manage/overview?${ORG}`,
  picker: `${BC}/select?source=login`,
  login: `${BC}/login`,
  adsManager: 'https://ads.tiktok.com/i18n/dashboard?aadvid=7100000000000000001',
} as const;
type Route = keyof typeof ROUTES;

const HEADINGS = ['none', 'members', 'partners', 'other'] as const;
const TABS = ['none', 'tabs'] as const;
const TABLES = ['none', 'bc-members', 'bc-partners', 'asset-members', 'asset-partners'] as const;
type Heading = (typeof HEADINGS)[number];
type Tabs = (typeof TABS)[number];
type Table = (typeof TABLES)[number];

const CODE: Record<string, PageKind> = {
  M: 'bc-members',
  P: 'bc-partners',
  A: 'bc-asset-access',
  O: 'bc-other',
  S: 'bc-picker',
  L: 'login',
  X: 'ads-manager',
};

/**
 * Expected kinds: one line per heading × tabs, in the order of HEADINGS × TABS; one letter per
 * table, in the order of TABLES (none, BC members, BC partners, asset members, asset partners).
 * M members, P partners, A asset access, O other Business Center page, S picker, L login,
 * X Ads Manager.
 */
const EXPECTED: Record<Route, readonly string[]> = {
  // A known route stands: only heading AND table together, agreeing, move it.
  members: [
    /* no heading           */ 'MMMMM',
    /* no heading, tabs     */ 'MMMMM',
    /* Members              */ 'MMMMM',
    /* Members, tabs        */ 'MMMMM',
    /* Partners             */ 'MMPMM',
    /* Partners, tabs       */ 'MMPMM',
    /* other heading        */ 'MMMMM',
    /* other heading, tabs  */ 'MMMMM',
  ],
  partners: ['PPPPP', 'PPPPP', 'PMPPP', 'PMPPP', 'PPPPP', 'PPPPP', 'PPPPP', 'PPPPP'],
  // The asset route's tabs back the URL: heading and table against URL and tabs is a tie, and
  // a tie keeps the URL.
  asset: ['AAAAA', 'AAAAA', 'AMAAA', 'AAAAA', 'AAPAA', 'AAAAA', 'AAAAA', 'AAAAA'],
  // Unknown routes: heading and table decide; the table wins a disagreement with the heading;
  // tabs alone say nothing, and add to the asset kind.
  usersRenamed: ['OMPAA', 'OMPAA', 'MMPAA', 'MMPAA', 'PMPAA', 'PMPAA', 'OMPAA', 'OMPAA'],
  accountsRenamed: ['OMPAA', 'OMPAA', 'MMPAA', 'MMPAA', 'PMPAA', 'PMPAA', 'OMPAA', 'OMPAA'],
  // Elsewhere on Business Center, a page is about access only when heading and table agree.
  overview: ['OOOOO', 'OOOOO', 'OMOOO', 'OMOOO', 'OOPOO', 'OOPOO', 'OOOOO', 'OOOOO'],
  // Off Business Center's /manage/ pages the URL alone decides.
  picker: Array<string>(8).fill('SSSSS'),
  login: Array<string>(8).fill('LLLLL'),
  adsManager: Array<string>(8).fill('XXXXX'),
};

function expectedKind(route: Route, heading: Heading, tabs: Tabs, table: Table): PageKind {
  const line = EXPECTED[route][HEADINGS.indexOf(heading) * TABS.length + TABS.indexOf(tabs)]!;
  return CODE[line[TABLES.indexOf(table)]!]!;
}

/** Replicas whose access table is of each kind (the table is taken with its wrapper). */
const TABLE_SOURCES: Record<Exclude<Table, 'none'>, ReadonlyArray<keyof typeof REPLICA_URLS>> = {
  'bc-members': ['bcMembers', 'bcMembersEs'],
  'bc-partners': ['bcPartners', 'bcPartnersEs'],
  'asset-members': ['bcAssetMembers', 'bcAssetMembersEs'],
  'asset-partners': ['bcAssetPartner'],
};

const TABLE_TARGETS = SELECTORS.table.alternatives.join(',');
const HEADING_TARGETS = ['h1', '[role=heading][aria-level="1"]'].join(',');
const TAB_TARGETS = [...SELECTORS.tab.alternatives, '[role=tablist]'].join(',');
const parser = new DOMParser();

/** The replica's access table with its wrappers, up to (not including) what holds its heading. */
function tableFragment(html: string): string {
  const doc = parser.parseFromString(html, 'text/html');
  const table = doc.querySelector(`main ${TABLE_TARGETS.split(',').join(', main ')}`);
  if (!table) throw new Error('the replica shows no table');
  let at: Element = table;
  while (
    at.parentElement &&
    at.parentElement.tagName !== 'MAIN' &&
    !at.parentElement.querySelector(`${HEADING_TARGETS}, ${TAB_TARGETS}`)
  )
    at = at.parentElement;
  return at.outerHTML;
}

const fragments = {} as Record<Exclude<Table, 'none'>, string[]>;
const replicas: Array<{ page: string; html: string }> = [];

beforeAll(async () => {
  const rendered = new Map<string, string>();
  for (const [page, url] of Object.entries(REPLICA_URLS)) {
    const html = await renderedReplica(url);
    rendered.set(page, html);
    replicas.push({ page, html: html.replace(/<script[\s\S]*?<\/script>/g, '') });
  }
  for (const [kind, pages] of Object.entries(TABLE_SOURCES) as Array<
    [Exclude<Table, 'none'>, ReadonlyArray<keyof typeof REPLICA_URLS>]
  >) {
    fragments[kind] = pages.map((page) => tableFragment(rendered.get(page)!));
  }
}, 120_000);

/** The i-th label of a list, round robin, so every language takes its turn. */
const nth = (labels: readonly string[], i: number) => labels[i % labels.length]!;

/** A replica's page with its own heading, tabs and tables taken out. */
function bare(html: string): Document {
  const doc = parser.parseFromString(html, 'text/html');
  for (const el of Array.from(doc.querySelectorAll(`${HEADING_TARGETS}, ${TAB_TARGETS}`)))
    el.remove();
  for (const el of Array.from(doc.querySelectorAll(TABLE_TARGETS))) el.remove();
  return doc;
}

/** Put the given heading, tabs and table into a bare page; returns how to take them out again. */
function compose(doc: Document, i: number, heading: Heading, tabs: Tabs, table: Table): () => void {
  const main = doc.querySelector('main') ?? doc.body;
  const parts: string[] = [];
  if (heading !== 'none') {
    const text =
      heading === 'members'
        ? nth(LABELS.members, i)
        : heading === 'partners'
          ? nth(LABELS.partners, i)
          : 'Northwind US';
    parts.push(`<div><h1>${text}</h1></div>`);
  }
  if (tabs === 'tabs') {
    parts.push(
      `<div role="tablist"><button role="tab" aria-selected="true">${nth(LABELS.members, i)}</button>` +
        `<button role="tab" aria-selected="false">${nth(LABELS.partners, i)}</button></div>`,
    );
  }
  if (table !== 'none') parts.push(nth(fragments[table], i));
  const holder = doc.createElement('div');
  holder.innerHTML = parts.join('');
  const added = Array.from(holder.children);
  main.prepend(...added);
  return () => {
    for (const el of added) el.remove();
  };
}

describe('the table fragments the matrix puts in', () => {
  it.each(Object.keys(TABLE_SOURCES) as Array<Exclude<Table, 'none'>>)(
    'every %s fragment is read as that kind of table',
    (kind) => {
      const expected = kind.startsWith('asset') ? 'bc-asset-access' : kind;
      fragments[kind].forEach((_, i) => {
        const doc = bare(replicas[0]!.html);
        compose(doc, i, 'none', 'none', kind);
        expect(readPageEvidence(doc).byTable).toBe(expected);
      });
    },
  );
});

describe('classification matrix: route × heading × tabs × table × replica', () => {
  it.each(Object.keys(REPLICA_URLS))('on the %s replica', (page) => {
    const i = replicas.findIndex((r) => r.page === page);
    const doc = bare(replicas[i]!.html);
    const wrong: string[] = [];
    let checked = 0;
    for (const heading of HEADINGS)
      for (const tabs of TABS)
        for (const table of TABLES) {
          const takeOut = compose(doc, i, heading, tabs, table);
          for (const route of Object.keys(ROUTES) as Route[]) {
            const expected = expectedKind(route, heading, tabs, table);
            const weighing = weighPage(new URL(ROUTES[route]), doc);
            checked++;
            if (weighing.kind !== expected)
              wrong.push(
                `${route} · heading ${heading} · ${tabs} · table ${table}: ${weighing.kind}, expected ${expected} (${describeWeighing(weighing).join(' ')})`,
              );
          }
          takeOut();
        }
    expect(wrong).toEqual([]);
    expect(checked).toBe(HEADINGS.length * TABS.length * TABLES.length * 9);
  });
});

describe('weighEvidence explains itself', () => {
  it('a Members route with a "Members | Partners" tab bar stays Members, and says why', () => {
    const weighing = weighEvidence(new URL(ROUTES.members), {
      heading: 'Members',
      byHeading: 'bc-members',
      byTabs: 'bc-asset-access',
      byTable: 'bc-members',
    });
    expect(weighing.kind).toBe('bc-members');
    expect(weighing.confirmed).toBe(true);
    expect(weighing.votes).toEqual([
      { source: 'url', kind: 'bc-members', weight: 3 },
      { source: 'heading', kind: 'bc-members', weight: 2 },
      { source: 'table', kind: 'bc-members', weight: 2 },
      { source: 'tabs', kind: 'bc-asset-access', weight: 1 },
    ]);
    expect(describeWeighing(weighing)).toEqual([
      'The address is a known bc-members route (3).',
      'The heading "Members" names bc-members (2).',
      "The table's columns make a bc-members table (2).",
      'Members and Partners tabs point to bc-asset-access (1).',
      'bc-members weighs most (7).',
    ]);
  });

  it('tabs and a table of another kind tie with a known route, and the route keeps it', () => {
    const weighing = weighEvidence(new URL(ROUTES.members), {
      heading: null,
      byHeading: null,
      byTabs: 'bc-asset-access',
      byTable: 'bc-asset-access',
    });
    expect(weighing.kind).toBe('bc-members');
    // The table contradicts the kind: the page has not confirmed it.
    expect(weighing.confirmed).toBe(false);
    expect(weighing.decision).toEqual({
      by: 'tie',
      weight: 3,
      between: ['bc-members', 'bc-asset-access'],
      settledBy: 'url',
    });
    expect(describeWeighing(weighing).at(-1)).toBe(
      'bc-members and bc-asset-access weigh the same (3); the url settles it: bc-members.',
    );
  });

  it('an unknown route with nothing but tabs stays what its URL says', () => {
    const weighing = weighEvidence(new URL(ROUTES.usersRenamed), {
      heading: null,
      byHeading: null,
      byTabs: 'bc-asset-access',
      byTable: null,
    });
    expect(weighing.kind).toBe('bc-other');
    expect(weighing.confirmed).toBe(false);
  });

  it('the page is not read at all off Business Center', () => {
    expect(weighEvidence(new URL(ROUTES.adsManager), null)).toMatchObject({
      kind: 'ads-manager',
      confirmed: false,
    });
  });
});
