// What the page agent (overlay.js) carries, by source: builds the agent alone with source maps
// (into .output/agent-shares, beside the ordinary build), then gives each source's share as
// what the gzipped bundle (`gzip -9`) loses when that source's mapped bytes are taken out. The
// shares overlap a little (gzip finds less to repeat once a piece is gone), so they do not add
// up to the total exactly; compare builds part by part, in one session, on one machine.
// docs/page-agent-size.md keeps the tables this prints.
//
//   node scripts/bench/agent-shares.mjs [--no-build] [--top N]
// Prints figures; asserts nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, '.output', 'agent-shares');
const DIR = join(OUT, 'chrome-mv3');
const topAt = process.argv.indexOf('--top');
const TOP = topAt >= 0 ? Number(process.argv[topAt + 1]) : Infinity;

if (!process.argv.includes('--no-build') || !existsSync(join(DIR, 'overlay.js.map'))) {
  const { build } = await import('wxt');
  await build({
    root: ROOT,
    filterEntrypoints: ['overlay'],
    outDir: OUT,
    vite: () => ({ build: { sourcemap: true } }),
  });
}

const code = readFileSync(join(DIR, 'overlay.js'), 'utf8');
const map = new TraceMap(JSON.parse(readFileSync(join(DIR, 'overlay.js.map'), 'utf8')));
const lineStarts = [0];
for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);

/** Where each mapped piece of the bundle starts, and its source (from the project's root). */
/** @type {{ at: number, source: string }[]} */
const starts = [];
eachMapping(map, (m) => {
  const at = (lineStarts[m.generatedLine - 1] ?? 0) + m.generatedColumn;
  const source = m.source ? relative(ROOT, resolve(DIR, m.source)) : '(no source)';
  starts.push({ at, source });
});
starts.sort((a, b) => a.at - b.at);

/** The bundle's bytes by source: each piece runs to where the next one starts. */
/** @type {Map<string, [number, number][]>} */
const pieces = new Map();
let unmapped = starts[0]?.at ?? code.length;
starts.forEach(({ at, source }, i) => {
  const end = starts[i + 1]?.at ?? code.length;
  const list = pieces.get(source) ?? [];
  list.push([at, end]);
  pieces.set(source, list);
});

const gzip = (/** @type {string} */ text) => gzipSync(Buffer.from(text), { level: 9 }).length;
const total = gzip(code);
const without = (/** @type {[number, number][]} */ ranges) => {
  let text = '';
  let from = 0;
  for (const [start, end] of ranges) {
    text += code.slice(from, start);
    from = end;
  }
  return text + code.slice(from);
};
const rows = [...pieces].map(([source, ranges]) => ({
  source,
  raw: ranges.reduce((n, [start, end]) => n + end - start, 0),
  share: total - gzip(without(ranges)),
}));
rows.sort((a, b) => b.share - a.share);

console.log(`overlay.js (source maps on): ${code.length} B raw, ${total} B gzip -9`);
if (unmapped > 0) console.log(`  ${unmapped} B before the first mapped piece`);
console.log('  share gzip    raw  source');
for (const row of rows.slice(0, TOP))
  console.log(`${String(row.share).padStart(11)} ${String(row.raw).padStart(6)}  ${row.source}`);
