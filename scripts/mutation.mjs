/**
 * Mutation testing (not part of CI): runs Stryker with stryker.config.mjs, then prints the mutation
 * score of each mutated file and of the whole run from the JSON report.
 * Usage: npm run mutation                       every rule file (incremental: unchanged mutants reuse
 *                                               their last result from reports/mutation/)
 *        npm run mutation -- --mutate lib/x.ts  one file (any other `stryker run` option passes through)
 *        npm run mutation -- --sample 400 --seed 1 --concurrency 1
 *                                               a seeded uniform sample of the whole scope, and the
 *                                               estimated whole-scope score (scripts/mutation-sample.mjs)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isListed, listedMutants } from './equivalent-mutants.mjs';

const root = join(import.meta.dirname, '..');
if (process.argv.slice(2).some((a) => a === '--sample' || a.startsWith('--sample='))) {
  const { runSample } = await import('./mutation-sample.mjs');
  process.exit(await runSample(process.argv.slice(2)));
}
const report = join(root, 'reports', 'mutation', 'mutation.json');
rmSync(report, { force: true });

const stryker = join(root, 'node_modules', '.bin', 'stryker');
const run = spawnSync(stryker, ['run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
if (run.error) {
  process.stderr.write(`could not start stryker: ${run.error.message}\n`);
  process.exit(1);
}
if (!existsSync(report)) {
  process.stderr.write('stryker wrote no report (reports/mutation/mutation.json): see its output above\n');
  process.exit(run.status ?? 1);
}

/** Stryker's score: killed + timeout over every mutant a test could have caught (valid, covered or not). */
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
function score(mutants) {
  const detected = mutants.filter((m) => DETECTED.has(m.status)).length;
  const valid = detected + mutants.filter((m) => UNDETECTED.has(m.status)).length;
  return { detected, valid, percent: valid === 0 ? 100 : (100 * detected) / valid };
}

const { files } = JSON.parse(readFileSync(report, 'utf8'));
const EQUIVALENTS = 'test/mutation/equivalent-mutants.md';
const listed = listedMutants(readFileSync(join(root, EQUIVALENTS), 'utf8'));
const all = [];
const lines = [];
let unlisted = 0;
for (const [file, { mutants }] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
  all.push(...mutants);
  const s = score(mutants);
  lines.push(
    `${s.percent.toFixed(2).padStart(6)} %  ${String(s.detected).padStart(4)}/${s.valid}  ${relative(root, join(root, file))}`,
  );
  const name = relative(root, join(root, file));
  for (const m of mutants.filter((x) => UNDETECTED.has(x.status))) {
    const at = `${m.location.start.line}:${m.location.start.column}`;
    const known = isListed(listed, name, at);
    if (!known) unlisted++;
    lines.push(
      `          ${m.status.toLowerCase()} ${m.mutatorName} at ${at}: ${JSON.stringify(m.replacement ?? '')}` +
        (known ? ' (listed)' : ''),
    );
  }
}
const total = score(all);
process.stdout.write(`\nmutation score per file (killed+timeout / valid mutants):\n${lines.join('\n')}\n`);
process.stdout.write(`mutation score: ${total.percent.toFixed(2)} % (${total.detected}/${total.valid})\n`);
process.stdout.write(
  `survivors not listed in ${EQUIVALENTS}: ${unlisted}` +
    (unlisted === 0 ? '\n' : ' (each needs a behaviour test that kills it, or an entry saying why it is equivalent)\n'),
);
process.exit(run.status ?? 1);
