/**
 * Per-test setup for the unit tests: unmount whatever Testing Library rendered, and give each
 * test a fresh fake browser (storage, tabs, listeners).
 */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setFallbackMessages } from '@/lib/i18n';
import en from '@/public/_locales/en/messages.json';

// The fake browser has no i18n messages: the English file stands in for them.
setFallbackMessages(en);

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  cleanup();
});
