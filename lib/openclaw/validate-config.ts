/**
 * Validation of an `openclaw.json` document: the release's own committed schema
 * (`openclaw-releases/<version>/config-schema.json`, see `schema/`) checks keys, types, enums and
 * ranges; the rules here are only what the project adds on purpose, each saying why: the failures
 * OpenClaw accepts and then silently does something else (an unparsable `cron.sessionRetention`
 * that becomes 24h, a `grpc` OTel protocol that exports nothing, a signal-specific OTLP endpoint
 * reused for every signal, a channel whose plugin is not enabled), what the loader or gateway
 * refuses beyond its schema, lower-case `${var}` references, and the version gates by name.
 * The table "what OpenClaw checks, what we add" in docs/openclaw-schema.md lists them.
 * Facts: docs/FACTS.md (OpenClaw).
 */

import { checkAgainstReleaseSchema } from './schema/check-release-schema';
import { hasReleaseSchema, schemaExtractCommand } from './schema/release-schema-files';
import { loadReleaseSchemaValidator } from './schema/release-schema-validator';
import { isJsonObject, type JsonObject } from './config-document';
import { parseDurationMs } from './duration';
import {
  containsEnvPlaceholder,
  envStringsResolveEqual,
  findEnvPlaceholders,
  findMalformedEnvPlaceholders,
  type EnvSourceResolver,
} from './env-placeholders';
import { OpenClawVersion } from './openclaw-version';
import { describeValue, isNonEmpty } from '../core/describe-value';
import { gateOpen, versionGate, type OpenClawGateId } from './version-gates';

/**
 * Plugin ids bundled with OpenClaw 2026.2.19 (the ids in its `extensions/<id>/openclaw.plugin.json`); extend with
 * `knownPluginIds` for installed plugins. The channel plugins among them are also the channel ids.
 */
export const BUNDLED_PLUGIN_IDS: readonly string[] = [
  'bluebubbles',
  'copilot-proxy',
  'device-pair',
  'diagnostics-otel',
  'discord',
  'feishu',
  'google-antigravity-auth',
  'google-gemini-cli-auth',
  'googlechat',
  'imessage',
  'irc',
  'line',
  'llm-task',
  'lobster',
  'matrix',
  'mattermost',
  'memory-core',
  'memory-lancedb',
  'minimax-portal-auth',
  'msteams',
  'nextcloud-talk',
  'nostr',
  'open-prose',
  'phone-control',
  'qwen-portal-auth',
  'signal',
  'slack',
  'talk-voice',
  'telegram',
  'thread-ownership',
  'tlon',
  'twitch',
  'voice-call',
  'whatsapp',
  'zalo',
  'zalouser',
];

/** Bundled plugins that are enabled without an explicit `plugins.entries.<id>.enabled`. */
export const PLUGINS_ENABLED_BY_DEFAULT: readonly string[] = ['device-pair', 'phone-control', 'talk-voice'];

/** The OTel exporter plugin id. */
export const DIAGNOSTICS_OTEL_PLUGIN_ID = 'diagnostics-otel';

/** Options of {@link validateOpenClawConfig}. */
export interface ValidateOpenClawConfigOptions {
  /** The OpenClaw release the document is for; selects version-specific rules. */
  readonly version: OpenClawVersion;
  /**
   * Plugin ids known in addition to {@link BUNDLED_PLUGIN_IDS} (other bundled or installed plugins).
   * Ids outside both lists in `plugins.entries`, `plugins.allow`, `plugins.deny` or `channels` are errors.
   * @default []
   */
  readonly knownPluginIds?: readonly string[];
  /**
   * Maps an env var name to the source of its value (e.g. `"openclaw-credentials/OPENCLAW_GATEWAY_TOKEN"`)
   * so that two different `${VAR}` references to the same secret compare equal (hooks.token vs
   * gateway.auth.token).
   * @default none: only identical raw strings compare equal
   */
  readonly resolveEnvSource?: EnvSourceResolver;
  /**
   * The caller relies on OTel metrics: the whole diagnostics-otel chain must be enabled,
   * `diagnostics.otel.metrics` must not be `false` and the version must be ≥ 2026.2.19.
   * @default false
   */
  readonly requireOtelMetrics?: boolean;
  /**
   * Env var names the workload provides. When given, every `${VAR}` must be in it, because OpenClaw
   * refuses to start on a missing or empty variable.
   * @default undefined (not checked)
   */
  readonly providedEnvVars?: readonly string[];
}

