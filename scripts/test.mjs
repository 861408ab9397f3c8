// `npm test`: the type check and the test suite side by side. tsc runs incrementally (its build info
// in build/tsc/, so a warm check only re-reads what changed) at a lower priority than vitest, whose
// real-process tests are the longer path; its output is printed when it finishes. Arguments go to
// vitest (`npm test -- --reporter=json --outputFile=...`). Exits non-zero when either fails.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
mkdirSync(join(root, 'build', 'tsc'), { recursive: true });

const children = new Set();
function run(label, args, { quiet, nice }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    children.add(child);
    if (nice) {
      try {
        setPriority(child.pid, 10);
      } catch {
        // a lower priority is a courtesy to the tests, not a requirement
      }
    }
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => {
      children.delete(child);
      resolve({ label, code: 1, output: `${label} could not start: ${error.message}\n` });
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ label, code: code ?? (signal ? 1 : 0), output });
    });
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exitCode = 1;
  });
}

const tsc = run(
  'tsc',
  [
    require.resolve('typescript/bin/tsc'),
    '-p',
    '.',
    '--incremental',
    '--tsBuildInfoFile',
    join('build', 'tsc', 'tsconfig.tsbuildinfo'),
  ],
  { quiet: true, nice: true },
).then((result) => {
  process.stdout.write(result.code === 0 ? 'tsc: no type errors\n' : `tsc: type errors\n${result.output}`);
  return result;
});
const vitest = run(
  'vitest',
  [join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs'), 'run', ...process.argv.slice(2)],
  {
    quiet: false,
    nice: false,
  },
);
const results = await Promise.all([tsc, vitest]);
const failed = results.filter((r) => r.code !== 0).map((r) => r.label);
if (failed.length > 0) {
  process.stderr.write(`test: ${failed.join(' and ')} failed\n`);
  process.exitCode = 1;
}
