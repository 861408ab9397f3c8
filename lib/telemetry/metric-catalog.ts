/**
 * The OpenClaw metric catalog: every instrument the `diagnostics-otel` extension creates
 * (OpenClaw v2026.2.17 – v2026.2.19, `extensions/diagnostics-otel/src/service.ts`), as data.
 *
 * Nothing else in the project types a metric or attribute name by hand: queries, rules, dashboards
 * and tests go through {@link METRICS}, {@link ATTR} and the namer in `otlp-prometheus-naming.ts`.
 * Source: docs/FACTS.md (OpenClaw).
 */
import { compareText } from '../core/compare-text';

/** The kind of data point an OTLP metric carries, as Prometheus's OTLP translator distinguishes them. */
export type OtlpMetricType =
  'monotonicCounter' | 'nonMonotonicCounter' | 'gauge' | 'histogram' | 'exponentialHistogram' | 'summary';

/** The minimum a metric needs for name translation: OTLP name, unit string and data point type. */
export interface OtlpInstrument {
  /** OTLP metric name, e.g. `openclaw.tokens`. */
  readonly name: string;
  /** Unit string exactly as the instrument sets it (UCUM), e.g. `ms` or `1`. */
  readonly unit: string;
  /** Data point type the SDK exports for this instrument. */
  readonly type: OtlpMetricType;
}

/** The OpenTelemetry API call OpenClaw uses to create the instrument. */
export type OpenClawInstrumentKind = 'Counter' | 'Histogram';

/**
 * A condition under which OpenClaw records a metric. `verify` explains a missing metric with the
 * texts of its conditions.
 */
export type RecordingCondition =
  | 'diagnosticsEnabled'
  | 'inboundMessageReply'
  | 'modelCostConfig'
  | 'nonZeroDuration'
  | 'telegramWebhookMode'
  | 'messageDispatch'
  | 'commandQueue'
  | 'heartbeat'
  | 'stuckSession'
  | 'neverCalled';

/** Human-readable explanation of each {@link RecordingCondition}. */
export const RECORDING_CONDITIONS: Readonly<Record<RecordingCondition, string>> = {
  diagnosticsEnabled:
    'needs diagnostics.enabled=true and diagnostics.otel.enabled=true in ' +
    'openclaw.json (and the diagnostics-otel plugin loaded)',
  inboundMessageReply:
    'recorded only from the inbound-message reply pipeline (model.usage ' +
    'event) with non-zero usage; cron isolated runs and `openclaw agent` CLI ' +
    'runs never record it',
  modelCostConfig:
    'recorded only when the model has per-model cost config (estimateUsageCost returns undefined without it)',
  nonZeroDuration: 'recorded only when the run reports a non-zero durationMs',
  telegramWebhookMode:
    'recorded only by the Telegram channel in webhook mode; /hooks/* and cron webhooks never record it',
  messageDispatch: 'recorded when an inbound message is dispatched (dispatch-from-config) or an embedded run is queued',
  commandQueue:
    'recorded when a command-queue lane (main, cron, subagent, nested, session:<key>) enqueues or dequeues work',
  heartbeat:
    'recorded by the diagnostic heartbeat (every 30 s), which starts only if ' +
    'diagnostics.enabled is true at gateway start',
  stuckSession: 'recorded only when a session stays in `processing` for more than 120 s (heartbeat check)',
  neverCalled: 'never recorded: logRunAttempt exists but nothing calls it in v2026.2.17–v2026.2.19',
};

/** Attribute keys OpenClaw puts on its metric data points. */
export const ATTR = {
  channel: 'openclaw.channel',
  provider: 'openclaw.provider',
  model: 'openclaw.model',
  token: 'openclaw.token',
  context: 'openclaw.context',
  webhook: 'openclaw.webhook',
  source: 'openclaw.source',
  outcome: 'openclaw.outcome',
  lane: 'openclaw.lane',
  state: 'openclaw.state',
  reason: 'openclaw.reason',
  attempt: 'openclaw.attempt',
} as const;

