/**
 * The watcher's page words, joined at build time. The watcher runs on every TikTok page and
 * reads pages by the union of sixteen languages' page words (`PAGE_LABELS`); shipped as the
 * language modules, each label carries its source and each language its own code, which the
 * watcher never reads. This Vite plugin, used only in the watcher's build, replaces
 * lib/tiktok/labels/page-word-lists.ts with the very lists `pageLabelsFor` makes from those
 * modules, one packed string per key, and the "N records in total" patterns as literals.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { pageLabelsFor, recordsTotalPatterns } from '../../lib/tiktok/labels/page-words';
import type { PageLabelKey } from '../../lib/tiktok/labels/types';
import { PAGE_LABEL_KEYS } from '../../lib/tiktok/labels/types';

/** Separators tried in turn: the first that no label holds joins the lists. */
const SEPARATORS = ['|', '~', '^', '\t', '\u001f'];

/** Every page-word list, each joined into one string, and the separator that joins them. */
export interface PackedPageWords {
  separator: string;
  lists: Partial<Record<PageLabelKey, string>>;
  /** The "N records in total" patterns, each as a regular-expression literal. */
  recordsTotal: string[];
}

/** Pack the lists `pageLabelsFor` makes from the language modules today. */
export function packPageWords(): PackedPageWords {
  const all = PAGE_LABEL_KEYS.map((key) => [key, pageLabelsFor(key)] as const);
  const separator = SEPARATORS.find((s) =>
    all.every(([, labels]) => labels.every((l) => l !== '' && !l.includes(s))),
  );
  if (!separator) throw new Error('Every separator occurs in some page word: add another.');
  const lists: PackedPageWords['lists'] = {};
  for (const [key, labels] of all) if (labels.length > 0) lists[key] = labels.join(separator);
  return { separator, lists, recordsTotal: recordsTotalPatterns().map(String) };
}

/** Where the lists' module and its stand-in's one import are, from the project's root. */
const LISTS_MODULE = 'lib/tiktok/labels/page-word-lists.ts';
const UNPACK_MODULE = 'lib/tiktok/labels/packed-page-words.ts';

/** The module that stands in for page-word-lists.ts in the watcher's bundle. */
export function packedPageWordsModule(packed: PackedPageWords, root: string): string {
  return [
    `import { unpackPageWords } from ${JSON.stringify(resolve(root, UNPACK_MODULE))};`,
    `export const pageLabelsFor = unpackPageWords(${JSON.stringify(packed.lists)}, ${JSON.stringify(packed.separator)});`,
    `export const recordsTotalPatterns = () => [${packed.recordsTotal.join(', ')}];`,
    // The packed words never change after the build: there is nothing to be told of.
    `export const onLabelsChanged = () => {};`,
  ].join('\n');
}

/**
 * The Vite plugin: page-word-lists.ts, under the project's `root`, becomes the packed lists
 * (packed when the build first loads it).
 */
export function watcherPageWords(root: string): Plugin {
  const lists = resolve(root, LISTS_MODULE);
  let code: string | undefined;
  return {
    name: 'watcher-page-words',
    enforce: 'pre',
    load(id) {
      if (resolve(id.split('?')[0]!) !== lists) return null;
      return (code ??= packedPageWordsModule(packPageWords(), root));
    },
  };
}
