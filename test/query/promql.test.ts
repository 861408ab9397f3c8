import { ATTR, METRICS } from '../../lib/telemetry/metric-catalog';
import { createMetricNamer, MetricNamer } from '../../lib/telemetry/otlp-prometheus-naming';
import { metricNamer } from '../../lib/telemetry/prometheus-otlp-settings';
import {
  assertPromQL,
  checkPromQL,
  createQueryBuilder,
  substituteGrafanaMacros,
  unquotePromQLString,
} from '../../lib/query/promql';

const namer = metricNamer();
const q = createQueryBuilder(namer);

describe('createQueryBuilder', () => {
  it('builds rate and sum by from catalog objects', () => {
    expect(
      q.sumBy([ATTR.token], q.rate(METRICS.tokens, { matchers: [{ label: ATTR.channel, value: '$channel' }] })),
    ).toBe('sum by (openclaw_token) (rate(openclaw_tokens_total{openclaw_channel="$channel"}[$__rate_interval]))');
    expect(q.increase(METRICS.costUsd, { range: '$__range' })).toBe('increase(openclaw_cost_usd_total[$__range])');
    expect(q.sumBy([], q.selector(METRICS.queueLaneEnqueue))).toBe('sum (openclaw_queue_lane_enqueue_total)');
  });

  it('builds histogram_quantile over the bucket series', () => {
    expect(q.histogramQuantile(0.95, METRICS.runDuration, { by: [ATTR.model] })).toBe(
      'histogram_quantile(0.95, sum by (le, openclaw_model) (rate(openclaw_run_duration_ms_milliseconds_bucket[$__rate_interval])))',
    );
  });

  it('quotes names that are not legacy names (UTF-8 strategies)', () => {
    const utf8 = createQueryBuilder(createMetricNamer('NoUTF8EscapingWithSuffixes'));
    expect(
      utf8.sumBy([ATTR.token], utf8.rate(METRICS.tokens, { matchers: [{ label: 'job', value: 'openclaw' }] })),
    ).toBe('sum by ("openclaw.token") (rate({"openclaw.tokens_total", job="openclaw"}[$__rate_interval]))');
  });

  it('builds a target_info selector', () => {
    expect(q.builtinSelector('target_info', [{ label: 'job', value: 'openclaw' }])).toBe('target_info{job="openclaw"}');
  });

  it('fails for a label that is neither an attribute key nor a built-in', () => {
    expect(() => q.label('openclaw_token')).toThrow(
      /received label "openclaw_token", expected an attribute key from ATTR/,
    );
  });

  it('fails for a quantile outside 0..1', () => {
    expect(() => q.histogramQuantile(95, METRICS.runDuration)).toThrow(/expected a number between 0 and 1/);
  });

  it('fails for a built-in metric outside the allow-list', () => {
    expect(() => q.builtinSelector('node_cpu_seconds_total')).toThrow(/expected one of ALERTS/);
  });
});

describe('substituteGrafanaMacros', () => {
  it('replaces interval macros, variables in strings, in ranges and as labels', () => {
    expect(
      substituteGrafanaMacros(
        'sum by (${group}) (rate(x{a=~"$channel", b=~"${model:regex}"}[$__rate_interval])) / $__range_s [$win]',
      ),
    ).toBe('sum by (__grafana_var_group) (rate(x{a=~".*", b=~".*"}[5m])) / 3600 [5m]');
    expect(substituteGrafanaMacros('label_replace(x, "d", "$1", "s", "(.*)")')).toBe(
      'label_replace(x, "d", "$1", "s", "(.*)")',
    );
    expect(substituteGrafanaMacros('increase(x[$__range])', { range: '6h' })).toBe('increase(x[6h])');
    expect(substituteGrafanaMacros('x{a="$v"}', { variables: { v: 'discord' } })).toBe('x{a="discord"}');
  });
});

