import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup, RegisterDb } from '@/lib/register';
import { backupJsonParts, exportBackupBlob } from '@/lib/register/export-blob';
import {
  BACKUP_FORMAT,
  backupToJson,
  exportBackup,
  loadSampleRegister,
  recordGrant,
} from '@/lib/register';
import { dropTestRegisterDb, openTestRegisterDb } from './helpers/register-db';

const NOW = new Date('2026-11-27T12:00:00.000Z');

let db: RegisterDb;
beforeEach(() => {
  db = openTestRegisterDb();
});
afterEach(() => dropTestRegisterDb(db));

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
    const blob = await exportBackupBlob(db, NOW);
    expect(blob.type).toBe('application/json');
    expect(await blob.text()).toBe(backupToJson(await exportBackup(db, NOW)));
  });
});
