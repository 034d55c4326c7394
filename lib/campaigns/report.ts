/**
 * The campaign report: the evidence an auditor asks for, as rows — the campaign (scope,
 * reviewer, snapshot time), then each item's grant as snapshotted, its decision (what, why, who,
 * when), the earlier decisions, whether it was carried out and verified on the page, and whether
 * the grant's history hash chain checks out (../register/chain.ts).
 *
 * Every row carries `row_hash`, a SHA-256 over its other cells, and the file ends with a digest
 * row whose hash is over every row's hash in order. So editing a cell shows on that row, and
 * removing, adding or reordering rows shows on the digest ({@link checkReportFile}). The JSON and
 * the CSV carry the same rows; the CSV goes through the register's CSV writer, which neutralises
 * cells a spreadsheet would run as a formula.
 *
 * The hashes have no secret: they show an edit by anyone who does not recompute them
 * (docs/security.md). Values are machine-readable (ISO times, TikTok's role ids), so that a
 * report reads the same in every language; the printable page puts them in words.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import type { ChainCheck } from '../register/chain';
import { sha256Hex, verifyAllChains } from '../register/chain';
import { toCsv, unescapeFormula } from '../register/csv';
import type { RegisterDb } from '../register/db';
import { readAllStoredEvents } from '../register/event-batches';
import type {
  Campaign,
  CampaignDecision,
  CampaignItem,
  LoweredRoles,
  PageReadBack,
} from '../register/campaign-schema';
import type { GrantSnapshot } from '../register/schema';
import { assetRole, bcRole, financeRole } from '../register/schema';
import { currentGrantsOf, readCampaignItems } from './read';

/** What an item says about carrying its decision out (fields other branches of work fill in). */
/** The report's columns, in the order both files write them. */
export const REPORT_COLUMNS = [
  'record',
  'campaign_id',
  'scope',
  'reviewer',
  'due_on',
  'snapshot_at',
  'position',
  'grant_id',
  'account_kind',
  'account_id',
  'account_name',
  'party_kind',
  'party_name',
  'email',
  'partner_bc_id',
  'organisation',
  'roles_at_snapshot',
  'status_at_snapshot',
  'rev_at_snapshot',
  'decision',
  'lower_to',
  'hand_to',
  'reason',
  'decided_by',
  'decided_at',
  'earlier_decisions',
  'applied_at',
  'applied_with',
  'verified_at',
  'verified_by_reading',
  'done_outside_at',
  'done_outside_reason',
  'contradicted_at',
  'contradicted_by_reading',
  'history_chain',
  'history_head',
  'row_hash',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];
export type ReportRow = Record<ReportColumn, string>;

/** The report as data: its rows (the campaign's, the items', the digest) and what it checked. */
export interface CampaignReport {
  generatedAt: string;
  campaign: Campaign;
  rows: ReportRow[];
  /** True when the history chain of every grant in the campaign checks out. */
  chainOk: boolean;
  /** Grants whose chain does not check out, with where it breaks. */
  brokenChains: ChainCheck[];
}

const ROW_DOMAIN = 'access-companion/campaign-report-row/v1\n';
const DIGEST_DOMAIN = 'access-companion/campaign-report/v1\n';

/** The hash a row carries: over its cells but `row_hash`, in column order. */
export function rowHash(row: Partial<ReportRow>): string {
  return sha256Hex(
    ROW_DOMAIN + JSON.stringify(REPORT_COLUMNS.slice(0, -1).map((c) => row[c] ?? '')),
  );
}

/** The digest of a report: over every row's hash, in order. */
export function reportDigest(rowHashes: readonly string[]): string {
  return sha256Hex(DIGEST_DOMAIN + JSON.stringify(rowHashes));
}

/** Roles as TikTok's ids, one layer each: `bc=admin;finance=;asset=operator`. */
export function rolesCell(g: Pick<GrantSnapshot, 'bcRole' | 'financeRole' | 'assetRole'>): string {
  return `bc=${g.bcRole ?? ''};finance=${g.financeRole ?? ''};asset=${g.assetRole ?? ''}`;
}

/**
 * A roles cell read back into roles; a layer whose role is not one of TikTok's (an edited file)
 * is left empty rather than guessed.
 */
