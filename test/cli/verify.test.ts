import { execFile } from 'node:child_process';
import { loliceConfig } from '../../config/lolice';
import { KUBE_STATE_METRICS } from '../../lib/observability/alerting/alert-rule';
import { OpenClawOpsApp } from '../../lib/openclaw-ops-app';
import { METRICS, RECORDABLE_METRICS } from '../../lib/telemetry/metric-catalog';
import { createMetricNamer } from '../../lib/telemetry/otlp-prometheus-naming';
import { metricNamer } from '../../lib/telemetry/prometheus-otlp-settings';
import { createQueryBuilder } from '../../lib/query/promql';
import { runVerifyCli, VERIFY_USAGE } from '../../lib/cli/verify-cli';
import {
  expectedSeriesFor,
  expectedSeriesFromQueries,
  formatVerificationTable,
  NOTHING_AT_ALL_CAUSE,
  TARGET_INFO_MISSING_CAUSE,
  VerificationReport,
  verifyMetrics,
} from '../../lib/observability/metrics/verify-metrics';
import { cliBundle } from '../support/provision/cli-bundle';
import { PrometheusHarness, startPrometheusHarness } from '../support/prometheus-harness';
import { makeTempDir, removeTempDirs } from '../support/openclaw-ops-harness';
import { SYNTHETIC_RESOURCE, syntheticOpenMetrics } from '../support/synthetic-series';

const namer = metricNamer();
const evalTime = Math.floor(Date.now() / 1000 / 30) * 30;
const partialResource = { ...SYNTHETIC_RESOURCE, 'service.name': 'openclaw-partial' };
const webhookIds = new Set<string>(['webhookReceived', 'webhookError', 'webhookDuration']);
let harness: PrometheusHarness;

beforeAll(async () => {
  harness = await startPrometheusHarness({
    evalTime,
    openMetrics: syntheticOpenMetrics(
      [
        // job "openclaw": everything, as lolice's Prometheus would store it
        { namer },
        // job "openclaw-partial": no Telegram webhooks, tokens under another strategy, no target_info
        {
          namer,
          resource: partialResource,
          metrics: RECORDABLE_METRICS.filter((m) => m !== METRICS.tokens && !webhookIds.has(m.id)),
          targetInfo: false,
        },
        {
          namer: createMetricNamer('UnderscoreEscapingWithoutSuffixes'),
          resource: partialResource,
          metrics: [METRICS.tokens],
          targetInfo: false,
        },
      ],
      { endSeconds: evalTime },
    ),
  });
});

afterAll(async () => {
  await harness?.stop();
  removeTempDirs();
});

