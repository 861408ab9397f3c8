/**
 * One cold synth of both repos with phase timings, for `npm run bench`. Prints one JSON line.
 * Usage: tsx scripts/synth-once.ts <lolice-outdir> <terraform-outdir>
 */
import { performance } from 'node:perf_hooks';

const [loliceOut, terraformOut] = process.argv.slice(2);
if (!loliceOut || !terraformOut) {
  throw new Error('usage: tsx scripts/synth-once.ts <lolice-outdir> <terraform-outdir>');
}

const t0 = performance.now();
/* eslint-disable @typescript-eslint/no-require-imports */
const { loliceConfig } = require('../config/lolice') as typeof import('../config/lolice');
const { OpenClawOpsApp } = require('../lib/openclaw-ops-app') as typeof import('../lib/openclaw-ops-app');
const { writeTree } = require('../lib/gitops/lolice-tree') as typeof import('../lib/gitops/lolice-tree');
/* eslint-enable @typescript-eslint/no-require-imports */
const t1 = performance.now();
const app = new OpenClawOpsApp({ config: loliceConfig, terraformOutdir: terraformOut });
const t2 = performance.now();
const tree = app.renderLolice();
writeTree(tree, loliceOut);
const t3 = performance.now();
app.synthArch();
const t4 = performance.now();

process.stdout.write(
  `${JSON.stringify({
    importMs: t1 - t0,
    constructMs: t2 - t1,
    loliceMs: t3 - t2,
    archMs: t4 - t3,
    files: tree.size,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
  })}\n`,
);
