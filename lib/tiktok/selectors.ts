/**
 * Every selector and visible label the extension uses on TikTok's pages, in one place (as
 * refined-github keeps its selectors.ts), so a change of TikTok's page is one edit. Each target
 * lists alternatives newest first; roles, ARIA, data attributes, visible text and structure come
 * before class names, which TikTok changes (`bc-okee-` in 2026, `bui-` before). Labels are data,
 * one module per interface language in ./labels, each label with its source; `LABELS` is their
 * union.
 *
 * `SELECTOR_EXAMPLES` names the replica pages (tests/fixtures/tiktok/replicas.mjs, REPLICA_URLS)
 * each selector must find something on; tests/unit/tiktok/selectors.test.ts checks every one.
 * What is known about TikTok's pages and languages, with sources: docs/tiktok.md.
 */
import type { FlowLabelKey } from './labels';
import { labelsFor } from './labels';
import { onLabelsChanged } from './labels/page-word-lists';
import { PAGE_LABELS, recordsTotalLabels } from './page-labels';

/** A CSS target with its alternatives, newest first. */
export interface SelectorTarget {
  readonly alternatives: readonly string[];
}

const target = (alternatives: readonly string[]): SelectorTarget => ({ alternatives });

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

/** Every CSS target on TikTok's pages, alternatives newest first. */
export const SELECTORS = {
  /** The page's own title: the h1 in the main area (seen 2026-11 on every BC page). */
  heading: target([
    'main h1',
    '[role=main] h1',
    '#view h1',
    'h1',
    '[role=heading][aria-level="1"]',
  ]),
  /** A data table, `<table>` (bc-okee, 2026) or an ARIA grid of divs (bui, 2025; Partners 2026). */
  table: target([
    'table',
    '[role=table]',
    '[role=grid]',
    '[role=treegrid]',
    '.bc-okee-table',
    '.bui-table',
  ]),
  /** Column headers of a table. */
  columnHeader: target(['th', '[role=columnheader]']),
  /** Rows of a grid table (a `<table>` uses its own rows). */
  gridRow: target(['[role=row]', '.bui-table-row', '.bc-okee-table-row']),
  /** Cells of a grid row. */
  gridCell: target(['[role=cell]', '[role=gridcell]', '.bui-table-cell']),
  /** Tabs: an ad account's Members / Partner tabs; a Members | Partners bar on the Users pages. */
  tab: target(['[role=tab]', '.bc-okee-tabs-tab', '.bui-tabs-tab']),
  /** Dialogs and drawers, mounted at the end of body (TikTok's TUXModal among them). */
  dialog: target([
    '[role=dialog]',
    '[role=alertdialog]',
    '[aria-modal=true]',
    '.TUXModal',
    '.bc-okee-modal',
    '.bc-okee-drawer',
    '.bui-modal',
    '.bui-popper',
    '.vi-dialog',
  ]),
  /** Short messages after an action ("Invitation sent"). */
  message: target(['[role=alert]', '[role=status]', '.bc-okee-message', '.bui-message']),
  /** The current step of a multi-step dialog. */
  currentStep: target([
    '[aria-current=step]',
    '.bc-okee-steps-item-active',
    '.bui-steps-item-active',
  ]),
  /** A loading indicator standing where a table will be. */
  loading: target([
    '[role=status][aria-busy=true]',
    '.bc-okee-spin',
    '.bui-loading',
    '[role=progressbar]',
  ]),
  /** The current Business Center's name in the header (2026: data-testid; 2025: bui switcher). */
  bcName: target(['[data-testid=bc-name]', '.bc-okee-bc-switch', '.bui-bc-switch', '.bc-name']),
  /** Entries of the Business Center picker, each linking to one Business Center. */
  bcPickerEntry: target(['a[href*="org_id="]', '[data-org-id]']),
  /** Ads Manager's account switcher: custom elements with nested open shadow roots. */
  adsAccountId: target(['[x-name="x-account-id"]', '.vi-account-id']),
} as const satisfies Record<string, SelectorTarget>;

/**
 * The replica pages each target must find something on (checked by
 * tests/unit/tiktok/selectors.test.ts). A table of its own, so the scripts that run in TikTok's
 * page, which never read it, do not carry it: it is made by a call marked pure, which a bundle
 * that never reads it drops whole (of a plain literal, the spread of a list would stay behind).
 */
export const SELECTOR_EXAMPLES: Readonly<Record<keyof typeof SELECTORS, readonly string[]>> =
  /* @__PURE__ */ (() => ({
    heading: [
      'bcMembers',
      'bcMembersEs',
      'bcPartners',
      'bcOverview',
      'bcAssetMembers',
      'adsDashboard',
      'bcMembersJa',
      'bcPartnersAr',
    ],
    table: [...BC_TABLE_PAGES, 'bcAdAccounts', 'adsDashboard'],
    columnHeader: BC_TABLE_PAGES,
    gridRow: ['bcPartners', 'bcMembersEs', 'bcMembersGrid', 'bcMembersVirtual', 'bcPartnersJa'],
    gridCell: ['bcPartners', 'bcMembersEs', 'bcMembersGrid', 'bcMembersVirtual'],
    tab: ['bcAssetMembers', 'bcAssetMembersEs', 'bcAssetMembersJa', 'bcMembersTabs'],
    dialog: [],
    message: [],
    currentStep: [],
    loading: [],
    bcName: ['bcMembers', 'bcMembersEs', 'bcOverview', 'bcPartners', 'bcMembersJa', 'bcMembersAr'],
    bcPickerEntry: ['bcPicker'],
    adsAccountId: ['adsDashboard', 'adsCampaigns'],
  }))();

