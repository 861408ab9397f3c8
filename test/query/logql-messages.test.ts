import {
  assertLogQL,
  checkLogQL,
  cronLogQLQueries,
  cronRunDurationQuery,
  cronRunErrorsQuery,
  cronRunsByStatusQuery,
  cronTokensQuery,
  cronWebhookBlockedBySsrfGuardQuery,
  cronWebhookDeliveryFailuresQuery,
  gatewayBlockedUrlFetchesQuery,
} from '../../lib/query/logql';

const RUNS =
  '{namespace="openclaw", container="cron-run-log"} |= `"kind":"cron_run"` | json kind="kind", jobId="jobId"';
const CONTAINERS = 'board-server, config-manager, cron-run-log, dind, docker-gc, init-config, init-dotfiles, openclaw';

describe('cron query builders write exactly these queries', () => {
  test('runs by status and errors, with and without a jobId filter', () => {
    expect(cronRunsByStatusQuery()).toBe(
      `sum by (jobId, status) (count_over_time(${RUNS}, status="status" | kind="cron_run" [$__auto]))`,
    );
    expect(cronRunErrorsQuery({ range: '15m', jobIdRegex: 'a|b' })).toBe(
      `sum by (jobId) (count_over_time(${RUNS}, status="status" | kind="cron_run" | jobId=~\`a|b\` | status="error" [15m]))`,
    );
  });

  test('duration statistics, avg by default', () => {
    const inner = `${RUNS}, durationMs="durationMs" | kind="cron_run" | unwrap durationMs | __error__="" [1h]`;
    expect(cronRunDurationQuery({ range: '1h' })).toBe(`avg_over_time(${inner}) by (jobId)`);
    expect(cronRunDurationQuery({ range: '1h', statistic: 'max' })).toBe(`max_over_time(${inner}) by (jobId)`);
    expect(cronRunDurationQuery({ range: '1h', statistic: 'p95' })).toBe(
      `quantile_over_time(0.95, ${inner}) by (jobId)`,
    );
  });

  test('tokens, input by default', () => {
    expect(cronTokensQuery()).toBe(
      `sum by (jobId, model) (sum_over_time(${RUNS}, model="model", usage_input_tokens="usage.input_tokens" | ` +
        'kind="cron_run" | unwrap usage_input_tokens | __error__="" [$__auto]))',
    );
    expect(cronTokensQuery({ tokens: 'total', range: '5m' })).toContain(
      'usage_total_tokens="usage.total_tokens" | kind="cron_run" | unwrap usage_total_tokens | __error__="" [5m]',
    );
  });

  test('gateway log lines and the stdout fallback, which ignores jobIdRegex', () => {
    expect(cronWebhookDeliveryFailuresQuery({ jobIdRegex: 'x' })).toBe(
      'sum by (jobId) (count_over_time({namespace="openclaw", container="cron-run-log"} |= "cron: webhook delivery failed" ' +
        '| json kind="kind", jobId="jobId", msg="msg" | kind="gateway_log" | msg="cron: webhook delivery failed" ' +
        '| jobId=~`x` [$__auto]))',
    );
    expect(gatewayBlockedUrlFetchesQuery({ range: '$__range', jobIdRegex: 'x' })).toBe(
      'sum(count_over_time({namespace="openclaw", container="openclaw"} |= "blocked URL fetch (url-fetch)" [$__range]))',
    );
  });

  test('every builder by name, sorted', () => {
    expect(Object.keys(cronLogQLQueries())).toEqual([
      'cronRunDurationAvg',
      'cronRunDurationMax',
      'cronRunDurationP95',
      'cronRunErrors',
      'cronRunsByStatus',
      'cronTokensInput',
      'cronTokensOutput',
      'cronTokensTotal',
      'cronWebhookBlockedBySsrfGuard',
      'cronWebhookDeliveryFailures',
      'gatewayBlockedUrlFetches',
    ]);
    const all = cronLogQLQueries({ range: '7m' });
    expect(all.cronRunDurationMax).toBe(cronRunDurationQuery({ range: '7m', statistic: 'max' }));
    expect(all.cronRunDurationP95).toBe(cronRunDurationQuery({ range: '7m', statistic: 'p95' }));
    expect(all.cronRunDurationAvg).toBe(cronRunDurationQuery({ range: '7m' }));
    expect(all.cronTokensOutput).toBe(cronTokensQuery({ range: '7m', tokens: 'output' }));
    expect(all.cronTokensTotal).toBe(cronTokensQuery({ range: '7m', tokens: 'total' }));
    expect(all.cronTokensInput).toBe(cronTokensQuery({ range: '7m' }));
  });
});

