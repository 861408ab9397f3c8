/**
 * Types for `openclaw.json` as a plain JSON document, in the layout authored for OpenClaw v2026.2.17 –
 * v2026.2.19; `render-config.ts` moves it to a later release's layout (`version-gates.ts`).
 *
 * Only the sections this project writes or checks are modelled precisely (`cron`, `diagnostics`,
 * `plugins`, `gateway`, `hooks`, plus the channel and model-provider fields we set). Every other
 * section, and every key we do not model inside a modelled object that OpenClaw accepts without a
 * strict schema, is typed as {@link JsonValue}.
 *
 * The section types are type aliases (not interfaces) so that they stay assignable to
 * {@link JsonObject}. Optional members may be `undefined`; `JSON.stringify` drops them.
 *
 * Validation the way OpenClaw applies it lives in `validate-config.ts`.
 */

import type { JsonObject, JsonValue } from '../core/json-value';

export { isJsonObject, type JsonObject, type JsonPrimitive, type JsonValue } from '../core/json-value';

/** `diagnostics.otel` (strict upstream: unknown keys are rejected). */
export type DiagnosticsOtelConfig = {
  /** Must be `true` for the diagnostics-otel plugin to export anything. @default false */
  readonly enabled?: boolean;
  /**
   * OTLP/HTTP base URL, e.g. `http://otel-collector.observability:4318`. OpenClaw appends
   * `/v1/metrics`, `/v1/traces`, `/v1/logs`; never configure a signal path here.
   * @default env OTEL_EXPORTER_OTLP_ENDPOINT, else the SDK default http://localhost:4318
   */
  readonly endpoint?: string;
  /**
   * Only `http/protobuf` exports anything; `grpc` passes the schema but disables the exporter.
   * @default "http/protobuf"
   */
  readonly protocol?: 'http/protobuf' | 'grpc';
  /** Headers sent with every OTLP request (values may use `${VAR}`). @default none */
  readonly headers?: { readonly [name: string]: string };
  /** OTel `service.name`. @default env OTEL_SERVICE_NAME, else "openclaw" */
  readonly serviceName?: string;
  /** @default true */
  readonly traces?: boolean;
  /** @default true */
  readonly metrics?: boolean;
  /** @default false */
  readonly logs?: boolean;
  /** Trace sampling ratio, 0..1. @default the SDK default sampler */
  readonly sampleRate?: number;
  /** Export interval in ms, integer ≥ 0; values below 1000 are clamped to 1000. @default 60000 (SDK) */
  readonly flushIntervalMs?: number;
};

/** `diagnostics.cacheTrace` (unrelated to OTel; modelled only so the key is known). */
export type DiagnosticsCacheTraceConfig = {
  readonly enabled?: boolean;
  readonly filePath?: string;
  readonly includeMessages?: boolean;
  readonly includePrompt?: boolean;
  readonly includeSystem?: boolean;
};

/** `diagnostics` (strict upstream). */
export type DiagnosticsConfig = {
  /** Must be `true` for any diagnostic event (and OTel export). @default false */
  readonly enabled?: boolean;
  /** @default none */
  readonly flags?: readonly string[];
  /** @default none */
  readonly otel?: DiagnosticsOtelConfig;
  /** @default none */
  readonly cacheTrace?: DiagnosticsCacheTraceConfig;
};

/** One `plugins.entries.<id>` object. */
export type PluginEntryConfig = {
  /**
   * Explicit enable state; bundled plugins other than device-pair/phone-control/talk-voice are off by default.
   * @default unset
   */
  readonly enabled?: boolean;
  /**
   * Plugin-specific configuration validated against the plugin's own schema (diagnostics-otel: must be empty).
   * @default none
   */
  readonly config?: JsonObject;
};

/** `plugins` (strict upstream). */
export type PluginsConfig = {
  /** `false` disables every plugin. @default true */
  readonly enabled?: boolean;
  /** When non-empty, every plugin not listed is disabled (channel plugins included). @default [] */
  readonly allow?: readonly string[];
  /** Listed plugins are disabled; deny wins over allow and entries. @default [] */
  readonly deny?: readonly string[];
  /** Extra plugin load paths. @default none */
  readonly load?: { readonly paths?: readonly string[] };
  /** Slot assignments (e.g. `memory`). @default none */
  readonly slots?: { readonly [slot: string]: string };
  /** Per-plugin settings keyed by plugin id. @default {} */
  readonly entries?: { readonly [pluginId: string]: PluginEntryConfig };
  /** Install records written by `openclaw plugins install`. @default none */
  readonly installs?: JsonObject;
};

/** `cron` (strict upstream). */
export type CronConfig = {
  /** @default true */
  readonly enabled?: boolean;
  /** Path of jobs.json (`~` expanded). @default "<stateDir>/cron/jobs.json" */
  readonly store?: string;
  /** Integer > 0: concurrency of the cron command lane. @default 1 */
  readonly maxConcurrentRuns?: number;
  /** Deprecated legacy webhook for `notify: true` jobs; must be an http(s) URL. @default none */
  readonly webhook?: string;
  /** Sent as `Authorization: Bearer <token>` with cron webhook POSTs. @default none */
  readonly webhookToken?: string;
  /**
   * Retention of `…:cron:<jobId>:run:<uuid>` sessions: a duration (`7d`, `36h`, `90m`; a bare number
   * means hours) or `false` to disable pruning. Unparsable strings silently become 24h upstream.
   * @default "24h"
   */
  readonly sessionRetention?: string | false;
  /**
   * Exceptions to the SSRF guard in front of cron webhook POSTs (strict upstream). Only from the
   * `cron-webhook-ssrf-policy` gate on (see `version-gates.ts`); older releases refuse the key.
   * @default none: every private, loopback, link-local and internal target is refused
   */
  readonly webhookSsrfPolicy?: CronWebhookSsrfPolicyConfig;
};

