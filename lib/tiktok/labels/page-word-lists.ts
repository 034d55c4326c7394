/**
 * Where `PAGE_LABELS` (page-labels.ts) takes its lists from: every language's page words, joined
 * at run time from the language modules. The watcher's build replaces this module with the same
 * lists joined at build time and packed into one string each (scripts/build/watcher-page-words.ts),
 * so the page on every TikTok tab loads the words without the language modules' code around them.
 * The readers that cache lists built from the words subscribe to `onLabelsChanged` here, not in
 * ./index.ts, so the watcher's bundle does not take in every language module for it.
 */
export { onLabelsChanged, pageLabelsFor, recordsTotalPatterns } from './page-words';
