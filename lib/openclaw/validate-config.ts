/**
 * Validation of an `openclaw.json` document the way OpenClaw v2026.2.17 – v2026.2.19 applies it at
 * startup (later releases: the rules of the gate table in `version-gates.ts` on top), plus the
 * silent failure modes we turn into errors (an unparsable `cron.sessionRetention` that becomes 24h,
 * a `grpc` OTel protocol that exports nothing, a signal-specific OTLP endpoint that is reused for
 * every signal, a channel whose plugin is not enabled, lower-case `${var}` references).
 *
 * Only the sections modelled in `config-document.ts` are checked; their keys are strict like the
 * upstream zod schema. Facts: docs/FACTS.md (OpenClaw).
 */

import { checkAgainstReleaseSchema } from './schema/check-release-schema';
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

/** The root object of openclaw.json is strict: these are the only keys the 2026.2.19 schema knows. */
const TOP_LEVEL_KEYS = [
  '$schema',
  'agents',
  'approvals',
  'audio',
  'auth',
  'bindings',
  'broadcast',
  'browser',
  'canvasHost',
  'channels',
  'commands',
  'cron',
  'diagnostics',
  'discovery',
  'env',
  'gateway',
  'hooks',
  'logging',
  'media',
  'memory',
  'messages',
  'meta',
  'models',
  'nodeHost',
  'plugins',
  'session',
  'skills',
  'talk',
  'tools',
  'ui',
  'update',
  'web',
  'wizard',
];
const HEARTBEAT_KEYS = [
  'accountId',
  'ackMaxChars',
  'activeHours',
  'every',
  'includeReasoning',
  'model',
  'prompt',
  'session',
  'suppressToolErrorWarnings',
  'target',
  'to',
];
const ACTIVE_HOURS_KEYS = ['end', 'start', 'timezone'];
const ACTIVE_HOURS_TIME = /^([01]\d|2[0-3]|24):([0-5]\d)$/;
const PLUGINS_KEYS = ['allow', 'deny', 'enabled', 'entries', 'installs', 'load', 'slots'];
const PLUGIN_ENTRY_KEYS = ['config', 'enabled'];
const DIAGNOSTICS_KEYS = ['cacheTrace', 'enabled', 'flags', 'otel'];
const OTEL_KEYS = [
  'enabled',
  'endpoint',
  'flushIntervalMs',
  'headers',
  'logs',
  'metrics',
  'protocol',
  'sampleRate',
  'serviceName',
  'traces',
];
const CRON_KEYS = ['enabled', 'maxConcurrentRuns', 'sessionRetention', 'store', 'webhook', 'webhookToken'];
/** `cron.webhookSsrfPolicy` (strict upstream), from the `cron-webhook-ssrf-policy` gate on. */
const CRON_SSRF_POLICY_KEYS = [
  'allowIpv6UniqueLocalRange',
  'allowRfc2544BenchmarkRange',
  'allowedHostnames',
  'blockedHostnames',
  'dangerouslyAllowPrivateNetwork',
];
const GATEWAY_KEYS = [
  'allowRealIpFallback',
  'auth',
  'bind',
  'channelHealthCheckMinutes',
  'controlUi',
  'customBindHost',
  'http',
  'mode',
  'nodes',
  'port',
  'reload',
  'remote',
  'tailscale',
  'tls',
  'tools',
  'trustedProxies',
];
const HOOKS_KEYS = [
  'allowRequestSessionKey',
  'allowedAgentIds',
  'allowedSessionKeyPrefixes',
  'defaultSessionKey',
  'enabled',
  'gmail',
  'internal',
  'mappings',
  'maxBodyBytes',
  'path',
  'presets',
  'token',
  'transformsDir',
];
const GATEWAY_BINDS = ['auto', 'custom', 'lan', 'loopback', 'tailnet'];
const GATEWAY_MODES = ['local', 'remote'];
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

