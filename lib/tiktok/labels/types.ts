/**
 * The shape of TikTok's interface labels, kept as data per language (one module per language in
 * this folder). Every label carries where it was read: the TikTok help-center article (in that
 * language) that quotes it, or `unverified` when no article quoting it was found and the label is
 * our best reading of the interface. Unverified labels are still matched: a wrong guess costs a
 * miss, never a wrong answer, because the readers also check structure.
 */

/** The languages whose labels the extension carries, as BCP 47 tags. */
export type LanguageTag =
  | 'en'
  | 'es'
  | 'pt-BR'
  | 'id'
  | 'vi'
  | 'th'
  | 'ja'
  | 'ko'
  | 'zh-Hans'
  | 'zh-Hant'
  | 'de'
  | 'fr'
  | 'it'
  | 'tr'
  | 'ar'
  | 'ru';

/** Where a label was read: a help-center article's address, or `unverified`. */
export type LabelSource = `https://${string}` | 'unverified';

/** One visible label and its source. */
export interface Label {
  readonly text: string;
  readonly source: LabelSource;
}

/**
 * What a label means. Dotted keys are the nested groups of `LABELS` (selectors.ts):
 * `bcRole.admin` is `LABELS.bcRole.admin`. The keys come in two shares: the words that say what
 * a page is and read its access tables, which the watcher on every TikTok page needs, and the
 * words of the flows, which only the scripts injected on access pages read. Keeping them apart
 * keeps the flows' words out of the watcher's bundle.
 */
export const PAGE_LABEL_KEYS = [
  // Headings, navigation and tabs.
  'members',
  'partners',
  // Column headers.
  'colName',
  'colEmail',
  'colStatus',
  'colBcRole',
  'colPermission',
  'colPartnerName',
  'colIgnored',
  'colBcId',
  // Values in cells: they tell a column's meaning where its heading is not known.
  'bcRole.admin',
  'bcRole.standard',
  'financeRole.manager',
  'financeRole.analyst',
  'assetRole.admin',
  'assetRole.operator',
  'assetRole.analyst',
  'status.active',
  'status.pending',
  'status.suspended',
  'status.expired',
  'status.rejected',
  // Before a Business Center's ID on its pages.
  'bcIdPrefix',
] as const;

export const FLOW_LABEL_KEYS = [
  'loading',
  // Dialogs, fields and buttons of the flows.
  'inviteTitle',
  'addPartnersTitle',
  'assignTitle',
  'editPermission',
  'editPermissionTitle',
  'save',
  'resend',
  'confirm',
  'next',
  'removeVerb',
  'confirmationCode',
  'emailField',
  'partnerBcIdField',
  // Messages after a flow.
  'success.invited',
  'success.resent',
  'success.memberRemoved',
  'success.partnerAdded',
  'success.partnerRemoved',
  'success.memberAssigned',
  'success.saved',
] as const;

/** A meaning the watcher reads pages by. */
export type PageLabelKey = (typeof PAGE_LABEL_KEYS)[number];
/** A meaning only the flows read. */
export type FlowLabelKey = (typeof FLOW_LABEL_KEYS)[number];
/** One meaning a label can have. */
export type LabelKey = PageLabelKey | FlowLabelKey;

/** Every meaning, the page words' first (a call, so a bundle that does not use it drops it). */
export const LABEL_KEYS: readonly LabelKey[] = /* @__PURE__ */ (
  PAGE_LABEL_KEYS as readonly LabelKey[]
).concat(FLOW_LABEL_KEYS);

/** One language's labels: any meaning may be missing (structure stands in for it). */
export interface LanguageLabels {
  readonly lang: LanguageTag;
  /** The language's own name for itself. */
  readonly name: string;
  /** Right-to-left scripts (Arabic). */
  readonly dir: 'ltr' | 'rtl';
  readonly labels: { readonly [K in LabelKey]?: readonly Label[] };
  /** "N records in total" under a table, the number captured as group 1. */
  readonly recordsTotal?: readonly RegExp[];
}

/** One language's page words: its `LanguageLabels` less the flows' words. */
export interface PageWords extends Omit<LanguageLabels, 'labels'> {
  readonly labels: { readonly [K in PageLabelKey]?: readonly Label[] };
}

/** One language's flow words, built the first time they are read. */
export type FlowWords = () => { readonly [K in FlowLabelKey]?: readonly Label[] };

/**
 * Labels read in `source`, in the order given. Marked free of side effects (as `helpArticle`),
 * so a bundle that reads no label, like the watcher's, drops the language modules' calls.
 */
export const seenIn =
  /* @__NO_SIDE_EFFECTS__ */
  (source: `https://${string}`) =>
    (...texts: string[]): Label[] =>
      texts.map((text) => ({ text, source }));

/** Labels no article was found to quote: our best reading, marked as such. */
export const unverified = (...texts: string[]): Label[] =>
  texts.map((text) => ({ text, source: 'unverified' }));

/** The address of a TikTok help-center article in one language. */
export const helpArticle = /* @__NO_SIDE_EFFECTS__ */ (
  slug: string,
  lang: string,
): `https://${string}` => `https://ads.tiktok.com/help/article/${slug}?lang=${lang}`;

/**
 * One language's page words, built the first time they are read. The content scripts load on
 * every TikTok page, most of which never read a label (Ads Manager, Business Center's other
 * pages), so the sixteen languages cost nothing there.
 */
export function pageWords(
  spec: Omit<PageWords, 'labels'> & { labels: () => PageWords['labels'] },
): PageWords {
  const { labels: build, ...rest } = spec;
  let built: PageWords['labels'] | undefined;
  return {
    ...rest,
    get labels() {
      return (built ??= build());
    },
  };
}

/** One language's flow words, built the first time they are read. */
export function flowWords(build: FlowWords): FlowWords {
  let built: ReturnType<FlowWords> | undefined;
  return () => (built ??= build());
}

/** One language's labels: its page words and its flow words together, joined when first read. */
export function language(page: PageWords, flow: FlowWords): LanguageLabels {
  let built: LanguageLabels['labels'] | undefined;
  return {
    lang: page.lang,
    name: page.name,
    dir: page.dir,
    ...(page.recordsTotal ? { recordsTotal: page.recordsTotal } : {}),
    get labels() {
      return (built ??= { ...page.labels, ...flow() });
    },
  };
}
