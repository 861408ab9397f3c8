import { METRICS, OtlpInstrument, OtlpMetricType } from '../../../lib/telemetry/metric-catalog';
import {
  createMetricNamer,
  prometheusLabelName,
  prometheusMetricName,
  prometheusSeriesNames,
  resourceLabels,
  TranslationStrategy,
  unitSuffixes,
} from '../../../lib/telemetry/otlp-prometheus-naming';

const instrument = (name: string, unit: string, type: OtlpMetricType): OtlpInstrument => ({ name, unit, type });

describe('prometheusMetricName, UnderscoreEscapingWithSuffixes (docs/FACTS.md (Tooling) worked examples)', () => {
  const cases: ReadonlyArray<[string, string, OtlpMetricType, string]> = [
    ['http.server.request.duration', 's', 'histogram', 'http_server_request_duration_seconds'],
    ['http.server.duration', 'ms', 'histogram', 'http_server_duration_milliseconds'],
    ['app.jobs.processed', '{job}', 'monotonicCounter', 'app_jobs_processed_total'],
    ['app.requests.total', '1', 'monotonicCounter', 'app_requests_total'],
    ['db.latency', 'ms', 'monotonicCounter', 'db_latency_milliseconds_total'],
    ['system.cpu.utilization', '1', 'gauge', 'system_cpu_utilization_ratio'],
    ['cache.hit.ratio', '1', 'gauge', 'cache_hit_ratio'],
    ['process.memory.usage', 'By', 'nonMonotonicCounter', 'process_memory_usage_bytes'],
    ['network.io', 'By/s', 'gauge', 'network_io_bytes_per_second'],
    ['http.server.active_requests', '{request}', 'nonMonotonicCounter', 'http_server_active_requests'],
    ['requests.count', '1', 'nonMonotonicCounter', 'requests_count'],
    ['request.duration_seconds', 's', 'histogram', 'request_duration_seconds'],
    ['2xx.responses', '1', 'monotonicCounter', '_2xx_responses_total'],
    ['queue.items', 'custom.unit', 'gauge', 'queue_items_custom_unit'],
    // a unit word is skipped only when it is a whole token of the name, never a prefix of one
    ['queue.bytesize', 'By', 'gauge', 'queue_bytesize_bytes'],
    ['job.secondsleft', 's', 'gauge', 'job_secondsleft_seconds'],
  ];
  it.each(cases)('%s / %s / %s → %s', (name, unit, type, expected) => {
    expect(prometheusMetricName(instrument(name, unit, type), 'UnderscoreEscapingWithSuffixes')).toBe(expected);
  });
});

