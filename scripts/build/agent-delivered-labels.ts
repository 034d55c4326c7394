/**
 * How the content scripts get TikTok's interface words, at build time:
 * - the watcher (on every TikTok page) carries every language's page words packed into a few
 *   strings (`watcher-page-words.ts`);
 * - the page agent (on access pages) carries none of the languages' words: the background hands
 *   them over as data (`agent:labels`). This Vite plugin, used only in the agent's build,
 *   resolves the modules that bundle the words (lib/tiktok/labels/index.ts and page-words.ts) to
 *   the one that holds what was handed over (lib/tiktok/labels/delivered.ts); every reader stays
 *   the same code.
 * - the page agent's English page words (what it reads by until the rest arrive) are a literal
 *   of their data (lib/tiktok/labels/english-words.ts), made here from the language module; where
 *   the watcher lends the agent its page words (`PAGE_LABELS`, every language's:
 *   scripts/build/watcher-modules.ts), the literal keeps only what those do not hold, English's
 *   "N records in total" patterns;
 * - the page agent carries the table reader's problems as codes (lib/tiktok/table-problems-coded.ts
 *   in place of table-problems.ts): the companion frame spells them out.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { englishWords } from '../../lib/tiktok/labels/english-words';
import type { LanguageWords } from '../../lib/tiktok/labels/words';
import { WATCHER_LENDS } from './watcher-modules';

/** English's words as the agent's build carries them (see the module comment). */
export function carriedEnglishWords(): readonly LanguageWords[] {
  const lent = WATCHER_LENDS['lib/tiktok/page-labels.ts']?.includes('PAGE_LABELS') ?? false;
  return lent ? englishWords().map((w) => ({ ...w, labels: {} })) : englishWords();
}

/** The agent's build: the words' modules resolve to what the background delivers. */
export function agentDeliveredLabels(root: string): Plugin {
  const carried = /[\\/]lib[\\/]tiktok[\\/]labels[\\/](index|page-words)\.ts$/;
  const delivered = resolve(root, 'lib/tiktok/labels/delivered.ts');
  const coded = resolve(root, 'lib/tiktok/table-problems-coded.ts');
  const english = resolve(root, 'lib/tiktok/labels/english-words.ts');
  return {
    name: 'access-companion:delivered-labels',
    enforce: 'pre',
    load(id) {
      if (resolve(id.split('?')[0]!) !== english) return null;
      const words = JSON.stringify(carriedEnglishWords());
      return `const words = ${words};\nexport const englishWords = () => words;`;
    },
    async resolveId(source, importer, options) {
      // The reader's problems as codes; the coded module itself still reads the words' types.
      if (importer && source.endsWith('/table-problems') && importer !== coded) return coded;
      // An import that names the labels folder, or one made from inside it (page-word-lists.ts
      // re-exports page-words.ts).
      if (!importer || !(source.includes('labels') || /[\\/]labels[\\/]/.test(importer)))
        return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && carried.test(resolved.id) ? delivered : null;
    },
  };
}