function runScript(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliBundle('verify'), ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('verify script against a real Prometheus', () => {
  it('exits 0 with the usage for -h and 2 with the usage for an unknown option', async () => {
    const help = await runScript(['-h']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(VERIFY_USAGE);
    const unknown = await runScript(['--prometheus', harness.url, '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      `verify: unknown option "--bogus": expected one of --prometheus URL, --json, --job NAME, --lookback DURATION, --no-target-info, --help\n${VERIFY_USAGE}`,
    );
  });

  it('exits 0 with every series present and --json output that parses', async () => {
    const result = await runScript(['--prometheus', harness.url, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as VerificationReport;
    expect(report.ok).toBe(true);
    expect(report.missing).toBe(0);
    // the script checks exactly the series the dashboard and the alerts query
    const app = new OpenClawOpsApp({ config: loliceConfig, terraformOutdir: makeTempDir('verify-cdktf-') });
    const referenced = expectedSeriesFromQueries(
      app.referencedPromQL(),
      namer,
      KUBE_STATE_METRICS.map((m) => m.name),
    );
    expect(report.checks.map((c) => c.seriesName).sort()).toEqual(referenced.map((e) => e.seriesName).sort());
    expect(referenced.length).toBeGreaterThanOrEqual(16);
    expect(report.checks.length).toBeLessThan(expectedSeriesFor(RECORDABLE_METRICS, namer).length);
    expect(report.targetInfo.present).toBe(true);
    expect(result.stderr).toContain('verify: looking for');
  });

  it('fails with exit 1 and the causes when series are missing', async () => {
    const result = await runScript(['--prometheus', harness.url, '--job', 'openclaw-partial']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/MISSING\s+openclaw_tokens_total\s+translation-strategy-mismatch/);
    expect(result.stdout).toMatch(/ok\s+openclaw_message_processed_total/);
    // the dashboard does not query the Telegram-only webhook metrics, so their absence is no failure
    expect(result.stdout).not.toContain('openclaw_webhook_received_total');
    expect(result.stdout).toContain('likely causes:');
    expect(result.stdout).toContain('target_info');
  });
});

describe('verifyMetrics', () => {
  it('fails with a strategy mismatch, condition and target_info causes for the partial job', async () => {
    const report = await verifyMetrics({
      prometheusUrl: harness.url,
      namer,
      job: 'openclaw-partial',
      nowSeconds: evalTime,
    });
    expect(report.ok).toBe(false);
    const byName = new Map(report.checks.map((check) => [check.seriesName, check]));
    expect(byName.get('openclaw_tokens_total')?.cause).toBe(
      'translation strategy mismatch: prometheus stores "openclaw_tokens" (UnderscoreEscapingWithoutSuffixes) but the project expects "openclaw_tokens_total" (UnderscoreEscapingWithSuffixes); set spec.otlp.translationStrategy to UnderscoreEscapingWithSuffixes or configure the project with UnderscoreEscapingWithoutSuffixes',
    );
    expect(byName.get('openclaw_webhook_duration_ms_milliseconds_bucket')?.pattern).toBe('not-recorded');
    expect(byName.get('openclaw_webhook_duration_ms_milliseconds_bucket')?.cause).toBe(
      'not recorded in the window: openclaw.webhook.duration_ms is recorded only by the Telegram channel in webhook mode; /hooks/* and cron webhooks never record it',
    );
    expect(byName.get('openclaw_cost_usd_total')?.present).toBe(true);
    expect(report.targetInfo).toEqual({ required: true, present: false, cause: TARGET_INFO_MISSING_CAUSE });
    expect(report.missing).toBe(1 + 2 + 3 + 1); // tokens, 2 webhook counters, webhook histogram (3 series), target_info
    expect(report.diagnosis).toContain("another translation strategy's spelling");
  });

  it('fails with "wrong job" when the series carry another job', async () => {
    const report = await verifyMetrics({
      prometheusUrl: harness.url,
      namer,
      job: 'openclaw/openclaw',
      nowSeconds: evalTime,
    });
    expect(report.checks.every((check) => check.pattern === 'wrong-job')).toBe(true);
    expect(report.diagnosis).toContain('series exist only with job "openclaw", "openclaw-partial"');
  });

  it('fails with the "nothing at all" cause when the window has no openclaw data', async () => {
    const report = await verifyMetrics({ prometheusUrl: harness.url, namer, nowSeconds: evalTime - 30 * 86400 });
    expect(report.ok).toBe(false);
    expect(report.checks.every((check) => check.pattern === 'nothing-at-all')).toBe(true);
    expect(report.diagnosis).toBe(NOTHING_AT_ALL_CAUSE);
    expect(formatVerificationTable(report)).toContain('plugin');
  });

  it('checks only the series a set of queries references', async () => {
    const q = createQueryBuilder(namer);
    const expected = expectedSeriesFromQueries(
      [
        { name: 'tokens', expr: q.sumBy([], q.rate(METRICS.tokens)) },
        { name: 'p95', expr: `${q.histogramQuantile(0.95, METRICS.runDuration)} and on () target_info` },
      ],
      namer,
    );
    expect(expected.map((e) => e.seriesName)).toEqual([
      'openclaw_run_duration_ms_milliseconds_bucket',
      'openclaw_tokens_total',
    ]);
    const report = await verifyMetrics({ prometheusUrl: harness.url, namer, expected, nowSeconds: evalTime });
    expect(report.ok).toBe(true);
    expect(report.present).toBe(3);
  });

  it('fails for a query that references a name outside the catalog', () => {
    expect(() => expectedSeriesFromQueries([{ name: 'bad', expr: 'rate(openclaw_tokens[5m])' }], namer)).toThrow(
      /query "bad" references "openclaw_tokens", expected a catalog series under UnderscoreEscapingWithSuffixes/,
    );
  });
});

describe('runVerifyCli', () => {
  const capture = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
  };

  it('fails with exit 2 without --prometheus', async () => {
    const { out, io } = capture();
    expect(await runVerifyCli([], io)).toBe(2);
    expect(out.stderr).toContain('verify: received no --prometheus, expected an http(s) base URL');
    expect(out.stderr).toContain(VERIFY_USAGE);
  });

  it('fails with exit 2 and the usage for an unknown option or a bad lookback', async () => {
    const { out, io } = capture();
    expect(await runVerifyCli(['--prometheus', harness.url, '--verbose'], io)).toBe(2);
    expect(await runVerifyCli(['--prometheus', harness.url, '--lookback', 'soon'], io)).toBe(2);
    expect(out.stderr).toContain('verify: unknown option "--verbose": expected one of --prometheus URL, --json,');
    expect(out.stderr).toContain('received --lookback "soon"');
    expect(out.stderr.split(VERIFY_USAGE)).toHaveLength(3);
    expect(out.stdout).toBe('');
  });

  it('prints the usage and exits 0 for --help and -h', async () => {
    for (const flag of ['--help', '-h']) {
      const { out, io } = capture();
      expect(await runVerifyCli([flag], io)).toBe(0);
      expect(out.stdout).toBe(VERIFY_USAGE);
      expect(out.stderr).toBe('');
    }
  });

  it('accepts --option=value', async () => {
    const { out, io } = capture();
    const expected = expectedSeriesFor([METRICS.messageProcessed], namer);
    const args = [`--prometheus=${harness.url}`, '--job=openclaw-partial', '--lookback=2h', '--no-target-info'];
    expect(await runVerifyCli(args, io, { expected })).toBe(0);
    expect(out.stdout).toContain('absent');
  });

  it('says to drop the path of a --prometheus URL that has one', async () => {
    const { out, io } = capture();
    expect(await runVerifyCli(['--prometheus', 'http://127.0.0.1:9090/api/v1/query'], io)).toBe(2);
    expect(out.stderr).toContain(
      'verify: received --prometheus "http://127.0.0.1:9090/api/v1/query" with a path, expected the base URL (verify adds /api/v1/...); drop the path: --prometheus http://127.0.0.1:9090',
    );
  });

  it('prints errors as JSON on stdout under --json', async () => {
    const usage = capture();
    expect(await runVerifyCli(['--json', '--prometheus', 'http://127.0.0.1:9090/prom'], usage.io)).toBe(2);
    const report = JSON.parse(usage.out.stdout) as { ok: boolean; error: string };
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(
      /^received --prometheus "http:\/\/127\.0\.0\.1:9090\/prom" with a path.*drop the path/,
    );
    const unreachable = capture();
    expect(await runVerifyCli(['--json', '--prometheus=http://127.0.0.1:1'], unreachable.io)).toBe(2);
    expect((JSON.parse(unreachable.out.stdout) as { error: string }).error).toMatch(
      /^cannot reach prometheus at http:\/\/127\.0\.0\.1:1 /,
    );
  });

  it('fails with exit 2 when prometheus is unreachable', async () => {
    const { out, io } = capture();
    expect(await runVerifyCli(['--prometheus', 'http://127.0.0.1:1'], io)).toBe(2);
    expect(out.stderr).toContain('verify: cannot reach prometheus at http://127.0.0.1:1');
  });

  it('accepts --no-target-info for a job without target_info', async () => {
    const { out, io } = capture();
    const expected = expectedSeriesFor([METRICS.messageProcessed], namer);
    expect(
      await runVerifyCli(['--prometheus', harness.url, '--job', 'openclaw-partial', '--no-target-info'], io, {
        expected,
      }),
    ).toBe(0);
    expect(out.stdout).toContain('absent');
  });
});