describe('cron query builder refusals', () => {
  test.each([
    '$__auto',
    '$__interval',
    '$__rate_interval',
    '$__range',
    '$win',
    '${win}',
    '5m',
    '1h30m',
    '250ms',
    '2d',
    '1w',
    '1y',
    '10s',
  ])('range %s is accepted', (range) => {
    expect(cronRunsByStatusQuery({ range })).toContain(`[${range}]))`);
  });

  test.each(['5 minutes', '5', 'm', '5m ', ' 5m', '$1x-', '5mo', '$', '${}', '1h$x'])(
    'range %j is refused',
    (range) => {
      expect(() => cronRunErrorsQuery({ range })).toThrow(
        new Error(
          `cronRunErrorsQuery: range ${JSON.stringify(range)} is not a LogQL duration or Grafana macro: ` +
            'expected e.g. "5m", "1h30m", "$__auto" or "$__interval"',
        ),
      );
    },
  );

  test('each builder names itself in a refusal', () => {
    const bad = { range: 'x' };
    expect(() => cronRunsByStatusQuery(bad)).toThrow(/^cronRunsByStatusQuery: range "x"/);
    expect(() => cronRunDurationQuery(bad)).toThrow(/^cronRunDurationQuery: range "x"/);
    expect(() => cronTokensQuery(bad)).toThrow(/^cronTokensQuery: range "x"/);
    expect(() => cronWebhookDeliveryFailuresQuery(bad)).toThrow(/^cronWebhookDeliveryFailuresQuery: range "x"/);
    expect(() => gatewayBlockedUrlFetchesQuery(bad)).toThrow(/^gatewayBlockedUrlFetchesQuery: range "x"/);
    expect(() => cronRunDurationQuery({ jobIdRegex: '`' })).toThrow(/^cronRunDurationQuery: jobIdRegex "`"/);
    expect(() => cronTokensQuery({ jobIdRegex: '`' })).toThrow(/^cronTokensQuery: jobIdRegex "`"/);
    expect(() => cronRunErrorsQuery({ jobIdRegex: '`' })).toThrow(/^cronRunErrorsQuery: jobIdRegex "`"/);
    expect(() => cronWebhookDeliveryFailuresQuery({ jobIdRegex: '`' })).toThrow(
      /^cronWebhookDeliveryFailuresQuery: jobIdRegex "`"/,
    );
    expect(() => cronWebhookBlockedBySsrfGuardQuery(bad)).toThrow(/^cronWebhookBlockedBySsrfGuardQuery: range "x"/);
    expect(() => cronWebhookBlockedBySsrfGuardQuery({ jobIdRegex: '`' })).toThrow(
      /^cronWebhookBlockedBySsrfGuardQuery: jobIdRegex "`"/,
    );
  });

  test('a backtick in the jobId regex, an unknown statistic and an unknown token count', () => {
    expect(() => cronRunsByStatusQuery({ jobIdRegex: 'a`b' })).toThrow(
      new Error(
        'cronRunsByStatusQuery: jobIdRegex "a`b" contains a backtick: expected an RE2 regex without backticks, remove it',
      ),
    );
    expect(() => cronRunDurationQuery({ statistic: 'min' as never })).toThrow(
      new Error('cronRunDurationQuery: statistic "min" is not supported: expected avg, max or p95'),
    );
    expect(() => cronTokensQuery({ tokens: 'cache' as never })).toThrow(
      new Error('cronTokensQuery: tokens "cache" is not supported: expected input, output or total'),
    );
    expect(cronTokensQuery({ tokens: 'output' })).toContain('unwrap usage_output_tokens');
  });
});

