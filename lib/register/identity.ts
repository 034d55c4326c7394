/**
 * Who I am on TikTok: the email addresses I sign in to TikTok with. A Business Center's Members
 * table does not say which row is the viewer's; these emails let the extension recognise my own
 * row there (capture of client accounts I hold from a visited Business Center). Kept
 * in the extension's local storage on this machine only, like every other setting.
 */
import { storage } from '#imports';
import { z } from 'zod';
import type { RegisterDb } from './db';

/** How many sign-in emails the setting keeps (people have a work and a personal one, or a few). */
export const MAX_IDENTITY_EMAILS = 20;

const email = z.string().trim().toLowerCase().pipe(z.email().max(320));

export const identitySchema = z.object({
  /** My TikTok sign-in emails, lower-cased, each once. */
  emails: z
    .array(email)
    .max(MAX_IDENTITY_EMAILS)
    .transform((list) => [...new Set(list)]),
});

export type Identity = z.infer<typeof identitySchema>;

export const EMPTY_IDENTITY: Identity = { emails: [] };

/**
 * The stored setting. Version 1 is the first shape; a later shape adds a version and a migration
 * here (`migrations: { 2: (v1) => … }`), never a silent reinterpretation.
 */
export const identityItem = storage.defineItem<Identity>('local:identity', {
  fallback: EMPTY_IDENTITY,
  version: 1,
});

/** The setting as stored; a damaged value keeps the emails that are still valid. */
export function normaliseIdentity(value: unknown): Identity {
  const whole = identitySchema.safeParse(value);
  if (whole.success) return whole.data;
  const raw = value && typeof value === 'object' ? (value as { emails?: unknown }).emails : [];
  const list = Array.isArray(raw) ? raw : [];
  const emails = list.flatMap((e) => {
    const one = email.safeParse(e);
    return one.success ? [one.data] : [];
  });
  return identitySchema.parse({ emails: emails.slice(0, MAX_IDENTITY_EMAILS) });
}

/** My TikTok sign-in emails as stored. */
export async function loadIdentity(): Promise<Identity> {
  return normaliseIdentity(await identityItem.getValue());
}

/** Store my sign-in emails; refuses (with zod's message) a list that is not valid. */
export async function saveIdentity(next: { emails: readonly string[] }): Promise<Identity> {
  const parsed = identitySchema.parse(next);
  await identityItem.setValue(parsed);
  return parsed;
}

/**
 * Split what a user typed (one email per line, or separated by commas, semicolons or spaces)
 * into a list, and say which pieces are not email addresses.
 */
export function parseEmailList(text: string): { emails: string[]; invalid: string[] } {
  const pieces = text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const piece of pieces) {
    const one = email.safeParse(piece);
    if (one.success) {
      if (!emails.includes(one.data)) emails.push(one.data);
    } else invalid.push(piece);
  }
  return { emails, invalid };
}

/**
 * Every email that is me: the options' sign-in emails, and the email of each of the register's
 * "me" parties (a hand-added grant may name one).
 */
export async function myEmails(db: RegisterDb, identity?: Identity): Promise<Set<string>> {
  const fromSetting = (identity ?? (await loadIdentity())).emails;
  const parties = await db.parties.filter((p) => p.isMe && p.deletedAt === null).toArray();
  const out = new Set(fromSetting);
  for (const p of parties) if (p.email) out.add(p.email.trim().toLowerCase());
  return out;
}
