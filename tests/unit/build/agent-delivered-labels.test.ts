import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { enPage } from '@/lib/tiktok/labels/en';
import { englishWords } from '@/lib/tiktok/labels/english-words';
import { wordsOf } from '@/lib/tiktok/labels/words';
import { agentDeliveredLabels, carriedEnglishWords } from '@/scripts/build/agent-delivered-labels';
import { WATCHER_LENDS } from '@/scripts/build/watcher-modules';

// Inside the project (in its ignored test output), where the test runner loads modules from.
const output = join(process.cwd(), 'test-results');
mkdirSync(output, { recursive: true });
const dir = mkdtempSync(join(output, 'agent-delivered-labels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const root = process.cwd();
const plugin = agentDeliveredLabels(root);
const load = (id: string) =>
  (plugin.load as unknown as (id: string) => string | null).call({}, resolve(root, id));

describe("the page agent's English page words, made a literal at build time", () => {
  it('are the very data the language module makes, without its help-article sources', async () => {
    const code = load('lib/tiktok/labels/english-words.ts');
    expect(code).not.toBeNull();
    expect(code).not.toContain('help/article');
    const file = join(dir, 'english-words.mjs');
    writeFileSync(file, code!);
    const module = (await import(/* @vite-ignore */ file)) as { englishWords: typeof englishWords };
    expect(module.englishWords()).toEqual(carriedEnglishWords());
    // English's "N records in total" patterns, as the language module has them.
    expect(module.englishWords()[0]?.recordsTotal).toEqual(wordsOf([enPage])[0]?.recordsTotal);
    expect(module.englishWords()[0]?.recordsTotal?.length).toBeGreaterThan(0);
  });

  it('leave out the page words the watcher lends the agent, and only those', () => {
    const [carried] = carriedEnglishWords();
    const [english] = englishWords();
    // The watcher's page words (every language's) stand in for English's.
    expect(WATCHER_LENDS['lib/tiktok/page-labels.ts']).toContain('PAGE_LABELS');
    expect(carried?.labels).toEqual({});
    expect(carried?.lang).toBe('en');
    // Not a vacuous match: the language module has English's role and status words.
    expect(english?.labels['status.pending']).toContain('Pending');
    expect({ ...carried, labels: english?.labels }).toEqual(english);
  });

  it('leave every other module to the build', () => {
    expect(load('lib/tiktok/labels/en.ts')).toBeNull();
    expect(load('lib/tiktok/read-table.ts')).toBeNull();
  });
});
