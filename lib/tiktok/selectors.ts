/**
 * Every selector and visible label the extension uses on TikTok's pages, in one place (house
 * style, pattern 3, after refined-github's selectors.ts). Each target lists alternatives newest
 * first; roles, ARIA, data attributes, visible text and structure come before class names,
 * which TikTok changes (`bc-okee-` in 2026, `bui-` before). Labels are data, one module per
 * interface language in ./labels, each label with its source; `LABELS` is their union.
 *
 * `examples` names the replica pages (tests/fixtures/tiktok/replicas.mjs, REPLICA_URLS) each
 * selector must find something on; tests/unit/tiktok-selectors.test.ts checks every one.
 * What is known about TikTok's pages and languages, with sources: docs/tiktok.md.
 */
import { labelsFor, recordsTotalPatterns } from './labels';

/** A CSS target with its alternatives, newest first, and the replica pages it must match. */
export interface SelectorTarget {
  readonly alternatives: readonly string[];
  readonly examples: readonly string[];
}

const target = (alternatives: readonly string[], examples: readonly string[]): SelectorTarget => ({
  alternatives,
  examples,
});

const BC_TABLE_PAGES = [
  'bcMembers',
  'bcMembersEs',
  'bcPartners',
  'bcPartnersEs',
  'bcAssetMembers',
  'bcMembersJa',
  'bcMembersAr',
  'bcMembersGrid',
  'bcMembersVirtual',
];

/** Every CSS target on TikTok's pages, alternatives newest first, with the replicas each must match. */
export const SELECTORS = {
  /** The page's own title: the h1 in the main area (seen 2026-11 on every BC page). */
  heading: target(
    ['main h1', '[role=main] h1', '#view h1', 'h1', '[role=heading][aria-level="1"]'],
    [
      'bcMembers',
      'bcMembersEs',
      'bcPartners',
      'bcOverview',
      'bcAssetMembers',
      'adsDashboard',
      'bcMembersJa',
      'bcPartnersAr',
    ],
  ),
  /** A data table, `<table>` (bc-okee, 2026) or an ARIA grid of divs (bui, 2025; Partners 2026). */
  table: target(
    ['table', '[role=table]', '[role=grid]', '[role=treegrid]', '.bc-okee-table', '.bui-table'],
    [...BC_TABLE_PAGES, 'bcAdAccounts', 'adsDashboard'],
  ),
  /** Column headers of a table. */
  columnHeader: target(['th', '[role=columnheader]'], BC_TABLE_PAGES),
  /** Rows of a grid table (a `<table>` uses its own rows). */
  gridRow: target(
    ['[role=row]', '.bui-table-row', '.bc-okee-table-row'],
    ['bcPartners', 'bcMembersEs', 'bcMembersGrid', 'bcMembersVirtual', 'bcPartnersJa'],
  ),
  /** Cells of a grid row. */
  gridCell: target(
    ['[role=cell]', '[role=gridcell]', '.bui-table-cell'],
    ['bcPartners', 'bcMembersEs', 'bcMembersGrid', 'bcMembersVirtual'],
  ),
  /** Tabs: an ad account's Members / Partner tabs; a Members | Partners bar on the Users pages. */
  tab: target(
    ['[role=tab]', '.bc-okee-tabs-tab', '.bui-tabs-tab'],
    ['bcAssetMembers', 'bcAssetMembersEs', 'bcAssetMembersJa', 'bcMembersTabs'],
  ),
  /** Dialogs and drawers, mounted at the end of body (TikTok's TUXModal among them). */
  dialog: target(
    [
      '[role=dialog]',
      '[role=alertdialog]',
      '[aria-modal=true]',
      '.TUXModal',
      '.bc-okee-modal',
      '.bc-okee-drawer',
      '.bui-modal',
      '.bui-popper',
      '.vi-dialog',
    ],
    [],
  ),
  /** Short messages after an action ("Invitation sent"). */
  message: target(['[role=alert]', '[role=status]', '.bc-okee-message', '.bui-message'], []),
  /** The current step of a multi-step dialog. */
  currentStep: target(
    ['[aria-current=step]', '.bc-okee-steps-item-active', '.bui-steps-item-active'],
    [],
  ),
  /** A loading indicator standing where a table will be. */
  loading: target(
    ['[role=status][aria-busy=true]', '.bc-okee-spin', '.bui-loading', '[role=progressbar]'],
    [],
  ),
  /** The current Business Center's name in the header (2026: data-testid; 2025: bui switcher). */
  bcName: target(
    ['[data-testid=bc-name]', '.bc-okee-bc-switch', '.bui-bc-switch', '.bc-name'],
    ['bcMembers', 'bcMembersEs', 'bcOverview', 'bcPartners', 'bcMembersJa', 'bcMembersAr'],
  ),
  /** Entries of the Business Center picker, each linking to one Business Center. */
  bcPickerEntry: target(['a[href*="org_id="]', '[data-org-id]'], ['bcPicker']),
  /** Ads Manager's account switcher: custom elements with nested open shadow roots. */
  adsAccountId: target(
    ['[x-name="x-account-id"]', '.vi-account-id'],
    ['adsDashboard', 'adsCampaigns'],
  ),
} as const satisfies Record<string, SelectorTarget>;

