/**
 * The evidence export for an audit: every grant (deleted ones too) with its account, its
 * person or partner, its full history, and each review's decision, reviewer note and the
 * snapshot of the grant taken at sign-off. As JSON (nested) and CSV (one row per event). An
 * event a file brought (import, restore) says so, with the file's name and when it was read:
 * history the register did not witness is never shown as if it had.
 */
import { toCsv } from './csv';
import type { RegisterDb } from './db';
import { REGISTER_SCHEMA_VERSION } from './db';
import { readAllStoredEvents } from './event-batches';
import { expandAll } from './history';
import type { Account, FileProvenance, GrantSnapshot, Grant, Party, RegisterEvent } from './schema';

/** One review as signed off. */
export interface EvidenceReview {
  at: string;
  decision: NonNullable<RegisterEvent['decision']>;
  note: string;
  source: RegisterEvent['source'];
  /** The grant as it stood once the review was signed off. */
  snapshot: GrantSnapshot | null;
  /** The grant just before the review. */
  before: GrantSnapshot | null;
  /** Set when the review came from an imported file rather than this register. */
  fromFile: FileProvenance | null;
}

/** One grant with everything an auditor asks for. */
export interface EvidenceGrant {
  grant: Grant;
  account: Account | null;
  party: Party | null;
  history: RegisterEvent[];
  reviews: EvidenceReview[];
}

/** The whole evidence file. */
export interface Evidence {
  format: 'access-companion-evidence';
  schemaVersion: number;
  generatedAt: string;
  grants: EvidenceGrant[];
}

/** Gather the evidence from the register, in one read transaction. */
export async function buildEvidence(db: RegisterDb, now: Date): Promise<Evidence> {
  return db.transaction('r', [db.accounts, db.parties, db.grants, db.events], async () => {
    const [accounts, parties, grants, events] = await Promise.all([
      db.accounts.toArray(),
      db.parties.toArray(),
      db.grants.toArray(),
      readAllStoredEvents(db),
    ]);
    const accountById = new Map(accounts.map((a) => [a.id, a]));
    const partyById = new Map(parties.map((p) => [p.id, p]));
    // Each event told in full: the grant before and after it, as the history view shows it.
    const eventsByGrant = expandAll(grants, events);
    const out: EvidenceGrant[] = grants
      .map((g) => {
        const history = eventsByGrant.get(g.id) ?? [];
        return {
          grant: g,
          account: accountById.get(g.accountId) ?? null,
          party: partyById.get(g.partyId) ?? null,
          history,
          reviews: history.flatMap((e) =>
            e.type === 'reviewed' && e.decision
              ? [
                  {
                    at: e.at,
                    decision: e.decision,
                    note: e.note,
                    source: e.source,
                    snapshot: e.after,
                    before: e.before,
                    fromFile: e.fromFile ?? null,
                  },
                ]
              : [],
          ),
        };
      })
      .sort((a, b) => a.grant.createdAt.localeCompare(b.grant.createdAt));
    return {
      format: 'access-companion-evidence',
      schemaVersion: REGISTER_SCHEMA_VERSION,
      generatedAt: now.toISOString(),
      grants: out,
    };
  });
}

/** The evidence as JSON text. */
export function evidenceToJson(evidence: Evidence): string {
  return JSON.stringify(evidence, null, 2);
}

export const EVIDENCE_CSV_COLUMNS = [
  'grant_id',
  'account_kind',
  'account_id',
  'account_name',
  'party_kind',
  'party_name',
  'party_email',
  'partner_bc_id',
  'organisation',
  'current_status',
  'grant_deleted_at',
  'event_at',
  'event_type',
  'event_source',
  'review_decision',
  'note',
  'status_after',
  'bc_role_after',
  'finance_role_after',
  'asset_role_after',
  'next_review_on_after',
  'snapshot_json',
  // Set when a file brought the event (a CSV merge or a backup): history this register did not
  // witness itself, and where it came from.
  'event_from_file',
  'event_imported_at',
] as const;

/** The evidence as CSV: one row per history event, the grant's identity repeated on each. */
export function evidenceToCsv(evidence: Evidence): string {
  const rows: string[][] = [];
  for (const item of evidence.grants) {
    const { grant: g, account: a, party: p } = item;
    for (const e of item.history) {
      const s = e.after;
      rows.push([
        g.id,
        a?.kind ?? '',
        a?.externalId ?? '',
        a?.name ?? '',
        p?.kind ?? '',
        p?.name ?? '',
        p?.email ?? '',
        p?.bcId ?? '',
        p?.organisation ?? '',
        g.status,
        g.deletedAt ?? '',
        e.at,
        e.type,
        e.source,
        e.decision ?? '',
        e.note,
        s?.status ?? '',
        s?.bcRole ?? '',
        s?.financeRole ?? '',
        s?.assetRole ?? '',
        s?.nextReviewOn ?? '',
        s ? JSON.stringify(s) : '',
        e.fromFile?.fileName ?? '',
        e.fromFile?.importedAt ?? '',
      ]);
    }
  }
  return toCsv(EVIDENCE_CSV_COLUMNS, rows);
}
