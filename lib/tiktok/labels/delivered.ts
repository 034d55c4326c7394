/**
 * The labels in the page agent, which carries only English's page words: the agent's build
 * resolves this folder's `index.ts` and `page-words.ts` to this module (wxt.config.ts), so the
 * readers, the flow detectors and the checklists are the same code, matching the words the
 * background hands the agent as data (`receiveLanguages`, from `agent:labels`). Until they
 * arrive — or when they never do — a page is read by English, TikTok's default interface
 * language, and by structure (columns known by their contents, dialogs by their roles, steps
 * offering "I did this"), as a page in a language the extension does not know is.
 */
import { englishWords } from './english-words';
import type { LabelKey, PageLabelKey } from './types';
import type { LanguageWords } from './words';

let received: readonly LanguageWords[] | null = null;
/** The words handed over, else English's page words. */
const current = (): readonly LanguageWords[] => received ?? englishWords();
const listeners = new Set<() => void>();

const isTexts = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((t) => typeof t === 'string');

/**
 * Take the languages' words (plain data, checked for its shape: anything else is dropped) and
 * tell the readers' caches to build their lists afresh.
 */
export function receiveLanguages(words: unknown): void {
  if (!Array.isArray(words)) return;
  received = words.filter(
    (w): w is LanguageWords =>
      typeof w === 'object' &&
      w !== null &&
      typeof (w as LanguageWords).labels === 'object' &&
      (w as LanguageWords).labels !== null,
  );
  for (const listener of listeners) listener();
}

/** The languages whose words were handed over (none yet: English's page words stand in). */
export function receivedLanguages(): string[] {
  return (received ?? []).map((l) => String(l.lang));
}

/** Forget the words handed over (tests start afresh). */
export function forgetLanguages(): void {
  received = null;
  for (const listener of listeners) listener();
}

/** Every label meaning `key` in the languages received, each text once (see index.ts). */
export function labelsFor(key: LabelKey): readonly string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const language of current()) {
    const texts: unknown = language.labels[key];
    if (!isTexts(texts)) continue;
    for (const text of texts) {
      const lower = text.toLowerCase();
      if (seen.has(lower)) continue;
      seen.add(lower);
      out.push(text);
    }
  }
  return out;
}

/** Every page word meaning `key` in the languages received (see page-words.ts). */
export function pageLabelsFor(key: PageLabelKey): readonly string[] {
  return labelsFor(key);
}

/** The received languages' "N records in total" patterns (a malformed one is skipped). */
export function recordsTotalPatterns(): readonly RegExp[] {
  const out: RegExp[] = [];
  for (const l of current()) {
    for (const p of Array.isArray(l.recordsTotal) ? l.recordsTotal : []) {
      try {
        out.push(new RegExp(String(p.source), String(p.flags)));
      } catch {
        // not a pattern this engine reads: the line goes unread, as in an unknown language
      }
    }
  }
  return out;
}

/** Call `listener` whenever the words change (the readers' caches of lists are dropped). */
export function onLabelsChanged(listener: () => void): void {
  listeners.add(listener);
}
