/**
 * The background's side of `watcher:businessCentersSeen`: check what the watcher read from the
 * page (it is untrusted text) and record it as client accounts I hold.
 */
import { defaultReviewCadence } from '../reminders/settings';
import { z } from 'zod';
import type { ProtocolMap } from '../messaging/protocol';
import { registerDb } from './db';
import type { RegisterDb } from './db';
import { recordHeldBusinessCenters } from './held-accounts';

type Seen = Parameters<ProtocolMap['watcher:businessCentersSeen']>[0];
type Reply = ReturnType<ProtocolMap['watcher:businessCentersSeen']>;

const seenSchema = z.object({
  url: z
    .url()
    .refine((u) => new URL(u).hostname === 'business.tiktok.com', 'not a Business Center page'),
  centers: z
    .array(
      z.object({
        orgId: z.string().regex(/^[0-9]{6,25}$/),
        name: z.string().max(500),
        myRole: z.enum(['admin', 'standard']).optional(),
      }),
    )
    .max(5000),
});

/** Validate the watcher's list and record it; answers with counts or why it was refused. */
export async function handleBusinessCentersSeen(
  data: Seen,
  now: Date,
  db: RegisterDb = registerDb(),
): Promise<Reply> {
  const parsed = seenSchema.safeParse(data);
  if (!parsed.success) {
    return {
      error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  }
  const report = await recordHeldBusinessCenters(db, parsed.data.centers, {
    source: 'page',
    now,
    defaultCadenceDays: await defaultReviewCadence(),
  });
  return {
    created: report.created.length,
    updated: report.updated.length,
    unchanged: report.unchanged.length,
    conflicts: report.conflicts.length,
  };
}