function checkStrictKeys(issues: Issues, section: JsonObject, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(section).sort()) {
    if (!allowed.includes(key)) {
      issues.add(
        `${path}.${key}`,
        `the unknown key "${key}"`,
        `only the keys ${list(allowed)}`,
        `openclaw's schema for ${path} is strict and rejects the whole config, so remove or rename the key`,
      );
    }
  }
}

/** Returns the section when it is an object, reports and returns undefined when it is something else. */
function objectAt(issues: Issues, parent: JsonObject, key: string, path: string): JsonObject | undefined {
  const value = parent[key];
  if (value === undefined) {
    return undefined;
  }
  if (!isJsonObject(value)) {
    issues.add(path, describeValue(value), 'an object', `write ${path} as a json object`);
    return undefined;
  }
  return value;
}

function checkBoolean(issues: Issues, parent: JsonObject, key: string, path: string): void {
  const value = parent[key];
  if (value !== undefined && typeof value !== 'boolean') {
    issues.add(path, describeValue(value), 'true or false', `write ${path} as a json boolean, not a string or number`);
  }
}

function checkString(issues: Issues, parent: JsonObject, key: string, path: string, sensitive = false): void {
  const value = parent[key];
  if (value !== undefined && typeof value !== 'string') {
    issues.add(
      path,
      sensitive ? describeSecret(value) : describeValue(value),
      'a string',
      `write ${path} as a json string`,
    );
  }
}

function checkStringArray(issues: Issues, parent: JsonObject, key: string, path: string): readonly string[] {
  const value = parent[key];
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value) || !value.every((item: unknown) => typeof item === 'string')) {
    issues.add(path, describeValue(value), 'an array of strings', `write ${path} as a json array of strings`);
    return [];
  }
  return value as readonly string[];
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
  const plugins = objectAt(issues, doc, 'plugins', 'plugins');
  if (!plugins) {
    return;
  }
  checkStrictKeys(issues, plugins, 'plugins', PLUGINS_KEYS);
  checkBoolean(issues, plugins, 'enabled', 'plugins.enabled');
  for (const key of ['allow', 'deny']) {
    checkStringArray(issues, plugins, key, `plugins.${key}`).forEach((pluginId, index) =>
      checkPluginId(issues, `plugins.${key}[${index}]`, pluginId, known),
    );
  }
  objectAt(issues, plugins, 'load', 'plugins.load');
  objectAt(issues, plugins, 'slots', 'plugins.slots');
  objectAt(issues, plugins, 'installs', 'plugins.installs');
  const entries = objectAt(issues, plugins, 'entries', 'plugins.entries');
  if (!entries) {
    return;
  }
  for (const pluginId of Object.keys(entries).sort()) {
    const path = `plugins.entries.${pluginId}`;
    checkPluginId(issues, path, pluginId, known);
    const entry = objectAt(issues, entries, pluginId, path);
    if (!entry) {
      continue;
    }
    checkStrictKeys(issues, entry, path, PLUGIN_ENTRY_KEYS);
    checkBoolean(issues, entry, 'enabled', `${path}.enabled`);
    const config = objectAt(issues, entry, 'config', `${path}.config`);
    if (pluginId === DIAGNOSTICS_OTEL_PLUGIN_ID && config && Object.keys(config).length > 0) {
      issues.add(
        `${path}.config`,
        `the key(s) ${list(Object.keys(config).sort())}`,
        'no keys (the diagnostics-otel plugin has an empty config schema with additionalProperties false)',
        'remove plugins.entries["diagnostics-otel"].config and put every otel setting under diagnostics.otel',
      );
    }
  }
}

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
  checkStrictKeys(issues, otel, base, OTEL_KEYS);
  for (const key of ['enabled', 'traces', 'metrics', 'logs']) {
    checkBoolean(issues, otel, key, `${base}.${key}`);
  }
  checkString(issues, otel, 'serviceName', `${base}.serviceName`);
  const endpoint = otel.endpoint;
  if (endpoint !== undefined) {
    if (typeof endpoint === 'string') {
      // traces default to on and logs to off (service.ts), so only traces: false + logs not true means metrics only
      validateOtelEndpoint(issues, endpoint, version, otel.traces === false && otel.logs !== true);
    } else {
      checkString(issues, otel, 'endpoint', `${base}.endpoint`);
    }
  }
  const protocol = otel.protocol;
  if (protocol !== undefined && protocol !== 'http/protobuf') {
    const fix =
      protocol === 'grpc'
        ? 'openclaw accepts "grpc" in the schema but then logs "diagnostics-otel: ' +
          'unsupported protocol grpc" and exports nothing, so set protocol to ' +
          '"http/protobuf" (or remove it) and point the endpoint at the otlp/http ' +
          'port'
        : 'openclaw rejects any other value, so set protocol to "http/protobuf" or remove it';
    issues.add(`${base}.protocol`, describeValue(protocol), '"http/protobuf"', fix);
  }
  const headers = objectAt(issues, otel, 'headers', `${base}.headers`);
  if (headers) {
    for (const name of Object.keys(headers).sort()) {
      checkString(issues, headers, name, `${base}.headers.${name}`, true);
    }
  }
  const sampleRate = otel.sampleRate;
  if (sampleRate !== undefined && (typeof sampleRate !== 'number' || !(sampleRate >= 0 && sampleRate <= 1))) {
    issues.add(
      `${base}.sampleRate`,
      describeValue(sampleRate),
      'a number from 0 to 1',
      'set the trace sampling ratio between 0 and 1 (for example 0.1), or remove it for the sdk default',
    );
  }
  const flush = otel.flushIntervalMs;
  if (flush !== undefined) {
    if (typeof flush !== 'number' || !Number.isInteger(flush) || flush < 0) {
      issues.add(
        `${base}.flushIntervalMs`,
        describeValue(flush),
        'an integer number of milliseconds ≥ 0',
        'write the export interval as a whole number of milliseconds, for example 60000',
      );
    } else if (flush < 1000) {
      issues.add(
        `${base}.flushIntervalMs`,
        describeValue(flush),
        'at least 1000',
        'openclaw silently clamps export intervals below 1000 ms to 1000 ms, so ' +
          'write 1000 or more to say what actually happens',
      );
    }
  }
}

