/**
 * The CLI launcher (scripts/code-cache.cjs): runs a bundle as the main module, writes a V8 code cache
 * after a successful run, reuses it, and never lets a bad or foreign cache change what runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const LAUNCHER = join(__dirname, '..', '..', 'scripts', 'code-cache.cjs');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'code-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a bundle printing what the module sees, and runs it through the launcher under `hash`. */
function run(bundleSource: string, hash: string, args: readonly string[] = []) {
  const bundle = join(dir, 'tool.bundle.js');
  writeFileSync(bundle, bundleSource);
  const entry = join(dir, 'tool.js');
  writeFileSync(entry, `require(${JSON.stringify(LAUNCHER)}).runMain(${JSON.stringify(bundle)}, '${hash}');\n`);
  return spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8' });
}

const caches = () => readdirSync(dir).filter((file) => file.endsWith('.v8cache'));

const PRINTS =
  'const answer = (n) => n * 2;\nconsole.log(JSON.stringify({ main: require.main === module, file: __filename, ' +
  "dir: __dirname, args: process.argv.slice(2), answer: answer(21), path: typeof require('node:path').join }));\n";

describe('code cache launcher', () => {
  it('runs the bundle as the main module with its own __filename, __dirname and argv', () => {
    const result = run(PRINTS, 'aaaa', ['--only', 'lolice']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      main: true,
      file: join(dir, 'tool.bundle.js'),
      dir,
      args: ['--only', 'lolice'],
      answer: 42,
      path: 'function',
    });
  });

  it('writes the cache after a successful run and runs the same with it', () => {
    const first = run(PRINTS, 'bbbb');
    expect(caches()).toEqual(['tool.bundle.bbbb.v8cache']);
    const second = run(PRINTS, 'bbbb');
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('writes the cache after a run that found problems (exit 1, e.g. diff with changes)', () => {
    expect(run('process.exitCode = 1;\n', 'hhhh').status).toBe(1);
    expect(caches()).toEqual(['tool.bundle.hhhh.v8cache']);
  });

  it('writes no cache for --help, -h or a usage error (exit 2)', () => {
    expect(run(PRINTS, 'cccc', ['--help']).status).toBe(0);
    expect(run(PRINTS, 'cccc', ['-h']).status).toBe(0);
    const failing = run('process.exitCode = 2;\n', 'cccc');
    expect(failing.status).toBe(2);
    expect(caches()).toEqual([]);
  });

  it('ignores a corrupt cache, runs the bundle and rewrites the cache', () => {
    run(PRINTS, 'dddd');
    const cacheFile = join(dir, 'tool.bundle.dddd.v8cache');
    writeFileSync(cacheFile, 'not a v8 code cache');
    const result = run(PRINTS, 'dddd');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).answer).toBe(42);
    expect(readFileSync(cacheFile, 'utf8')).not.toBe('not a v8 code cache');
  });

  it('never runs a cache of another bundle of the same length: the cache is keyed by content hash', () => {
    run("console.log('first');\n", 'eeee');
    // same length, different code; a new build gives it a new hash, so the old cache is not read
    const result = run("console.log('other');\n", 'ffff');
    expect(result.stdout).toBe('other\n');
    expect(caches().sort()).toEqual(['tool.bundle.eeee.v8cache', 'tool.bundle.ffff.v8cache']);
  });

  it('runs even when the cache cannot be written', () => {
    // a directory where the cache file would go: reading and writing it both fail
    mkdirSync(join(dir, 'tool.bundle.gggg.v8cache'));
    const result = run(PRINTS, 'gggg');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
