/**
 * The `verify` command: `npx tsx lib/cli/verify.ts --prometheus URL [--json] [--job NAME]
 * [--lookback DURATION] [--no-target-info]`. Exit code 0 when every referenced series exists,
 * 1 when something is missing, 2 for usage or connection errors.
 */
import { DEFAULT_SERVICE_NAME } from '../observability/metrics/metric-catalog';
import { MetricNamer } from '../observability/metrics/otlp-prometheus-naming';
import { metricNamer } from '../observability/metrics/prometheus-otlp-settings';
import { ExpectedSeries, formatVerificationTable, verifyMetrics } from '../observability/metrics/verify-metrics';
import { parsePrometheusDuration } from '../query/prometheus-duration';

/** Where the command writes. */
export interface VerifyCliIo {
  /** Report output (table or JSON). */
  readonly stdout: (text: string) => void;
  /** Progress and errors. */
  readonly stderr: (text: string) => void;
}

/** What the project wires in. */
export interface VerifyCliOptions {
  /**
   * Namer of the configured settings.
   * @default metricNamer() (lolice defaults)
   */
  readonly namer?: MetricNamer;
  /**
   * Series the project references (dashboard, alerts), e.g. from expectedSeriesFromQueries.
   * @default every series of every recordable catalog metric
   */
  readonly expected?: readonly ExpectedSeries[];
}

/** Usage text. */
export const VERIFY_USAGE =
  'usage: npm run verify -- --prometheus URL [--json] [--job NAME] [--lookback 1h] [--no-target-info]\n';


/** Runs the command; returns the exit code. */
export async function runVerifyCli(
  argv: readonly string[],
  io: VerifyCliIo,
  options: VerifyCliOptions = {},
): Promise<number> {
  let prometheusUrl: string | undefined;
  let json = false;
  let job = DEFAULT_SERVICE_NAME;
  let lookbackSeconds = 3600;
  let requireTargetInfo = true;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    const value = (): string | undefined => {
      const next = argv[index + 1];
      index++;
      return next;
    };
    if (arg === '--json') json = true;
    else if (arg === '--no-target-info') requireTargetInfo = false;
    else if (arg === '--prometheus') prometheusUrl = value();
    else if (arg === '--job') job = value() ?? '';
    else if (arg === '--lookback') {
      const raw = value() ?? '';
      const parsed = parsePrometheusDuration(raw);
      if (parsed === undefined) {
        io.stderr(`verify: received --lookback ${JSON.stringify(raw)}, expected a duration like 30m, 1h or 1d\n${VERIFY_USAGE}`);
        return 2;
      }
      lookbackSeconds = parsed;
    } else {
      io.stderr(`verify: received unknown argument ${JSON.stringify(arg)}, expected one of --prometheus, --json, --job, --lookback, --no-target-info\n${VERIFY_USAGE}`);
      return 2;
    }
  }
  if (prometheusUrl === undefined || !/^https?:\/\//.test(prometheusUrl)) {
    io.stderr(
      `verify: received --prometheus ${prometheusUrl === undefined ? 'missing' : JSON.stringify(prometheusUrl)}, expected an http(s) base URL; e.g. --prometheus http://127.0.0.1:9090\n${VERIFY_USAGE}`,
    );
    return 2;
  }
  try {
    const report = await verifyMetrics({
      prometheusUrl,
      namer: options.namer ?? metricNamer(),
      job,
      lookbackSeconds,
      requireTargetInfo,
      onProgress: (message) => io.stderr(`${message}\n`),
      ...(options.expected === undefined ? {} : { expected: options.expected }),
    });
    io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : formatVerificationTable(report));
    if (!report.ok) io.stderr(`verify: ${report.missing} missing; ${report.diagnosis ?? ''}\n`);
    return report.ok ? 0 : 1;
  } catch (error) {
    io.stderr(`${(error as Error).message}\n`);
    return 2;
  }
}
