/**
 * Make the extension speak a chosen language in unit tests, through WXT's fakeBrowser: Spanish
 * from public/_locales/es, or a pseudo-locale that shows every message as «key(subs)» so that
 * any text outside the markers is text that skipped i18n.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetMessages, substitute } from '@/lib/i18n';

type Messages = Record<string, { message: string }>;
const es = JSON.parse(
  readFileSync(resolve('public/_locales/es/messages.json'), 'utf8'),
) as Messages;

/** Make `browser.i18n.getMessage` answer from `lookup`, as the browser would. */
export function speak(lookup: (name: string, subs: string[]) => string): void {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((
    name: string,
    subs?: string | string[],
  ) => lookup(name, typeof subs === 'string' ? [subs] : (subs ?? []))) as never);
  forgetMessages();
}

/** Speak the Spanish messages. */
export const spanish = () => speak((name, subs) => substitute(es[name]?.message ?? '', subs));

/** Speak every message as «key(subs)». */
export const pseudo = () =>
  speak((name, subs) => `«${name}${subs.length ? `(${subs.join('|')})` : ''}»`);

/** What is left of `text` once every «…» marker (nested ones too) is removed. */
export function outsideMessages(text: string): string {
  let rest = text;
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(/«[^«»]*»/g, '');
  }
  return rest;
}

/** Visible text and accessible names in `root` that did not come through i18n. */
export function englishLeft(root: HTMLElement): string[] {
  const texts = [root.textContent ?? ''];
  for (const el of root.querySelectorAll('[aria-label]'))
    texts.push(el.getAttribute('aria-label')!);
  return texts.map(outsideMessages).filter((t) => /[A-Za-z]{2,}/.test(t));
}