describe('checkLogQL messages', () => {
  test('an empty expression is named and also does not parse', () => {
    expect(checkLogQL(' ')).toEqual({
      ok: false,
      problems: [
        { offset: 0, message: 'query is empty: expected a LogQL expression, write one' },
        {
          offset: 1,
          message: 'query does not parse at offset 1 (near " "): expected valid LogQL, fix the syntax there',
        },
      ],
      streamLabels: [],
    });
  });

  test('a syntax error quotes 15 characters either side of its offset in the text as written', () => {
    const expr = '{namespace="openclaw"} |= "x" | ! | json';
    const { problems } = checkLogQL(expr, { name: 'q' });
    expect(problems[0]).toEqual({
      offset: 32,
      message: `q does not parse at offset 32 (near ${JSON.stringify(expr.slice(17, 47))}): expected valid LogQL, fix the syntax there`,
    });
    expect(() => assertLogQL(expr, { name: 'q' })).toThrow(new Error(problems.map((p) => p.message).join('\n')));
  });

  test('an error inside a $1 left alone is reported at its own character', () => {
    const expr = '{namespace="openclaw"} $1';
    const near = (offset: number): string => JSON.stringify(expr.slice(offset - 15, offset + 15));
    expect(checkLogQL(expr, { name: 'q' }).problems).toEqual([
      {
        offset: 23,
        message: `q does not parse at offset 23 (near ${near(23)}): expected valid LogQL, fix the syntax there`,
      },
      {
        offset: 24,
        message: `q does not parse at offset 24 (near ${near(24)}): expected valid LogQL, fix the syntax there`,
      },
    ]);
  });

  test('an unknown value names the label, the value, the values that exist and the fix', () => {
    expect(checkLogQL('{namespace="openclaw", container="cron-run-logs"}', { name: 'q' })).toEqual({
      ok: false,
      problems: [
        {
          offset: 23,
          message:
            `q selects container="cron-run-logs", a value no stream has: expected one of ${CONTAINERS}; ` +
            'fix the value or the label (the gateway has no app label, select it by container)',
        },
      ],
      streamLabels: ['container', 'namespace'],
    });
  });

  test('the offset of a problem is in the text as written, after a macro that changed length', () => {
    const expr = 'count_over_time({namespace="openclaw"} |= "$search" [$__range]) + count_over_time({app="x"} [5m])';
    expect(checkLogQL(expr).problems.map((p) => p.offset)).toEqual([expr.indexOf('app="x"')]);
  });

  test('values are checked only for = matchers, with a known value list, and not when a variable made them', () => {
    expect(checkLogQL('{namespace="openclaw", container!="nope", container=~"no.*", container!~"x"}').ok).toBe(true);
    expect(checkLogQL('{namespace="anything", node="n", pod="p", job="j"}').ok).toBe(true);
    expect(checkLogQL('{namespace="openclaw", container="$c"}').ok).toBe(true);
    expect(checkLogQL('{namespace="openclaw", container="x$c"}').ok).toBe(true);
    expect(checkLogQL('{namespace="openclaw", container=`openclaw`}').ok).toBe(true);
    expect(checkLogQL('{namespace="openclaw", container=`nope`}').problems).toHaveLength(1);
    expect(checkLogQL('{namespace="openclaw", container="open\\u0063law"}').ok).toBe(true);
    expect(checkLogQL('{namespace="openclaw", app="litellm", app_kubernetes_io_name="openclaw"}').ok).toBe(true);
    expect(checkLogQL('{namespace="openclaw", app_kubernetes_io_name="other"}').ok).toBe(false);
  });

  test('a selector value is decoded like LogQL decodes it, Go escapes included', () => {
    expect(checkLogQL('{namespace="openclaw", container="\\x6fpenclaw"}').ok).toBe(true);
    expect(checkLogQL('{namespace="openclaw", container="\\u006fpenclaw"}').ok).toBe(true);
    expect(checkLogQL('{namespace="openclaw", container=`\\x6fpenclaw`}').ok).toBe(false);
  });

  test('assertLogQL is silent for a good query and lists every problem of a bad one, one a line', () => {
    expect(() => assertLogQL('{namespace="openclaw", container="openclaw"}')).not.toThrow();
    expect(() => assertLogQL('{namespace="openclaw", nope="x", container="y"}', { name: 'q' })).toThrow(
      new Error(
        'q selects streams by label "nope", which Alloy never sets: expected one of app, app_kubernetes_io_name, ' +
          'container, job, namespace, node, pod; use one of those (fields of the line need | json and a label filter)\n' +
          `q selects container="y", a value no stream has: expected one of ${CONTAINERS}; fix the value or the label ` +
          '(the gateway has no app label, select it by container)',
      ),
    );
  });

  test('known labels and values can be given', () => {
    expect(checkLogQL('{team="a"}', { knownLabels: ['team'], knownValues: { team: ['a'] } }).ok).toBe(true);
    expect(
      checkLogQL('{team="b"}', { name: 'q', knownLabels: ['team'], knownValues: { team: ['a'] } }).problems,
    ).toEqual([
      {
        offset: 1,
        message:
          'q selects team="b", a value no stream has: expected one of a; fix the value or the label ' +
          '(the gateway has no app label, select it by container)',
      },
    ]);
    expect(checkLogQL('{container="x"}', { name: 'q', knownLabels: ['team'] }).problems).toEqual([
      {
        offset: 1,
        message:
          'q selects streams by label "container", which Alloy never sets: expected one of team; ' +
          'use one of those (fields of the line need | json and a label filter)',
      },
    ]);
  });

  test('an unknown label is reported once, without a value check, and still listed', () => {
    const result = checkLogQL('{namespace="openclaw", bogus="x"} | json | other="y"');
    expect(result.problems).toHaveLength(1);
    expect(result.streamLabels).toEqual(['bogus', 'namespace']);
  });
});