function validateDiagnostics(issues: Issues, doc: JsonObject, options: ValidateOpenClawConfigOptions): void {
  const diagnostics = objectAt(issues, doc, 'diagnostics', 'diagnostics');
  let otel: JsonObject | undefined;
  if (diagnostics) {
    checkStrictKeys(issues, diagnostics, 'diagnostics', DIAGNOSTICS_KEYS);
    checkBoolean(issues, diagnostics, 'enabled', 'diagnostics.enabled');
    checkStringArray(issues, diagnostics, 'flags', 'diagnostics.flags');
    objectAt(issues, diagnostics, 'cacheTrace', 'diagnostics.cacheTrace');
    otel = objectAt(issues, diagnostics, 'otel', 'diagnostics.otel');
    if (otel) {
      validateOtel(issues, otel, options.version);
    }
  }

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

function validateTopLevelKeys(issues: Issues, doc: JsonObject): void {
  for (const key of Object.keys(doc).sort()) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      issues.add(
        key,
        `the unknown top-level key "${key}"`,
        `only the top-level keys ${list(TOP_LEVEL_KEYS)}`,
        'the root of openclaw\'s schema is strict and the whole config is rejected ("Unrecognized key"), ' +
          'so remove the key or move it into the section it belongs to',
      );
    }
  }
}