/** Effective enable state of one plugin. */
export interface PluginEnableState {
  readonly enabled: boolean;
  /** Why (lowercase), e.g. `plugins.deny lists it`. */
  readonly reason: string;
}

const ACTIVE_HOURS_TIME = /^([01]\d|2[0-3]|24):([0-5]\d)$/;
const OTEL_SIGNAL_PATH = /\/v1\/(metrics|traces|logs)$/i;
/** `channels.<key>` entries that are not channels. */
const NON_CHANNEL_KEYS = ['defaults'];

/** Collects errors; every message starts with `openclaw.json <path>:`. */
class Issues {
  public readonly messages: string[] = [];

  public add(path: string, received: string, expected: string, fix: string): void {
    this.messages.push(`openclaw.json ${path}: received ${received}, expected ${expected}; ${fix}`);
  }
}

/** The gate's id and first release, for messages: `(gate discord-dm-policy-flat, from 2026.9.1)`. */
function gateRef(id: OpenClawGateId): string {
  return `(gate ${id}, from ${versionGate(id).since})`;
}

/** Like {@link describeValue}, but never prints a literal secret. */
function describeSecret(value: unknown): string {
  if (typeof value === 'string' && value !== '' && !containsEnvPlaceholder(value)) {
    return `a literal string of ${value.length} character(s)`;
  }
  return describeValue(value);
}

function list(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}

/** The section when it is an object; anything else is the release schema's to report. */
function objectAt(parent: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = parent?.[key];
  return isJsonObject(value) ? value : undefined;
}

/**
 * Resolves whether a plugin is enabled, in OpenClaw's order: `plugins.enabled === false`, then
 * `plugins.deny`, then a non-empty `plugins.allow`, then `plugins.entries.<id>.enabled`, then the
 * bundled default (only device-pair, phone-control and talk-voice are on by default).
 */
export function resolvePluginEnableState(plugins: unknown, pluginId: string): PluginEnableState {
  const section = isJsonObject(plugins) ? plugins : {};
  if (section.enabled === false) {
    return { enabled: false, reason: 'plugins.enabled is false, which disables every plugin' };
  }
  const deny = Array.isArray(section.deny) ? section.deny : [];
  if (deny.includes(pluginId)) {
    return { enabled: false, reason: 'plugins.deny lists it (deny wins over allow and entries)' };
  }
  const allow = Array.isArray(section.allow) ? section.allow : [];
  if (allow.length > 0 && !allow.includes(pluginId)) {
    return { enabled: false, reason: 'plugins.allow is non-empty and does not list it' };
  }
  const entries = isJsonObject(section.entries) ? section.entries : {};
  const entry = entries[pluginId];
  if (isJsonObject(entry) && entry.enabled === true) {
    return { enabled: true, reason: `plugins.entries.${pluginId}.enabled is true` };
  }
  if (isJsonObject(entry) && entry.enabled === false) {
    return { enabled: false, reason: `plugins.entries.${pluginId}.enabled is false` };
  }
  if (PLUGINS_ENABLED_BY_DEFAULT.includes(pluginId)) {
    return { enabled: true, reason: 'it is a bundled plugin enabled by default' };
  }
  return {
    enabled: false,
    reason: `plugins.entries.${pluginId}.enabled is not true and bundled plugins are disabled by default`,
  };
}

function pluginEnableFix(pluginId: string): string {
  return (
    `set plugins.entries.${pluginId}.enabled to true, list "${pluginId}" in plugins.allow if the allowlist is used, ` +
    `keep it out of plugins.deny and do not set plugins.enabled to false (do not rely on auto-enable: ` +
    `its write-back fails on a read-only config)`
  );
}

