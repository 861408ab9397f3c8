/**
 * `npm run openclaw:schema -- VERSION...`: runs each OpenClaw release offline (installed from its
 * spec, cached) and writes the JSON Schema its gateway serves as `config.schema` for the default
 * config to `openclaw-releases/<version>/config-schema.json`, with its provenance.
 */
import { ensureOpenClawRelease } from '../openclaw/release/ensure-release';
import { writeReleaseSchema } from '../upgrade/extract-release-schema';
import { parseCliArgs, runAsEntry, runOrAnswer } from './cli-args';
import { loadDefaultApp } from './default-app';

export const SCHEMA_USAGE = `usage: npm run openclaw:schema -- VERSION...

Installs each OpenClaw VERSION (cached), builds the JSON Schema its gateway serves as config.schema
for the default config's plugins and channels, and writes openclaw-releases/VERSION/config-schema.json
with config-schema.provenance.json.

  -h, --help   print this text
`;

async function main(argv: readonly string[]): Promise<number> {
  const parsed = runOrAnswer('openclaw:schema', parseCliArgs(argv, {}, { positionals: true }), SCHEMA_USAGE);
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length === 0) {
    process.stderr.write(`openclaw:schema: VERSION is required\n${SCHEMA_USAGE}`);
    return 2;
  }
  const { config } = await loadDefaultApp();
  for (const version of parsed.positionals) {
    const release = await ensureOpenClawRelease(version);
    const file = await writeReleaseSchema(release, config);
    process.stdout.write(`openclaw ${release.version}: ${file}\n`);
  }
  return 0;
}

runAsEntry('openclaw:schema', require.main, module, main);