/** One of the attribute keys in {@link ATTR}. */
export type OpenClawAttributeKey = (typeof ATTR)[keyof typeof ATTR];

/** What is known about the values of one attribute. */
export interface OpenClawAttribute {
  /** Attribute key, e.g. `openclaw.token`. */
  readonly key: OpenClawAttributeKey;
  /** Values known from the source; empty when the value is open-ended (ids, model names). */
  readonly knownValues: readonly string[];
  /** Whether the value set is open-ended (ids, names) rather than the closed list in `knownValues`. */
  readonly openEnded: boolean;
  /** Whether the attribute can have many values (unsafe to group by without care). */
  readonly highCardinality: boolean;
  /** Notes on the values. */
  readonly note: string;
}

/** Known values per attribute key (docs/FACTS.md (OpenClaw)). */
export const ATTRIBUTES: Readonly<Record<OpenClawAttributeKey, OpenClawAttribute>> = {
  [ATTR.channel]: {
    key: ATTR.channel,
    knownValues: ['discord', 'heartbeat', 'telegram', 'unknown', 'webchat'],
    openEnded: true,
    highCardinality: false,
    note:
      'originating channel id in lower case ("webchat" for the gateway chat, e.g. chat.send), or "unknown"; ' +
      'the literal "heartbeat" only on the heartbeat queue-depth sample',
  },
  [ATTR.provider]: {
    key: ATTR.provider,
    knownValues: ['unknown'],
    openEnded: true,
    highCardinality: false,
    note: 'provider actually used, or "unknown"',
  },
  [ATTR.model]: {
    key: ATTR.model,
    knownValues: ['unknown'],
    openEnded: true,
    highCardinality: false,
    note: 'model actually used, or "unknown"',
  },
  [ATTR.token]: {
    key: ATTR.token,
    knownValues: ['input', 'output', 'cache_read', 'cache_write', 'prompt', 'total'],
    openEnded: false,
    highCardinality: false,
    note:
      'each type is added only when non-zero; prompt = ' +
      'input+cache_read+cache_write, total defaults to prompt+output (do not ' +
      'sum all types)',
  },
  [ATTR.context]: {
    key: ATTR.context,
    knownValues: ['limit', 'used'],
    openEnded: false,
    highCardinality: false,
    note: 'context window limit or used tokens',
  },
  [ATTR.webhook]: {
    key: ATTR.webhook,
    knownValues: ['telegram-post'],
    openEnded: false,
    highCardinality: false,
    note: 'the update type; only Telegram webhook mode emits it',
  },
  [ATTR.source]: {
    key: ATTR.source,
    knownValues: ['dispatch', 'pi-embedded-runner'],
    openEnded: false,
    highCardinality: false,
    note: 'where a message was queued',
  },
  [ATTR.outcome]: {
    key: ATTR.outcome,
    knownValues: ['completed', 'skipped', 'error'],
    openEnded: false,
    highCardinality: false,
    note: 'message processing outcome',
  },
  [ATTR.lane]: {
    key: ATTR.lane,
    knownValues: ['main', 'cron', 'subagent', 'nested'],
    openEnded: true,
    highCardinality: true,
    note: 'command-queue lane; per-session lanes "session:<sessionKey>" make this high-cardinality',
  },
  [ATTR.state]: {
    key: ATTR.state,
    knownValues: ['idle', 'processing', 'waiting'],
    openEnded: false,
    highCardinality: false,
    note: 'session state',
  },
  [ATTR.reason]: {
    key: ATTR.reason,
    knownValues: ['message_start', 'message_completed', 'run_started', 'run_replaced', 'run_completed'],
    openEnded: true,
    highCardinality: false,
    note: 'optional transition reason (also the dispatch idle reasons)',
  },
  [ATTR.attempt]: {
    key: ATTR.attempt,
    knownValues: [],
    openEnded: true,
    highCardinality: false,
    note: 'numeric attempt number (the metric is never recorded)',
  },
};

