/**
 * The extension's words, through the browser's i18n messages (public/_locales/<lang>/
 * messages.json). `t` is typed by the English file, so a missing key fails the typecheck; where
 * the browser API is absent (unit tests) the messages given to {@link setFallbackMessages} are
 * used. The English file is not bundled here: every extension context has the i18n API, and the
 * page agent on TikTok's page stays small.
 */
import { browser } from 'wxt/browser';
import type en from '@/public/_locales/en/messages.json';

/** Every message name. */
export type MessageKey = keyof typeof en;

let fallback: Partial<Record<string, { message: string }>> = {};

/**
 * Messages without substitutions, as last answered. Each `getMessage` is a call into the
 * browser's extension bindings, dearer than rendering a row: the register page asks for about a
 * hundred on each search keystroke. The messages of a context never change, so the cache is
 * emptied only when the API itself is replaced (tests give another language) or the fallback is.
 */
const plainMessages = new Map<string, string>();
let plainMessagesFrom: unknown;

/** Forget the messages kept so far: for tests that make the same API speak another language. */
export function forgetMessages(): void {
  plainMessages.clear();
}

/** The words to use where the browser's i18n API is absent (the unit tests give the English file). */
export function setFallbackMessages(messages: Partial<Record<string, { message: string }>>): void {
  fallback = messages;
  plainMessages.clear();
}

/** Fill `$1`…`$9` as the browser does (and `$$` for a dollar sign). */
export function substitute(message: string, substitutions: readonly string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, n: string) =>
    n === '$' ? '$' : (substitutions[Number(n) - 1] ?? ''),
  );
}

/** The message `key` in the browser's language, with `$1`… replaced by `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  if (substitutions.length > 0) return lookUp(key, substitutions.map(String));
  let getMessage: unknown;
  try {
    getMessage = browser.i18n.getMessage;
  } catch {
    getMessage = undefined;
  }
  if (getMessage !== plainMessagesFrom) {
    plainMessages.clear();
    plainMessagesFrom = getMessage;
  }
  let message = plainMessages.get(key);
  if (message === undefined) {
    message = lookUp(key, []);
    plainMessages.set(key, message);
  }
  return message;
}

function lookUp(key: MessageKey, subs: string[]): string {
  try {
    // WXT types getMessage one overload per key; a key known only as a union needs the plain form.
    const getMessage = browser.i18n.getMessage as (
      name: string,
      substitutions?: string[],
    ) => string;
    const found = getMessage(key, subs);
    if (found) return found;
  } catch {
    // No i18n API here (unit tests, a page outside the extension): fall back to English.
  }
  return substitute(fallback[key]?.message ?? key, subs);
}

/** The language the browser's UI is in, for dates and numbers. */
export function uiLanguage(): string | undefined {
  try {
    return browser.i18n.getUILanguage() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Languages that write numbers in ASCII digits by default (CLDR's `latn` numbering system). For
 * them a count under 1,000 is its plain digits, and needs no Intl: a page's first Intl number
 * format starts ICU's number data, about 30 ms of main thread in Chromium on the Members replica
 * (scripts/bench/overlay-profile.mjs), which the overlay would otherwise pay on every page load.
 * Both calls are marked pure, so a bundle that never formats a number (the page agent) drops it.
 */
export const LATIN_DIGIT_LANGUAGES: ReadonlySet<string> = /* @__PURE__ */ new Set(
  /* @__PURE__ */ 'cs da de el en es fi fil fr he hi hu id it ja ko ms nb nl no pl pt ro ru sk sv th tr uk vi zh'.split(
    ' ',
  ),
);

/** A count as the browser's language writes numbers (e.g. 3,650 in English, 3650 in Spanish). */
export function formatNumber(n: number): string {
  const language = uiLanguage();
  if (
    language &&
    Number.isInteger(n) &&
    n >= 0 &&
    n < 1000 &&
    !/-u-/i.test(language) && // a locale extension may ask for other digits (-u-nu-arab)
    LATIN_DIGIT_LANGUAGES.has(language.split(/[-_]/)[0]!.toLowerCase())
  )
    return String(n);
  return n.toLocaleString(language);
}
