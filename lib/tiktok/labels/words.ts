/**
 * The labels as plain data, for the page agent: it carries none of the languages' words (they
 * were most of its weight) and is handed them by the background, which has them all
 * (`agent:labels`). Plain strings and regular-expression sources only, so they cross the
 * extension's messaging (JSON in Chrome) unchanged; the help-article sources stay behind.
 */
import type { LabelKey, LanguageLabels, LanguageTag } from './types';
import { LABEL_KEYS } from './types';

/** One language's words as data: each meaning's texts, and the "N records in total" patterns. */
export interface LanguageWords {
  lang: LanguageTag;
  labels: { [K in LabelKey]?: string[] };
  recordsTotal?: { source: string; flags: string }[];
}

/** `languages` as data, in the order given (the union keeps it: English first). */
export function wordsOf(languages: readonly LanguageLabels[]): LanguageWords[] {
  return languages.map((language) => {
    const labels: LanguageWords['labels'] = {};
    for (const key of LABEL_KEYS) {
      const texts = language.labels[key];
      if (texts?.length) labels[key] = texts.map((l) => l.text);
    }
    const patterns = language.recordsTotal?.map((re) => ({ source: re.source, flags: re.flags }));
    return { lang: language.lang, labels, ...(patterns?.length ? { recordsTotal: patterns } : {}) };
  });
}
