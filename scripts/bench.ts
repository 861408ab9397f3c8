/**
 * Synth vs `kubectl kustomize` of the same tree (not a test). Copies the live lolice tree
 * (test/fixtures/live) into a temp dir, then, in paired runs with alternating order, times one cold
 * `build/main` (the command `npm run synth`, cdk8s.yaml and cdktf.json run: from the startup
 * snapshot) writing the generated files over that tree, one `node build/cli/synth.js` (the bundle with
 * its code cache, the fallback), one `node -e 0` (Node starting and exiting: the floor of any Node
 * CLI), the same without NODE_EXTRA_CA_CERTS (which build/main drops: synth opens no connection) and one `kubectl kustomize` of each kustomization synth writes into (argoproj/openclaw,
 * argoproj/prometheus-operator). Prints the medians, the median of the per-pair ratios and the
 * machine's load average before and after (the runs are wall-clock times: a loaded machine slows them).
 * Usage: npm run bench [-- --runs N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { LIVE_LOLICE, liveLoliceCopy } from '../test/support/live-tree';
import { provisionKubectl } from '../test/support/provision/kubectl';

const USAGE = 'usage: npm run bench [-- --runs N]\n';
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '11' }, help: { type: 'boolean', short: 'h' } },
});
if (values.help === true) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`bench: received --runs ${JSON.stringify(values.runs)}, expected a positive integer\n${USAGE}`);
  process.exit(2);
}

const root = join(__dirname, '..');
const KUSTOMIZATIONS = ['argoproj/openclaw', 'argoproj/prometheus-operator'] as const;

function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const start = performance.now();
  const result = spawnSync(command, [...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const kubectl = provisionKubectl();
const work = mkdtempSync(join(tmpdir(), 'openclaw-ops-bench-'));
try {
  const tree = liveLoliceCopy(join(work, 'lolice'));
  const outArgs = ['--lolice-out', tree, '--terraform-out', join(work, 'cdktf.out')];
  const synth = (): number => timed(join(root, 'build', 'main'), outArgs);
  const synthBundle = (): number => timed(process.execPath, [join(root, 'build', 'cli', 'synth.js'), ...outArgs]);
  const nodeFloor = (): number => timed(process.execPath, ['-e', '0']);
  const withoutExtraCerts = { ...process.env };
  delete withoutExtraCerts.NODE_EXTRA_CA_CERTS;
  const nodeFloorWithoutCerts = (): number => timed(process.execPath, ['-e', '0'], withoutExtraCerts);
  const loadBefore = loadavg();
  const kustomize = (dir: string): number => timed(kubectl, ['kustomize', join(tree, dir)]);
  synth(); // warm the page cache once, as any second run would be
  synthBundle();
  nodeFloor();
  nodeFloorWithoutCerts();
  KUSTOMIZATIONS.forEach(kustomize);

  const synthMs: number[] = [];
  const bundleMs: number[] = [];
  const floorMs: number[] = [];
  const bareFloorMs: number[] = [];
  const openclawMs: number[] = [];
  const bothMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const measureKustomize = (): void => {
      const openclaw = kustomize(KUSTOMIZATIONS[0]);
      openclawMs.push(openclaw);
      bothMs.push(openclaw + kustomize(KUSTOMIZATIONS[1]));
    };
    const measureNode = (): void => {
      synthMs.push(synth());
      bundleMs.push(synthBundle());
      floorMs.push(nodeFloor());
      bareFloorMs.push(nodeFloorWithoutCerts());
    };
    if (i % 2 === 0) {
      measureNode();
      measureKustomize();
    } else {
      measureKustomize();
      measureNode();
    }
  }
  const loadAfter = loadavg();
  const load = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(' ');
  const ratios = (of: readonly number[], base: readonly number[]): string =>
    `${median(of.map((ms, i) => ms / (base[i] as number))).toFixed(2)}x`;
  const lines = [
    `openclaw-ops synth vs kubectl kustomize: ${runs} paired cold runs, node ${process.version}, over a copy of ${relative(root, LIVE_LOLICE)}`,
    `  load average (1, 5, 15 min) before ${load(loadBefore)}, after ${load(loadAfter)}`,
    `  synth (build/main, snapshot, both repos)    ${median(synthMs).toFixed(0)} ms`,
    `  synth (node build/cli/synth.js, code cache)      ${median(bundleMs).toFixed(0)} ms`,
    `  node -e 0 (Node's floor)                         ${median(floorMs).toFixed(0)} ms`,
    `  node -e 0 without NODE_EXTRA_CA_CERTS            ${median(bareFloorMs).toFixed(0)} ms` +
      (process.env.NODE_EXTRA_CA_CERTS === undefined ? ' (not set here)' : ''),
    `  kubectl kustomize argoproj/openclaw              ${median(openclawMs).toFixed(0)} ms`,
    `  kubectl kustomize openclaw + prometheus-operator ${median(bothMs).toFixed(0)} ms`,
    `  ratio synth / kustomize openclaw (median)        ${ratios(synthMs, openclawMs)}`,
    `  ratio synth / kustomize both (median)            ${ratios(synthMs, bothMs)}`,
    `  ratio synth.js (code cache) / kustomize both     ${ratios(bundleMs, bothMs)}`,
    `  ratio node -e 0 / kustomize both (median)        ${ratios(floorMs, bothMs)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