describe('checkPromQL', () => {
  it('accepts every built query', () => {
    const queries = [
      q.sumBy([ATTR.token, ATTR.model], q.rate(METRICS.tokens)),
      q.histogramQuantile(0.5, METRICS.messageDuration, { by: [ATTR.outcome] }),
      `${q.sumBy(['job', 'instance'], q.rate(METRICS.messageProcessed))} * on (job, instance) group_left (host_name) target_info`,
      `label_replace(${q.selector(METRICS.queueLaneEnqueue)}, "lane_kind", "$1", "openclaw_lane", "(\\\\w+).*")`,
    ];
    for (const expr of queries) {
      expect(checkPromQL(expr, namer).errors).toEqual([]);
    }
  });

  it('extracts metric and label names', () => {
    const result = checkPromQL(
      q.sumBy([ATTR.token], q.rate(METRICS.tokens, { matchers: [{ label: ATTR.channel, value: 'x' }] })),
      namer,
    );
    expect(result.metricNames).toEqual(['openclaw_tokens_total']);
    expect(result.labelNames).toEqual(['openclaw_channel', 'openclaw_token']);
  });

  it('fails for the design doc guess openclaw_tokens (no _total) and names the closest known metric', () => {
    const result = checkPromQL('sum(rate(openclaw_tokens[5m]))', namer, { name: 'tokens panel' });
    expect(result.errors).toEqual([
      'query "tokens panel": unknown metric "openclaw_tokens" under UnderscoreEscapingWithSuffixes (that is the UnderscoreEscapingWithoutSuffixes spelling; under UnderscoreEscapingWithSuffixes the name is "openclaw_tokens_total"); build names with the namer from metricNamer(settings)',
    ]);
  });

  it('fails for openclaw_run_duration_ms_bucket', () => {
    const [error] = checkPromQL(
      'histogram_quantile(0.9, sum by (le) (rate(openclaw_run_duration_ms_bucket[5m])))',
      namer,
    ).errors;
    expect(error).toContain('unknown metric "openclaw_run_duration_ms_bucket"');
    expect(error).toContain('"openclaw_run_duration_ms_milliseconds_bucket"');
  });

  it('fails for a typo and suggests the closest known name', () => {
    const [error] = checkPromQL('rate(openclaw_tokenz_total[5m])', namer).errors;
    expect(error).toContain('unknown metric "openclaw_tokenz_total"');
    expect(error).toContain('closest known name: "openclaw_tokens_total"');
  });

  it('fails for a never-recorded metric', () => {
    expect(checkPromQL('openclaw_run_attempt_total', namer).errors[0]).toContain('is never recorded');
  });

  it('fails for a label that the metric does not carry', () => {
    const [error] = checkPromQL('openclaw_tokens_total{openclaw_webhook="telegram-post"}', namer, { name: 'p' }).errors;
    expect(error).toContain('unknown label "openclaw_webhook" on metric "openclaw_tokens_total"');
  });

  it('fails for an unknown grouping label and suggests the closest', () => {
    const [error] = checkPromQL(
      'sum by (openclaw_tokens) (rate(openclaw_tokens_total[$__rate_interval]))',
      namer,
    ).errors;
    expect(error).toContain('unknown label "openclaw_tokens" (closest known label: "openclaw_token")');
    expect(error).toContain('checked as');
  });

  it('fails for le on a non-bucket series', () => {
    expect(checkPromQL('openclaw_run_duration_ms_milliseconds_count{le="5"}', namer).errors[0]).toContain(
      'unknown label "le"',
    );
  });

  it('fails with the offset of a syntax error', () => {
    expect(checkPromQL('rate(openclaw_tokens_total[5m]', namer).errors[0]).toMatch(/syntax error at offset \d+/);
  });

  it('checks quoted UTF-8 names under NoUTF8EscapingWithSuffixes', () => {
    const utf8 = createMetricNamer('NoUTF8EscapingWithSuffixes');
    expect(checkPromQL('sum by ("openclaw.token") (rate({"openclaw.tokens_total"}[5m]))', utf8).errors).toEqual([]);
    expect(checkPromQL('rate(openclaw_tokens_total[5m])', utf8).errors[0]).toContain(
      'that is the UnderscoreEscapingWithSuffixes spelling; under NoUTF8EscapingWithSuffixes the name is "openclaw.tokens_total"',
    );
  });

  it('accepts __name__ equality matchers and checks them', () => {
    expect(checkPromQL('{__name__="openclaw_tokens_total"}', namer).metricNames).toEqual(['openclaw_tokens_total']);
    expect(checkPromQL('{__name__="openclaw_tokens"}', namer).errors).toHaveLength(1);
  });

  it('allows extra labels such as promoted resource attributes', () => {
    expect(checkPromQL('sum by (k8s_pod_name) (openclaw_tokens_total)', namer).errors).toHaveLength(1);
    expect(
      checkPromQL('sum by (k8s_pod_name) (openclaw_tokens_total)', namer, { extraLabels: ['k8s_pod_name'] }).errors,
    ).toEqual([]);
  });
});

