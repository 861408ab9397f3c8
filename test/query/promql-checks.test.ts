import { ATTR, METRICS } from '../../lib/telemetry/metric-catalog';
import { createMetricNamer, type MetricNamer } from '../../lib/telemetry/otlp-prometheus-naming';
import { metricNamer } from '../../lib/telemetry/prometheus-otlp-settings';
import {
  assertPromQL,
  BUILTIN_METRICS,
  checkPromQL,
  createQueryBuilder,
  unquotePromQLString,
} from '../../lib/query/promql';

// A fresh namer for each test: checkPromQL keeps one vocabulary per namer, so a shared namer would
// build it in whichever test runs first and every later test would check against that one.
let namer: MetricNamer;
let utf8: MetricNamer;
beforeEach(() => {
  namer = metricNamer();
  utf8 = createMetricNamer('NoUTF8EscapingWithSuffixes');
});
const q = createQueryBuilder(metricNamer());

/** The fix every unknown-label message ends with. */
const LABEL_FIX = 'use labels from ATTR via the namer or the built-ins __name__, instance, job, le';

describe('createQueryBuilder refusals', () => {
  test('an unknown label names the label, the allowed built-ins and where keys come from', () => {
    expect(() => q.label('nope')).toThrow(
      new Error(
        'promql builder: received label "nope", expected an attribute key from ATTR or one of ' +
          '__name__, instance, job, le; use ATTR.<name> from lib/telemetry/metric-catalog.ts',
      ),
    );
    expect(() => q.selector(METRICS.tokens, { matchers: [{ label: 'openclaw_token', value: 'x' }] })).toThrow(
      /received label "openclaw_token"/,
    );
    expect(() => q.sumBy(['openclaw_token'], 'x')).toThrow(/received label "openclaw_token"/);
  });

  test('an unknown built-in metric lists the allowed ones', () => {
    expect(BUILTIN_METRICS).toEqual(['ALERTS', 'ALERTS_FOR_STATE', 'target_info', 'up']);
    expect(() => q.builtinSelector('node_x')).toThrow(
      new Error(
        'promql builder: received built-in metric "node_x", expected one of ALERTS, ALERTS_FOR_STATE, ' +
          'target_info, up; use selector(METRICS.<id>) for openclaw metrics',
      ),
    );
  });

  test('quantiles 0 and 1 are accepted; just outside and NaN are refused with the metric named', () => {
    expect(q.histogramQuantile(0, METRICS.runDuration)).toBe(
      'histogram_quantile(0, sum by (le) (rate(openclaw_run_duration_ms_milliseconds_bucket[$__rate_interval])))',
    );
    expect(q.histogramQuantile(1, METRICS.runDuration)).toMatch(/^histogram_quantile\(1, /);
    for (const quantile of [-0.01, 1.01, Number.NaN]) {
      expect(() => q.histogramQuantile(quantile, METRICS.runDuration)).toThrow(
        new Error(
          `promql builder: received quantile ${quantile} for openclaw.run.duration_ms, ` +
            'expected a number between 0 and 1; pass e.g. 0.95',
        ),
      );
    }
  });
});

describe('createQueryBuilder output', () => {
  test('label maps attribute keys through the namer and keeps built-ins', () => {
    expect(q.label(ATTR.channel)).toBe('openclaw_channel');
    expect(createQueryBuilder(utf8).label(ATTR.channel)).toBe('openclaw.channel');
    for (const builtin of ['__name__', 'instance', 'job', 'le']) expect(q.label(builtin)).toBe(builtin);
    expect(q.namer.strategy).toBe('UnderscoreEscapingWithSuffixes');
  });

  test('every match operator, and = when none is given', () => {
    expect(
      q.selector(METRICS.tokens, {
        matchers: [
          { label: ATTR.channel, value: 'a' },
          { label: ATTR.model, op: '!=', value: 'b' },
          { label: ATTR.provider, op: '=~', value: 'c.*' },
          { label: 'job', op: '!~', value: 'd"e' },
        ],
      }),
    ).toBe('openclaw_tokens_total{openclaw_channel="a", openclaw_model!="b", openclaw_provider=~"c.*", job!~"d\\"e"}');
  });

  test('a histogram part selects that series; no matchers gives the bare name', () => {
    expect(q.selector(METRICS.runDuration, { part: 'count' })).toBe('openclaw_run_duration_ms_milliseconds_count');
    expect(q.rate(METRICS.runDuration, { part: 'sum', range: '10m' })).toBe(
      'rate(openclaw_run_duration_ms_milliseconds_sum[10m])',
    );
    expect(q.increase(METRICS.tokens)).toBe('increase(openclaw_tokens_total[$__rate_interval])');
  });

  test('histogram_quantile passes matchers and range to the bucket rate', () => {
    expect(
      q.histogramQuantile(0.5, METRICS.runDuration, {
        matchers: [{ label: ATTR.channel, value: 'x' }],
        range: '1h',
        by: [ATTR.model, 'job'],
      }),
    ).toBe(
      'histogram_quantile(0.5, sum by (le, openclaw_model, job) ' +
        '(rate(openclaw_run_duration_ms_milliseconds_bucket{openclaw_channel="x"}[1h])))',
    );
  });

  test('built-in selectors, quoted under UTF-8 names only when needed', () => {
    expect(q.builtinSelector('up')).toBe('up');
    expect(q.builtinSelector('ALERTS', [{ label: 'job', op: '!=', value: 'x' }])).toBe('ALERTS{job!="x"}');
    const u = createQueryBuilder(utf8);
    expect(u.builtinSelector('target_info', [{ label: 'instance', value: 'i' }])).toBe('target_info{instance="i"}');
    expect(u.selector(METRICS.tokens)).toBe('{"openclaw.tokens_total"}');
    expect(u.selector(METRICS.tokens, { matchers: [{ label: ATTR.channel, value: 'main' }] })).toBe(
      '{"openclaw.tokens_total", "openclaw.channel"="main"}',
    );
  });
});

describe('checkPromQL messages', () => {
  test('a syntax error gives its offset, the 20 characters from there, and nothing else', () => {
    const result = checkPromQL('sum(openclaw_tokens_total) +* openclaw_tokens_total + 1', namer, { name: 'p' });
    expect(result.errors).toEqual([
      'query "p": syntax error at offset 28 near "* openclaw_tokens_to"; fix the PromQL syntax',
    ]);
    expect(result.metricNames).toEqual([]);
    expect(result.labelNames).toEqual([]);
    expect(result.checkedExpr).toBe('sum(openclaw_tokens_total) +* openclaw_tokens_total + 1');
  });

  test('the query is named by its expression when no name is given, with the checked text when macros changed it', () => {
    expect(checkPromQL('openclaw_nope_total', namer).errors).toEqual([
      'query "openclaw_nope_total": unknown metric "openclaw_nope_total" under UnderscoreEscapingWithSuffixes ' +
        '(closest known name: "openclaw_tokens_total"); build names with the namer from metricNamer(settings)',
    ]);
    expect(checkPromQL('rate(openclaw_nope_total[$__rate_interval])', namer, { name: 'p' }).errors).toEqual([
      'query "p" (checked as "rate(openclaw_nope_total[5m])"): unknown metric "openclaw_nope_total" under ' +
        'UnderscoreEscapingWithSuffixes (closest known name: "openclaw_tokens_total"); build names with the ' +
        'namer from metricNamer(settings)',
    ]);
    expect(checkPromQL('rate(openclaw_tokens_total[$__range])', namer, { macros: { range: '2h' } }).checkedExpr).toBe(
      'rate(openclaw_tokens_total[2h])',
    );
  });

  test('a never-recorded metric says why and adds no unknown-metric error', () => {
    expect(checkPromQL('openclaw_run_attempt_total', namer, { name: 'p' }).errors).toEqual([
      'query "p": metric "openclaw_run_attempt_total" is never recorded: logRunAttempt exists but nothing calls ' +
        'it in v2026.2.17–v2026.2.19; remove it from the query',
    ]);
  });

  test('an unknown metric has its labels checked against every known label', () => {
    expect(checkPromQL('openclaw_nope_total{openclaw_token="x"}', namer, { name: 'p' }).errors).toEqual([
      'query "p": unknown metric "openclaw_nope_total" under UnderscoreEscapingWithSuffixes (closest known name: ' +
        '"openclaw_tokens_total"); build names with the namer from metricNamer(settings)',
    ]);
  });

  test('a never-recorded metric is not offered as the closest name', () => {
    const [error] = checkPromQL('openclaw_run_attempts_total', namer).errors;
    expect(error).not.toContain('openclaw_run_attempt_total');
  });

  test('unknown labels: on a named metric, on a selector without one, and in a grouping', () => {
    expect(checkPromQL('openclaw_tokens_total{openclaw_webhook="x"}', namer, { name: 'p' }).errors).toEqual([
      `query "p": unknown label "openclaw_webhook" on metric "openclaw_tokens_total" (closest known label: "openclaw_channel"); ${LABEL_FIX}`,
    ]);
    expect(checkPromQL('{openclaw_nope="x"}', namer, { name: 'p' }).errors).toEqual([
      `query "p": unknown label "openclaw_nope" (closest known label: "openclaw_lane"); ${LABEL_FIX}`,
    ]);
    expect(checkPromQL('sum by (openclaw_tokens) (openclaw_tokens_total)', namer, { name: 'p' }).errors).toEqual([
      `query "p": unknown label "openclaw_tokens" (closest known label: "openclaw_token"); ${LABEL_FIX}`,
    ]);
  });

  test('a selector without a metric name checks labels against every known label', () => {
    expect(checkPromQL('{openclaw_webhook="x", job="openclaw"}', namer).errors).toEqual([]);
    expect(checkPromQL('{__name__=~"openclaw_.*", openclaw_token="x"}', namer).metricNames).toEqual([]);
  });

  test('every syntax error is reported, each with its offset', () => {
    expect(checkPromQL('openclaw.tokens_total', createMetricNamer('NoTranslation')).errors).toEqual([
      'query "openclaw.tokens_total": syntax error at offset 8 near ".tokens_total"; fix the PromQL syntax',
      'query "openclaw.tokens_total": syntax error at offset 9 near "tokens_total"; fix the PromQL syntax',
    ]);
  });

  test('the other strategy spelling of a counter family is named with the right one', () => {
    expect(checkPromQL('{"openclaw.tokens_total"}', createMetricNamer('NoTranslation'), { name: 'p' }).errors).toEqual([
      'query "p": unknown metric "openclaw.tokens_total" under NoTranslation (that is the NoUTF8EscapingWithSuffixes ' +
        'spelling; under NoTranslation the name is "openclaw.tokens"); build names with the namer from metricNamer(settings)',
    ]);
    expect(checkPromQL('openclaw_tokens', createMetricNamer('NoTranslation'), { name: 'p' }).errors).toEqual([
      'query "p": unknown metric "openclaw_tokens" under NoTranslation (that is the UnderscoreEscapingWithoutSuffixes ' +
        'spelling; under NoTranslation the name is "openclaw.tokens"); build names with the namer from metricNamer(settings)',
    ]);
    expect(checkPromQL('openclaw_tokens_total', createMetricNamer('NoTranslation'), { name: 'p' }).errors).toEqual([
      'query "p": unknown metric "openclaw_tokens_total" under NoTranslation (that is the UnderscoreEscapingWithSuffixes ' +
        'spelling; under NoTranslation the name is "openclaw.tokens"); build names with the namer from metricNamer(settings)',
    ]);
  });

  test('a name two other strategies spell alike is named after the first of them', () => {
    // openclaw.context.tokens has no unit or type suffix: both underscore strategies spell it alike
    expect(
      checkPromQL('openclaw_context_tokens_bucket', createMetricNamer('NoTranslation'), { name: 'p' }).errors,
    ).toEqual([
      'query "p": unknown metric "openclaw_context_tokens_bucket" under NoTranslation (that is the ' +
        'UnderscoreEscapingWithSuffixes spelling; under NoTranslation the name is "openclaw.context.tokens_bucket"); ' +
        'build names with the namer from metricNamer(settings)',
    ]);
  });

  test('a histogram family name is not a series; the message offers the closest series', () => {
    expect(checkPromQL('openclaw_run_duration_ms_milliseconds', namer, { name: 'p' }).errors).toEqual([
      'query "p": unknown metric "openclaw_run_duration_ms_milliseconds" under UnderscoreEscapingWithSuffixes ' +
        '(closest known name: "openclaw_run_duration_ms_milliseconds_sum"); build names with the namer from metricNamer(settings)',
    ]);
  });
});

describe('checkPromQL vocabulary', () => {
  test('le only on bucket series', () => {
    expect(checkPromQL('openclaw_run_duration_ms_milliseconds_bucket{le="5"}', namer).errors).toEqual([]);
    expect(checkPromQL('openclaw_run_duration_ms_milliseconds_sum{le="5"}', namer).errors).toHaveLength(1);
    expect(checkPromQL('openclaw_tokens_total{le="5"}', namer).errors).toHaveLength(1);
  });

  test('every series of a histogram carries its attributes and the built-in labels', () => {
    for (const part of ['bucket', 'sum', 'count']) {
      expect(
        checkPromQL(`openclaw_run_duration_ms_milliseconds_${part}{openclaw_model="m", job="j", instance="i"}`, namer)
          .errors,
      ).toEqual([]);
    }
  });

  test('target_info carries the SDK resource labels and not the metric attributes', () => {
    expect(
      checkPromQL('target_info{host_name="x", process_pid="1", job="openclaw", instance="i"}', namer).errors,
    ).toEqual([]);
    expect(checkPromQL('target_info{openclaw_token="y"}', namer, { name: 'p' }).errors).toEqual([
      `query "p": unknown label "openclaw_token" on metric "target_info" (closest known label: "process_owner"); ${LABEL_FIX}`,
    ]);
    expect(checkPromQL('sum by (host_name, process_runtime_version) (target_info)', namer).errors).toEqual([]);
  });

  test('the alert-state metrics carry their own labels, up none', () => {
    expect(
      checkPromQL(
        'ALERTS{alertname="x", alertstate="firing", severity="page"} or ALERTS_FOR_STATE{severity="x", alertname="y"}',
        namer,
      ).errors,
    ).toEqual([]);
    expect(checkPromQL('ALERTS_FOR_STATE{alertstate="y"} or up{alertname="a"}', namer, { name: 'p' }).errors).toEqual([
      `query "p": unknown label "alertstate" on metric "ALERTS_FOR_STATE" (closest known label: "alertname"); ${LABEL_FIX}`,
      `query "p": unknown label "alertname" on metric "up" (closest known label: "__name__"); ${LABEL_FIX}`,
    ]);
    expect(checkPromQL('sum by (alertname, alertstate, severity) (ALERTS)', namer).errors).toEqual([]);
  });

  test('extra labels are allowed on every series and in groupings, and only for that check', () => {
    const extra = { extraLabels: ['k8s_pod_name'] };
    expect(checkPromQL('openclaw_tokens_total{k8s_pod_name="p"}', namer, extra).errors).toEqual([]);
    expect(checkPromQL('target_info{k8s_pod_name="p"}', namer, extra).errors).toEqual([]);
    expect(checkPromQL('up{k8s_pod_name="p"}', namer, extra).errors).toEqual([]);
    expect(checkPromQL('openclaw_run_duration_ms_milliseconds_sum{k8s_pod_name="p"}', namer, extra).errors).toEqual([]);
    expect(checkPromQL('openclaw_tokens_total{k8s_pod_name="p"}', namer).errors).toHaveLength(1);
  });

  test('the vocabulary follows the namer given', () => {
    expect(checkPromQL('{"openclaw.tokens_total", "openclaw.token"="x"}', utf8).errors).toEqual([]);
    expect(checkPromQL('openclaw_tokens_total{openclaw_token="x"}', namer).errors).toEqual([]);
    expect(checkPromQL('{"openclaw.tokens_total", openclaw_token="x"}', utf8).errors).toHaveLength(1);
  });
});

describe('checkPromQL names and skips', () => {
  test('metric and label names are sorted and unique; grouping labels count', () => {
    const result = checkPromQL(
      'sum by (openclaw_token, job) (rate(openclaw_tokens_total{openclaw_token="a", openclaw_channel="b"}[5m])) / ' +
        'sum by (job) (openclaw_cost_usd_total{openclaw_channel="c"})',
      namer,
    );
    expect(result.errors).toEqual([]);
    expect(result.metricNames).toEqual(['openclaw_cost_usd_total', 'openclaw_tokens_total']);
    expect(result.labelNames).toEqual(['job', 'openclaw_channel', 'openclaw_token']);
  });

  test('quoted names: a quoted metric name, quoted matcher labels and quoted grouping labels', () => {
    const result = checkPromQL('sum by ("openclaw.token") ({"openclaw.tokens_total", "openclaw.channel"="x"})', utf8);
    expect(result.errors).toEqual([]);
    expect(result.metricNames).toEqual(['openclaw.tokens_total']);
    expect(result.labelNames).toEqual(['openclaw.channel', 'openclaw.token']);
    expect(checkPromQL('sum by ("openclaw.nope") ({"openclaw.tokens_total"})', utf8).errors).toHaveLength(1);
  });

  test('__name__ selects the metric only with =; other operators select nothing to check', () => {
    expect(checkPromQL('{__name__="openclaw_tokens_total", openclaw_token="x"}', namer).metricNames).toEqual([
      'openclaw_tokens_total',
    ]);
    expect(checkPromQL('{__name__="openclaw_tokens_total", openclaw_webhook="x"}', namer).errors).toHaveLength(1);
    expect(checkPromQL('{__name__!="openclaw_nope", job="x"}', namer).metricNames).toEqual([]);
    expect(checkPromQL('{__name__=~"openclaw_nope", job="x"}', namer).errors).toEqual([]);
    expect(checkPromQL('{__name__="openclaw_tokens_total"}', namer).labelNames).toEqual([]);
  });

  test('Grafana variables as labels and metric names are skipped and left out of the names', () => {
    const result = checkPromQL('sum by (${group}) (rate(${metric}{$label="x", openclaw_nope="y"}[5m]))', namer, {
      name: 'p',
    });
    expect(result.errors).toEqual([
      `query "p" (checked as "sum by (__grafana_var_group) (rate(__grafana_var_metric{__grafana_var_label=\\"x\\", openclaw_nope=\\"y\\"}[5m]))"): unknown label "openclaw_nope" on metric "__grafana_var_metric" (closest known label: "openclaw_lane"); ${LABEL_FIX}`,
    ]);
    expect(result.metricNames).toEqual([]);
    expect(result.labelNames).toEqual(['openclaw_nope']);
  });

  test('labels made by label_replace, label_join and count_values are known afterwards', () => {
    expect(
      checkPromQL(
        'sum by (kind) (label_replace(openclaw_queue_lane_enqueue_total, "kind", "$1", "openclaw_lane", "(.*)"))',
        namer,
      ).errors,
    ).toEqual([]);
    expect(
      checkPromQL('label_replace(openclaw_queue_lane_enqueue_total, "kind", "$1", "openclaw_nope", "(.*)")', namer, {
        name: 'p',
      }).errors,
    ).toEqual([`query "p": unknown label "openclaw_nope" (closest known label: "openclaw_lane"); ${LABEL_FIX}`]);
    expect(
      checkPromQL(
        'sum by (both) (label_join(openclaw_tokens_total, "both", "-", "openclaw_token", "openclaw_channel"))',
        namer,
      ).errors,
    ).toEqual([]);
    expect(
      checkPromQL('label_join(openclaw_tokens_total, "both", "-", "openclaw_nope")', namer, { name: 'p' }).errors,
    ).toEqual([`query "p": unknown label "openclaw_nope" (closest known label: "openclaw_lane"); ${LABEL_FIX}`]);
    expect(checkPromQL('label_join(openclaw_tokens_total, "both", "-")', namer).labelNames).toEqual([]);
    expect(checkPromQL('sum by (both) (label_join(openclaw_tokens_total, "both", "-"))', namer).errors).toEqual([]);
    expect(checkPromQL('sum by (value) (count_values("value", openclaw_tokens_total))', namer).errors).toEqual([]);
    expect(checkPromQL('count_values(openclaw_tokens_total)', namer).errors).toEqual([]);
    expect(
      checkPromQL('label_join(openclaw_tokens_total, "both", "-", "openclaw_token", "openclaw_nope")', namer, {
        name: 'p',
      }).errors,
    ).toEqual([`query "p": unknown label "openclaw_nope" (closest known label: "openclaw_lane"); ${LABEL_FIX}`]);
    expect(checkPromQL('sum by (a) (label_join(openclaw_tokens_total, "a"))', namer, { name: 'p' }).errors).toEqual([
      `query "p": unknown label "a" (closest known label: "le"); ${LABEL_FIX}`,
    ]);
    expect(checkPromQL('sum by (value) (count(openclaw_tokens_total))', namer).errors).toHaveLength(1);
    // only count_values makes a label of its string: a quoted k of topk does not
    expect(checkPromQL('sum by (value) (topk("value", openclaw_tokens_total))', namer, { name: 'p' }).errors).toEqual([
      `query "p": unknown label "value" (closest known label: "le"); ${LABEL_FIX}`,
    ]);
  });

  test('sort_by_label arguments are checked as labels', () => {
    expect(checkPromQL('sort_by_label(openclaw_tokens_total, "openclaw_token")', namer).errors).toEqual([]);
    expect(checkPromQL('sort_by_label(openclaw_tokens_total, "openclaw_nope")', namer).labelNames).toEqual([
      'openclaw_nope',
    ]);
    expect(checkPromQL('sort_by_label_desc(openclaw_tokens_total, "openclaw_nope")', namer).errors).toHaveLength(1);
    expect(checkPromQL('sort_by_label(openclaw_tokens_total, "openclaw_nope")', namer).errors).toHaveLength(1);
  });

  test('string arguments of other functions are not labels', () => {
    expect(checkPromQL('label_replace(openclaw_tokens_total, "a", "b", "c")', namer).labelNames).toEqual([]);
    expect(checkPromQL('absent(openclaw_tokens_total{openclaw_token="x"})', namer).labelNames).toEqual([
      'openclaw_token',
    ]);
  });
});

describe('assertPromQL', () => {
  test('throws one error with the count and every problem on its own line', () => {
    expect(() =>
      assertPromQL(
        [
          { name: 'a', expr: 'openclaw_run_attempt_total' },
          { name: 'ok', expr: 'openclaw_tokens_total' },
          { name: 'b', expr: '{openclaw_nope="x"}' },
        ],
        namer,
      ),
    ).toThrow(
      new Error(
        '2 promql problem(s):\n' +
          'query "a": metric "openclaw_run_attempt_total" is never recorded: logRunAttempt exists but nothing calls ' +
          'it in v2026.2.17–v2026.2.19; remove it from the query\n' +
          `query "b": unknown label "openclaw_nope" (closest known label: "openclaw_lane"); ${LABEL_FIX}`,
      ),
    );
  });

  test('passes options other than the name through and does not throw for good queries', () => {
    expect(() =>
      assertPromQL([{ name: 'a', expr: 'openclaw_tokens_total{k8s_pod_name="p"}' }], namer, {
        extraLabels: ['k8s_pod_name'],
      }),
    ).not.toThrow();
    expect(() =>
      assertPromQL([{ name: 'a', expr: 'rate(openclaw_nope_total[$__range])' }], namer, {
        macros: { range: '2h' },
      }),
    ).toThrow(/^1 promql problem\(s\):\nquery "a" \(checked as "rate\(openclaw_nope_total\[2h\]\)"\): unknown metric/);
  });
});

describe('unquotePromQLString', () => {
  test('decodes escapes in double- and single-quoted strings', () => {
    expect(unquotePromQLString('"a\\nb\\tc\\rd\\ae\\bf\\fg\\vh"')).toBe('a\nb\tc\rd\x07e\bf\fg\vh');
    expect(unquotePromQLString('"\\u0041\\x42\\u00e9"')).toBe('ABé');
    expect(unquotePromQLString("'\\q\\\\\\''")).toBe("q\\'");
    expect(unquotePromQLString('"\\u12"')).toBe('u12');
    expect(unquotePromQLString('"\\x4"')).toBe('x4');
  });

  test('keeps a raw string as written and strips only a matching closing quote', () => {
    expect(unquotePromQLString('`a\\nb`')).toBe('a\\nb');
    expect(unquotePromQLString('"')).toBe('');
    expect(unquotePromQLString('"ab')).toBe('ab');
    expect(unquotePromQLString('"ab\'')).toBe("ab'");
  });
});