/** One OpenClaw metric instrument. Pass it to the namer and the PromQL helpers, never its name. */
export interface OpenClawMetric extends OtlpInstrument {
  /** Key of this metric in {@link METRICS}. */
  readonly id: OpenClawMetricId;
  /** The OpenTelemetry API call that creates it. */
  readonly instrument: OpenClawInstrumentKind;
  /** Whether the sum only goes up (all OpenClaw counters are monotonic). */
  readonly monotonic: boolean;
  /** Description string exactly as OpenClaw sets it. */
  readonly description: string;
  /** Attribute keys always recorded. */
  readonly attributes: readonly OpenClawAttributeKey[];
  /** Attribute keys recorded only on some data points. */
  readonly optionalAttributes: readonly OpenClawAttributeKey[];
  /** When OpenClaw records the metric, in words. */
  readonly recordedWhen: string;
  /** Conditions that must all hold for a data point to exist. */
  readonly conditions: readonly RecordingCondition[];
  /** Set when the metric is never recorded by the supported OpenClaw versions; the reason. */
  readonly neverRecorded?: string;
}

function counter(
  id: OpenClawMetricId,
  name: string,
  description: string,
  attributes: readonly OpenClawAttributeKey[],
  conditions: readonly RecordingCondition[],
  recordedWhen: string,
  extra: { optionalAttributes?: readonly OpenClawAttributeKey[]; neverRecorded?: string } = {},
): OpenClawMetric {
  return {
    id,
    name,
    unit: '1',
    type: 'monotonicCounter',
    instrument: 'Counter',
    monotonic: true,
    description,
    attributes,
    optionalAttributes: extra.optionalAttributes ?? [],
    recordedWhen,
    conditions: ['diagnosticsEnabled', ...conditions],
    ...(extra.neverRecorded === undefined ? {} : { neverRecorded: extra.neverRecorded }),
  };
}

function histogram(
  id: OpenClawMetricId,
  name: string,
  unit: 'ms' | '1',
  description: string,
  attributes: readonly OpenClawAttributeKey[],
  conditions: readonly RecordingCondition[],
  recordedWhen: string,
  optionalAttributes: readonly OpenClawAttributeKey[] = [],
): OpenClawMetric {
  return {
    id,
    name,
    unit,
    type: 'histogram',
    instrument: 'Histogram',
    monotonic: false,
    description,
    attributes,
    optionalAttributes,
    recordedWhen,
    conditions: ['diagnosticsEnabled', ...conditions],
  };
}

/** Catalog keys of the OpenClaw metrics. */
export type OpenClawMetricId =
  | 'tokens'
  | 'costUsd'
  | 'runDuration'
  | 'contextTokens'
  | 'webhookReceived'
  | 'webhookError'
  | 'webhookDuration'
  | 'messageQueued'
  | 'messageProcessed'
  | 'messageDuration'
  | 'queueDepth'
  | 'queueWait'
  | 'queueLaneEnqueue'
  | 'queueLaneDequeue'
  | 'sessionState'
  | 'sessionStuck'
  | 'sessionStuckAge'
  | 'runAttempt';

const USAGE_ATTRS = [ATTR.channel, ATTR.provider, ATTR.model] as const;
const INBOUND_ONLY = 'only from inbound-message replies (model.usage), never from cron runs';