const lists = new Map<FlowLabelKey, readonly string[]>();
const list = (key: FlowLabelKey): readonly string[] => {
  let found = lists.get(key);
  if (!found) lists.set(key, (found = labelsFor(key)));
  return found;
};
// Words handed over late (the page agent's) make every list anew.
onLabelsChanged(() => lists.clear());

/**
 * Visible labels by what they mean, in every language of lib/tiktok/labels (16 of TikTok
 * Business Center's interface languages, each label with the help article it was read in or
 * marked unverified). Built from that data: each list is the union over the languages, English
 * first, so a caller matches every language at once. Each list is built the first time it is
 * read and then kept (the same array every time): the content scripts load on every TikTok page,
 * most of which never read a label. The words a page is read by are `PAGE_LABELS`' lists
 * (page-labels.ts), the same arrays: code that runs on every page imports that instead.
 */
export const LABELS = {
  get members() {
    return PAGE_LABELS.members;
  },
  get partners() {
    return PAGE_LABELS.partners;
  },
  // Column headers.
  get colName() {
    return PAGE_LABELS.colName;
  },
  get colEmail() {
    return PAGE_LABELS.colEmail;
  },
  get colStatus() {
    return PAGE_LABELS.colStatus;
  },
  get colBcRole() {
    return PAGE_LABELS.colBcRole;
  },
  get colPermission() {
    return PAGE_LABELS.colPermission;
  },
  get colPartnerName() {
    return PAGE_LABELS.colPartnerName;
  },
  /** Columns the readers know and need not read (actions, counts of assets). */
  get colIgnored() {
    return PAGE_LABELS.colIgnored;
  },
  get colBcId() {
    return PAGE_LABELS.colBcId;
  },
  // Values.
  bcRole: {
    get admin() {
      return PAGE_LABELS.bcRole.admin;
    },
    get standard() {
      return PAGE_LABELS.bcRole.standard;
    },
  },
  financeRole: {
    get manager() {
      return PAGE_LABELS.financeRole.manager;
    },
    get analyst() {
      return PAGE_LABELS.financeRole.analyst;
    },
  },
  assetRole: {
    get admin() {
      return PAGE_LABELS.assetRole.admin;
    },
    get operator() {
      return PAGE_LABELS.assetRole.operator;
    },
    get analyst() {
      return PAGE_LABELS.assetRole.analyst;
    },
  },
  status: {
    get active() {
      return PAGE_LABELS.status.active;
    },
    get pending() {
      return PAGE_LABELS.status.pending;
    },
    get suspended() {
      return PAGE_LABELS.status.suspended;
    },
    get expired() {
      return PAGE_LABELS.status.expired;
    },
    get rejected() {
      return PAGE_LABELS.status.rejected;
    },
  },
  /** "N Records in Total" under a table, with the number captured. */
  get recordsTotal() {
    return recordsTotalLabels();
  },
  get loading() {
    return list('loading');
  },
  // Dialogs and buttons.
  get inviteTitle() {
    return list('inviteTitle');
  },
  get addPartnersTitle() {
    return list('addPartnersTitle');
  },
  get assignTitle() {
    return list('assignTitle');
  },
  /**
   * A member's Edit control in an ad account's Members tab (Action column), which opens the
   * permission dropdown (a text button "Edit" in 2026, "Edit permission" as its tooltip or
   * aria-label in older builds).
   */
  get editPermission() {
    return list('editPermission');
  },
  /** Title of the dialog that changes one member's permission on an ad account. */
  get editPermissionTitle() {
    return list('editPermissionTitle');
  },
  /** The button that saves a changed permission. */
  get save() {
    return list('save');
  },
  /** The control that resends a pending invitation, in the member's details. */
  get resend() {
    return list('resend');
  },
  get confirm() {
    return list('confirm');
  },
  get next() {
    return list('next');
  },
  /** Verbs of a removal confirmation's title ("Remove member?", "メンバーを削除しますか？"). */
  get removeVerb() {
    return list('removeVerb');
  },
  /** Words that name the confirmation-code step ("confirmation code", "認証コード"). */
  get confirmationCode() {
    return list('confirmationCode');
  },
  get emailField() {
    return list('emailField');
  },
  get partnerBcIdField() {
    return list('partnerBcIdField');
  },
  get bcIdPrefix() {
    return PAGE_LABELS.bcIdPrefix;
  },
  /** Success messages after each flow. */
  success: {
    get invited() {
      return list('success.invited');
    },
    get resent() {
      return list('success.resent');
    },
    get memberRemoved() {
      return list('success.memberRemoved');
    },
    get partnerAdded() {
      return list('success.partnerAdded');
    },
    get partnerRemoved() {
      return list('success.partnerRemoved');
    },
    get memberAssigned() {
      return list('success.memberAssigned');
    },
    get saved() {
      return list('success.saved');
    },
  },
} as const;