// Beyond the schema: it accepts any plugin id string, the loader refuses the config ("plugin not found").
function checkPluginId(issues: Issues, path: string, pluginId: string, known: readonly string[]): void {
  if (!known.includes(pluginId)) {
    issues.add(
      path,
      `the plugin id "${pluginId}"`,
      `one of the known plugin ids ${list(known)}`,
      `openclaw rejects the config with "plugin not found: ${pluginId}", so ` +
        `fix the id, or pass it in knownPluginIds if that plugin is installed`,
    );
  }
}

function validatePlugins(issues: Issues, doc: JsonObject, known: readonly string[]): void {
  const plugins = objectAt(doc, 'plugins');
  if (!plugins) {
    return;
  }
  for (const key of ['allow', 'deny']) {
    const ids = plugins[key];
    if (Array.isArray(ids)) {
      ids.forEach((pluginId: unknown, index) => {
        if (typeof pluginId === 'string') {
          checkPluginId(issues, `plugins.${key}[${index}]`, pluginId, known);
        }
      });
    }
  }
  for (const pluginId of Object.keys(objectAt(plugins, 'entries') ?? {}).sort()) {
    checkPluginId(issues, `plugins.entries.${pluginId}`, pluginId, known);
  }
}

// Stricter: the schema accepts any string here; a non-http(s) url or a signal path that every signal
// reuses exports nothing (or to the wrong url), and the dashboard and alerts go dark.
function validateOtelEndpoint(issues: Issues, endpoint: string, version: OpenClawVersion, onlyMetrics: boolean): void {
  const path = 'diagnostics.otel.endpoint';
  if (containsEnvPlaceholder(endpoint)) {
    return; // the value is only known at startup
  }
  const trimmed = endpoint.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    issues.add(
      path,
      describeValue(endpoint),
      'an absolute http(s) base url such as "http://otel-collector.observability:4318"',
      'openclaw accepts any string here, then every export fails and no metrics arrive; ' +
        'write the otlp/http base url including scheme and host',
    );
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    issues.add(
      path,
      describeValue(endpoint),
      'an http:// or https:// url (the exporter speaks otlp/http only)',
      'openclaw accepts any string here, then every export fails and no metrics arrive; ' +
        'point diagnostics.otel.endpoint at the otlp/http receiver (usually port 4318) with an http(s) scheme',
    );
    return;
  }
  const pathname = url.pathname.replace(/\/+$/, '');
  const reusedForAllSignals = version.isAtLeast(OpenClawVersion.V2026_2_19)
    ? OTEL_SIGNAL_PATH.test(pathname)
    : trimmed.includes('/v1/') && OTEL_SIGNAL_PATH.test(pathname);
  if (reusedForAllSignals && onlyMetrics && /\/v1\/metrics$/i.test(pathname)) {
    return; // traces and logs are off: the metrics URL is the only one ever used, unchanged
  }
  if (reusedForAllSignals) {
    const rule = version.isAtLeast(OpenClawVersion.V2026_2_19)
      ? `openclaw ${version} uses a url whose path ends in /v1/metrics, ` +
        `/v1/traces or /v1/logs unchanged for every signal`
      : `openclaw ${version} uses any url containing "/v1/" unchanged for every signal`;
    issues.add(
      path,
      describeValue(endpoint),
      'the otlp base url without a signal path',
      `${rule}, so traces and logs would be posted to the same signal url; ` +
        `configure the base url only (openclaw appends /v1/<signal>), or turn ` +
        `traces and logs off and give the full .../v1/metrics url`,
    );
    return;
  }
  if (!version.isAtLeast(OpenClawVersion.V2026_2_19) && trimmed.includes('/v1/')) {
    issues.add(
      path,
      describeValue(endpoint),
      'a base url whose path does not contain "/v1/"',
      `openclaw ${version} uses any endpoint containing "/v1/" unchanged and ` +
        `does not append /v1/metrics, so metrics would be posted to ` +
        `${describeValue(trimmed)}; ` +
        ('use openclaw 2026.2.19 or later (which only keeps urls ending in ' +
          '/v1/<signal>), an endpoint without "/v1/" in its path, or (traces and ' +
          'logs off) the full .../v1/metrics url'),
    );
  }
}