/** Every instrument OpenClaw's diagnostics-otel extension creates (meter `openclaw`, no Views). */
export const METRICS: Readonly<Record<OpenClawMetricId, OpenClawMetric>> = {
  tokens: counter(
    'tokens',
    'openclaw.tokens',
    'Token usage by type',
    [...USAGE_ATTRS, ATTR.token],
    ['inboundMessageReply'],
    `${INBOUND_ONLY}; one data point per non-zero token type`,
  ),
  costUsd: counter(
    'costUsd',
    'openclaw.cost.usd',
    'Estimated model cost (USD)',
    USAGE_ATTRS,
    ['inboundMessageReply', 'modelCostConfig'],
    `${INBOUND_ONLY}; only when costUsd is truthy, which needs per-model cost config`,
  ),
  runDuration: histogram(
    'runDuration',
    'openclaw.run.duration_ms',
    'ms',
    'Agent run duration',
    USAGE_ATTRS,
    ['inboundMessageReply', 'nonZeroDuration'],
    `${INBOUND_ONLY}; only when durationMs is truthy`,
  ),
  contextTokens: histogram(
    'contextTokens',
    'openclaw.context.tokens',
    '1',
    'Context window size and usage',
    [...USAGE_ATTRS, ATTR.context],
    ['inboundMessageReply'],
    `${INBOUND_ONLY}; a histogram (not a gauge) of context limit and used tokens`,
  ),
  webhookReceived: counter(
    'webhookReceived',
    'openclaw.webhook.received',
    'Webhook requests received',
    [ATTR.channel, ATTR.webhook],
    ['telegramWebhookMode'],
    'only Telegram webhook mode (channel=telegram, webhook=telegram-post); never /hooks/* or cron webhooks',
  ),
  webhookError: counter(
    'webhookError',
    'openclaw.webhook.error',
    'Webhook processing errors',
    [ATTR.channel, ATTR.webhook],
    ['telegramWebhookMode'],
    'only Telegram webhook mode, when processing an update fails',
  ),
  webhookDuration: histogram(
    'webhookDuration',
    'openclaw.webhook.duration_ms',
    'ms',
    'Webhook processing duration',
    [ATTR.channel, ATTR.webhook],
    ['telegramWebhookMode'],
    'only Telegram webhook mode',
  ),
  messageQueued: counter(
    'messageQueued',
    'openclaw.message.queued',
    'Messages queued for processing',
    [ATTR.channel, ATTR.source],
    ['messageDispatch'],
    'when an inbound message is queued (source dispatch or pi-embedded-runner)',
  ),
  messageProcessed: counter(
    'messageProcessed',
    'openclaw.message.processed',
    'Messages processed by outcome',
    [ATTR.channel, ATTR.outcome],
    ['messageDispatch'],
    'when an inbound message finishes processing (completed, skipped or error)',
  ),
  messageDuration: histogram(
    'messageDuration',
    'openclaw.message.duration_ms',
    'ms',
    'Message processing duration',
    [ATTR.channel, ATTR.outcome],
    ['messageDispatch'],
    'when an inbound message finishes processing',
  ),
  queueDepth: histogram(
    'queueDepth',
    'openclaw.queue.depth',
    '1',
    'Queue depth on enqueue/dequeue',
    [],
    ['commandQueue'],
    'on lane enqueue/dequeue ({lane}), on message.queued ({channel, source}) ' +
      'and from the heartbeat ({channel="heartbeat"})',
    [ATTR.lane, ATTR.channel, ATTR.source],
  ),
  queueWait: histogram(
    'queueWait',
    'openclaw.queue.wait_ms',
    'ms',
    'Queue wait time before execution',
    [ATTR.lane],
    ['commandQueue'],
    'when a command-queue lane dequeues work',
  ),
  queueLaneEnqueue: counter(
    'queueLaneEnqueue',
    'openclaw.queue.lane.enqueue',
    'Command queue lane enqueue events',
    [ATTR.lane],
    ['commandQueue'],
    'on every command-queue lane enqueue',
  ),
  queueLaneDequeue: counter(
    'queueLaneDequeue',
    'openclaw.queue.lane.dequeue',
    'Command queue lane dequeue events',
    [ATTR.lane],
    ['commandQueue'],
    'on every command-queue lane dequeue',
  ),
  sessionState: counter(
    'sessionState',
    'openclaw.session.state',
    'Session state transitions',
    [ATTR.state],
    ['messageDispatch'],
    'on session state transitions (a counter of transitions, not a gauge of current state)',
    { optionalAttributes: [ATTR.reason] },
  ),
  sessionStuck: counter(
    'sessionStuck',
    'openclaw.session.stuck',
    'Sessions stuck in processing',
    [ATTR.state],
    ['heartbeat', 'stuckSession'],
    'from the heartbeat, when a session is in processing for more than 120 s',
  ),
  sessionStuckAge: histogram(
    'sessionStuckAge',
    'openclaw.session.stuck_age_ms',
    'ms',
    'Age of stuck sessions',
    [ATTR.state],
    ['heartbeat', 'stuckSession'],
    'from the heartbeat, for each stuck session',
  ),
  runAttempt: counter('runAttempt', 'openclaw.run.attempt', 'Run attempts', [ATTR.attempt], ['neverCalled'], 'never', {
    neverRecorded: RECORDING_CONDITIONS.neverCalled,
  }),
};

