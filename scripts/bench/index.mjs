// `npm run bench`: runs every scripts/bench/*.bench.mjs in turn, each in its own Node process,
// so one benchmark's browser or memory does not colour the next. Benchmarks print figures
// (ratios measured side by side in the same run); none of them asserts a timing.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const { status } = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (status !== 0) {
    failed++;
    console.error(`${file} exited with ${status}`);
  }
}
if (benches.length === 0) console.log('No benchmarks found in scripts/bench/.');
process.exitCode = failed > 0 ? 1 : 0;
