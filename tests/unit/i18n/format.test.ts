import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { LATIN_DIGIT_LANGUAGES, formatNumber } from '@/lib/i18n';

// formatNumber skips Intl for small counts in languages written with ASCII digits (ICU's start-up
// is the overlay's single biggest cost on load); the result must be what Intl would write.
describe('formatNumber', () => {
  afterEach(() => vi.restoreAllMocks());

  const inLanguage = (language: string) =>
    vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(language);

  it.each([...LATIN_DIGIT_LANGUAGES])('writes counts as Intl does in %s', (language) => {
    inLanguage(language);
    for (const n of [0, 1, 7, 42, 999, 1000, 3650, 1234567])
      expect(formatNumber(n)).toBe(n.toLocaleString(language));
  });

  it('leaves digits to Intl where a language writes its own', () => {
    inLanguage('ar-EG');
    expect(formatNumber(42)).toBe((42).toLocaleString('ar-EG'));
    expect(formatNumber(42)).not.toBe('42');
    inLanguage('en-US-u-nu-arab');
    expect(formatNumber(7)).toBe((7).toLocaleString('en-US-u-nu-arab'));
    expect(formatNumber(7)).not.toBe('7');
  });

  it('groups large numbers as the language does', () => {
    inLanguage('en-US');
    expect(formatNumber(3650)).toBe('3,650');
    inLanguage('es');
    expect(formatNumber(3650)).toBe((3650).toLocaleString('es'));
  });
});
