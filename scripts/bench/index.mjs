// `npm run bench`: run every scripts/bench/*.bench.mjs in turn, each in its own Node process, and
// fail if any of them fails. Each benchmark prints its own figures, as ratios from the same run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n▶ ${file}`);
  const run = spawnSync(process.execPath, [join(here, file), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error(`✖ ${file} failed (exit ${run.status ?? run.signal})`);
    failed++;
  }
}
if (benches.length === 0) console.log('No benchmarks found.');
process.exit(failed ? 1 : 0);
