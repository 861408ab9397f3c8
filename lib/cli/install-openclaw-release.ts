/**
 * `npm run openclaw:install [-- VERSION...]`: installs the given OpenClaw releases (all that have an
 * install spec when none is given) into the cache the tests use, and prints their paths.
 */
import { ensureOpenClawRelease } from '../openclaw/release/ensure-release';
import { listOpenClawReleaseSpecs } from '../openclaw/release/release-spec';
import { parseCliArgs, runAsEntry, runOrAnswer } from './cli-args';

/** Usage text of `npm run openclaw:install`. */
export const INSTALL_USAGE = `usage: npm run openclaw:install [-- VERSION...]

Installs each OpenClaw VERSION (every release under openclaw-releases/ when none is given) into
~/.cache/openclaw-ops/openclaw-releases/ with its own Node, as the tests use it, and prints where.

  -h, --help   print this text
`;

async function main(argv: readonly string[]): Promise<number> {
  const parsed = runOrAnswer('openclaw:install', parseCliArgs(argv, {}, { positionals: true }), INSTALL_USAGE);
  if (typeof parsed === 'number') return parsed;
  const versions = parsed.positionals.length > 0 ? parsed.positionals : listOpenClawReleaseSpecs();
  for (const version of versions) {
    const release = await ensureOpenClawRelease(version);
    process.stdout.write(`openclaw ${release.version} (node ${release.nodeVersion}): ${release.root}\n`);
  }
  return 0;
}

runAsEntry('openclaw:install', require.main, module, main);