export function rolesOfCell(
  cell: string,
): Pick<GrantSnapshot, 'bcRole' | 'financeRole' | 'assetRole'> {
  const layers = new Map(
    cell.split(';').map((part) => part.split('=') as [string, string | undefined]),
  );
  return {
    bcRole: bcRole.safeParse(layers.get('bc')).data ?? null,
    financeRole: financeRole.safeParse(layers.get('finance')).data ?? null,
    assetRole: assetRole.safeParse(layers.get('asset')).data ?? null,
  };
}

function decisionCell(d: CampaignDecision): string {
  const what = d.kind === 'lower' && d.lowerTo ? `lower(${rolesCell(d.lowerTo)})` : d.kind;
  return `${d.at} ${what} by ${d.by}${d.reason ? `: ${d.reason}` : ''}`;
}

/** A page reading as the report keeps it: what the table showed, its time in its own cell. */
function readingCell(reading: PageReadBack | null | undefined): string {
  if (!reading) return '';
  const { at: _at, ...shown } = reading;
  return JSON.stringify(shown);
}

function sealed(row: Omit<ReportRow, 'row_hash'>): ReportRow {
  return { ...row, row_hash: rowHash(row) };
}

const EMPTY: Omit<ReportRow, 'row_hash' | 'record'> = Object.fromEntries(
  REPORT_COLUMNS.filter((c) => c !== 'row_hash' && c !== 'record').map((c) => [c, '']),
) as Omit<ReportRow, 'row_hash' | 'record'>;

/** The report's rows for a campaign, its items and each item's grant chain (pure). */
export function reportRows(
  campaign: Campaign,
  items: readonly CampaignItem[],
  chains: ReadonlyMap<string, ChainCheck>,
  scopeWords: string,
): ReportRow[] {
  const shared = {
    campaign_id: campaign.id,
    scope: scopeWords,
    reviewer: campaign.reviewer,
    due_on: campaign.dueOn,
    snapshot_at: campaign.startedAt,
  };
  const rows: ReportRow[] = [sealed({ ...EMPTY, record: 'campaign', ...shared })];
  for (const item of items) {
    const d = item.decision;
    const { applied, verified, doneOutside, contradicted } = item;
    const chain = chains.get(item.grantId);
    rows.push(
      sealed({
        ...EMPTY,
        record: 'item',
        ...shared,
        position: String(item.position + 1),
        grant_id: item.grantId,
        account_kind: item.account?.kind ?? '',
        account_id: item.account?.externalId ?? '',
        account_name: item.account?.name ?? '',
        party_kind: item.party?.kind ?? '',
        party_name: item.party?.name ?? '',
        email: item.party?.email ?? '',
        partner_bc_id: item.party?.bcId ?? '',
        organisation: item.party?.organisation ?? '',
        roles_at_snapshot: rolesCell(item.grant),
        status_at_snapshot: item.grant.status,
        rev_at_snapshot: String(item.grant.rev),
        decision: d?.kind ?? 'undecided',
        lower_to: d?.lowerTo ? rolesCell(d.lowerTo as LoweredRoles) : '',
        hand_to: d?.handTo ?? '',
        reason: d?.reason ?? '',
        decided_by: d?.by ?? '',
        decided_at: d?.at ?? '',
        earlier_decisions: item.earlier.map(decisionCell).join('\n'),
        applied_at: applied?.at ?? '',
        applied_with: applied?.checklist ?? '',
        verified_at: verified?.at ?? '',
        verified_by_reading: readingCell(verified),
        done_outside_at: doneOutside?.at ?? '',
        done_outside_reason: doneOutside?.reason ?? '',
        contradicted_at: contradicted?.at ?? '',
        contradicted_by_reading: readingCell(contradicted),
        history_chain: !chain ? 'none' : chain.ok ? 'ok' : brokenWords(chain),
        history_head: chain?.head ?? '',
      }),
    );
  }
  const digest = reportDigest(rows.map((r) => r.row_hash));
  rows.push({ ...EMPTY, ...shared, record: 'digest', row_hash: digest });
  return rows;
}

/** Where a chain breaks, as the report says it: `broken: altered <event id>; …`. */
function brokenWords(chain: ChainCheck): string {
  return `broken: ${chain.breaks.map((b) => `${b.problem} ${b.eventId ?? ''}`.trim()).join('; ')}`;
}

