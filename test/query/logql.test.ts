import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  checkLogQL,
  assertLogQL,
  cronLogQLQueries,
  cronRunDurationQuery,
  cronRunErrorsQuery,
  cronRunsByStatusQuery,
  cronTokensQuery,
  cronWebhookBlockedBySsrfGuardQuery,
  cronWebhookDeliveryFailuresQuery,
  gatewayBlockedUrlFetchesQuery,
  substituteLogQLMacros,
} from '../../lib/query/logql';
import { MiniLoki, OPENCLAW_POD_LABELS, type Sample, type Stream } from '../support/mini-loki';
import {
  ALLOY_STREAM_LABELS,
  GATEWAY_STREAM_SELECTOR,
  RUN_LOG_SHIPPER_CONTAINER,
  RUN_LOG_STREAM_SELECTOR,
} from '../../lib/telemetry/loki-streams';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'openclaw-logs');
const DIGEST = '6f1c9a52-3b7e-4d2a-9c41-2e8f5a7b0d13';
const TRIAGE = 'a8d2e4f6-1c3b-4e5a-8f7d-9b0c1d2e3f40';
const MAIN = 'c0ffee00-5a5a-4b4b-8c8c-0d0d0e0e0f0f';
const POD = OPENCLAW_POD_LABELS;

