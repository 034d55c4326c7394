// `npm run test:e2e` starts here: make sure a Chromium exists before Playwright looks for one.
import { ensureChromium } from './lib/find-chromium.mjs';

try {
  console.log(`Chromium: ${ensureChromium()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
