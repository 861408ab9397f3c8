import { ensureOpenClawRelease } from '../openclaw/release/ensure-release';
import { listOpenClawReleaseSpecs } from '../openclaw/release/release-spec';

/**
 * `npm run openclaw:install [-- <version>...]`: installs the given OpenClaw releases (all that have
 * an install spec when none is given) into the cache the tests use, and prints their paths.
 */
async function main(argv: readonly string[]): Promise<number> {
  const versions = argv.length > 0 ? argv : listOpenClawReleaseSpecs();
  for (const version of versions) {
    const release = await ensureOpenClawRelease(version);
    process.stdout.write(`openclaw ${release.version} (node ${release.nodeVersion}): ${release.root}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