describe('every OpenClaw metric under every strategy', () => {
  const table: ReadonlyArray<[keyof typeof METRICS, string, string, string, string]> = [
    // id, UnderscoreEscapingWithSuffixes, NoUTF8EscapingWithSuffixes, UnderscoreEscapingWithoutSuffixes, NoTranslation
    ['tokens', 'openclaw_tokens_total', 'openclaw.tokens_total', 'openclaw_tokens', 'openclaw.tokens'],
    ['costUsd', 'openclaw_cost_usd_total', 'openclaw.cost.usd_total', 'openclaw_cost_usd', 'openclaw.cost.usd'],
    [
      'runDuration',
      'openclaw_run_duration_ms_milliseconds',
      'openclaw.run.duration_ms_milliseconds',
      'openclaw_run_duration_ms',
      'openclaw.run.duration_ms',
    ],
    [
      'contextTokens',
      'openclaw_context_tokens',
      'openclaw.context.tokens',
      'openclaw_context_tokens',
      'openclaw.context.tokens',
    ],
    [
      'webhookReceived',
      'openclaw_webhook_received_total',
      'openclaw.webhook.received_total',
      'openclaw_webhook_received',
      'openclaw.webhook.received',
    ],
    [
      'webhookError',
      'openclaw_webhook_error_total',
      'openclaw.webhook.error_total',
      'openclaw_webhook_error',
      'openclaw.webhook.error',
    ],
    [
      'webhookDuration',
      'openclaw_webhook_duration_ms_milliseconds',
      'openclaw.webhook.duration_ms_milliseconds',
      'openclaw_webhook_duration_ms',
      'openclaw.webhook.duration_ms',
    ],
    [
      'messageQueued',
      'openclaw_message_queued_total',
      'openclaw.message.queued_total',
      'openclaw_message_queued',
      'openclaw.message.queued',
    ],
    [
      'messageProcessed',
      'openclaw_message_processed_total',
      'openclaw.message.processed_total',
      'openclaw_message_processed',
      'openclaw.message.processed',
    ],
    [
      'messageDuration',
      'openclaw_message_duration_ms_milliseconds',
      'openclaw.message.duration_ms_milliseconds',
      'openclaw_message_duration_ms',
      'openclaw.message.duration_ms',
    ],
    ['queueDepth', 'openclaw_queue_depth', 'openclaw.queue.depth', 'openclaw_queue_depth', 'openclaw.queue.depth'],
    [
      'queueWait',
      'openclaw_queue_wait_ms_milliseconds',
      'openclaw.queue.wait_ms_milliseconds',
      'openclaw_queue_wait_ms',
      'openclaw.queue.wait_ms',
    ],
    [
      'queueLaneEnqueue',
      'openclaw_queue_lane_enqueue_total',
      'openclaw.queue.lane.enqueue_total',
      'openclaw_queue_lane_enqueue',
      'openclaw.queue.lane.enqueue',
    ],
    [
      'queueLaneDequeue',
      'openclaw_queue_lane_dequeue_total',
      'openclaw.queue.lane.dequeue_total',
      'openclaw_queue_lane_dequeue',
      'openclaw.queue.lane.dequeue',
    ],
    [
      'sessionState',
      'openclaw_session_state_total',
      'openclaw.session.state_total',
      'openclaw_session_state',
      'openclaw.session.state',
    ],
    [
      'sessionStuck',
      'openclaw_session_stuck_total',
      'openclaw.session.stuck_total',
      'openclaw_session_stuck',
      'openclaw.session.stuck',
    ],
    [
      'sessionStuckAge',
      'openclaw_session_stuck_age_ms_milliseconds',
      'openclaw.session.stuck_age_ms_milliseconds',
      'openclaw_session_stuck_age_ms',
      'openclaw.session.stuck_age_ms',
    ],
    [
      'runAttempt',
      'openclaw_run_attempt_total',
      'openclaw.run.attempt_total',
      'openclaw_run_attempt',
      'openclaw.run.attempt',
    ],
  ];
  const strategies: readonly TranslationStrategy[] = [
    'UnderscoreEscapingWithSuffixes',
    'NoUTF8EscapingWithSuffixes',
    'UnderscoreEscapingWithoutSuffixes',
    'NoTranslation',
  ];

  it('covers every catalog metric', () => {
    expect(table.map(([id]) => id).sort()).toEqual(Object.keys(METRICS).sort());
  });

  it.each(table)('%s', (id, ...expected) => {
    strategies.forEach((strategy, index) => {
      expect(prometheusMetricName(METRICS[id], strategy), strategy).toBe(expected[index]);
    });
  });

  it('adds the unit word to duration_ms because the token "ms" is not the word "milliseconds"', () => {
    expect(prometheusSeriesNames(METRICS.runDuration, 'UnderscoreEscapingWithSuffixes').all).toEqual([
      'openclaw_run_duration_ms_milliseconds_bucket',
      'openclaw_run_duration_ms_milliseconds_count',
      'openclaw_run_duration_ms_milliseconds_sum',
    ]);
  });

  it('does not add _ratio to a counter or histogram with unit 1', () => {
    expect(prometheusMetricName(METRICS.contextTokens, 'UnderscoreEscapingWithSuffixes')).not.toContain('ratio');
    expect(prometheusMetricName(METRICS.tokens, 'NoUTF8EscapingWithSuffixes')).not.toContain('ratio');
  });
});

describe('NoUTF8EscapingWithSuffixes', () => {
  it('skips a suffix only when the name already ends with it', () => {
    expect(
      prometheusMetricName(instrument('http.server.request.duration', 's', 'histogram'), 'NoUTF8EscapingWithSuffixes'),
    ).toBe('http.server.request.duration_seconds');
    expect(prometheusMetricName(instrument('req.seconds', 's', 'histogram'), 'NoUTF8EscapingWithSuffixes')).toBe(
      'req.seconds',
    );
    expect(
      prometheusMetricName(instrument('app.requests.total', '1', 'monotonicCounter'), 'NoUTF8EscapingWithSuffixes'),
    ).toBe('app.requests_total');
    expect(prometheusMetricName(instrument('network.io', 'By/s', 'gauge'), 'NoUTF8EscapingWithSuffixes')).toBe(
      'network.io_bytes_per_second',
    );
    expect(prometheusMetricName(instrument('cpu.utilization', '1', 'gauge'), 'NoUTF8EscapingWithSuffixes')).toBe(
      'cpu.utilization_ratio',
    );
  });
});

