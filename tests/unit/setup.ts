/**
 * Per-test setup for the unit tests: unmount whatever Testing Library rendered, and give each
 * test a fresh fake browser (storage, tabs, listeners) — house style, pattern 11.
 */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  cleanup();
});
