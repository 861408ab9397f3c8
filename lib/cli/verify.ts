/**
 * Checks a live Prometheus for every OpenClaw series the dashboard and the alerts query:
 * `npm run verify -- --prometheus URL [--json] [--job NAME] [--lookback 1h] [--no-target-info]`.
 * The logic is in lib/cli/verify-cli.ts.
 */
import { loliceConfig } from '../../config/lolice';
import { KUBE_STATE_METRICS } from '../observability/alerting/alert-rule';
import { OpenClawOpsApp } from '../openclaw-ops-app';
import { metricNamer } from '../observability/metrics/prometheus-otlp-settings';
import { runVerifyCli } from './verify-cli';
import { expectedSeriesFromQueries } from '../observability/metrics/verify-metrics';

const app = new OpenClawOpsApp({ config: loliceConfig });
const namer = metricNamer(loliceConfig.telemetry?.prometheus ?? {});
const expected = expectedSeriesFromQueries(
  app.referencedPromQL(),
  namer,
  KUBE_STATE_METRICS.map((m) => m.name),
);
const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
};

void runVerifyCli(process.argv.slice(2), io, { namer, expected }).then((code) => {
  process.exitCode = code;
});
