import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { firstScreen } from '@/components/popup/first-rows';
import { PopupApp } from '@/components/popup/PopupApp';
import type { GrantDraft, RegisterDb } from '@/lib/register';
import {
  deleteGrant,
  openRegisterForReading,
  recentViews,
  recentViewsFromIdb,
  recordGrant,
} from '@/lib/register';
import { registerDbEachTest } from '../helpers/register-db';

const NOW = new Date(2026, 10, 27, 12, 0);

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

const person = (i: number): GrantDraft['party'] =>
  i % 4 === 0
    ? { kind: 'partnerBc', name: '', bcId: `71000000000000000${i}`, organisation: 'Agency' }
    : { kind: 'person', name: i % 3 ? `Person <b>${i}</b>` : '', email: `p${i}@example.com` };

/** Grants on several accounts, some changed at the same instant (ties in `updatedAt`), some deleted. */
async function seed(count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const grant = await recordGrant(
      db,
      {
        account:
          i % 2
            ? {
                kind: 'businessCenter',
                externalId: `701234567890123456${i % 3}`,
                name: '',
                ownership: 'mine',
              }
            : {
                kind: 'adAccount',
                externalId: `710000000000000000${i % 5}`,
                name: `Ads ${i % 5}`,
                ownership: 'client',
              },
        party: person(i),
        bcRole: i % 2 ? 'standard' : null,
        assetRole: 'operator',
        status: i % 5 === 0 ? 'invited' : 'active',
      },
      // Three grants per instant: ties are ordered by id, as Dexie's reverse order has them.
      { source: 'manual', now: new Date(NOW.getTime() + Math.floor(i / 3) * 1000) },
    );
    ids.push(grant.id);
  }
  return ids;
}

async function openRaw(): Promise<IDBDatabase> {
  const idb = await openRegisterForReading(db.name);
  if (!idb) throw new Error('the register should exist');
  return idb;
}

describe('the popup first rows read without Dexie', () => {
  it('are what recentViews reads: newest first, ties by id, deleted grants left out', async () => {
    const ids = await seed(14);
    for (const id of [ids[13]!, ids[12]!, ids[4]!]) {
      await deleteGrant(db, id, 1, { source: 'manual', now: NOW });
    }
    const idb = await openRaw();
    try {
      for (const count of [1, 2, 3, 5, 11, 30]) {
        expect(await recentViewsFromIdb(idb, count)).toEqual(await recentViews(db, count));
      }
    } finally {
      idb.close();
    }
  });

  it('find no register where none exists, and leave none behind for Dexie to find', async () => {
    const name = `t-${crypto.randomUUID()}`;
    expect(await openRegisterForReading(name)).toBeNull();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain(name);
  });

  it('never hold up a schema upgrade another context starts', async () => {
    await seed(1);
    const idb = await openRaw();
    db.close();
    const upgrading = indexedDB.open(db.name, idb.version + 1);
    const opened = await new Promise<IDBDatabase>((resolve, reject) => {
      upgrading.onsuccess = () => resolve(upgrading.result);
      upgrading.onblocked = () => reject(new Error('blocked by the first rows’ connection'));
      upgrading.onerror = () => reject(upgrading.error);
    });
    opened.close();
  });
});

/** The HTML with the ids React and the first screen each choose for themselves made alike. */
function sameIds(html: string): string {
  const ids = new Map<string, string>();
  return html.replace(
    /(?<![\w-])(id|for|aria-labelledby)="([^"]*)"/g,
    (_, attribute: string, value: string) => {
      const base = value.replace(/-(due|list|q|add)$/, '');
      if (!ids.has(base)) ids.set(base, `id${ids.size}`);
      return `${attribute}="${value.replace(base, ids.get(base)!)}"`;
    },
  );
}

describe('the popup first screen', () => {
  it('is the markup React renders first with the same rows, so the hand-over moves nothing', async () => {
    await seed(7);
    const recent = await recentViews(db, 30);
    const { container } = render(<PopupApp initialRecent={recent} />);
    const plain = document.createElement('div');
    plain.append(firstScreen(recent));
    expect(plain.querySelectorAll('[data-testid="popup-list"] li')).toHaveLength(7);
    expect(sameIds(plain.innerHTML)).toBe(sameIds(container.innerHTML));
  });

  it('with an empty register says so, as React does', () => {
    const { container } = render(<PopupApp initialRecent={[]} />);
    const plain = document.createElement('div');
    plain.append(firstScreen([]));
    expect(plain.querySelector('[data-testid="popup-empty"]')).not.toBeNull();
    expect(sameIds(plain.innerHTML)).toBe(sameIds(container.innerHTML));
  });

  it('writes what the register holds as text, never as markup', async () => {
    await seed(2);
    const plain = firstScreen(await recentViews(db, 30));
    expect(plain.querySelector('b')).toBeNull();
    expect(plain.textContent).toContain('Person <b>1</b>');
  });
});
