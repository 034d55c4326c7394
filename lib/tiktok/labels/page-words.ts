/**
 * The page words of every language: what the watcher, which runs on every TikTok page, reads a
 * page by (headings, tabs, column headers, role and status words, the "N records in total" line).
 * It imports only this share of each language module, so the flows' words stay out of its bundle;
 * `index.ts` joins both shares for everything else.
 */
import { arPage } from './ar';
import { dePage } from './de';
import { enPage } from './en';
import { esPage } from './es';
import { frPage } from './fr';
import { idPage } from './id';
import { itPage } from './it';
import { jaPage } from './ja';
import { koPage } from './ko';
import { ptBRPage } from './pt-BR';
import { ruPage } from './ru';
import { thPage } from './th';
import { trPage } from './tr';
import type { Label, PageLabelKey, PageWords } from './types';
import { viPage } from './vi';
import { zhHansPage } from './zh-Hans';
import { zhHantPage } from './zh-Hant';

/** Every language's page words, in the order of `LANGUAGES` (index.ts), English first. */
export const PAGE_LANGUAGES: readonly PageWords[] = [
  enPage,
  esPage,
  idPage,
  ptBRPage,
  viPage,
  thPage,
  jaPage,
  koPage,
  zhHansPage,
  zhHantPage,
  dePage,
  frPage,
  itPage,
  trPage,
  arPage,
  ruPage,
];

/**
 * The labels of `labelsOf` over `languages`, each text once (compared in lower case), in the
 * order the languages are listed in. This runs when a page is first read, on every TikTok page,
 * so it does no Unicode normalisation: `isLabel` folds each list the first time it matches.
 */
export function unionOfLabels<L>(
  languages: readonly L[],
  labelsOf: (language: L) => readonly Label[] | undefined,
): readonly string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const language of languages) {
    for (const label of labelsOf(language) ?? []) {
      const lower = label.text.toLowerCase();
      if (seen.has(lower)) continue;
      seen.add(lower);
      out.push(label.text);
    }
  }
  return out;
}

/** Every page word meaning `key`, in every language. */
export function pageLabelsFor(key: PageLabelKey): readonly string[] {
  return unionOfLabels(PAGE_LANGUAGES, (l) => l.labels[key]);
}

/** Every language's "N records in total" patterns. */
export function recordsTotalPatterns(): readonly RegExp[] {
  return PAGE_LANGUAGES.flatMap((l) => l.recordsTotal ?? []);
}

/**
 * Call `listener` when the words change. The words carried here never do; the page agent, which
 * is handed its words as data, resolves this module to ./delivered.ts, whose words arrive late.
 */
export function onLabelsChanged(_listener: () => void): void {}