/** Every catalog metric, sorted by OTLP name. */
export const ALL_METRICS: readonly OpenClawMetric[] = Object.values(METRICS).sort((a, b) =>
  compareText(a.name, b.name),
);

/** Every catalog metric that the supported OpenClaw versions can record, sorted by OTLP name. */
export const RECORDABLE_METRICS: readonly OpenClawMetric[] = ALL_METRICS.filter(
  (metric) => metric.neverRecorded === undefined,
);

/** Every attribute key a metric can carry (always or sometimes). */
export function attributeKeysOf(metric: OpenClawMetric): readonly OpenClawAttributeKey[] {
  return [...metric.attributes, ...metric.optionalAttributes];
}

/** Every attribute key in the catalog, sorted. */
export const ALL_ATTRIBUTE_KEYS: readonly OpenClawAttributeKey[] = Object.values(ATTR).sort();

/** Looks up a catalog metric by OTLP name; throws when it is not in the catalog. */
export function metricByOtlpName(name: string): OpenClawMetric {
  const found = ALL_METRICS.find((metric) => metric.name === name);
  if (found === undefined) {
    throw new Error(
      `unknown openclaw metric ${JSON.stringify(name)}: expected one of ` +
        `${ALL_METRICS.map((m) => m.name).join(', ')}; use METRICS.<id> from ` +
        `lib/telemetry/metric-catalog.ts`,
    );
  }
  return found;
}

/** Resource attribute keys relevant to naming (OpenClaw itself sets only `service.name`). */
export const RESOURCE_ATTR = {
  serviceName: 'service.name',
  serviceNamespace: 'service.namespace',
  serviceInstanceId: 'service.instance.id',
} as const;

/** The `service.name` OpenClaw uses unless `diagnostics.otel.serviceName` or `OTEL_SERVICE_NAME` is set. */
export const DEFAULT_SERVICE_NAME = 'openclaw';

/**
 * Resource attributes besides `service.name` that OpenClaw's metric exports carry: what the
 * OpenTelemetry Node SDK's host and process detectors add (no `os.*`, no `telemetry.sdk.*`), as
 * the real 2026.2.19 gateway exported them in the real-gateway test. They only reach Prometheus as
 * labels of `target_info`.
 */
export const SDK_RESOURCE_ATTRIBUTES: readonly string[] = [
  'host.arch',
  'host.id',
  'host.name',
  'process.command',
  'process.command_args',
  'process.executable.name',
  'process.executable.path',
  'process.owner',
  'process.pid',
  'process.runtime.description',
  'process.runtime.name',
  'process.runtime.version',
];

/**
 * The explicit bucket bounds the OTel SDK uses for histograms without a View (OpenClaw sets none).
 * Durations above 10 000 ms all land in the `+Inf` bucket.
 */
export const OTEL_SDK_DEFAULT_HISTOGRAM_BOUNDS: readonly number[] = [
  0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000,
];
