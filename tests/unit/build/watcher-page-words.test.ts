import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_LABEL_KEYS, pageLabelsFor, recordsTotalPatterns } from '@/lib/tiktok/labels';
import { unpackPageWords } from '@/lib/tiktok/labels/packed-page-words';
import { packPageWords, packedPageWordsModule } from '@/scripts/build/watcher-page-words';

// Inside the project (in its ignored test output), where the test runner loads modules from.
const output = join(process.cwd(), 'test-results');
mkdirSync(output, { recursive: true });
const dir = mkdtempSync(join(output, 'watcher-page-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the watcher's page words, packed at build time", () => {
  const packed = packPageWords();

  it('unpack to the very lists the language modules make, key by key and in order', () => {
    const unpacked = unpackPageWords(packed.lists, packed.separator);
    for (const key of PAGE_LABEL_KEYS) expect(unpacked(key), key).toEqual(pageLabelsFor(key));
    // Not a vacuous match: the lists are the sixteen languages' words.
    expect(unpacked('members')).toContain('Members');
    expect(unpacked('status.pending').length).toBeGreaterThan(16);
  });

  it('join with a separator no label holds', () => {
    for (const key of PAGE_LABEL_KEYS)
      for (const label of pageLabelsFor(key)) expect(label).not.toContain(packed.separator);
  });

  it('make a module that stands in for page-word-lists.ts with the same exports', async () => {
    const file = join(dir, 'page-word-lists.mjs');
    writeFileSync(file, packedPageWordsModule(packed, process.cwd()));
    const module = (await import(/* @vite-ignore */ file)) as {
      pageLabelsFor: typeof pageLabelsFor;
      recordsTotalPatterns: typeof recordsTotalPatterns;
    };
    for (const key of PAGE_LABEL_KEYS)
      expect(module.pageLabelsFor(key), key).toEqual(pageLabelsFor(key));
    const patterns = module.recordsTotalPatterns();
    expect(patterns.map(String)).toEqual(recordsTotalPatterns().map(String));
    expect(patterns.length).toBeGreaterThan(0);
    for (const p of patterns) expect(p).toBeInstanceOf(RegExp);
    // The patterns read a total as the language modules' do.
    const total = (text: string) =>
      patterns.map((p) => p.exec(text)?.[1] ?? null).find((n) => n !== null);
    expect(total('128 Records in Total')).toBe('128');
  });
});
