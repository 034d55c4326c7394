import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { substitute, t } from '@/lib/i18n';
import { spanish, speak } from '../helpers/locale';

type Messages = Record<string, { message: string }>;
const LOCALES = resolve('public/_locales');
const load = (lang: string) =>
  JSON.parse(readFileSync(resolve(LOCALES, lang, 'messages.json'), 'utf8')) as Messages;
/** Every TypeScript source under the given folders. */
const sourceFiles = (folders: string[]): string[] =>
  folders.flatMap((folder) =>
    (readdirSync(resolve(folder), { recursive: true }) as string[])
      .filter((file) => /\.(ts|tsx|mjs)$/.test(file))
      .map((file) => join(resolve(folder), file)),
  );
const placeholders = (m: string) => [...m.matchAll(/\$([1-9])/g)].map((x) => x[1]).sort();

describe('i18n messages', () => {
  const en = load('en');

  it.each(readdirSync(LOCALES).filter((l) => l !== 'en'))(
    '%s has exactly the English keys, each with the same $n substitutions',
    (lang) => {
      const other = load(lang);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, { message }] of Object.entries(en)) {
        expect(placeholders(other[key]!.message), key).toEqual(placeholders(message));
        expect(other[key]!.message.trim(), key).not.toBe('');
      }
    },
  );

  it('uses only names Chrome accepts (letters, digits, _ and @)', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });

  it('every English message is used by the code (a key the code never asks for is dead text to translate)', () => {
    const sources = sourceFiles(['lib', 'components', 'entrypoints', 'scripts']).map((file) =>
      readFileSync(file, 'utf8'),
    );
    const code = sources.join('\n');
    // Keys built at run time, such as t(`role_asset_${role}`), count by their written prefix.
    const builtPrefixes = [...code.matchAll(/\bt\(`([A-Za-z0-9_@]+)\$\{/g)].map((m) => m[1]!);
    expect(builtPrefixes.length).toBeGreaterThan(0);
    const unused = Object.keys(en).filter(
      (key) =>
        !new RegExp(`['"\`]${key}['"\`]`).test(code) &&
        !builtPrefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });

  it('every message the code names exists in English (the typecheck enforces this for t)', () => {
    const code = sourceFiles(['lib', 'components', 'entrypoints'])
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const named = new Set([...code.matchAll(/\bt\(\s*'([A-Za-z0-9_@]+)'/g)].map((m) => m[1]!));
    expect(named.size).toBeGreaterThan(200);
    expect([...named].filter((key) => !(key in en))).toEqual([]);
  });

  it('substitutes like the browser: $1…$9, and $$ for a dollar sign', () => {
    expect(substitute('$1 of $2 ($$5)', ['3', '7'])).toBe('3 of 7 ($5)');
    expect(substitute('$3 missing', [])).toBe(' missing');
  });
});

describe('t asks the browser once per message without substitutions', () => {
  it('keeps a plain message, asks each time with substitutions, and asks again in another language', () => {
    const asked: string[] = [];
    speak((name, subs) => {
      asked.push(name);
      return `${name}:${subs.join('|')}`;
    });
    expect(t('status_active')).toBe('status_active:');
    expect(t('status_active')).toBe('status_active:');
    expect(t('list_count', 3)).toBe('list_count:3');
    expect(t('list_count', 4)).toBe('list_count:4');
    expect(asked).toEqual(['status_active', 'list_count', 'list_count']);
    spanish();
    expect(t('status_active')).toBe('Activo');
    vi.restoreAllMocks();
  });
});
