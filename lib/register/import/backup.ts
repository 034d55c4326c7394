/**
 * Reading a JSON backup: the file's shape, its schema version (older backups are upgraded step
 * by step), then every row of every table against the register's own schemas, in file order.
 * Pure. Each refusal names its row (`grants[3]`) and field.
 */
import { z } from 'zod';
import type { BackupTables } from '../backup';
import { BACKUP_FORMAT, BACKUP_TABLES, upgradeBackupTables } from '../backup';
import { isLive } from '../rules';
import type { Account, Grant, Party, RegisterEvent, ReminderState } from '../schema';
import {
  account as accountSchema,
  event as eventSchema,
  grant as grantSchema,
  party as partySchema,
  reminderState,
} from '../schema';
import type { StoredEvent } from '../history';
import { expandAll, storedEvent } from '../history';
import type { BackupPlan } from './plan';
import { accountKey } from './plan';
import type { ProblemList } from './problems';

const backupShape = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.number().int().min(0),
  exportedAt: z.string().optional(),
  tables: z.object({
    accounts: z.array(z.record(z.string(), z.unknown())),
    parties: z.array(z.record(z.string(), z.unknown())),
    grants: z.array(z.record(z.string(), z.unknown())),
    events: z.array(z.record(z.string(), z.unknown())),
    // Absent before schema v2.
    reminders: z.array(z.record(z.string(), z.unknown())).default([]),
  }),
});

const ROW_SCHEMAS = {
  accounts: accountSchema,
  parties: partySchema,
  grants: grantSchema,
  events: eventSchema,
  reminders: reminderState,
} as const;

type Rows = {
  accounts: Account[];
  parties: Party[];
  grants: Grant[];
  events: RegisterEvent[];
  reminders: ReminderState[];
};

/** The rows of a backup, checked, or null when any problem was found (added to `problems`). */
export function parseBackup(
  text: string,
  fileName: string,
  problems: ProblemList,
): BackupPlan | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    problems.add({
      line: null,
      message: `The file is not valid JSON: ${(error as Error).message}`,
    });
    return null;
  }
  const shape = backupShape.safeParse(raw);
  if (!shape.success) {
    problems.add({
      line: null,
      message: `The file is not a register backup (${shape.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'file'}: ${i.message}`)
        .join('; ')}).`,
    });
    return null;
  }
  let tables: BackupTables;
  try {
    tables = upgradeBackupTables(shape.data.tables, shape.data.schemaVersion);
  } catch (error) {
    problems.add({ line: null, message: (error as Error).message });
    return null;
  }
  // Every id present (valid row or not), so a row that only points at an invalid row is not
  // reported twice.
  const present = new Set<unknown>();
  for (const name of BACKUP_TABLES) for (const row of tables[name]) present.add(row.id);

  // From schema v3 on, a backup's events are as the register stores them (./history.ts):
  // checked as such, then told in full against the backup's own grant rows.
  const compactEvents = shape.data.schemaVersion >= 3;
  const storedEvents: StoredEvent[] = [];
  const rows: Rows = { accounts: [], parties: [], grants: [], events: [], reminders: [] };
  const whereOfAccount = new Map<string, string>();
  const whereOfLivePair = new Map<string, string>();
  for (const name of BACKUP_TABLES) {
    const seen = new Set<string>();
    tables[name].forEach((row, i) => {
      const where = `${name}[${i}]`;
      const schema = name === 'events' && compactEvents ? storedEvent : ROW_SCHEMAS[name];
      const result = schema.safeParse(row);
      if (!result.success) {
        for (const issue of result.error.issues) {
          problems.add({ line: null, where, column: issue.path.join('.'), message: issue.message });
        }
        return;
      }
      const data = result.data;
      if (seen.has(data.id)) {
        problems.add({ line: null, where, message: `The id ${data.id} appears twice.` });
        return;
      }
      seen.add(data.id);
      const dangling = (column: string, id: string, message: string) => {
        if (present.has(id)) return false;
        problems.add({ line: null, where, column, message });
        return true;
      };
      if (name === 'accounts') {
        const a = data as Account;
        // The register holds one account per TikTok ID (tombstones included).
        const key = accountKey(a.kind, a.externalId);
        const first = whereOfAccount.get(key);
        if (first !== undefined) {
          problems.add({
            line: null,
            where,
            column: 'externalId',
            message: `The TikTok ID ${a.externalId} is already the account at ${first}.`,
          });
          return;
        }
        whereOfAccount.set(key, where);
      } else if (name === 'grants') {
        const g = data as Grant;
        const bad =
          dangling('accountId', g.accountId, 'The account of this grant is not in the backup.') ||
          dangling(
            'partyId',
            g.partyId,
            'The person or partner of this grant is not in the backup.',
          );
        if (bad) return;
        if (isLive(g)) {
          const pair = `${g.accountId}|${g.partyId}`;
          const first = whereOfLivePair.get(pair);
          if (first !== undefined) {
            problems.add({
              line: null,
              where,
              message: `This is a second live grant for the same account and party as ${first}.`,
            });
            return;
          }
          whereOfLivePair.set(pair, where);
        }
      } else if (name === 'events') {
        const e = data as RegisterEvent | StoredEvent;
        if (dangling('grantId', e.grantId, 'The grant of this event is not in the backup.')) return;
        if (compactEvents) {
          storedEvents.push(e as StoredEvent);
          return;
        }
      } else if (name === 'reminders') {
        const r = data as ReminderState;
        if (dangling('grantId', r.grantId, 'The grant of this reminder is not in the backup.'))
          return;
      }
      (rows[name] as unknown[]).push(data);
    });
  }
  if (!problems.empty) return null;
  if (compactEvents) {
    const full = new Map<string, RegisterEvent>();
    for (const list of expandAll(rows.grants, storedEvents).values())
      for (const e of list) full.set(e.id, e);
    // In the file's order, so that a refusal later names the file's row.
    rows.events = storedEvents.map((e) => full.get(e.id)!);
  }
  return { format: 'json', fileName, fromVersion: shape.data.schemaVersion, ...rows };
}
