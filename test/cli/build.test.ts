/**
 * scripts/build.mjs: the test setup has just built the CLIs, so a second build must find every
 * input unchanged and write nothing (every `npm run` command runs it first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const STAMP = join(ROOT, 'build', 'cli', 'inputs.json');

describe('scripts/build.mjs', () => {
  it('lists only files that exist as its inputs, so the up-to-date check can pass', () => {
    const { inputs } = JSON.parse(readFileSync(STAMP, 'utf8')) as { inputs: string[] };
    expect(inputs).toContain('lib/cli/synth.ts');
    expect(inputs.filter((input) => !existsSync(join(ROOT, input)))).toEqual([]);
  });

  it('rebuilds nothing when no input changed', () => {
    const before = statSync(STAMP).mtimeMs;
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(statSync(STAMP).mtimeMs).toBe(before);
  });
});
