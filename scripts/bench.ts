/**
 * Cold-process synth benchmark (not a test): runs the synth of both repos in fresh Node processes
 * and reports wall time and the in-process phases. Usage: npm run bench [-- --runs N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

interface Phases {
  readonly importMs: number;
  readonly constructMs: number;
  readonly loliceMs: number;
  readonly archMs: number;
  readonly files: number;
  readonly rssMiB: number;
}

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 7;
if (!Number.isInteger(runs) || runs < 1) {
  throw new Error(`--runs got "${process.argv[runsFlag + 1]}": expected a positive integer`);
}

const root = join(__dirname, '..');
// `node --require tsx/cjs` (what `npm run synth` runs): the tsx CLI would add a second process.
const NODE_ARGS = ['--require', 'tsx/cjs'];

function timed(args: readonly string[]): { ms: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, [...NODE_ARGS, ...args], { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return { ms, stdout: result.stdout };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const work = mkdtempSync(join(tmpdir(), 'openclaw-ops-bench-'));
try {
  const baseline: number[] = [];
  const wall: number[] = [];
  const phases: Phases[] = [];
  timed(['-e', '0']); // warm the tsx transform cache once, as any second run would be
  timed(['scripts/synth-once.ts', join(work, 'warm-l'), join(work, 'warm-t')]);
  for (let i = 0; i < runs; i++) {
    baseline.push(timed(['-e', '0']).ms);
    const run = timed(['scripts/synth-once.ts', join(work, `l${i}`), join(work, `t${i}`)]);
    wall.push(run.ms);
    phases.push(JSON.parse(run.stdout) as Phases);
  }
  const pick = (key: keyof Phases): number => median(phases.map((p) => p[key]));
  const synthWork = median(phases.map((p) => p.importMs + p.constructMs + p.loliceMs + p.archMs));
  const lines = [
    `openclaw-ops synth benchmark: ${runs} cold processes, node ${process.version}, ${phases[0].files} lolice files + 1 stack`,
    `  wall time per process (median)       ${median(wall).toFixed(0)} ms`,
    `  empty node + tsx process (baseline)   ${median(baseline).toFixed(0)} ms`,
    `  synth work in-process (median)        ${synthWork.toFixed(0)} ms`,
    `    module loading                      ${pick('importMs').toFixed(0)} ms`,
    `    building the graph                  ${pick('constructMs').toFixed(0)} ms`,
    `    lolice render + validate + write    ${pick('loliceMs').toFixed(0)} ms`,
    `    arch (cdktf) synth                  ${pick('archMs').toFixed(0)} ms`,
    `  peak RSS (median)                     ${pick('rssMiB').toFixed(0)} MiB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