describe('checkPromQL vocabulary', () => {
  function countingNamer() {
    const inner = metricNamer();
    const calls = { seriesNames: 0 };
    const counted: MetricNamer = {
      strategy: inner.strategy,
      metricName: (instrument) => inner.metricName(instrument),
      seriesName: (instrument, part) => inner.seriesName(instrument, part),
      seriesNames: (instrument) => {
        calls.seriesNames += 1;
        return inner.seriesNames(instrument);
      },
      labelName: (key) => inner.labelName(key),
    };
    return { namer: counted, calls };
  }

  it('walks the metric catalog once per namer and extra labels, not once per query', () => {
    const { namer: counted, calls } = countingNamer();
    expect(checkPromQL('openclaw_tokens_total', counted).errors).toEqual([]);
    const perVocabulary = calls.seriesNames;
    expect(perVocabulary).toBeGreaterThan(0);
    expect(checkPromQL('sum (openclaw_cost_usd_total)', counted).errors).toEqual([]);
    expect(checkPromQL('sum by (k8s_pod_name) (openclaw_tokens_total)', counted).errors).toHaveLength(1);
    expect(calls.seriesNames).toBe(perVocabulary);
    const extra = { extraLabels: ['k8s_pod_name'] };
    expect(checkPromQL('sum by (k8s_pod_name) (openclaw_tokens_total)', counted, extra).errors).toEqual([]);
    expect(checkPromQL('sum by (k8s_pod_name) (openclaw_cost_usd_total)', counted, extra).errors).toEqual([]);
    expect(calls.seriesNames).toBe(2 * perVocabulary);
  });

  it('keeps the vocabularies of other extra labels and other namers apart', () => {
    const { namer: counted } = countingNamer();
    const query = 'sum by (k8s_pod_name, k8s_node_name) (openclaw_tokens_total)';
    expect(checkPromQL(query, counted, { extraLabels: ['k8s_pod_name', 'k8s_node_name'] }).errors).toEqual([]);
    expect(checkPromQL(query, counted, { extraLabels: ['k8s_pod_name'] }).errors).toHaveLength(1);
    expect(checkPromQL(query, counted).errors).toHaveLength(2);
    const utf8 = createMetricNamer('NoUTF8EscapingWithSuffixes');
    expect(checkPromQL('openclaw_tokens_total', namer).errors).toEqual([]);
    expect(checkPromQL('{"openclaw.tokens_total"}', utf8).errors).toEqual([]);
    expect(checkPromQL('openclaw_tokens_total', utf8).errors).toHaveLength(1);
  });
});

describe('assertPromQL', () => {
  it('fails listing every problem', () => {
    expect(() =>
      assertPromQL(
        [
          { name: 'a', expr: 'openclaw_tokens' },
          { name: 'b', expr: 'openclaw_cost_usd' },
        ],
        namer,
      ),
    ).toThrow(/2 promql problem\(s\):\nquery "a".*\nquery "b"/);
  });
});

describe('helpers', () => {
  it('unquotes PromQL strings', () => {
    expect(unquotePromQLString('"a\\"b"')).toBe('a"b');
    expect(unquotePromQLString("'x.y'")).toBe('x.y');
    expect(unquotePromQLString('`\\d`')).toBe('\\d');
  });
});
