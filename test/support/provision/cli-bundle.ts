/**
 * Test-run setup: the compiled CLIs (build/cli/*.js, esbuild) that tests spawn, as `npm run synth`
 * runs them. Rebuilt only when an input changed (scripts/build.mjs).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setupError } from './tool-path';

const REPO_ROOT = join(__dirname, '..', '..', '..');

/** The compiled CLI `name` (e.g. `synth`). */
export function cliBundle(
  name: 'synth' | 'verify' | 'diff' | 'adopt' | 'upgrade-check' | 'install-openclaw-release',
): string {
  return join(REPO_ROOT, 'build', 'cli', `${name}.js`);
}

/** vitest globalSetup entry. */
export default function setup(): void {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0) {
    throw setupError(
      `node scripts/build.mjs failed (exit ${result.status}): ${(result.stderr || result.error?.message || '').trim()}`,
    );
  }
}