describe('unitSuffixes', () => {
  it('maps main and per units and ignores {annotations}', () => {
    expect(unitSuffixes('ms')).toEqual({ main: 'milliseconds', per: '' });
    expect(unitSuffixes('1')).toEqual({ main: '', per: '' });
    expect(unitSuffixes('{request}')).toEqual({ main: '', per: '' });
    expect(unitSuffixes('By/s')).toEqual({ main: 'bytes', per: 'per_second' });
    expect(unitSuffixes('{packet}/s')).toEqual({ main: '', per: 'per_second' });
  });
});

describe('prometheusLabelName', () => {
  it('escapes attribute keys under the escaping strategies', () => {
    expect(prometheusLabelName('openclaw.token', 'UnderscoreEscapingWithSuffixes')).toBe('openclaw_token');
    expect(prometheusLabelName('k8s.pod.name', 'UnderscoreEscapingWithoutSuffixes')).toBe('k8s_pod_name');
    expect(prometheusLabelName('0abc', 'UnderscoreEscapingWithSuffixes')).toBe('key_0abc');
    expect(prometheusLabelName('_private', 'UnderscoreEscapingWithSuffixes')).toBe('key_private');
    expect(prometheusLabelName('__reserved__', 'UnderscoreEscapingWithSuffixes')).toBe('__reserved__');
  });

  it('keeps attribute keys unchanged under the UTF-8 strategies', () => {
    expect(prometheusLabelName('openclaw.token', 'NoUTF8EscapingWithSuffixes')).toBe('openclaw.token');
    expect(prometheusLabelName('openclaw.token', 'NoTranslation')).toBe('openclaw.token');
  });
});

describe('resourceLabels', () => {
  it('maps service.name to job and other attributes to target_info', () => {
    const labels = resourceLabels(
      { 'service.name': 'openclaw', 'host.name': 'pod-1' },
      'UnderscoreEscapingWithSuffixes',
    );
    expect(labels).toEqual({ job: 'openclaw', promoted: {}, targetInfo: { host_name: 'pod-1', job: 'openclaw' } });
  });

  it('uses service.namespace/service.name as job and service.instance.id as instance', () => {
    const labels = resourceLabels(
      {
        'service.name': 'openclaw',
        'service.namespace': 'openclaw',
        'service.instance.id': 'abc',
        'k8s.pod.name': 'p',
      },
      'UnderscoreEscapingWithSuffixes',
      { promoteResourceAttributes: ['k8s.pod.name'], keepIdentifyingResourceAttributes: true },
    );
    expect(labels.job).toBe('openclaw/openclaw');
    expect(labels.instance).toBe('abc');
    expect(labels.promoted).toEqual({ k8s_pod_name: 'p' });
    expect(labels.targetInfo).toEqual({
      instance: 'abc',
      job: 'openclaw/openclaw',
      k8s_pod_name: 'p',
      service_instance_id: 'abc',
      service_name: 'openclaw',
      service_namespace: 'openclaw',
    });
  });

  it('emits no target_info when only identifying attributes exist', () => {
    expect(resourceLabels({ 'service.name': 'openclaw' }, 'UnderscoreEscapingWithSuffixes').targetInfo).toBeUndefined();
  });
});

describe('createMetricNamer', () => {
  const namer = createMetricNamer('UnderscoreEscapingWithSuffixes');

  it('gives series names by histogram part', () => {
    expect(namer.seriesName(METRICS.runDuration, 'bucket')).toBe('openclaw_run_duration_ms_milliseconds_bucket');
    expect(namer.seriesName(METRICS.tokens)).toBe('openclaw_tokens_total');
    expect(namer.labelName('openclaw.token')).toBe('openclaw_token');
  });

  it('fails without a part for a histogram', () => {
    expect(() => namer.seriesName(METRICS.runDuration)).toThrow(/expected "bucket", "sum" or "count"/);
  });

  it('fails with a part for a counter', () => {
    expect(() => namer.seriesName(METRICS.tokens, 'bucket')).toThrow(/only histograms have/);
  });

  it('fails for an unknown strategy', () => {
    expect(() => createMetricNamer('Legacy' as TranslationStrategy)).toThrow(
      /expected one of UnderscoreEscapingWithSuffixes/,
    );
  });
});
