/**
 * "Save this page's shape" must hold no text from the page: every replica, with unique markers
 * seeded into every text node, every attribute that can hold text, link queries and paths, form
 * values and open shadow roots, gives a shape in which no marker (and none of the replica's own
 * names, emails or IDs) survives, while the structure the readers need is still there.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pageShape, pageShapeFileName, textClass } from '@/lib/tiktok/page-shape';
import { REPLICA_URLS } from '../../fixtures/tiktok/replicas.mjs';
import { ACCESS_TABLES } from '../helpers/replica-expectations';
import type { ReplicaDom } from '../helpers/replica-dom';
import { openReplica } from '../helpers/replica-dom';

let dom: ReplicaDom | undefined;
afterEach(async () => {
  await dom?.close();
  dom = undefined;
});

const TEXT_ATTRIBUTES = ['title', 'aria-label', 'placeholder', 'value', 'alt', 'data-user', 'id'];

/** Every element of a tree and of the open shadow roots under it. */
function allElements(root: Document | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

function textNodesOf(root: Node, out: Text[] = []): Text[] {
  for (const child of Array.from(root.childNodes)) {
    if (child.nodeType === 3) out.push(child as Text);
    else out.push(...textNodesOf(child));
  }
  if (root.nodeType === 1 && (root as Element).shadowRoot)
    textNodesOf((root as Element).shadowRoot!, out);
  return out;
}

/** Seed a unique marker into every place text can be; returns the markers. */
function seedMarkers(doc: Document): string[] {
  const markers: string[] = [];
  const next = (upper = false) => {
    const m = `zqx${markers.length}mark`;
    markers.push(m);
    return upper ? m.toUpperCase() : m;
  };
  for (const node of textNodesOf(doc.documentElement)) {
    const parent = node.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    node.textContent = `${node.textContent ?? ''} ${next()}`;
  }
  const elements = allElements(doc);
  elements.forEach((el, i) => {
    const attribute = TEXT_ATTRIBUTES[i % TEXT_ATTRIBUTES.length]!;
    el.setAttribute(attribute, `${next(i % 2 === 0)} ${next()}@example.com`);
    if (el.tagName === 'A')
      el.setAttribute('href', `/manage/${next()}/users?org_id=${next()}&q=${next()}#${next()}`);
  });
  for (const input of Array.from(doc.querySelectorAll('input, textarea')))
    (input as HTMLInputElement).value = next();
  // A shadow root of its own, with text and attributes in it.
  const host = doc.createElement('x-seeded-host');
  (doc.querySelector('main') ?? doc.body).append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = `<div title="${next()}"><span aria-label="${next()}">${next()}</span><img alt="${next()}" src="https://cdn.example/${next()}.png?u=${next()}"></div>`;
  doc.title = next();
  return markers;
}

/** The replicas' own names, emails and IDs: none may appear in a shape either. */
const IDENTITIES = [
  ...new Set(
    ACCESS_TABLES.flatMap(({ rows }) =>
      rows.flatMap((r) => [r.name, r.email ?? '', r.partnerBcId ?? '']),
    ).filter((s) => s.length >= 4),
  ),
  '7012345678901234567',
  '7098765432109876543',
  '7100000000000000001',
];

describe('pageShape holds no text from the page', () => {
  it.each(Object.keys(REPLICA_URLS) as Array<keyof typeof REPLICA_URLS>)(
    'on the %s replica, with markers everywhere',
    async (page) => {
      dom = await openReplica(REPLICA_URLS[page]);
      const before = JSON.stringify(pageShape(dom.document));
      for (const identity of IDENTITIES) expect(before).not.toContain(identity);

      const markers = seedMarkers(dom.document);
      expect(markers.length).toBeGreaterThan(20);
      const json = JSON.stringify(pageShape(dom.document)).toLowerCase();
      const survivors = markers.filter((m) => json.includes(m.toLowerCase()));
      expect(survivors).toEqual([]);
      for (const identity of IDENTITIES) expect(json).not.toContain(identity.toLowerCase());
    },
  );
});

describe('pageShape keeps what a bug report needs', () => {
  it('on Members: the classification, the table as the readers saw it, texts as classes', async () => {
    dom = await openReplica(REPLICA_URLS.bcMembers);
    const shape = pageShape(dom.document);
    expect(shape.address).toEqual({
      host: 'business.tiktok.com',
      path: ['manage', 'users', 'members'],
      query: { org_id: 'digits·19' },
    });
    expect(shape.classification).toMatchObject({ kind: 'bc-members', confirmed: true });
    expect(shape.tables).toEqual([
      {
        kind: 'bc-members',
        columns: ['name', 'status', 'email', 'bcRole', 'ignored', 'ignored'],
        rows: 10,
        cellsPerRow: Array(10).fill(6),
        headless: false,
      },
    ]);
    expect(shape.reading).toEqual({ rows: 10, complete: false, problems: 1 });
    const json = JSON.stringify(shape);
    for (const cls of [
      'email·27',
      'role word·5',
      'status word·6',
      'interface word·8',
      'words·2·10',
    ])
      expect(json).toContain(cls);
  });

  it('walks into open shadow roots (Ads Manager’s account switcher)', async () => {
    dom = await openReplica(REPLICA_URLS.adsDashboard);
    const json = JSON.stringify(pageShape(dom.document));
    expect(json).toContain('"shadow":');
    expect(json).not.toContain('7100000000000000001');
  });

  it('classes text by what it is, never by what it says', () => {
    expect(textClass('riley@northwind-outdoor.com')).toBe('email·27');
    expect(textClass('7012345678901234567')).toBe('digits·19');
    expect(textClass('Finance analyst')).toBe('role word·15');
    expect(textClass('Pendiente')).toBe('status word·9');
    expect(textClass('Riley Chen')).toBe('words·2·10');
    expect(textClass('  ')).toBe('blank');
  });

  it('names its file by the kind of page and the time only', async () => {
    dom = await openReplica(REPLICA_URLS.bcPartners);
    expect(pageShapeFileName(pageShape(dom.document), new Date('2026-12-01T22:10:05.123Z'))).toBe(
      'tiktok-page-shape-bc-partners-2026-12-01T22-10-05Z.json',
    );
  });
});