/**
 * Visible labels by what they mean, in every language of lib/tiktok/labels (16 of TikTok
 * Business Center's interface languages, each label with the help article it was read in or
 * marked unverified). Built from that data: each list is the union over the languages, English
 * first, so a caller matches every language at once.
 */
export const LABELS = {
  members: labelsFor('members'),
  partners: labelsFor('partners'),
  // Column headers.
  colName: labelsFor('colName'),
  colEmail: labelsFor('colEmail'),
  colStatus: labelsFor('colStatus'),
  colBcRole: labelsFor('colBcRole'),
  colPermission: labelsFor('colPermission'),
  colPartnerName: labelsFor('colPartnerName'),
  /** Columns the readers know and need not read (actions, counts of assets). */
  colIgnored: labelsFor('colIgnored'),
  colBcId: labelsFor('colBcId'),
  // Values.
  bcRole: { admin: labelsFor('bcRole.admin'), standard: labelsFor('bcRole.standard') },
  financeRole: {
    manager: labelsFor('financeRole.manager'),
    analyst: labelsFor('financeRole.analyst'),
  },
  assetRole: {
    admin: labelsFor('assetRole.admin'),
    operator: labelsFor('assetRole.operator'),
    analyst: labelsFor('assetRole.analyst'),
  },
  status: {
    active: labelsFor('status.active'),
    pending: labelsFor('status.pending'),
    suspended: labelsFor('status.suspended'),
    expired: labelsFor('status.expired'),
    rejected: labelsFor('status.rejected'),
  },
  /** "N Records in Total" under a table, with the number captured. */
  recordsTotal: recordsTotalPatterns(),
  loading: labelsFor('loading'),
  // Dialogs and buttons.
  inviteTitle: labelsFor('inviteTitle'),
  addPartnersTitle: labelsFor('addPartnersTitle'),
  assignTitle: labelsFor('assignTitle'),
  /**
   * A member's Edit control in an ad account's Members tab (Action column), which opens the
   * permission dropdown (a text button "Edit" in 2026, "Edit permission" as its tooltip or
   * aria-label in older builds).
   */
  editPermission: labelsFor('editPermission'),
  /** Title of the dialog that changes one member's permission on an ad account. */
  editPermissionTitle: labelsFor('editPermissionTitle'),
  /** The button that saves a changed permission. */
  save: labelsFor('save'),
  /** The control that resends a pending invitation, in the member's details. */
  resend: labelsFor('resend'),
  confirm: labelsFor('confirm'),
  next: labelsFor('next'),
  /** Verbs of a removal confirmation's title ("Remove member?", "メンバーを削除しますか？"). */
  removeVerb: labelsFor('removeVerb'),
  /** Words that name the confirmation-code step ("confirmation code", "認証コード"). */
  confirmationCode: labelsFor('confirmationCode'),
  emailField: labelsFor('emailField'),
  partnerBcIdField: labelsFor('partnerBcIdField'),
  bcIdPrefix: labelsFor('bcIdPrefix'),
  /** Success messages after each flow. */
  success: {
    invited: labelsFor('success.invited'),
    resent: labelsFor('success.resent'),
    memberRemoved: labelsFor('success.memberRemoved'),
    partnerAdded: labelsFor('success.partnerAdded'),
    partnerRemoved: labelsFor('success.partnerRemoved'),
    memberAssigned: labelsFor('success.memberAssigned'),
    saved: labelsFor('success.saved'),
  },
} as const;
