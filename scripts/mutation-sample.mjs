/**
 * The sampled mode of `npm run mutation` (docs/mutation-testing.md, "A whole-scope score from a
 * sample"): `npm run mutation -- --sample 400 --seed 1 [--concurrency 1 ...]`.
 *
 * 1. Lists every mutant of the configured `mutate` scope without running a test: Stryker's own file
 *    selection (its ProjectReader, with stryker.config.mjs) and its own instrumenter, so the list is
 *    the one a full run would test (same ids, locations, mutators and replacements).
 * 2. Draws a uniform random sample of N of them with a seeded generator (the same seed and N give
 *    the same sample; the sample of N is the first N of the seed's random order, so a larger N
 *    holds every mutant of a smaller one).
 * 3. Runs Stryker on the sampled locations only (their `path:line:col-line:col` ranges, with
 *    scripts/mutation-sample-plugins.mjs keeping what a range takes in besides from being tested),
 *    not incremental (the report holds this run only), and checks that every sampled mutant was tested.
 * 4. Prints the estimated score of the whole scope with a 95 % Wilson interval, the score per
 *    folder and every sampled mutant that survived or had no test covering it. Mutants the ranges
 *    took in besides the sample are counted apart and left out of the estimate.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mutantKey } from './mutation-sample-plugins.mjs';

const root = join(import.meta.dirname, '..');
const outDir = join(root, 'reports', 'mutation', 'sample');
const rel = (file) => relative(root, file).split('\\').join('/');

/** `--sample N --seed S` out of the arguments; the rest go to `stryker run`. */
export function parseSampleArguments(argv) {
  const rest = [];
  let size;
  let seed = '1';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    if (flag === '--sample' || flag === '--seed') {
      const value = inline ?? argv[(i += 1)];
      if (value === undefined) throw new Error(`${flag} needs a value: e.g. --sample 400 --seed 1`);
      if (flag === '--seed') seed = value;
      else size = Number(value);
    } else rest.push(arg);
  }
  if (!Number.isInteger(size) || size < 1) {
    throw new Error('--sample takes the number of mutants to draw, a whole number from 1: e.g. --sample 400');
  }
  if (rest.some((a) => a === '--mutate' || a === '-m' || a.startsWith('--mutate='))) {
    throw new Error('--sample draws from the whole mutate scope of stryker.config.mjs: drop --mutate');
  }
  return { size, seed, rest };
}

/** Every mutant Stryker would create for the configured scope, in Stryker's own order. */
export async function listMutants() {
  const core = join(root, 'node_modules', '@stryker-mutator', 'core', 'dist', 'src');
  const load = (file) => import(pathToFileURL(join(core, file)).href);
  const { createDefaultOptions } = await load('config/options-validator.js');
  const { ProjectReader } = await load('fs/project-reader.js');
  const { FileSystem } = await load('fs/file-system.js');
  const { Instrumenter } = await import('@stryker-mutator/instrumenter');
  const config = (await import(pathToFileURL(join(root, 'stryker.config.mjs')).href)).default;
  const options = { ...createDefaultOptions(), ...config, incremental: false, force: true };
  const quiet = () => undefined;
  const log = {
    trace: quiet,
    debug: quiet,
    info: quiet,
    warn: (...a) => process.stderr.write(`${a.join(' ')}\n`),
    error: (...a) => process.stderr.write(`${a.join(' ')}\n`),
    fatal: (...a) => process.stderr.write(`${a.join(' ')}\n`),
    isTraceEnabled: () => false,
    isDebugEnabled: () => false,
    isInfoEnabled: () => false,
    isWarnEnabled: () => true,
    isErrorEnabled: () => true,
    isFatalEnabled: () => true,
  };
  const fs = new FileSystem();
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const project = await new ProjectReader(fs, log, options).read();
    const files = await Promise.all([...project.filesToMutate.values()].map((f) => f.toInstrumenterFile()));
    const { mutants } = await new Instrumenter(log).instrument(files, { ignorers: [], ...options.mutator });
    // A mutant that the source disables (`// Stryker disable`) is not tested by a full run either.
    return { files: files.length, mutants: mutants.filter((m) => m.status !== 'Ignored') };
  } finally {
    process.chdir(cwd);
    fs.dispose();
  }
}

