/**
 * The repository's root directory, for the files the tool reads from its own checkout (the run-log
 * shipper script, the OpenClaw release specs, the release probe). Found by walking up from this module
 * to the package.json named openclaw-ops, so it is the same whether the code runs from lib/ through a
 * TypeScript loader or from an esbuild bundle in build/cli/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'openclaw-ops';

/** The nearest folder at or above `start` whose package.json is named openclaw-ops. */
export function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME
    ) {
      return dir;
    }
    if (dirname(dir) === dir) {
      throw new Error(
        `received ${start}, which is not inside the ${PACKAGE_NAME} checkout: expected this module under it; ` +
          'run the tool from its repository',
      );
    }
  }
}

let repoRoot: string | undefined;

/** `parts` joined under the root of the openclaw-ops checkout this code runs from (found on first use). */
export function repoPath(...parts: readonly string[]): string {
  repoRoot ??= findRepoRoot(__dirname);
  return join(repoRoot, ...parts);
}