function validateOtel(issues: Issues, otel: JsonObject, version: OpenClawVersion): void {
  const base = 'diagnostics.otel';
  const endpoint = otel.endpoint;
  if (typeof endpoint === 'string') {
    // traces default to on and logs to off (service.ts), so only traces: false + logs not true means metrics only
    validateOtelEndpoint(issues, endpoint, version, otel.traces === false && otel.logs !== true);
  }
  // Stricter: schemas before 2026.8.1 accept "grpc", then the exporter logs "unsupported protocol" and sends nothing.
  if (otel.protocol === 'grpc') {
    issues.add(
      `${base}.protocol`,
      describeValue(otel.protocol),
      '"http/protobuf"',
      'openclaw accepts "grpc" in the schema but then logs "diagnostics-otel: unsupported protocol grpc" and ' +
        'exports nothing, so set protocol to "http/protobuf" (or remove it) and point the endpoint at the ' +
        'otlp/http port',
    );
  }
  // Stricter: the schema accepts any integer ≥ 0, the exporter silently clamps it to 1000 ms.
  const flush = otel.flushIntervalMs;
  if (typeof flush === 'number' && Number.isInteger(flush) && flush >= 0 && flush < 1000) {
    issues.add(
      `${base}.flushIntervalMs`,
      describeValue(flush),
      'at least 1000',
      'openclaw silently clamps export intervals below 1000 ms to 1000 ms, so ' +
        'write 1000 or more to say what actually happens',
    );
  }
}

function validateDiagnostics(issues: Issues, doc: JsonObject, options: ValidateOpenClawConfigOptions): void {
  const diagnostics = objectAt(doc, 'diagnostics');
  const otel = objectAt(diagnostics, 'otel');
  if (otel) {
    validateOtel(issues, otel, options.version);
  }
  // Stricter: OpenClaw accepts a half-enabled chain and exports nothing (the dashboard and alerts go dark).

  const plugins = isJsonObject(doc.plugins) ? doc.plugins : undefined;
  const entries = plugins && isJsonObject(plugins.entries) ? plugins.entries : undefined;
  const otelEntry = entries?.[DIAGNOSTICS_OTEL_PLUGIN_ID];
  const requireMetrics = options.requireOtelMetrics === true;
  const wantsOtel = requireMetrics || otel?.enabled === true || (isJsonObject(otelEntry) && otelEntry.enabled === true);
  if (!wantsOtel) {
    return;
  }
  const why = requireMetrics
    ? 'otel metrics are required'
    : 'diagnostics-otel is partly enabled (diagnostics.otel.enabled or its plugin entry is true)';
  if (diagnostics?.enabled !== true) {
    issues.add(
      'diagnostics.enabled',
      describeValue(diagnostics?.enabled),
      'true',
      `${why} and the diagnostics-otel service does nothing unless ` +
        `diagnostics.enabled is true, so set diagnostics.enabled to true`,
    );
  }
  if (otel?.enabled !== true) {
    issues.add(
      'diagnostics.otel.enabled',
      describeValue(otel?.enabled),
      'true',
      `${why} and the diagnostics-otel service does nothing unless diagnostics.otel.enabled is true, so set it to true`,
    );
  }
  const state = resolvePluginEnableState(plugins, DIAGNOSTICS_OTEL_PLUGIN_ID);
  if (!state.enabled) {
    issues.add(
      `plugins.entries.${DIAGNOSTICS_OTEL_PLUGIN_ID}.enabled`,
      `a disabled plugin (${state.reason})`,
      'the diagnostics-otel plugin to be enabled',
      `${why} but the plugin is not loaded; ${pluginEnableFix(DIAGNOSTICS_OTEL_PLUGIN_ID)}`,
    );
  }
  if (requireMetrics && otel?.metrics === false) {
    issues.add(
      'diagnostics.otel.metrics',
      'false',
      'true or unset',
      'otel metrics are required but the metric exporter is switched off, so ' +
        'remove diagnostics.otel.metrics or set it to true',
    );
  }
  if (requireMetrics && gateOpen('diagnostics-otel-unbundled', options.version)) {
    issues.add(
      'plugins.entries.diagnostics-otel',
      `openclaw ${options.version}`,
      'a release that still bundles the diagnostics-otel plugin',
      `otel metrics are required but openclaw ${options.version} no longer bundles diagnostics-otel ` +
        `${gateRef('diagnostics-otel-unbundled')} and @openclaw/diagnostics-otel is not on npm, so no metric is ` +
        'exported (the telemetry-absent alert fires, the metrics dashboard goes flat); stay on an older release, or ' +
        'set telemetry.requireOtelMetrics to false to accept losing the metrics',
    );
  }
  if (requireMetrics && !options.version.isAtLeast(OpenClawVersion.V2026_2_19)) {
    issues.add(
      'diagnostics.otel',
      `openclaw ${options.version}`,
      `openclaw ${OpenClawVersion.V2026_2_19} or later`,
      'before 2026.2.19 the plugin subscribes to a separate copy of the ' +
        'diagnostic event bus and its metrics never record, so upgrade the image',
    );
  }
}