/** Runs the real shipper over the fixtures and builds the streams Alloy would push. */
function fixtureStreams(): Stream[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'logql-fixtures-'));
  try {
    const result = spawnSync(
      process.execPath,
      [path.join(__dirname, '..', '..', 'sidecar', 'run-log-shipper.mjs'), '--once'],
      {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH,
          RUN_LOG_DIR: path.join(FIXTURES, 'runs'),
          GATEWAY_LOG_DIR: path.join(FIXTURES, 'gateway-file'),
          STATE_FILE: path.join(root, 'state.json'),
        },
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const shipped = result.stdout.split('\n').filter((line) => line !== '');
    // stderr goes to the same stream: a warning line must not break `| json` queries
    shipped.push('run-log-shipper: skipping malformed line at byte 0 of /home/node/.openclaw/cron/runs/x.jsonl');
    const gatewayLines = fs
      .readFileSync(path.join(FIXTURES, 'gateway-stdout.log'), 'utf8')
      .split('\n')
      .filter((line) => line !== '');
    return [
      { labels: { ...POD, container: RUN_LOG_SHIPPER_CONTAINER }, lines: shipped },
      { labels: { ...POD, container: 'openclaw' }, lines: gatewayLines },
      {
        labels: { ...POD, container: 'config-manager' },
        lines: ['cron: webhook delivery failed (an unrelated container echoing the text)'],
      },
      {
        labels: {
          namespace: 'openclaw',
          pod: 'litellm-5c6d7e8f9-abcde',
          node: 'node-a',
          app: 'litellm',
          app_kubernetes_io_name: 'openclaw',
          container: 'litellm',
          job: 'openclaw/litellm-5c6d7e8f9-abcde',
        },
        lines: ['{"kind":"cron_run","jobId":"not-a-run","status":"ok"}'],
      },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const asMap = (samples: Sample[], ...labels: string[]): Record<string, number> =>
  Object.fromEntries(
    samples
      .map((s) => [labels.map((l) => s.labels[l] ?? '').join('|'), s.value])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  );

let loki: MiniLoki;
beforeAll(() => {
  loki = new MiniLoki(fixtureStreams());
});

describe('LogQL builders parse and use only Alloy labels', () => {
  const variants = {
    default: {},
    alert: { range: '15m' },
    dashboard: { range: '$__interval', jobIdRegex: '${jobId:regex}' },
  };
  for (const [variant, options] of Object.entries(variants)) {
    for (const [name, expr] of Object.entries(cronLogQLQueries(options))) {
      it(`${name} (${variant}) parses and selects known streams`, () => {
        const result = checkLogQL(expr, { name });
        expect(result.problems).toEqual([]);
        expect(result.streamLabels).toEqual(['container', 'namespace']);
      });
    }
  }

  it('selects the shipper and gateway containers by the exported selectors', () => {
    expect(RUN_LOG_STREAM_SELECTOR).toBe('{namespace="openclaw", container="cron-run-log"}');
    expect(GATEWAY_STREAM_SELECTOR).toBe('{namespace="openclaw", container="openclaw"}');
    expect(cronRunsByStatusQuery()).toContain(RUN_LOG_STREAM_SELECTOR);
    expect(gatewayBlockedUrlFetchesQuery()).toContain(GATEWAY_STREAM_SELECTOR);
  });
});

describe('checkLogQL', () => {
  it('substitutes Grafana macros and variables before parsing', () => {
    const expr =
      'sum by (jobId) (count_over_time({namespace="openclaw", container=~"${container:regex}"} |= "$search" [$__range]))';
    expect(checkLogQL(expr).problems).toEqual([]);
    expect(substituteLogQLMacros('rate({a="b"}[$__auto])').text).toBe('rate({a="b"}[1m])');
  });

  it('fails on app="openclaw", naming the query, the label and the values that exist', () => {
    const result = checkLogQL('sum(count_over_time({namespace="openclaw", app="openclaw"} |= "cron" [5m]))', {
      name: 'Cron errors panel',
    });
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.message).toContain('Cron errors panel');
    expect(result.problems[0]!.message).toContain('app="openclaw"');
    expect(result.problems[0]!.message).toContain('cloudflared, litellm');
    expect(result.problems[0]!.offset).toBe('sum(count_over_time({namespace="openclaw", '.length);
  });

  it('fails on a label Alloy never sets, listing the known labels', () => {
    const result = checkLogQL('{namespace="openclaw", pod_name="x"}', { name: 'q1' });
    expect(result.problems.map((p) => p.message)).toEqual([
      `q1 selects streams by label "pod_name", which Alloy never sets: expected one of ${ALLOY_STREAM_LABELS.join(', ')}; use one of those (fields of the line need | json and a label filter)`,
    ]);
  });

  it('fails on a misspelt container name', () => {
    expect(checkLogQL('{namespace="openclaw", container="cron-run-logs"}').ok).toBe(false);
  });

  it('does not treat a label filter after | json as a stream label', () => {
    expect(checkLogQL('{namespace="openclaw", container="cron-run-log"} | json | app="x" | status="error"').ok).toBe(
      true,
    );
  });

  it('fails on a syntax error and reports the offset in the original text', () => {
    const expr = 'sum(count_over_time({namespace="openclaw"} |= "x" [$__interval]) +';
    const result = checkLogQL(expr, { name: 'broken' });
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/^broken does not parse at offset \d+/);
    expect(result.problems[0]!.offset).toBeGreaterThanOrEqual(expr.indexOf('[$__interval])') + '[$__interval])'.length);
    expect(() => assertLogQL(expr, { name: 'broken' })).toThrow(/broken does not parse/);
  });

  it('fails on an empty expression', () => {
    expect(checkLogQL('  ').ok).toBe(false);
  });
});

describe('builder options', () => {
  it('fails on a range that is neither a duration nor a macro', () => {
    expect(() => cronRunErrorsQuery({ range: '5 minutes' })).toThrow(
      /cronRunErrorsQuery: range "5 minutes" is not a LogQL duration or Grafana macro/,
    );
  });

  it('fails on a jobId regex with a backtick', () => {
    expect(() => cronRunsByStatusQuery({ jobIdRegex: 'a`b' })).toThrow(/contains a backtick/);
  });
});

describe('queries evaluated against the fixture lines (mini evaluator)', () => {
  it('counts runs per job and status', () => {
    expect(asMap(loki.query(cronRunsByStatusQuery()), 'jobId', 'status')).toEqual({
      [`${DIGEST}|error`]: 1,
      [`${DIGEST}|ok`]: 2,
      [`${MAIN}|ok`]: 1,
      [`${MAIN}|skipped`]: 1,
      [`${TRIAGE}|error`]: 1,
      [`${TRIAGE}|ok`]: 2,
    });
  });

  it('counts failed runs per job', () => {
    expect(asMap(loki.query(cronRunErrorsQuery({ range: '15m' })), 'jobId')).toEqual({ [DIGEST]: 1, [TRIAGE]: 1 });
  });

  it('restricts to the jobs matching jobIdRegex', () => {
    expect(asMap(loki.query(cronRunsByStatusQuery({ jobIdRegex: `${DIGEST}|nope` })), 'jobId', 'status')).toEqual({
      [`${DIGEST}|error`]: 1,
      [`${DIGEST}|ok`]: 2,
    });
  });

  it('averages, maximises and takes the p95 of durationMs per job', () => {
    expect(asMap(loki.query(cronRunDurationQuery()), 'jobId')).toEqual({
      [DIGEST]: (61210 + 45000 + 30480) / 3,
      [MAIN]: (12 + 5) / 2,
      [TRIAGE]: (1180 + 21950 + 3050) / 3,
    });
    expect(asMap(loki.query(cronRunDurationQuery({ statistic: 'max' })), 'jobId')[DIGEST]).toBe(61210);
    expect(asMap(loki.query(cronRunDurationQuery({ statistic: 'p95' })), 'jobId')[MAIN]).toBeCloseTo(12 - 0.05 * 7);
  });

  it('sums input, output and total tokens per job and model, leaving out runs without usage', () => {
    expect(asMap(loki.query(cronTokensQuery({ tokens: 'input' })), 'jobId', 'model')).toEqual({
      [`${DIGEST}|claude-sonnet-4-5`]: 18234,
      [`${DIGEST}|gpt-5-mini`]: 9100,
      [`${TRIAGE}|claude-sonnet-4-5`]: 5400,
    });
    expect(asMap(loki.query(cronTokensQuery({ tokens: 'output' })), 'jobId', 'model')[`${DIGEST}|gpt-5-mini`]).toBe(
      388,
    );
    // total_tokens is the prompt size, so it is neither input + output nor derived from them
    expect(asMap(loki.query(cronTokensQuery({ tokens: 'total' })), 'jobId', 'model')[`${DIGEST}|gpt-5-mini`]).toBe(
      11876,
    );
  });

  it('counts webhook delivery failures and SSRF-blocked deliveries per job from the shipped file log', () => {
    expect(asMap(loki.query(cronWebhookDeliveryFailuresQuery()), 'jobId')).toEqual({ [DIGEST]: 2 });
    expect(asMap(loki.query(cronWebhookBlockedBySsrfGuardQuery()), 'jobId')).toEqual({ [TRIAGE]: 2 });
  });

  it('counts SSRF-blocked fetches from the gateway stdout', () => {
    expect(loki.query(gatewayBlockedUrlFetchesQuery()).map((s) => s.value)).toEqual([2]);
  });

  it('finds no cron warning on the gateway stdout (OpenClaw writes them to its file log only)', () => {
    expect(
      loki.query('sum(count_over_time({namespace="openclaw", container="openclaw"} |= "cron: webhook" [5m]))'),
    ).toEqual([]);
  });

  it('fails like Loki when a JSON parse error reaches the aggregation', () => {
    expect(() => loki.query(`sum(count_over_time(${RUN_LOG_STREAM_SELECTOR} | json [5m]))`)).toThrow(/JSONParserErr/);
  });

  it('selects nothing with app="openclaw", the label the gateway does not have', () => {
    expect(loki.query('sum(count_over_time({namespace="openclaw", app="openclaw"} [5m]))')).toEqual([]);
  });
});