/** Read a campaign and its grants' history and build its report. Null when no such campaign. */
export async function buildCampaignReport(
  db: RegisterDb,
  campaignId: string,
  scopeWords: (c: Campaign) => string,
  now: Date,
): Promise<CampaignReport | null> {
  const campaign = await db.campaigns.get(campaignId);
  if (!campaign) return null;
  const items = await readCampaignItems(db, campaignId);
  const grantIds = new Set(items.map((i) => i.grantId));
  const [grants, stored] = await db.transaction('r', [db.grants, db.events], () =>
    Promise.all([
      currentGrantsOf(db, items).then((current) => [...current.values()]),
      readAllStoredEvents(db),
    ]),
  );
  const chains = verifyAllChains(grants, stored, grantIds);
  const brokenChains = [...chains.values()].filter((c) => !c.ok);
  return {
    generatedAt: now.toISOString(),
    campaign,
    rows: reportRows(campaign, items, chains, scopeWords(campaign)),
    chainOk: brokenChains.length === 0 && items.every((i) => chains.has(i.grantId)),
    brokenChains,
  };
}

/** The report as a JSON file: what it is, when it was made, its columns and its rows. */
export function reportToJson(report: CampaignReport): string {
  return JSON.stringify(
    {
      format: REPORT_FORMAT,
      generatedAt: report.generatedAt,
      historyChainChecksOut: report.chainOk,
      columns: REPORT_COLUMNS,
      rows: report.rows,
    },
    null,
    2,
  );
}

/** The report as CSV: the same rows, every formula-like cell neutralised. */
export function reportToCsv(report: CampaignReport): string {
  return toCsv(
    REPORT_COLUMNS,
    report.rows.map((r) => REPORT_COLUMNS.map((c) => r[c])),
  );
}

export const REPORT_FORMAT = 'access-companion/campaign-report';

const reportFile = z.object({
  format: z.literal(REPORT_FORMAT),
  rows: z.array(z.record(z.string(), z.string())),
});

/** What checking a report file found. */
export interface ReportCheck {
  /** False when the file is not a campaign report at all. */
  readable: boolean;
  ok: boolean;
  /** Rows in the file (the digest row included). */
  rows: number;
  /** Rows whose cells are not what their hash was computed over: 1-based, as a spreadsheet counts data rows. */
  altered: number[];
  /** False when rows were removed, added or reordered (or the digest row was edited). */
  digestOk: boolean;
  /** True when the report itself said some grant's history chain did not check out. */
  chainBroken: boolean;
}

/** Check a report file (JSON or CSV, as exported): which rows were altered, and whether any went. */
export function checkReportFile(text: string): ReportCheck {
  const rows = readReportRows(text);
  if (!rows || rows.length === 0)
    return {
      readable: false,
      ok: false,
      rows: 0,
      altered: [],
      digestOk: false,
      chainBroken: false,
    };
  const altered: number[] = [];
  const hashes: string[] = [];
  let digest: string | null = null;
  rows.forEach((row, i) => {
    if (row.record === 'digest' && i === rows.length - 1) {
      digest = row.row_hash ?? '';
      return;
    }
    hashes.push(row.row_hash ?? '');
    if (rowHash(row) !== row.row_hash) altered.push(i + 1);
  });
  const digestOk = digest !== null && digest === reportDigest(hashes);
  const chainBroken = rows.some(
    (r) => r.record === 'item' && r.history_chain !== 'ok' && r.history_chain !== undefined,
  );
  return {
    readable: true,
    ok: altered.length === 0 && digestOk,
    rows: rows.length,
    altered,
    digestOk,
    chainBroken,
  };
}

/** The rows of a report file, JSON or CSV; null when it is neither. */
function readReportRows(text: string): Partial<ReportRow>[] | null {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) {
    try {
      const parsed = reportFile.safeParse(JSON.parse(trimmed));
      return parsed.success ? (parsed.data.rows as Partial<ReportRow>[]) : null;
    } catch {
      return null;
    }
  }
  const parsed = Papa.parse<Record<string, string>>(trimmed, {
    header: true,
    skipEmptyLines: true,
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes('row_hash') || !fields.includes('record')) return null;
  return parsed.data.map(
    (r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, unescapeFormula(v ?? '')]),
      ) as Partial<ReportRow>,
  );
}
