import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Backup, RegisterDb } from '@/lib/register';
import { backupJsonParts, exportBackupBlob, utf8Parts } from '@/lib/register/export-blob';
import type { ExportWorkerReply, ExportWorkerRequest } from '@/lib/register/export-job';
import { exportBackupOffThread, phaseClock, prepareExportWorker } from '@/lib/register/export-job';
import {
  BACKUP_FORMAT,
  backupToJson,
  exportBackup,
  applyImport,
  loadSampleRegister,
  parseImport,
  recordGrant,
} from '@/lib/register';
import { seedEverydayRegister } from '../helpers/everyday-register';
import { dropTestRegisterDb, openTestRegisterDb, registerDbEachTest } from '../helpers/register-db';

const NOW = new Date('2026-11-27T12:00:00.000Z');

let db: RegisterDb;
registerDbEachTest((opened) => (db = opened));

describe('backupJsonParts', () => {
  it('joins to exactly the text of backupToJson, for empty, small and many-part tables', () => {
    const empty: Backup = {
      format: BACKUP_FORMAT,
      schemaVersion: 2,
      exportedAt: NOW.toISOString(),
      tables: { accounts: [], parties: [], grants: [], events: [], reminders: [] },
    };
    expect(backupJsonParts(empty).join('')).toBe(backupToJson(empty));
    const many = {
      ...empty,
      tables: {
        ...empty.tables,
        // Text that JSON must escape, across more rows than one part holds.
        events: Array.from({ length: 4501 }, (_, i) => ({ id: `e${i}`, note: `"q" \\ \n ${i}` })),
      },
    };
    const parts = backupJsonParts(many);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.join('')).toBe(backupToJson(many));
    expect(JSON.parse(parts.join(''))).toEqual(many);
  });
});

describe('utf8Parts', () => {
  it('gives the UTF-8 of each part, ASCII or not, surrogate pairs whole at any place', () => {
    const encoder = new TextEncoder();
    const parts = [
      '',
      'plain ASCII',
      'Zoë “Quote” Ng',
      '😀 at the start',
      'at the end 😀',
      'a😀b😀c',
      '中文 and é',
    ];
    const bytes = utf8Parts(parts);
    const joined = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
    bytes.reduce((at, b) => (joined.set(b, at), at + b.length), 0);
    expect([...joined]).toEqual([...encoder.encode(parts.join(''))]);
    // Each part on its own, too: no byte of one part lands in another's.
    let at = 0;
    for (const part of parts) {
      const expected = encoder.encode(part);
      expect([...joined.subarray(at, at + expected.length)]).toEqual([...expected]);
      at += expected.length;
    }
  });
});

describe('exportBackupBlob', () => {
  it('holds the same bytes as the one-string backup of the register', async () => {
    await loadSampleRegister(db);
    await recordGrant(
      db,
      {
        account: { kind: 'businessCenter', externalId: '7012345678901234567', ownership: 'mine' },
        party: { kind: 'person', name: 'Zoë “Quote” Ng', email: 'zoe@example.com' },
        goals: 'Line one\nline two, with "quotes"',
      },
      { source: 'manual', now: NOW },
    );
    const phases: string[] = [];
    const blob = await exportBackupBlob(db, NOW, (phase) => phases.push(phase));
    expect(phases).toEqual(['read', 'sorted and anchored', 'text', 'utf-8', 'blob']);
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(backupToJson(await exportBackup(db, NOW)));
  });
});