/** `cron.webhookSsrfPolicy`. */
export type CronWebhookSsrfPolicyConfig = {
  /** Exact hosts (or IPs) let through even when private or internal. @default [] */
  readonly allowedHostnames?: readonly string[];
  /** Hosts (and `*.` wildcards) always refused, before DNS and every allow rule. @default [] */
  readonly blockedHostnames?: readonly string[];
  /** Lets every private-network target through. @default false */
  readonly dangerouslyAllowPrivateNetwork?: boolean;
  readonly allowRfc2544BenchmarkRange?: boolean;
  readonly allowIpv6UniqueLocalRange?: boolean;
};

/** `gateway.auth`. */
export type GatewayAuthConfig = {
  /** @default "token" */
  readonly mode?: string;
  /**
   * Bearer token for gateway clients; set it explicitly (v2026.2.19 otherwise generates and may write one).
   * @default none
   */
  readonly token?: string;
  readonly password?: string;
  readonly [key: string]: JsonValue | undefined;
};

/** `gateway.controlUi`. */
export type GatewayControlUiConfig = {
  /** @default true */
  readonly enabled?: boolean;
  readonly basePath?: string;
  readonly [key: string]: JsonValue | undefined;
};

/** `gateway` (strict upstream). */
export type GatewayConfig = {
  /** @default "local" */
  readonly mode?: 'local' | 'remote';
  /** Use `lan` inside a container. @default "loopback" */
  readonly bind?: 'auto' | 'lan' | 'loopback' | 'custom' | 'tailnet';
  /** @default 18789 (env OPENCLAW_GATEWAY_PORT wins) */
  readonly port?: number;
  /** @default none */
  readonly auth?: GatewayAuthConfig;
  /** @default none */
  readonly controlUi?: GatewayControlUiConfig;
  readonly [key: string]: JsonValue | undefined;
};

/** `hooks` (strict upstream). */
export type HooksConfig = {
  /** `true` serves `POST <path>/wake` and `/agent`; then `token` is required. @default false */
  readonly enabled?: boolean;
  /** @default "/hooks" (may not be "/") */
  readonly path?: string;
  /** Must differ from `gateway.auth.token` from v2026.2.19 on. @default none */
  readonly token?: string;
  readonly defaultSessionKey?: string;
  readonly allowRequestSessionKey?: boolean;
  readonly allowedSessionKeyPrefixes?: readonly string[];
  readonly allowedAgentIds?: readonly string[];
  /** @default 262144 */
  readonly maxBodyBytes?: number;
  readonly presets?: readonly string[];
  readonly transformsDir?: string;
  readonly mappings?: readonly JsonValue[];
  readonly gmail?: JsonObject;
  readonly internal?: JsonObject;
};

/** `channels.discord` (only the fields we set are modelled). */
export type DiscordChannelConfig = {
  /** @default true when the section is present */
  readonly enabled?: boolean;
  /** Bot token, normally `${DISCORD_BOT_TOKEN}`. @default env DISCORD_BOT_TOKEN */
  readonly token?: string;
  readonly [key: string]: JsonValue | undefined;
};

/** `channels.telegram` (only the fields we set are modelled). */
export type TelegramChannelConfig = {
  /** @default true when the section is present */
  readonly enabled?: boolean;
  /** Bot token, normally `${TELEGRAM_BOT_TOKEN}`. @default none */
  readonly botToken?: string;
  readonly [key: string]: JsonValue | undefined;
};

/** `channels`: one object per channel id; the channel's plugin must be enabled. */
export type ChannelsConfig = {
  readonly discord?: DiscordChannelConfig;
  readonly telegram?: TelegramChannelConfig;
  readonly [channelId: string]: JsonValue | undefined;
};

/** `models.providers.<id>` (only the fields we set are modelled). */
export type ModelProviderConfig = {
  readonly baseUrl?: string;
  /** Usually a `${VAR}` reference. */
  readonly apiKey?: string;
  readonly api?: string;
  readonly models?: readonly JsonValue[];
  readonly [key: string]: JsonValue | undefined;
};

/** `models`. */
export type ModelsConfig = {
  readonly mode?: string;
  readonly providers?: { readonly [providerId: string]: ModelProviderConfig };
  readonly [key: string]: JsonValue | undefined;
};

/** `env`: copied into the process environment (without overriding) before `${VAR}` substitution. */
export type EnvConfig = {
  readonly vars?: { readonly [name: string]: string };
  readonly shellEnv?: JsonObject;
  readonly [key: string]: JsonValue | undefined;
};

/** The whole `openclaw.json` document. */
export type OpenClawConfigDocument = {
  readonly models?: ModelsConfig;
  readonly tools?: JsonObject;
  readonly agents?: JsonObject;
  readonly plugins?: PluginsConfig;
  readonly channels?: ChannelsConfig;
  readonly diagnostics?: DiagnosticsConfig;
  readonly gateway?: GatewayConfig;
  readonly cron?: CronConfig;
  readonly hooks?: HooksConfig;
  readonly env?: EnvConfig;
  readonly [section: string]: JsonValue | undefined;
};
