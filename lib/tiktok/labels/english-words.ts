/**
 * English's page words as data: what the page agent reads a page by until every language's words
 * arrive from the background (./delivered.ts). The agent's build replaces this module with the
 * very data it makes, as a literal (scripts/build/agent-delivered-labels.ts), so the agent carries
 * the texts without the language module's help-article sources or the code that builds them.
 */
import { enPage } from './en';
import type { LanguageWords } from './words';
import { wordsOf } from './words';

let english: readonly LanguageWords[] | undefined;

/** English's page words, as the background hands every language's over. */
export function englishWords(): readonly LanguageWords[] {
  return (english ??= wordsOf([enPage]));
}