// The release's own refine ("invalid time"), which its JSON Schema cannot carry.
function checkActiveHoursTime(issues: Issues, activeHours: JsonObject, key: 'start' | 'end', path: string): void {
  const value = activeHours[key];
  if (typeof value !== 'string' || value === '') {
    return; // another type is the schema's to report
  }
  const match = ACTIVE_HOURS_TIME.exec(value);
  const bad24 = match !== null && match[1] === '24' && (match[2] !== '00' || key === 'start');
  if (!match || bad24) {
    issues.add(
      `${path}.${key}`,
      describeValue(value),
      `a 24h time "HH:MM"${key === 'end' ? ' (24:00 allowed)' : ' before 24:00'}`,
      'openclaw rejects the config ("invalid time"), so write the time as two-digit hours and minutes, e.g. "08:00"',
    );
  }
}
/**
 * `agents.defaults.heartbeat` and `agents.list[].heartbeat`: a parsable `every` and HH:MM active
 * hours, the release's own refines ("invalid duration", "invalid time"), which its JSON Schema
 * cannot carry.
 */
function validateHeartbeat(issues: Issues, heartbeat: JsonObject, path: string): void {
  const every = heartbeat.every;
  if (typeof every === 'string' && every !== '' && parseDurationMs(every, { defaultUnit: 'm' }) === undefined) {
    issues.add(
      `${path}.every`,
      describeValue(every),
      'a duration such as "30m", "1h" or "45" (one number with an optional unit ms, s, m, h or d; a bare number ' +
        'means minutes)',
      'openclaw rejects the config ("invalid duration"), so write one number and one unit without spaces',
    );
  }
  const activeHours = objectAt(heartbeat, 'activeHours');
  if (activeHours) {
    checkActiveHoursTime(issues, activeHours, 'start', `${path}.activeHours`);
    checkActiveHoursTime(issues, activeHours, 'end', `${path}.activeHours`);
  }
}

function validateAgents(issues: Issues, doc: JsonObject): void {
  const agents = objectAt(doc, 'agents');
  const defaultHeartbeat = objectAt(objectAt(agents, 'defaults'), 'heartbeat');
  if (defaultHeartbeat) {
    validateHeartbeat(issues, defaultHeartbeat, 'agents.defaults.heartbeat');
  }
  const agentList = agents?.list;
  if (Array.isArray(agentList)) {
    agentList.forEach((agent: unknown, index) => {
      const heartbeat = isJsonObject(agent) ? agent.heartbeat : undefined;
      if (isJsonObject(heartbeat)) {
        validateHeartbeat(issues, heartbeat, `agents.list[${index}].heartbeat`);
      }
    });
  }
}