/** A seeded generator (cyrb128 hash of the seed text into sfc32): numbers in [0, 1). */
export function seededRandom(seed) {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i += 1) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  let [a, b, c, d] = [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** The first `size` items of a seeded uniform random order of `items` (partial Fisher-Yates). */
export function drawSample(items, size, seed) {
  const random = seededRandom(seed);
  const pool = [...items];
  const n = Math.min(size, pool.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

/** The 95 % Wilson score interval of `k` successes in `n` trials, as proportions. */
export function wilson(k, n, z = 1.959964) {
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Stryker's `path:line:column-line:column` range of a mutant (1-based lines, 0-based columns). */
function range(m) {
  const { start, end } = m.location;
  return `${rel(m.fileName)}:${start.line + 1}:${start.column}-${end.line + 1}:${end.column}`;
}

/** A mutant's identity across the instrumenter (0-based lines and columns) and the JSON report (1-based). */
const keyOfListed = (m) =>
  [
    rel(m.fileName),
    m.location.start.line + 1,
    m.location.start.column + 1,
    m.location.end.line + 1,
    m.location.end.column + 1,
    m.mutatorName,
    m.replacement,
  ].join('\u0000');
/** A reported mutant's identity: the same fields as the sampled key, from the report's file name. */
const keyOfReported = (file, m) => mutantKey({ ...m, fileName: file });

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const pct = (x) => `${(100 * x).toFixed(1)} %`;

function folderOf(file) {
  const parts = file.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : file;
}

function estimateLine(label, detected, valid) {
  const { low, high } = wilson(detected, valid);
  const point = valid === 0 ? '   -   ' : pct(detected / valid).padStart(7);
  return `${point}  (95 % ${pct(low)}–${pct(high)})  ${String(detected).padStart(3)}/${String(valid).padEnd(3)}  ${label}`;
}

export async function runSample(argv) {
  let parsed;
  try {
    parsed = parseSampleArguments(argv);
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const { size, seed, rest } = parsed;
  const started = Date.now();
  const population = await listMutants();
  const sample = drawSample(population.mutants, size, seed);
  const perFolder = new Map();
  for (const m of population.mutants) {
    const folder = folderOf(rel(m.fileName));
    perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1);
  }
  process.stdout.write(
    `mutation sample: ${sample.length} of ${population.mutants.length} mutants in ${population.files} files (seed ${JSON.stringify(seed)})\n`,
  );

  mkdirSync(outDir, { recursive: true });
  const sampleFile = join(outDir, 'sample.json');
  const report = join(outDir, 'mutation.json');
  rmSync(report, { force: true });
  writeFileSync(
    sampleFile,
    `${JSON.stringify({ seed, size: sample.length, population: population.mutants.length, sample }, null, 1)}\n`,
  );
  const ranges = [...new Set(sample.map(range))].sort();
  const configFile = join(outDir, 'stryker.config.mjs');
  writeFileSync(
    configFile,
    [
      '// Written by scripts/mutation-sample.mjs for one sampled run; do not edit.',
      `import base from ${JSON.stringify(pathToFileURL(join(root, 'stryker.config.mjs')).href)};`,
      'export default {',
      '  ...base,',
      `  mutate: ${JSON.stringify(ranges)},`,
      "  plugins: [...base.plugins, './scripts/mutation-sample-plugins.mjs'],",
      "  ignorers: ['mutation-sample'],",
      "  testRunner: 'vitest-sample',",
      '  incremental: false,',
      "  reporters: ['clear-text', 'progress', 'json'],",
      "  jsonReporter: { fileName: 'reports/mutation/sample/mutation.json' },",
      '};',
      '',
    ].join('\n'),
  );

  const stryker = join(root, 'node_modules', '.bin', 'stryker');
  const run = spawnSync(stryker, ['run', relative(root, configFile), ...rest], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MUTATION_SAMPLE_FILE: sampleFile },
  });
  if (run.error) {
    process.stderr.write(`could not start stryker: ${run.error.message}\n`);
    return 1;
  }
  if (!existsSync(report)) {
    process.stderr.write(`stryker wrote no report (${rel(report)}): see its output above\n`);
    return run.status ?? 1;
  }

  const reported = new Map();
  for (const [file, { mutants }] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) {
    const name = rel(join(root, file));
    for (const m of mutants) reported.set(keyOfReported(name, m), { ...m, file: name });
  }
  const results = sample.map((m) => ({ listed: m, result: reported.get(keyOfListed(m)) }));
  const missing = results.filter((r) => r.result === undefined || r.result.status === 'Ignored');
  const sampledKeys = new Set(sample.map(keyOfListed));
  const notSampled = [...reported.entries()].filter(([key]) => !sampledKeys.has(key)).map(([, m]) => m);
  const extras = notSampled.filter((m) => DETECTED.has(m.status) || m.status === 'Survived').length;

  const lines = [];
  const tally = (items) => {
    const detected = items.filter((r) => DETECTED.has(r.result?.status)).length;
    const valid = detected + items.filter((r) => UNDETECTED.has(r.result?.status)).length;
    return { detected, valid };
  };
  const total = tally(results);
  lines.push('', 'sampled mutants per folder (killed+timeout / valid sampled mutants, mutants in scope):');
  const folders = new Map();
  for (const r of results) {
    const folder = folderOf(rel(r.listed.fileName));
    folders.set(folder, [...(folders.get(folder) ?? []), r]);
  }
  for (const folder of [...perFolder.keys()].sort()) {
    const { detected, valid } = tally(folders.get(folder) ?? []);
    lines.push(`  ${estimateLine(`${folder} (${perFolder.get(folder)} in scope)`, detected, valid)}`);
  }
  const statics = results.filter((r) => r.result?.static === true);
  const { detected: sd, valid: sv } = tally(statics);
  lines.push(`  static mutants (module-level code) among them: ${estimateLine('', sd, sv).trim()}`);

  const undetected = results
    .filter((r) => UNDETECTED.has(r.result?.status))
    .sort((a, b) => keyOfListed(a.listed).localeCompare(keyOfListed(b.listed)));
  lines.push('', `sampled mutants that no test detected (${undetected.length}):`);
  for (const { result } of undetected) {
    const at = `${result.file}:${result.location.start.line}:${result.location.start.column}`;
    lines.push(
      `  ${result.status.toLowerCase()} ${at} ${result.mutatorName}: ${JSON.stringify(result.replacement ?? '')}`,
    );
  }
  const other = results.filter(
    (r) =>
      r.result && !DETECTED.has(r.result.status) && !UNDETECTED.has(r.result.status) && r.result.status !== 'Ignored',
  );
  if (other.length > 0) {
    lines.push(
      `sampled mutants left out as invalid (${other.length}): ${other.map((r) => r.result.status).join(', ')}`,
    );
  }
  lines.push(
    '',
    `mutants the sampled locations hold besides the sample: ${notSampled.length}, of which tested ${extras} ` +
      '(left out of the estimate; the others ignored, not covered or answered by the sample runner without a test)',
    `wall time: ${((Date.now() - started) / 60000).toFixed(1)} min`,
  );
  if (missing.length > 0) {
    lines.push(`${missing.length} sampled mutants were not tested (stryker stopped early or the lists differ):`);
    for (const { listed } of missing) lines.push(`  ${range(listed)} ${listed.mutatorName}`);
  }
  const { low, high } = wilson(total.detected, total.valid);
  lines.push(
    `estimated mutation score of the whole scope: ${total.valid === 0 ? '-' : pct(total.detected / total.valid)} ` +
      `(95 % Wilson interval ${pct(low)}–${pct(high)}; ${total.detected}/${total.valid} sampled mutants detected, ` +
      `${sample.length} drawn of ${population.mutants.length}, seed ${JSON.stringify(seed)})`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  if (missing.length > 0) return 1;
  return run.status ?? 1;
}
