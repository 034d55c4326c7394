import { browser } from 'wxt/browser';

/** Open the full register in a tab, at one grant's detail when `grantId` is given. */
export function openRegister(grantId?: string): void {
  const base = browser.runtime.getURL('/register.html');
  void browser.tabs.create({
    url: grantId ? `${base}#grant=${encodeURIComponent(grantId)}` : base,
  });
}
