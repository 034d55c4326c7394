/**
 * TikTok Business Center's interface labels in every language the extension knows, and the
 * union `selectors.ts` builds `LABELS` from. Adding a language is adding a module here: every
 * reader, detector and checklist picks it up through `LABELS`.
 */
import { fold } from '../dom';
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { id } from './id';
import { it } from './it';
import { ja } from './ja';
import { ko } from './ko';
import { ptBR } from './pt-BR';
import { ru } from './ru';
import { th } from './th';
import { tr } from './tr';
import { unionOfLabels } from './page-words';
import type { LabelKey, LanguageLabels, LanguageTag } from './types';
import { vi } from './vi';
import { zhHans } from './zh-Hans';
import { zhHant } from './zh-Hant';

export type { Label, LabelKey, LabelSource, LanguageLabels, LanguageTag } from './types';
export type { FlowLabelKey, PageLabelKey } from './types';
export { FLOW_LABEL_KEYS, LABEL_KEYS, PAGE_LABEL_KEYS } from './types';
export { PAGE_LANGUAGES, onLabelsChanged, pageLabelsFor, recordsTotalPatterns } from './page-words';
export { mentionsLabel, titleNames } from './match';

/**
 * Every language, English first: when two languages share a word the first one's entry stands,
 * and the union keeps the order the languages are listed in.
 */
export const LANGUAGES: readonly LanguageLabels[] = [
  en,
  es,
  id,
  ptBR,
  vi,
  th,
  ja,
  ko,
  zhHans,
  zhHant,
  de,
  fr,
  it,
  tr,
  ar,
  ru,
];

/** One language's labels, or undefined for a language the extension does not carry. */
export function languageLabels(lang: LanguageTag): LanguageLabels | undefined {
  return LANGUAGES.find((l) => l.lang === lang);
}

/** Every label meaning `key`, in every language, each text once (compared in lower case). */
export function labelsFor(key: LabelKey): readonly string[] {
  return unionOfLabels(LANGUAGES, (l) => l.labels[key]);
}

/** The languages in which `text` is a label meaning `key` (none for an unknown word). */
export function languagesOf(text: string, key: LabelKey): LanguageTag[] {
  const folded = fold(text);
  return LANGUAGES.filter((l) => (l.labels[key] ?? []).some((x) => fold(x.text) === folded)).map(
    (l) => l.lang,
  );
}
