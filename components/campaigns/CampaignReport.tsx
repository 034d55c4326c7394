/**
 * The campaign report on the register page: export it as CSV or JSON, open it as a printable
 * page (the browser's own print makes the PDF), and check a report file someone hands back.
 */
import type { ChangeEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { Campaign, CampaignReport, ReportCheck, ReportRow } from '@/lib/campaigns';
import {
  buildCampaignReport,
  checkReportFile,
  reportToCsv,
  reportToJson,
  rolesOfCell,
  scopeDescription,
} from '@/lib/campaigns';
import { formatNumber, t } from '@/lib/i18n';
import { registerDb } from '@/lib/register';
import { download } from '../shared/download';
import { describeRoles, formatDay, formatInstant } from '../shared/format';
import { decisionKindLabel } from './labels';
import { hashOf } from './route';

const fileName = (c: Campaign, now: Date, ext: string) =>
  `access-review-${c.dueOn}-${now.toISOString().slice(0, 10)}.${ext}`;

const build = (campaignId: string) =>
  buildCampaignReport(registerDb(), campaignId, scopeDescription, new Date());

/** The chain's state in words. */
const chainWords = (r: CampaignReport) =>
  r.chainOk ? t('report_chain_ok') : t('report_chain_broken', formatNumber(r.brokenChains.length));

/** Export buttons and the link to the printable page, for the campaign view's header. */
export function ReportActions({ campaign }: { campaign: Campaign }) {
  const [status, setStatus] = useState('');
  const exportAs = async (format: 'csv' | 'json') => {
    try {
      const report = await build(campaign.id);
      if (!report) return;
      const now = new Date(report.generatedAt);
      if (format === 'csv')
        download(reportToCsv(report), fileName(campaign, now, 'csv'), 'text/csv;charset=utf-8');
      else download(reportToJson(report), fileName(campaign, now, 'json'), 'application/json');
      setStatus(t('report_exported', chainWords(report)));
    } catch (error) {
      setStatus(t('report_failed', error instanceof Error ? error.message : String(error)));
    }
  };
  return (
    <div className="report-actions" role="group" aria-label={t('report_groupLabel')}>
      <button type="button" onClick={() => void exportAs('csv')}>
        {t('report_exportCsv')}
      </button>
      <button type="button" onClick={() => void exportAs('json')}>
        {t('report_exportJson')}
      </button>
      <a className="button" href={hashOf({ page: 'report', campaignId: campaign.id })}>
        {t('report_printable')}
      </a>
      <span role="status" data-testid="report-status">
        {status}
      </span>
    </div>
  );
}

/** A roles cell (`bc=admin;finance=;asset=operator`) in TikTok's words, in the user's language. */
const rolesInWords = (cell: string) => describeRoles(rolesOfCell(cell));

function decisionInWords(row: ReportRow): string {
  if (row.decision === 'undecided') return t('campaign_undecided');
  const kind = row.decision as Parameters<typeof decisionKindLabel>[0];
  const extra =
    row.decision === 'lower'
      ? rolesInWords(row.lower_to)
      : row.decision === 'handOff'
        ? row.hand_to
        : '';
  return extra ? `${decisionKindLabel(kind)}: ${extra}` : decisionKindLabel(kind);
}

/** The printable table's columns, each with its width in the stylesheet (`.col-<name>`). */
const REPORT_PAGE_COLUMNS = [
  'position',
  'account',
  'party',
  'roles',
  'decision',
  'reason',
  'decided',
  'earlier',
  'carried',
  'chain',
] as const;

/** The printable report: the whole campaign as one table, for the browser's print to PDF. */
export function ReportPage({ campaignId }: { campaignId: string }) {
  const [report, setReport] = useState<CampaignReport | null>();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    let open = true;
    void build(campaignId).then((r) => {
      if (open) setReport(r);
    });
    return () => {
      open = false;
    };
  }, [campaignId]);
  useEffect(() => {
    if (report) headingRef.current?.focus();
  }, [report]);
  if (report === undefined) return <p>{t('campaign_opening')}</p>;
  if (report === null) return <p>{t('campaign_notFound')}</p>;
  const c = report.campaign;
  const items = report.rows.filter((r) => r.record === 'item');
  const digest = report.rows.at(-1)?.row_hash ?? '';
  return (
    <article className="campaign-report" data-testid="campaign-report">
      <div className="title-row">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('report_heading', scopeDescription(c))}
        </h1>
        <div className="no-print actions">
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('report_print')}
          </button>
          <a className="button" href={hashOf({ page: 'campaign', campaignId: c.id })}>
            {t('report_backToCampaign')}
          </a>
        </div>
      </div>
      <dl className="report-meta">
        <dt>{t('report_reviewer')}</dt>
        <dd>{c.reviewer}</dd>
        <dt>{t('report_snapshot')}</dt>
        <dd>{formatInstant(c.startedAt)}</dd>
        <dt>{t('report_due')}</dt>
        <dd>{formatDay(c.dueOn)}</dd>
        <dt>{t('report_generated')}</dt>
        <dd>{formatInstant(report.generatedAt)}</dd>
        <dt>{t('report_chain')}</dt>
        <dd data-testid="report-chain">{chainWords(report)}</dd>
        <dt>{t('report_digest')}</dt>
        <dd className="hash">{digest}</dd>
      </dl>
      <table className="report-table">
        <caption>{t('report_itemsCaption', formatNumber(items.length))}</caption>
        <colgroup>
          {REPORT_PAGE_COLUMNS.map((c) => (
            <col key={c} className={`col-${c}`} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('report_col_account')}</th>
            <th scope="col">{t('report_col_party')}</th>
            <th scope="col">{t('report_col_roles')}</th>
            <th scope="col">{t('report_col_decision')}</th>
            <th scope="col">{t('report_col_reason')}</th>
            <th scope="col">{t('report_col_decided')}</th>
            <th scope="col">{t('report_col_earlier')}</th>
            <th scope="col">{t('report_col_carriedOut')}</th>
            <th scope="col">{t('report_col_chain')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.grant_id + r.position}>
              <td>{r.position}</td>
              <td>
                {r.account_name || r.account_id}
                <br />
                <span className="muted">{r.account_id}</span>
              </td>
              <td>
                {r.party_name}
                {r.email && (
                  <>
                    <br />
                    <span className="muted">{r.email}</span>
                  </>
                )}
              </td>
              <td>{rolesInWords(r.roles_at_snapshot)}</td>
              <td>{decisionInWords(r)}</td>
              <td className="pre">{r.reason}</td>
              <td>
                {r.decided_by}
                {r.decided_at && (
                  <>
                    <br />
                    <span className="muted">{formatInstant(r.decided_at)}</span>
                  </>
                )}
              </td>
              <td className="pre">{r.earlier_decisions}</td>
              <td>
                {r.verified_at
                  ? t('report_verified', formatInstant(r.verified_at))
                  : r.done_outside_at
                    ? t(
                        'report_doneOutside',
                        formatInstant(r.done_outside_at),
                        r.done_outside_reason,
                      )
                    : r.applied_at
                      ? t('report_applied', formatInstant(r.applied_at))
                      : t('report_notCarriedOut')}
                {r.contradicted_at && (
                  <>
                    <br />
                    {t('report_contradicted', formatInstant(r.contradicted_at))}
                  </>
                )}
              </td>
              <td>{r.history_chain === 'ok' ? t('report_chainRowOk') : r.history_chain}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** What a checked file is, in words. */
function checkWords(check: ReportCheck): string {
  if (!check.readable) return t('reportCheck_unreadable');
  if (check.ok) return check.chainBroken ? t('reportCheck_okChainBroken') : t('reportCheck_ok');
  const parts: string[] = [];
  if (check.altered.length > 0)
    parts.push(
      t(
        'reportCheck_altered',
        check.altered
          .slice(0, 20)
          .map((n) => formatNumber(n))
          .join(', '),
      ),
    );
  if (!check.digestOk) parts.push(t('reportCheck_rowsChanged'));
  return parts.join(' ');
}

/** "Check a report file": reads a CSV or JSON report and says whether, and where, it was edited. */
export function CheckReportFile() {
  const id = useId();
  const [result, setResult] = useState('');
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setResult(checkWords(checkReportFile(await file.text())));
  };
  return (
    <section className="report-check" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('reportCheck_heading')}</h2>
      <p className="muted">{t('reportCheck_intro')}</p>
      <label htmlFor={`${id}-file`}>{t('reportCheck_choose')}</label>{' '}
      <input
        id={`${id}-file`}
        type="file"
        accept=".csv,.json,text/csv,application/json"
        data-testid="report-check-file"
        onChange={(e) => void onFile(e)}
      />
      <p role="status" data-testid="report-check-result">
        {result}
      </p>
    </section>
  );
}
