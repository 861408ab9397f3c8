/**
 * The division of labour in validate-config: what the project stopped checking itself, every
 * committed release schema refuses (so dropping the hand-written model let nothing through), and
 * each rule the project keeps is one the release's schema alone accepts (so it is really ours).
 */
import { readdirSync } from 'node:fs';
import type { JsonObject } from '../../lib/openclaw/config-document';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import { checkAgainstReleaseSchema } from '../../lib/openclaw/schema/check-release-schema';
import { hasReleaseSchema } from '../../lib/openclaw/schema/release-schema-files';
import { loadReleaseSchemaValidator } from '../../lib/openclaw/schema/release-schema-validator';
import { validateOpenClawConfig } from '../../lib/openclaw/validate-config';
import { repoPath } from '../../lib/core/repo-root';

const COMMITTED = readdirSync(repoPath('openclaw-releases'))
  .filter((version) => hasReleaseSchema(version))
  .sort((a, b) => OpenClawVersion.parse(a).compare(OpenClawVersion.parse(b)));

/** A document every committed schema accepts (no channels: their layout moves between releases). */
function base(): JsonObject {
  return {
    gateway: { mode: 'local', bind: 'lan', port: 18789, auth: { mode: 'token', token: '${OPENCLAW_GATEWAY_TOKEN}' } },
    cron: { enabled: true, sessionRetention: '7d' },
    diagnostics: {
      enabled: true,
      otel: { enabled: true, endpoint: 'http://otel.example:4318', flushIntervalMs: 60000 },
    },
    plugins: { entries: { 'diagnostics-otel': { enabled: true } } },
  };
}

function withValue(path: string, value: unknown): JsonObject {
  const doc = base();
  const keys = path.split('.');
  let node = doc as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
  return doc;
}

/** Checks the hand-written model made before; each is now the release schema's. */
const SCHEMA_CHECKS: readonly (readonly [string, unknown])[] = [
  ['cronJobs', []],
  ['plugins.paths', []],
  ['plugins.enabled', 'yes'],
  ['plugins.entries.discord.settings', {}],
  ['diagnostics.exporter', {}],
  ['diagnostics.enabled', 'true'],
  ['diagnostics.otel.interval', 1],
  ['diagnostics.otel.protocol', 'http/json'],
  ['diagnostics.otel.sampleRate', 2],
  ['diagnostics.otel.flushIntervalMs', 1.5],
  ['agents.defaults.heartbeat.interval', '5m'],
  ['agents.defaults.heartbeat.activeHours.tz', 'UTC'],
  ['cron.maxJobs', 1],
  ['cron.maxConcurrentRuns', 0],
  ['cron.sessionRetention', true],
  ['cron.webhook', 'ftp://example.invalid/hook'],
  ['gateway.listen', 1],
  ['gateway.mode', 'server'],
  ['gateway.bind', '0.0.0.0'],
  ['gateway.port', 0],
  ['hooks.secret', 'x'],
  ['hooks.maxBodyBytes', 0],
  ['hooks.enabled', 'yes'],
];

describe.each(COMMITTED)('openclaw %s', (version) => {
  const release = loadReleaseSchemaValidator(version)!;
  const options = { version: OpenClawVersion.parse(version) };

  it('accepts the base document (the control)', () => {
    expect(validateOpenClawConfig(base(), options)).toEqual([]);
  });

  it.each(SCHEMA_CHECKS)('refuses %s = %j through its own schema, naming the path', (path, value) => {
    const messages = validateOpenClawConfig(withValue(path, value), options);
    expect(
      messages.some((m) => m.startsWith(`openclaw.json ${path}`)),
      messages.join('\n'),
    ).toBe(true);
  });

  it.each([
    ['cron.sessionRetention', '7 days', /silently falls back to 24h/],
    ['diagnostics.otel.flushIntervalMs', 500, /silently clamps/],
    ['diagnostics.otel.endpoint', 'otel:4318', /then every export fails/],
    ['agents.defaults.heartbeat.every', 'often', /invalid duration/],
    ['agents.defaults.heartbeat.activeHours.start', '8:00', /invalid time/],
    ['hooks.path', '/', /hooks\.path may not be/],
    ['plugins.allow', ['diagnostics-otel', 'no-such-plugin'], /plugin not found: no-such-plugin/],
  ] as const)('keeps the rule on %s = %j, which its schema alone accepts', (path, value, says) => {
    const doc = withValue(path, value);
    expect(checkAgainstReleaseSchema(doc, release)).toEqual([]);
    expect(validateOpenClawConfig(doc, options).join('\n')).toMatch(says);
  });
});

test('the supported releases all have a committed schema, 2026.2.17 and 2026.2.19 included', () => {
  expect(COMMITTED).toEqual(expect.arrayContaining(['2026.2.17', '2026.2.19', '2026.9.6']));
  expect(COMMITTED.length).toBeGreaterThanOrEqual(10);
});
