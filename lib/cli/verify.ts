/**
 * Checks a live Prometheus for every OpenClaw series the dashboard and the alerts query:
 * `npm run verify -- --prometheus URL [--json] [--job NAME] [--lookback 1h] [--no-target-info]`.
 * The logic is in lib/cli/verify-cli.ts.
 */
import { loadDefaultApp } from './default-app';
import { runVerifyCli } from './verify-cli';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
};

void runVerifyCli(process.argv.slice(2), io, async () => {
  const [{ config, app }, { KUBE_STATE_METRICS }, { metricNamer }, { expectedSeriesFromQueries }] = await Promise.all([
    loadDefaultApp(),
    import('../observability/alerting/alert-rule'),
    import('../telemetry/prometheus-otlp-settings'),
    import('../observability/metrics/verify-metrics'),
  ]);
  const namer = metricNamer(config.telemetry?.prometheus ?? {});
  const expected = expectedSeriesFromQueries(
    app.referencedPromQL(),
    namer,
    KUBE_STATE_METRICS.map((m) => m.name),
  );
  return { namer, expected };
}).then((code) => {
  process.exitCode = code;
});
