/**
 * The `openclaw.json` the real gateway boots with in tests: the synthesized document with every
 * endpoint moved to loopback, and dummy values for every `${VAR}` it references. Nothing else
 * changes, so the gateway validates and runs the config lolice gets.
 */
import { findEnvPlaceholders } from '../../../lib/openclaw/env-placeholders';

/** A JSON object whose members tests may change. */
export type MutableJson = { [key: string]: unknown };

/** Where the loopback fakes listen. */
export interface LoopbackEndpoints {
  /** The gateway's own port. */
  readonly gatewayPort: number;
  /** Origin of the OTLP receiver, `http://127.0.0.1:<port>`. */
  readonly otlpOrigin: string;
  /** Origin of the OpenAI-compatible fake model. */
  readonly modelOrigin: string;
}

/** What the test config changes, for assertions and messages. */
export interface BootConfig {
  /** The document to write to `OPENCLAW_CONFIG_PATH`. */
  readonly document: MutableJson;
  /** `<provider>/<model id>` every agent run uses (primary, no fallbacks). */
  readonly model: { readonly provider: string; readonly id: string; readonly ref: string };
  /** Per-token USD prices set on {@link model} only (the other models stay without cost). */
  readonly cost: {
    readonly input: number;
    readonly output: number;
    readonly cacheRead: number;
    readonly cacheWrite: number;
  };
}

/** The cost set on the one costed model (USD per million tokens, as OpenClaw's `cost` reads). */
export const TEST_MODEL_COST = { input: 0.3, output: 2.5, cacheRead: 0.075, cacheWrite: 0 } as const;

function objectAt(document: MutableJson, path: readonly string[]): MutableJson {
  let current: MutableJson = document;
  for (const key of path) {
    const next = current[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      throw new Error(
        `boot config: the synthesized openclaw.json has no object at ${path.join('.')}; the test config follows the generated document, update gateway-config.ts`,
      );
    }
    current = next as MutableJson;
  }
  return current;
}

/**
 * The boot config: `document` (the synthesized openclaw.json) with
 * - `gateway.bind` loopback on `gatewayPort`;
 * - `diagnostics.otel.endpoint` on the OTLP fake (same path as in lolice, so the exporter appends
 *   `/v1/metrics` the same way) and a 1 s export interval;
 * - the first OpenAI-compatible provider on the fake model, its first model made the primary (no
 *   fallbacks, also for the agent heartbeat) and the only one with `cost`;
 * - `logging.file` under `logDir` (OpenClaw's default is the shared `/tmp/openclaw`), named like
 *   the default rolling file so the run-log shipper follows it.
 */
export function bootConfig(
  document: unknown,
  endpoints: LoopbackEndpoints,
  logDir: string,
  now = new Date(),
): BootConfig {
  const doc = structuredClone(document) as MutableJson;
  const gateway = objectAt(doc, ['gateway']);
  gateway.bind = 'loopback';
  gateway.port = endpoints.gatewayPort;
  const otel = objectAt(doc, ['diagnostics', 'otel']);
  const endpoint = new URL(String(otel.endpoint));
  otel.endpoint = `${endpoints.otlpOrigin}${endpoint.pathname.replace(/\/$/, '')}`;
  otel.flushIntervalMs = 1000;
  const providers = objectAt(doc, ['models', 'providers']);
  const providerName = Object.keys(providers).find((name) => objectAt(providers, [name]).api === 'openai-completions');
  if (providerName === undefined) {
    throw new Error(
      'boot config: the synthesized openclaw.json has no openai-completions provider; the fake model speaks only that api',
    );
  }
  const provider = objectAt(providers, [providerName]);
  provider.baseUrl = `${endpoints.modelOrigin}/v1`;
  const models = provider.models as MutableJson[];
  const first = models[0];
  if (first === undefined) throw new Error(`boot config: provider ${providerName} lists no models`);
  first.cost = { ...TEST_MODEL_COST };
  const ref = `${providerName}/${String(first.id)}`;
  const defaults = objectAt(doc, ['agents', 'defaults']);
  defaults.model = { primary: ref, fallbacks: [] };
  if (defaults.heartbeat !== undefined) objectAt(defaults, ['heartbeat']).model = ref;
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  doc.logging = { ...((doc.logging as MutableJson | undefined) ?? {}), file: `${logDir}/openclaw-${day}.log` };
  return { document: doc, model: { provider: providerName, id: String(first.id), ref }, cost: TEST_MODEL_COST };
}

/**
 * A dummy value for every `${VAR}` the document references, derived from the document (nothing
 * listed by hand). Values are obvious fakes; a token under `channels.telegram` gets Telegram's
 * `<bot id>:<secret>` shape so the channel gets as far as its (refused) connect.
 */
export function dummyEnv(document: unknown): Record<string, string> {
  const env: Record<string, string> = {};
  for (const placeholder of findEnvPlaceholders(document)) {
    const fake = `fake-${placeholder.name.toLowerCase().replace(/_/g, '-')}`;
    env[placeholder.name] = placeholder.path.startsWith('channels.telegram.') ? `123456:${fake}` : fake;
  }
  return Object.fromEntries(Object.entries(env).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