// Gate message: the schema refuses the key before the gate too, but only the gate names the release.
function validateCronSsrfPolicy(issues: Issues, cron: JsonObject, version: OpenClawVersion): void {
  if (cron.webhookSsrfPolicy === undefined || gateOpen('cron-webhook-ssrf-policy', version)) {
    return;
  }
  issues.add(
    'cron.webhookSsrfPolicy',
    describeValue(cron.webhookSsrfPolicy),
    `no such key on openclaw ${version}`,
    `openclaw ${version} has no cron webhook ssrf policy ${gateRef('cron-webhook-ssrf-policy')} and rejects the ` +
      'whole config, so remove it (and expose in-cluster receivers at a public hostname) or upgrade openclaw',
  );
}

function validateCron(issues: Issues, doc: JsonObject, version: OpenClawVersion): void {
  const cron = objectAt(doc, 'cron');
  if (!cron) {
    return;
  }
  validateCronSsrfPolicy(issues, cron, version);
  // Stricter: the schema accepts any string, and OpenClaw silently falls back to 24h for one it cannot parse.
  const retention = cron.sessionRetention;
  if (typeof retention === 'string' && parseDurationMs(retention, { defaultUnit: 'h' }) === undefined) {
    issues.add(
      'cron.sessionRetention',
      describeValue(retention),
      'a duration such as "7d", "36h" or "90m" (a number with an optional unit ' +
        'ms, s, m, h or d; a bare number means hours) or false',
      'openclaw silently falls back to 24h for a value it cannot parse, so ' +
        'write a single number and unit without spaces',
    );
  }
}

function validateGateway(issues: Issues, doc: JsonObject, version: OpenClawVersion): void {
  const gateway = objectAt(doc, 'gateway');
  // Stricter: schemas before 2026.8.1 accept any positive integer, and the gateway fails at startup.
  const port = gateway?.port;
  if (typeof port === 'number' && Number.isInteger(port) && port > 65535) {
    issues.add(
      'gateway.port',
      describeValue(port),
      'an integer from 1 to 65535',
      'openclaw accepts any positive integer, but the gateway cannot listen on it and fails at startup ' +
        '(ERR_SOCKET_BAD_PORT); use the default 18789 unless something else needs it',
    );
  }
  // Gate message: from the gate on the schema refuses the key too, but only the gate names the release.
  const controlUi = objectAt(gateway, 'controlUi');
  if (controlUi?.allowInsecureAuth !== undefined && gateOpen('control-ui-insecure-auth-retired', version)) {
    issues.add(
      'gateway.controlUi.allowInsecureAuth',
      describeValue(controlUi.allowInsecureAuth),
      `no such key on openclaw ${version}`,
      `openclaw ${version} retired it ${gateRef('control-ui-insecure-auth-retired')} and rejects the whole config ` +
        '("Unrecognized key"), so remove it; list a public Control UI origin in gateway.controlUi.allowedOrigins',
    );
  }
  // Stricter: the schema makes the token optional; without one clients cannot authenticate with a
  // token the deployment controls (2026.2.19 on: the gateway generates one and writes the config).
  const token = objectAt(gateway, 'auth')?.token;
  if (!isNonEmpty(token)) {
    const consequence = version.isAtLeast(OpenClawVersion.V2026_2_19)
      ? `openclaw ${version} generates a token at startup and may try to write it into the config`
      : 'clients cannot authenticate with a token you control';
    issues.add(
      'gateway.auth.token',
      describeSecret(token),
      'a non-empty token, normally "${OPENCLAW_GATEWAY_TOKEN}"',
      `without it ${consequence}; set gateway.auth.token to a \${VAR} reference backed by a secret`,
    );
  }
}

