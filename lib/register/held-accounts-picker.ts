/**
 * Capture from the Business Center picker: it lists every Business Center I belong
 * to — my own as well as my clients' — with my role in each, and does not say which is which.
 * So, as on a visited Members page (held-accounts-visit.ts), the register decides what it
 * knows and the user is asked about the rest, never guessed for: a client's Business Center is
 * kept up to date silently, mine is left alone, an unknown one becomes the popup's question.
 */
import type { RegisterDb } from './db';
import type { WriteContext } from './grants';
import type { HeldCentersReport, SeenBusinessCenter } from './held-accounts';
import { markBusinessCenterMine, recordHeldBusinessCenters } from './held-accounts';
import { ownershipOf } from './held-accounts-visit';
import type { PickerCenter } from './held-types';

/** What seeing the picker's list means for the register. */
export interface PickerDecision {
  /** What was written for the Business Centers the register holds as clients'. */
  report: HeldCentersReport;
  /** Business Centers the register holds as mine: left alone. */
  mine: string[];
  /** Business Centers the register does not know: the question, nothing written. */
  ask: PickerCenter[];
}

function asked(seen: SeenBusinessCenter): PickerCenter {
  return { orgId: seen.orgId, bcName: seen.name.trim().slice(0, 500), bcRole: seen.myRole ?? null };
}

/**
 * Sort the picker's list by what the register knows and record the client accounts among it.
 * Idempotent: the same list seen again writes nothing.
 */
export async function decidePickerSeen(
  db: RegisterDb,
  centers: readonly SeenBusinessCenter[],
  ctx: WriteContext,
): Promise<PickerDecision> {
  const clients: SeenBusinessCenter[] = [];
  const mine: string[] = [];
  const ask: PickerCenter[] = [];
  const seenIds = new Set<string>();
  for (const seen of centers) {
    if (seenIds.has(seen.orgId)) continue; // a picker mid-render can list one twice
    seenIds.add(seen.orgId);
    const ownership = await ownershipOf(db, seen.orgId);
    if (ownership === 'client') clients.push(seen);
    else if (ownership === 'mine') mine.push(seen.orgId);
    else ask.push(asked(seen));
  }
  const report = clients.length
    ? await recordHeldBusinessCenters(db, clients, ctx)
    : { created: [], updated: [], unchanged: [], conflicts: [] };
  return { report, mine, ask };
}

/**
 * Act on the user's answer about one of the picker's Business Centers: `client` records it as a
 * client account I hold with my role there; `mine` records it as my own (never asked again).
 * When the register learnt meanwhile whose it is (answered in another tab), its word stands.
 */
export async function answerPickerCenter(
  db: RegisterDb,
  center: PickerCenter,
  answer: 'mine' | 'client',
  ctx: WriteContext,
): Promise<'mine' | 'client'> {
  const ownership = await ownershipOf(db, center.orgId);
  if (ownership === 'mine') return 'mine';
  if (ownership === 'client' || answer === 'client') {
    await recordHeldBusinessCenters(
      db,
      [
        {
          orgId: center.orgId,
          name: center.bcName,
          ...(center.bcRole ? { myRole: center.bcRole } : {}),
        },
      ],
      ctx,
    );
    return 'client';
  }
  await markBusinessCenterMine(db, { orgId: center.orgId, name: center.bcName }, ctx);
  return 'mine';
}