describe('the backup file, through an import and back', () => {
  /** The backup's file text, as the export writes it (the Blob's bytes, decoded). */
  const fileOf = async (from: RegisterDb) => (await exportBackupBlob(from, NOW)).text();
  async function restoredFrom(text: string): Promise<RegisterDb> {
    const into = openTestRegisterDb();
    restored.push(into);
    const parsed = parseImport(text, 'json', { fileName: 'backup.json' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await applyImport(into, parsed.plan, { now: NOW });
    return into;
  }
  const restored: RegisterDb[] = [];
  afterEach(async () => {
    for (const d of restored.splice(0)) await dropTestRegisterDb(d);
  });

  it('restores into an empty register as the same file, byte for byte once its events are marked as restored', async () => {
    await seedEverydayRegister(db);
    const original = await fileOf(db);
    const once = await fileOf(await restoredFrom(original));
    // The first restore marks each event as coming from the file, and changes nothing else.
    const parsedOriginal = JSON.parse(original) as Backup;
    const parsedOnce = JSON.parse(once) as Backup;
    expect({ ...parsedOnce.tables, events: [] }).toEqual({ ...parsedOriginal.tables, events: [] });
    expect(parsedOnce.tables.events.map(({ fromFile: _f, ...e }) => e)).toEqual(
      parsedOriginal.tables.events,
    );
    expect(parsedOnce.tables.events.every((e) => e.fromFile)).toBe(true);
    // Restored again, the file comes back exactly.
    expect(await fileOf(await restoredFrom(once))).toBe(once);
  });
});

describe('exportBackupOffThread', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('builds the same file in this thread where no Worker exists', async () => {
    vi.stubGlobal('Worker', undefined);
    await loadSampleRegister(db);
    const blob = await exportBackupOffThread(NOW, () => db);
    expect(await blob.text()).toBe(backupToJson(await exportBackup(db, NOW)));
  });

  /** A Worker that answers each request with `answer(request)` and records what it was told. */
  function stubWorker(
    answer: (request: ExportWorkerRequest) => ExportWorkerReply,
    afterMs?: number,
  ) {
    const seen = { requests: [] as ExportWorkerRequest[], terminated: 0 };
    class FakeWorker {
      onmessage: ((event: MessageEvent<ExportWorkerReply>) => void) | null = null;
      onerror: ((event: ErrorEvent) => void) | null = null;
      postMessage(request: ExportWorkerRequest) {
        seen.requests.push(request);
        const reply = () => this.onmessage?.({ data: answer(request) } as MessageEvent);
        if (afterMs === undefined) queueMicrotask(reply);
        else setTimeout(reply, afterMs);
      }
      terminate() {
        seen.terminated++;
      }
    }
    vi.stubGlobal('Worker', FakeWorker);
    return seen;
  }

  it('asks the worker for the backup at the given moment, takes its Blob and ends it', async () => {
    const file = new Blob(['{}'], { type: 'application/json' });
    const seen = stubWorker(() => ({ type: 'exported', blob: file, phases: [] }));
    await expect(exportBackupOffThread(NOW, () => db)).resolves.toBe(file);
    expect(seen.requests).toEqual([{ now: NOW }]);
    expect(seen.terminated).toBe(1);
  });

  it('records the worker’s phases as the page’s measures, each from the end of the one before', async () => {
    performance.clearMeasures();
    const file = new Blob(['{}'], { type: 'application/json' });
    const posted = phaseClock();
    stubWorker(
      () => ({
        type: 'exported',
        blob: file,
        phases: [
          { phase: 'request', at: posted + 5 },
          { phase: 'read', at: posted + 15 },
          { phase: 'blob', at: posted + 30 },
        ],
      }),
      40,
    );
    await exportBackupOffThread(NOW, () => db);
    const measured = performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('register export: '));
    expect(measured.map((m) => m.name)).toEqual([
      'register export: request',
      'register export: read',
      'register export: blob',
      'register export: reply',
    ]);
    expect(measured[1]!.duration).toBeCloseTo(10, 3);
    expect(measured[2]!.duration).toBeCloseTo(15, 3);
    expect(measured[2]!.startTime).toBeCloseTo(measured[1]!.startTime + 10, 3);
    expect(measured[3]!.duration).toBeGreaterThan(5);
  });

  it('uses the worker started ahead, once: each export ends its worker', async () => {
    let started = 0;
    const file = new Blob(['{}'], { type: 'application/json' });
    class CountedWorker {
      onmessage: ((event: MessageEvent<ExportWorkerReply>) => void) | null = null;
      onerror: ((event: ErrorEvent) => void) | null = null;
      constructor() {
        started++;
      }
      postMessage() {
        queueMicrotask(() =>
          this.onmessage?.({ data: { type: 'exported', blob: file, phases: [] } } as MessageEvent),
        );
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', CountedWorker);
    prepareExportWorker();
    prepareExportWorker();
    expect(started).toBe(1);
    await expect(exportBackupOffThread(NOW, () => db)).resolves.toBe(file);
    expect(started).toBe(1); // the export took the worker started ahead
    await expect(exportBackupOffThread(NOW, () => db)).resolves.toBe(file);
    expect(started).toBe(2); // none ahead: the export started its own
  });

  it('fails with the worker’s reason when the worker could not build it', async () => {
    const seen = stubWorker(() => ({ type: 'failed', message: 'QuotaExceededError' }));
    await expect(exportBackupOffThread(NOW, () => db)).rejects.toThrow('QuotaExceededError');
    expect(seen.terminated).toBe(1);
  });
});
