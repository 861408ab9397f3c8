/**
 * Checks a live Prometheus for every OpenClaw series the dashboard and the alerts query:
 * `npm run verify -- --prometheus URL [--json] [--job NAME] [--lookback 1h] [--no-target-info]`.
 * The logic is in lib/cli/verify-cli.ts.
 */
import { runVerifyCli } from './verify-cli';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
};

void runVerifyCli(process.argv.slice(2), io, async () => {
  // Loaded here, not at the top: --help and a usage error answer without loading cdk8s and cdktf.
  const [{ loliceConfig }, { KUBE_STATE_METRICS }, { OpenClawOpsApp }, { metricNamer }, { expectedSeriesFromQueries }] =
    await Promise.all([
      import('../../config/lolice'),
      import('../observability/alerting/alert-rule'),
      import('../openclaw-ops-app'),
      import('../observability/metrics/prometheus-otlp-settings'),
      import('../observability/metrics/verify-metrics'),
    ]);
  const app = new OpenClawOpsApp({ config: loliceConfig });
  const namer = metricNamer(loliceConfig.telemetry?.prometheus ?? {});
  const expected = expectedSeriesFromQueries(
    app.referencedPromQL(),
    namer,
    KUBE_STATE_METRICS.map((m) => m.name),
  );
  return { namer, expected };
}).then((code) => {
  process.exitCode = code;
});