function validateHooks(issues: Issues, doc: JsonObject, options: ValidateOpenClawConfigOptions): void {
  const hooks = objectAt(doc, 'hooks');
  if (!hooks) {
    return;
  }
  // Beyond the schema: the gateway refuses to start ("hooks.enabled requires hooks.token").
  if (hooks.enabled === true && !isNonEmpty(hooks.token)) {
    issues.add(
      'hooks.token',
      describeSecret(hooks.token),
      'a non-empty token when hooks.enabled is true',
      'openclaw refuses to start with "hooks.enabled requires hooks.token", so ' +
        'set hooks.token to a ${VAR} reference backed by its own secret',
    );
  }
  // Beyond the schema: the gateway refuses to start ("hooks.path may not be '/'").
  const hookPath = hooks.path;
  if (typeof hookPath === 'string' && hookPath.trim().replace(/\/+$/, '') === '') {
    issues.add(
      'hooks.path',
      describeValue(hookPath),
      'a sub-path such as "/hooks"',
      'the schema accepts it, but the gateway refuses to start ("hooks.path may not be \'/\'"), so use "/hooks" ' +
        '(the default) or remove the key',
    );
  }
  // Beyond the schema: 2026.2.19 on, the gateway refuses to start when both tokens resolve to the same secret.
  const gatewayToken = objectAt(objectAt(doc, 'gateway'), 'auth')?.token;
  if (
    options.version.isAtLeast(OpenClawVersion.V2026_2_19) &&
    isNonEmpty(hooks.token) &&
    isNonEmpty(gatewayToken) &&
    envStringsResolveEqual(hooks.token, gatewayToken, options.resolveEnvSource)
  ) {
    issues.add(
      'hooks.token',
      `the same value as gateway.auth.token (${describeSecret(hooks.token)})`,
      'a token different from the gateway auth token',
      `openclaw ${options.version} refuses to start with "hooks.token must not ` +
        `match gateway auth token", so give hooks.token its own secret`,
    );
  }
}

// Gate message: the schema refuses dm.* later than the gate's date, and never names the gate.
function validateDiscordDm(issues: Issues, channels: JsonObject, version: OpenClawVersion): void {
  const discord = channels.discord;
  if (!gateOpen('discord-dm-policy-flat', version) || !isJsonObject(discord) || !isJsonObject(discord.dm)) {
    return;
  }
  for (const [key, flat] of [
    ['policy', 'dmPolicy'],
    ['allowFrom', 'allowFrom'],
  ] as const) {
    if (discord.dm[key] !== undefined) {
      issues.add(
        `channels.discord.dm.${key}`,
        describeValue(discord.dm[key]),
        `channels.discord.${flat} on openclaw ${version}`,
        `openclaw ${version} refuses dm.${key} ("must not have additional properties") ` +
          `${gateRef('discord-dm-policy-flat')}, so move it to channels.discord.${flat}`,
      );
    }
  }
}

function validateChannels(issues: Issues, doc: JsonObject, known: readonly string[], version: OpenClawVersion): void {
  const channels = doc.channels;
  if (channels === undefined) {
    return;
  }
  // Stricter: the schemas of 2026.4.29 and 2026.5.2 give `channels` no type (a quirk of the merge).
  if (!isJsonObject(channels)) {
    issues.add('channels', describeValue(channels), 'an object', 'write channels as a json object');
    return;
  }
  validateDiscordDm(issues, channels, version);
  for (const channelId of Object.keys(channels).sort()) {
    if (NON_CHANNEL_KEYS.includes(channelId)) {
      continue;
    }
    const path = `channels.${channelId}`;
    const channel = objectAt(channels, channelId);
    if (!channel || channel.enabled === false) {
      continue;
    }
    // Stricter: the schema accepts any channel key (plugins add channels when they load).
    if (!known.includes(channelId)) {
      issues.add(
        path,
        `the channel "${channelId}"`,
        `a channel whose plugin is known (${list(known)})`,
        'fix the channel id, or pass its plugin id in knownPluginIds if that channel plugin is installed',
      );
      continue;
    }
    // Stricter: OpenClaw accepts the config and never starts a channel whose plugin is not loaded.
    const state = resolvePluginEnableState(doc.plugins, channelId);
    if (!state.enabled) {
      issues.add(
        path,
        `an enabled channel whose plugin is disabled (${state.reason})`,
        `the "${channelId}" plugin to be enabled`,
        `openclaw accepts the config but never starts the channel (its plugin is not loaded); ` +
          `${pluginEnableFix(channelId)}; or set ${path}.enabled to false`,
      );
    }
  }
}

