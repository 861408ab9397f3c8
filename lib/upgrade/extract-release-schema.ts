import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OpenClawOpsConfig } from '../config/openclaw-ops-config';
import { cronWebhookAllowedHostnames } from '../cron/webhook-allowed-hostnames';
import { repoPath } from '../core/repo-root';
import { findEnvPlaceholders } from '../openclaw/env-placeholders';
import { OpenClawVersion } from '../openclaw/openclaw-version';
import { renderOpenClawConfig } from '../openclaw/render-config';
import type { OpenClawRelease } from '../openclaw/release/ensure-release';
import { extractConfigSchemaWithRelease, type RealConfigSchema } from '../openclaw/release/release-probe';
import { RELEASE_SPECS_DIR } from '../openclaw/release/release-spec';
import {
  CONFIG_SCHEMA_FILE,
  SCHEMA_PROVENANCE_FILE,
  schemaExtractCommand,
  type ReleaseConfigSchema,
  type SchemaProvenance,
} from '../openclaw/schema/release-schema-files';

/**
 * The loopback-only preload the release runs under while it builds its schema: building it loads
 * plugins, and nothing may leave loopback.
 */
export const SCHEMA_EXTRACT_PRELOAD = repoPath('lib', 'openclaw', 'release', 'probe', 'loopback-only-preload.mjs');

/** What decides the plugins and channels a schema merges in: the deployment's config for that release. */
export function schemaSourceDocument(config: OpenClawOpsConfig, version: OpenClawVersion): unknown {
  return renderOpenClawConfig(config.openclawConfig, {
    version,
    cronWebhookAllowedHostnames: cronWebhookAllowedHostnames(config.cronJobs ?? [], version),
  });
}

/** Dummy values for every `${VAR}` of `doc` (the release resolves them while loading the config). */
function placeholderValues(doc: unknown): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { name } of findEnvPlaceholders(doc)) {
    env[name] = `schema-extract-placeholder-${name.toLowerCase().replace(/_/g, '-')}`;
  }
  return env;
}

/** The schema file's text: stable for a release (no timestamps; the release's own key order). */
export function releaseSchemaText(version: string, extracted: RealConfigSchema): string {
  const file: ReleaseConfigSchema = {
    version,
    schema: extracted.schema as ReleaseConfigSchema['schema'],
    uiHints: sortKeys(extracted.uiHints) as ReleaseConfigSchema['uiHints'],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return value;
  }
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, sortKeys(record[key])]),
  );
}

/** Runs the release and returns its schema file's text for the deployment's config. */
export async function extractReleaseSchema(
  release: OpenClawRelease,
  config: OpenClawOpsConfig,
): Promise<{ readonly text: string; readonly builtBy: string }> {
  const version = OpenClawVersion.parse(release.version);
  const document = schemaSourceDocument(config, version);
  const extracted = await extractConfigSchemaWithRelease(release, document, {
    env: placeholderValues(document),
    preload: SCHEMA_EXTRACT_PRELOAD,
  });
  return { text: releaseSchemaText(version.toString(), extracted), builtBy: extracted.via };
}

/** Extracts and writes `openclaw-releases/<version>/config-schema.json` and its provenance. */
export async function writeReleaseSchema(
  release: OpenClawRelease,
  config: OpenClawOpsConfig,
  specsDir: string = RELEASE_SPECS_DIR,
): Promise<string> {
  const { text, builtBy } = await extractReleaseSchema(release, config);
  const file = join(specsDir, release.version, CONFIG_SCHEMA_FILE);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  const provenance: SchemaProvenance = {
    release: `openclaw@${release.version}`,
    node: release.nodeVersion,
    command: schemaExtractCommand(release.version),
    builtBy,
    configSource: 'config/lolice.ts rendered for this release (its plugins and channels are merged in)',
    extractedAt: new Date().toISOString().slice(0, 10),
  };
  writeFileSync(join(specsDir, release.version, SCHEMA_PROVENANCE_FILE), `${JSON.stringify(provenance, null, 2)}\n`);
  return file;
}
