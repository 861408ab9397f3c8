import {
  ALL_METRICS,
  ATTR,
  ATTRIBUTES,
  attributeKeysOf,
  METRICS,
  metricByOtlpName,
  OTEL_SDK_DEFAULT_HISTOGRAM_BOUNDS,
  RECORDABLE_METRICS,
  RECORDING_CONDITIONS,
} from '../../../lib/telemetry/metric-catalog';

describe('metric catalog', () => {
  it('holds the 18 instruments of diagnostics-otel with exact names, units and types', () => {
    const rows = ALL_METRICS.map((m) => `${m.name} ${m.instrument} ${m.unit}`);
    expect(rows).toEqual([
      'openclaw.context.tokens Histogram 1',
      'openclaw.cost.usd Counter 1',
      'openclaw.message.duration_ms Histogram ms',
      'openclaw.message.processed Counter 1',
      'openclaw.message.queued Counter 1',
      'openclaw.queue.depth Histogram 1',
      'openclaw.queue.lane.dequeue Counter 1',
      'openclaw.queue.lane.enqueue Counter 1',
      'openclaw.queue.wait_ms Histogram ms',
      'openclaw.run.attempt Counter 1',
      'openclaw.run.duration_ms Histogram ms',
      'openclaw.session.state Counter 1',
      'openclaw.session.stuck Counter 1',
      'openclaw.session.stuck_age_ms Histogram ms',
      'openclaw.tokens Counter 1',
      'openclaw.webhook.duration_ms Histogram ms',
      'openclaw.webhook.error Counter 1',
      'openclaw.webhook.received Counter 1',
    ]);
  });

  it('keys every metric by its id and types counters as monotonic sums', () => {
    for (const [id, metric] of Object.entries(METRICS)) {
      expect(metric.id).toBe(id);
      expect(metric.type).toBe(metric.instrument === 'Counter' ? 'monotonicCounter' : 'histogram');
      expect(metric.monotonic).toBe(metric.instrument === 'Counter');
    }
  });

  it('keeps the exact descriptions (cost unit is "1", not USD)', () => {
    expect(METRICS.costUsd).toMatchObject({ unit: '1', description: 'Estimated model cost (USD)' });
    expect(METRICS.tokens.description).toBe('Token usage by type');
    expect(METRICS.runDuration.description).toBe('Agent run duration');
  });

  it('records attribute keys per metric', () => {
    expect(METRICS.tokens.attributes).toEqual([ATTR.channel, ATTR.provider, ATTR.model, ATTR.token]);
    expect(METRICS.contextTokens.attributes).toContain(ATTR.context);
    expect(attributeKeysOf(METRICS.sessionState)).toEqual([ATTR.state, ATTR.reason]);
    expect([...attributeKeysOf(METRICS.queueDepth)].sort()).toEqual([ATTR.channel, ATTR.lane, ATTR.source].sort());
  });

  it('marks run.attempt as never recorded and leaves it out of the recordable list', () => {
    expect(METRICS.runAttempt.neverRecorded).toBe(RECORDING_CONDITIONS.neverCalled);
    expect(RECORDABLE_METRICS).not.toContain(METRICS.runAttempt);
    expect(RECORDABLE_METRICS).toHaveLength(17);
  });

  it('records that usage metrics come only from inbound-message replies, never cron', () => {
    for (const metric of [METRICS.tokens, METRICS.costUsd, METRICS.runDuration, METRICS.contextTokens]) {
      expect(metric.conditions).toContain('inboundMessageReply');
      expect(metric.recordedWhen).toContain('never from cron runs');
    }
    expect(METRICS.costUsd.conditions).toContain('modelCostConfig');
    expect(METRICS.webhookReceived.conditions).toContain('telegramWebhookMode');
    expect(RECORDING_CONDITIONS.inboundMessageReply).toContain('cron');
  });

  it('knows the attribute values from the source', () => {
    expect(ATTRIBUTES[ATTR.token].knownValues).toEqual([
      'input',
      'output',
      'cache_read',
      'cache_write',
      'prompt',
      'total',
    ]);
    expect(ATTRIBUTES[ATTR.outcome].knownValues).toEqual(['completed', 'skipped', 'error']);
    expect(ATTRIBUTES[ATTR.lane].highCardinality).toBe(true);
    expect(Object.keys(ATTRIBUTES).sort()).toEqual(Object.values(ATTR).sort());
  });

  it('uses the OTel SDK default histogram bounds', () => {
    expect(OTEL_SDK_DEFAULT_HISTOGRAM_BOUNDS).toEqual([
      0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000,
    ]);
  });

  it('looks metrics up by OTLP name', () => {
    expect(metricByOtlpName('openclaw.tokens')).toBe(METRICS.tokens);
  });

  it('fails for an unknown OTLP name', () => {
    expect(() => metricByOtlpName('openclaw.token')).toThrow(
      /unknown openclaw metric "openclaw.token": expected one of/,
    );
  });
});