function checkActiveHoursTime(issues: Issues, activeHours: JsonObject, key: 'start' | 'end', path: string): void {
  const value = activeHours[key];
  if (value === undefined || value === '') {
    return;
  }
  const match = typeof value === 'string' ? ACTIVE_HOURS_TIME.exec(value) : null;
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

/** `agents.defaults.heartbeat` and `agents.list[].heartbeat`: strict keys, a parsable `every`, HH:MM active hours. */
function validateHeartbeat(issues: Issues, heartbeat: JsonObject, path: string): void {
  checkStrictKeys(issues, heartbeat, path, HEARTBEAT_KEYS);
  const every = heartbeat.every;
  if (every !== undefined && every !== '') {
    if (typeof every !== 'string') {
      checkString(issues, heartbeat, 'every', `${path}.every`);
    } else if (parseDurationMs(every, { defaultUnit: 'm' }) === undefined) {
      issues.add(
        `${path}.every`,
        describeValue(every),
        'a duration such as "30m", "1h" or "45" (one number with an optional unit ms, s, m, h or d; a bare number ' +
          'means minutes)',
        'openclaw rejects the config ("invalid duration"), so write one number and one unit without spaces',
      );
    }
  }
  const activeHours = objectAt(issues, heartbeat, 'activeHours', `${path}.activeHours`);
  if (activeHours) {
    checkStrictKeys(issues, activeHours, `${path}.activeHours`, ACTIVE_HOURS_KEYS);
    checkActiveHoursTime(issues, activeHours, 'start', `${path}.activeHours`);
    checkActiveHoursTime(issues, activeHours, 'end', `${path}.activeHours`);
    checkString(issues, activeHours, 'timezone', `${path}.activeHours.timezone`);
  }
}

function validateAgents(issues: Issues, doc: JsonObject): void {
  const agents = objectAt(issues, doc, 'agents', 'agents');
  if (!agents) {
    return;
  }
  const defaults = objectAt(issues, agents, 'defaults', 'agents.defaults');
  const defaultHeartbeat = defaults ? objectAt(issues, defaults, 'heartbeat', 'agents.defaults.heartbeat') : undefined;
  if (defaultHeartbeat) {
    validateHeartbeat(issues, defaultHeartbeat, 'agents.defaults.heartbeat');
  }
  const agentList = agents.list;
  if (Array.isArray(agentList)) {
    agentList.forEach((agent: unknown, index) => {
      const heartbeat = isJsonObject(agent) ? agent.heartbeat : undefined;
      if (isJsonObject(heartbeat)) {
        validateHeartbeat(issues, heartbeat, `agents.list[${index}].heartbeat`);
      }
    });
  }
}

function validateCronSsrfPolicy(issues: Issues, cron: JsonObject, version: OpenClawVersion): void {
  if (cron.webhookSsrfPolicy === undefined) {
    return;
  }
  if (!gateOpen('cron-webhook-ssrf-policy', version)) {
    issues.add(
      'cron.webhookSsrfPolicy',
      describeValue(cron.webhookSsrfPolicy),
      `no such key on openclaw ${version}`,
      `openclaw ${version} has no cron webhook ssrf policy ${gateRef('cron-webhook-ssrf-policy')} and rejects the ` +
        'whole config, so remove it (and expose in-cluster receivers at a public hostname) or upgrade openclaw',
    );
    return;
  }
  const policy = objectAt(issues, cron, 'webhookSsrfPolicy', 'cron.webhookSsrfPolicy');
  if (!policy) {
    return;
  }
  checkStrictKeys(issues, policy, 'cron.webhookSsrfPolicy', CRON_SSRF_POLICY_KEYS);
  checkStringArray(issues, policy, 'allowedHostnames', 'cron.webhookSsrfPolicy.allowedHostnames');
  checkStringArray(issues, policy, 'blockedHostnames', 'cron.webhookSsrfPolicy.blockedHostnames');
  for (const key of ['allowIpv6UniqueLocalRange', 'allowRfc2544BenchmarkRange', 'dangerouslyAllowPrivateNetwork']) {
    checkBoolean(issues, policy, key, `cron.webhookSsrfPolicy.${key}`);
  }
}

function validateCron(issues: Issues, doc: JsonObject, version: OpenClawVersion): void {
  const cron = objectAt(issues, doc, 'cron', 'cron');
  if (!cron) {
    return;
  }
  checkStrictKeys(issues, cron, 'cron', [...CRON_KEYS, 'webhookSsrfPolicy']);
  validateCronSsrfPolicy(issues, cron, version);
  checkBoolean(issues, cron, 'enabled', 'cron.enabled');
  checkString(issues, cron, 'store', 'cron.store');
  checkString(issues, cron, 'webhookToken', 'cron.webhookToken', true);

  const maxRuns = cron.maxConcurrentRuns;
  if (maxRuns !== undefined && (typeof maxRuns !== 'number' || !Number.isInteger(maxRuns) || maxRuns <= 0)) {
    issues.add(
      'cron.maxConcurrentRuns',
      describeValue(maxRuns),
      'an integer greater than 0',
      'set the number of cron runs allowed at once (1 is the default)',
    );
  }

  const webhook = cron.webhook;
  if (webhook !== undefined) {
    if (typeof webhook !== 'string') {
      checkString(issues, cron, 'webhook', 'cron.webhook');
    } else if (!containsEnvPlaceholder(webhook)) {
      let protocol: string | undefined;
      try {
        protocol = new URL(webhook).protocol;
      } catch {
        protocol = undefined;
      }
      if (protocol !== 'http:' && protocol !== 'https:') {
        issues.add(
          'cron.webhook',
          describeValue(webhook),
          'an absolute http:// or https:// url',
          'openclaw rejects the config ("expected http:// or https:// url"); fix ' +
            'the url, or better remove this deprecated fallback and use ' +
            'delivery.mode "webhook" with delivery.to per job',
        );
      }
    }
  }

  const retention = cron.sessionRetention;
  if (retention !== undefined && retention !== false) {
    if (typeof retention !== 'string') {
      issues.add(
        'cron.sessionRetention',
        describeValue(retention),
        'a duration string such as "7d" or false',
        'write the retention as a string with a unit (ms, s, m, h, d), or false to keep cron run sessions forever',
      );
    } else if (parseDurationMs(retention, { defaultUnit: 'h' }) === undefined) {
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
}

function validateGateway(issues: Issues, doc: JsonObject, version: OpenClawVersion): void {
  const gateway = objectAt(issues, doc, 'gateway', 'gateway');
  if (gateway) {
    checkStrictKeys(issues, gateway, 'gateway', GATEWAY_KEYS);
    const mode = gateway.mode;
    if (mode !== undefined && (typeof mode !== 'string' || !GATEWAY_MODES.includes(mode))) {
      issues.add(
        'gateway.mode',
        describeValue(mode),
        `one of ${list(GATEWAY_MODES)}`,
        'use "local" for a gateway that serves this pod',
      );
    }
    const bind = gateway.bind;
    if (bind !== undefined && (typeof bind !== 'string' || !GATEWAY_BINDS.includes(bind))) {
      issues.add('gateway.bind', describeValue(bind), `one of ${list(GATEWAY_BINDS)}`, 'use "lan" inside a container');
    }
    const port = gateway.port;
    if (port !== undefined && (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)) {
      const fix =
        typeof port === 'number' && Number.isInteger(port) && port > 65535
          ? 'openclaw accepts any positive integer, but the gateway cannot listen on it and fails at startup ' +
            '(ERR_SOCKET_BAD_PORT); use the default 18789 unless something else needs it'
          : 'use the default 18789 unless something else needs it';
      issues.add('gateway.port', describeValue(port), 'an integer from 1 to 65535', fix);
    }
    const controlUi = objectAt(issues, gateway, 'controlUi', 'gateway.controlUi');
    if (controlUi?.allowInsecureAuth !== undefined && gateOpen('control-ui-insecure-auth-retired', version)) {
      issues.add(
        'gateway.controlUi.allowInsecureAuth',
        describeValue(controlUi.allowInsecureAuth),
        `no such key on openclaw ${version}`,
        `openclaw ${version} retired it ${gateRef('control-ui-insecure-auth-retired')} and rejects the whole config ` +
          '("Unrecognized key"), so remove it; list a public Control UI origin in gateway.controlUi.allowedOrigins',
      );
    }
  }
  const auth = gateway ? objectAt(issues, gateway, 'auth', 'gateway.auth') : undefined;
  const token = auth?.token;
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
  const hooks = objectAt(issues, doc, 'hooks', 'hooks');
  if (!hooks) {
    return;
  }
  checkStrictKeys(issues, hooks, 'hooks', HOOKS_KEYS);
  checkBoolean(issues, hooks, 'enabled', 'hooks.enabled');
  checkString(issues, hooks, 'token', 'hooks.token', true);
  checkString(issues, hooks, 'defaultSessionKey', 'hooks.defaultSessionKey');
  checkString(issues, hooks, 'transformsDir', 'hooks.transformsDir');
  checkBoolean(issues, hooks, 'allowRequestSessionKey', 'hooks.allowRequestSessionKey');
  for (const key of ['allowedSessionKeyPrefixes', 'allowedAgentIds', 'presets']) {
    checkStringArray(issues, hooks, key, `hooks.${key}`);
  }
  if (hooks.enabled === true && !isNonEmpty(hooks.token)) {
    issues.add(
      'hooks.token',
      describeSecret(hooks.token),
      'a non-empty token when hooks.enabled is true',
      'openclaw refuses to start with "hooks.enabled requires hooks.token", so ' +
        'set hooks.token to a ${VAR} reference backed by its own secret',
    );
  }
  const hookPath = hooks.path;
  if (hookPath !== undefined) {
    if (typeof hookPath !== 'string') {
      checkString(issues, hooks, 'path', 'hooks.path');
    } else if (hookPath.trim().replace(/\/+$/, '') === '') {
      issues.add(
        'hooks.path',
        describeValue(hookPath),
        'a sub-path such as "/hooks"',
        'the schema accepts it, but the gateway refuses to start ("hooks.path may not be \'/\'"), so use "/hooks" ' +
          '(the default) or remove the key',
      );
    }
  }
  const maxBody = hooks.maxBodyBytes;
  if (maxBody !== undefined && (typeof maxBody !== 'number' || !Number.isInteger(maxBody) || maxBody <= 0)) {
    issues.add(
      'hooks.maxBodyBytes',
      describeValue(maxBody),
      'an integer greater than 0',
      'remove it for the default 262144 bytes or set a positive byte count',
    );
  }
  const gatewayToken = isJsonObject(doc.gateway) && isJsonObject(doc.gateway.auth) ? doc.gateway.auth.token : undefined;
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
  const channels = objectAt(issues, doc, 'channels', 'channels');
  if (!channels) {
    return;
  }
  validateDiscordDm(issues, channels, version);
  for (const channelId of Object.keys(channels).sort()) {
    if (NON_CHANNEL_KEYS.includes(channelId)) {
      continue;
    }
    const path = `channels.${channelId}`;
    const channel = objectAt(issues, channels, channelId, path);
    if (!channel) {
      continue;
    }
    checkBoolean(issues, channel, 'enabled', `${path}.enabled`);
    if (channel.enabled === false) {
      continue;
    }
    if (!known.includes(channelId)) {
      issues.add(
        path,
        `the channel "${channelId}"`,
        `a channel whose plugin is known (${list(known)})`,
        'fix the channel id, or pass its plugin id in knownPluginIds if that channel plugin is installed',
      );
      continue;
    }
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
  if (!isJsonObject(doc)) {
    return [
      `openclaw.json: received ${describeValue(doc)}, expected a json object at the ` +
        `top level; write the config as an object with sections such as gateway, ` +
        `plugins and channels`,
    ];
  }
  const known = [...new Set([...BUNDLED_PLUGIN_IDS, ...(options.knownPluginIds ?? [])])].sort();
  const issues = new Issues();
  validateTopLevelKeys(issues, doc);
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
 * A release without a committed schema is checked by the project's rules alone.
 */
function withReleaseSchema(doc: JsonObject, version: OpenClawVersion, own: readonly string[]): string[] {
  const release = loadReleaseSchemaValidator(version.toString());
  if (!release) {
    return [...own];
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
