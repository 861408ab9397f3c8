import { homedir } from 'node:os';
import { join } from 'node:path';

/** Set to a folder to put the installed releases there instead of the user cache folder. */
export const CACHE_DIR_ENV = 'OPENCLAW_OPS_CACHE_DIR';

/**
 * The folder holding the project's caches: `$OPENCLAW_OPS_CACHE_DIR` when set, else
 * `${XDG_CACHE_HOME:-$HOME/.cache}/openclaw-ops`.
 */
export function openclawOpsCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[CACHE_DIR_ENV];
  if (override && override.trim() !== '') {
    return override;
  }
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && xdg.trim() !== '' ? xdg : join(env.HOME && env.HOME !== '' ? env.HOME : homedir(), '.cache');
  return join(base, 'openclaw-ops');
}

/** The folder installed releases live in, one sub-folder per version and spec hash. */
export function releasesCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(openclawOpsCacheDir(env), 'openclaw-releases');
}

/** The name of a release's install folder: the version and the hash of its install spec. */
export function releaseInstallName(version: string, specHash: string): string {
  return `${version}-${specHash}`;
}
