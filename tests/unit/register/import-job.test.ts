import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_LISTED_ISSUES,
  importFormatOf,
  prepareImportWorker,
  runImport,
  startImport,
} from '@/lib/register/import-job';
import type {
  ImportPhase,
  ImportWorkerReply,
  ImportWorkerRequest,
} from '@/lib/register/import-job';
import type { ImportReport, RegisterDb } from '@/lib/register';
import { registerCounts, registerDbEachTest } from '../helpers/register-db';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const HEADER =
  'account_kind,account_id,account_name,ownership,party_kind,name,email,organisation,bc_role,asset_role,status,accepted_at';
const row = (i: number) =>
  `business_center,70${String(i % 300).padStart(17, '0')},Client ${i % 300},mine,person,Person ${i},p${i}@example.com,Agency ${i % 7},standard,operator,active,2026-10-01`;
const csvOf = (rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join('\r\n'));

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

const counts = () => registerCounts(db);

/** Start importing these CSV rows into this test's register, as the register page does. */
const startCsvImport = (rows: string[], onPhase: (p: ImportPhase) => void = () => undefined) =>
  startImport(csvOf(rows), 'csv', { now: NOW }, onPhase, () => db);

describe('runImport', () => {
  it('writes a CSV and reports each phase, the write in growing steps up to the total', async () => {
    const phases: ImportPhase[] = [];
    const outcome = await runImport(
      db,
      csvOf(Array.from({ length: 1200 }, (_, i) => row(i))),
      'csv',
      { now: NOW, note: 'Imported from t.csv' },
      { onPhase: (p) => phases.push(p) },
    );
    expect(outcome.kind).toBe('imported');
    if (outcome.kind !== 'imported') return;
    expect(outcome.report.grantsAdded).toBe(1200);
    expect(phases.map((p) => p.phase).slice(0, 3)).toEqual(['reading', 'checking', 'writing']);
    const writes = phases.filter((p) => p.phase === 'writing');
    expect(writes.at(-1)).toEqual({ phase: 'writing', done: 1200, total: 1200 });
    expect(writes.map((p) => p.done)).toEqual([...writes.map((p) => p.done)].sort((a, b) => a - b));
    expect(await counts()).toEqual({ grants: 1200, events: 1200, parties: 1200, accounts: 300 });
  });

  it('cancelled in the middle of the write, leaves the register exactly as it was', async () => {
    await runImport(db, csvOf([row(100_000)]), 'csv', { now: NOW });
    const before = await counts();
    const beforeGrants = await db.grants.toArray();
    let stop = false;
    const outcome = await runImport(
      db,
      csvOf(Array.from({ length: 2000 }, (_, i) => row(i))),
      'csv',
      { now: NOW },
      {
        // Cancel once two chunks are written: they must be undone with the rest.
        onPhase: (p) => {
          if (p.phase === 'writing' && p.done >= 1000) stop = true;
        },
        cancelled: () => stop,
      },
    );
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect(await counts()).toEqual(before);
    expect(await db.grants.toArray()).toEqual(beforeGrants);
  });

  it('cancelled while checking, writes nothing', async () => {
    let asked = 0;
    const outcome = await runImport(
      db,
      csvOf([row(1), row(2)]),
      'csv',
      { now: NOW },
      {
        cancelled: () => ++asked > 0,
      },
    );
    expect(outcome).toEqual({ kind: 'cancelled' });
    expect((await counts()).grants).toBe(0);
  });

  it('lists at most the first 1,000 problems and counts them all', async () => {
    const bad = Array.from({ length: 2500 }, (_, i) => row(i).replace(',active,', ',nonsense,'));
    const outcome = await runImport(db, csvOf(bad), 'csv', { now: NOW });
    expect(outcome.kind).toBe('failed');
    if (outcome.kind !== 'failed') return;
    expect(outcome.issues).toHaveLength(MAX_LISTED_ISSUES);
    expect(outcome.issueCount).toBe(2500);
    expect(outcome.issues[0]).toMatchObject({ line: 2, column: 'status' });
    expect((await counts()).grants).toBe(0);
  });

  it('turns a file that is not text into an error, writing nothing', async () => {
    const outcome = await runImport(db, new Uint8Array([0xc3, 0x28, 0xa0, 0xa1]), 'csv', {
      now: NOW,
    });
    expect(outcome.kind).toBe('error');
    expect((await counts()).grants).toBe(0);
  });
});

describe('startImport', () => {
  it('runs in this thread where no Worker exists, and can be cancelled before writing', async () => {
    const phases: string[] = [];
    const job = startCsvImport([row(1), row(2)], (p) => phases.push(p.phase));
    const outcome = await job.done;
    expect(outcome.kind).toBe('imported');
    expect(phases).toContain('writing');
    expect((await counts()).grants).toBe(2);

    const cancelled = startCsvImport([row(3)]);
    cancelled.cancel();
    expect(await cancelled.done).toEqual({ kind: 'cancelled' });
    expect((await counts()).grants).toBe(2);
  });
});

describe('prepareImportWorker', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts one worker ahead, which the next import uses instead of starting its own', async () => {
    const started: FakeWorker[] = [];
    class FakeWorker {
      onmessage: ((event: MessageEvent<ImportWorkerReply>) => void) | null = null;
      onerror: ((event: ErrorEvent) => void) | null = null;
      told: ImportWorkerRequest['type'][] = [];
      terminated = false;
      constructor() {
        started.push(this);
      }
      postMessage(request: ImportWorkerRequest) {
        this.told.push(request.type);
        if (request.type !== 'start') return;
        const report = { grantsAdded: 1 } as unknown as ImportReport;
        queueMicrotask(() =>
          this.onmessage?.({
            data: { type: 'done', outcome: { kind: 'imported', report } },
          } as MessageEvent<ImportWorkerReply>),
        );
      }
      terminate() {
        this.terminated = true;
      }
    }
    vi.stubGlobal('Worker', FakeWorker);
    prepareImportWorker();
    prepareImportWorker(); // one is enough
    expect(started).toHaveLength(1);
    expect(started[0]!.told).toEqual([]); // started, told nothing: nothing is read or written

    const job = startCsvImport([row(1)]);
    expect((await job.done).kind).toBe('imported');
    expect(started).toHaveLength(1);
    expect(started[0]!.told).toEqual(['start']);

    // Cancelled before its write, the import ends its worker; the next one starts afresh.
    const cancelled = startCsvImport([row(2)]);
    cancelled.cancel();
    expect(await cancelled.done).toEqual({ kind: 'cancelled' });
    expect(started[0]!.terminated).toBe(true);
    prepareImportWorker();
    expect(started).toHaveLength(2);
    // Leave no worker behind for the tests after this one.
    const last = startCsvImport([row(3)]);
    last.cancel();
    await last.done;
  });
});

describe('importFormatOf', () => {
  it('reads a backup by its extension or type, and anything else as CSV', () => {
    expect(importFormatOf('backup.JSON', '')).toBe('json');
    expect(importFormatOf('download', 'application/json')).toBe('json');
    expect(importFormatOf('grants.csv', 'text/csv')).toBe('csv');
    expect(importFormatOf('grants.txt', '')).toBe('csv');
  });
});