// Ours: a lower-case or malformed reference is left as text by OpenClaw; a missing variable stops
// the gateway at startup, and synth knows the container's env.
function validateEnvReferences(issues: Issues, doc: JsonObject, provided: readonly string[] | undefined): void {
  for (const entry of findMalformedEnvPlaceholders(doc)) {
    issues.add(
      entry.path,
      `the text ${JSON.stringify(entry.text)}`,
      'a ${NAME} reference with an upper-case name (A-Z, 0-9, _), or $${NAME} for a literal',
      `${entry.reason}; fix the reference`,
    );
  }
  if (provided === undefined) {
    return;
  }
  for (const entry of findEnvPlaceholders(doc)) {
    if (!provided.includes(entry.name)) {
      issues.add(
        entry.path,
        `a reference to \${${entry.name}}`,
        `one of the env vars the workload provides (${list([...provided].sort())})`,
        `openclaw refuses to start when a referenced variable is missing or ` +
          `empty, so provide ${entry.name} to the container or change the reference`,
      );
    }
  }
}

/**
 * Validates an `openclaw.json` document for `options.version`. Returns every problem found (empty
 * when valid); each message is lowercase and names the config path, what was received, what was
 * expected and how to fix it.
 */
export function validateOpenClawConfig(doc: unknown, options: ValidateOpenClawConfigOptions): string[] {
  // The rules below need an object; the message says what a config looks like.
  if (!isJsonObject(doc)) {
    return [
      `openclaw.json: received ${describeValue(doc)}, expected a json object at the ` +
        `top level; write the config as an object with sections such as gateway, ` +
        `plugins and channels`,
    ];
  }
  const known = [...new Set([...BUNDLED_PLUGIN_IDS, ...(options.knownPluginIds ?? [])])].sort();
  const issues = new Issues();
  validateEnvReferences(issues, doc, options.providedEnvVars);
  validatePlugins(issues, doc, known);
  validateDiagnostics(issues, doc, options);
  validateAgents(issues, doc);
  validateCron(issues, doc, options.version);
  validateGateway(issues, doc, options.version);
  validateHooks(issues, doc, options);
  validateChannels(issues, doc, known, options.version);
  return withReleaseSchema(doc, options.version, issues.messages);
}

/**
 * The release's own schema (committed under `openclaw-releases/<version>/`) checks the document
 * first: every refusal of the real loader's schema, every literal at a path it marks sensitive. The
 * project's rules above add what is stricter than OpenClaw and name the version gate a key belongs
 * to; where both report the same path (or the release a path inside the project's), the project's
 * message stands (it carries the gate and the project's fix), so no problem is reported twice.
 * A release without a committed schema is refused: the project's rules alone are not a model of
 * its schema, so the fix is to extract the release's own.
 */
function withReleaseSchema(doc: JsonObject, version: OpenClawVersion, own: readonly string[]): string[] {
  if (!hasReleaseSchema(version.toString())) {
    return [
      ...own,
      `openclaw.json (document): received openclaw ${version}, which has no committed schema ` +
        `(openclaw-releases/${version}/config-schema.json), expected a release whose own schema is committed; ` +
        `run \`${schemaExtractCommand(version.toString())}\` and commit the files it writes, or use a release ` +
        'that has one',
    ];
  }
  const release = loadReleaseSchemaValidator(version.toString());
  if (!release) {
    return [...own]; // only while synth's startup snapshot is built: its warm-up render is not the synth
  }
  const fromSchema = checkAgainstReleaseSchema(doc, release).map(
    (issue) =>
      `openclaw.json ${issue.path || '(document)'}: received ${issue.received}, ` +
      `expected ${issue.expected}; ${issue.fix}`,
  );
  const covered = own.map(messagePath);
  const isCovered = (path: string): boolean =>
    covered.some((c) => path === c || path.startsWith(`${c}.`) || path.startsWith(`${c}[`));
  return [...own, ...fromSchema.filter((message) => !isCovered(messagePath(message)))];
}

function messagePath(message: string): string {
  return /^openclaw\.json (\S+):/.exec(message)?.[1] ?? '';
}
