/**
 * The `verify` command: `npm run verify -- --prometheus URL [--json] [--job NAME]
 * [--lookback DURATION] [--no-target-info]`. Exit code 0 when every referenced series exists,
 * 1 when something is missing, 2 for usage or connection errors (as JSON on stdout under --json).
 */
import { parseCliArgs } from './cli-args';
import { DEFAULT_SERVICE_NAME } from '../telemetry/metric-catalog';
import { MetricNamer } from '../telemetry/otlp-prometheus-naming';
import { metricNamer } from '../telemetry/prometheus-otlp-settings';
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
export const VERIFY_USAGE = `usage: npm run verify -- --prometheus URL [--json] [--job NAME] [--lookback 1h]
                         [--no-target-info]
  --prometheus URL   base URL of the Prometheus to check, no path (e.g. http://127.0.0.1:9090)
  --json             print the report, or the error, as JSON on stdout
  --job NAME         the job label of OpenClaw's series (default: ${DEFAULT_SERVICE_NAME})
  --lookback 1h      how far back to look for samples (a Prometheus duration: 30m, 1h, 1d; default: 1h)
  --no-target-info   do not require target_info (older OpenClaw or a custom pipeline)
  -h, --help         print this text
`;

/** The base URL in `raw`, or why it is not one (a path, a query, another scheme). */
function prometheusBaseUrl(raw: string | undefined): { readonly url: string } | { readonly error: string } {
  const example = 'e.g. --prometheus http://127.0.0.1:9090';
  if (raw === undefined) return { error: `received no --prometheus, expected an http(s) base URL; ${example}` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { error: `received --prometheus ${JSON.stringify(raw)}, expected an http(s) base URL; ${example}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { error: `received --prometheus ${JSON.stringify(raw)}, expected an http(s) base URL; ${example}` };
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    return {
      error:
        `received --prometheus ${JSON.stringify(raw)} with a path, expected the base URL (verify adds /api/v1/...); ` +
        `drop the path: --prometheus ${url.origin}`,
    };
  }
  return { url: url.origin };
}

/** Runs the command; returns the exit code. */
export async function runVerifyCli(
  argv: readonly string[],
  io: VerifyCliIo,
  options: VerifyCliOptions | (() => Promise<VerifyCliOptions>) = {},
): Promise<number> {
  const parsed = parseCliArgs(argv, {
    prometheus: { type: 'string', valueName: 'URL' },
    json: { type: 'boolean' },
    job: { type: 'string', valueName: 'NAME' },
    lookback: { type: 'string', valueName: 'DURATION' },
    'no-target-info': { type: 'boolean' },
  });
  if (parsed.kind === 'help') {
    io.stdout(VERIFY_USAGE);
    return 0;
  }
  const json = parsed.kind === 'run' && parsed.values.json === true;
  /** Exit 2: the message on stderr (with the usage for a usage error), and as JSON on stdout under --json. */
  const fail = (message: string, usage: boolean): number => {
    if (json) io.stdout(`${JSON.stringify({ ok: false, error: message }, null, 2)}\n`);
    io.stderr(`verify: ${message}\n${usage ? VERIFY_USAGE : ''}`);
    return 2;
  };
  if (parsed.kind === 'usage-error') return fail(parsed.message, true);
  const { values } = parsed;
  const job = (values.job as string | undefined) ?? DEFAULT_SERVICE_NAME;
  const rawLookback = (values.lookback as string | undefined) ?? '1h';
  const lookbackSeconds = parsePrometheusDuration(rawLookback);
  if (lookbackSeconds === undefined) {
    return fail(`received --lookback ${JSON.stringify(rawLookback)}, expected a duration like 30m, 1h or 1d`, true);
  }
  const base = prometheusBaseUrl(values.prometheus as string | undefined);
  if ('error' in base) return fail(base.error, true);
  const prometheusUrl = base.url;
  const requireTargetInfo = values['no-target-info'] !== true;
  try {
    // A function: what the project references is computed only once the arguments are valid.
    const { namer, expected } = typeof options === 'function' ? await options() : options;
    const report = await verifyMetrics({
      prometheusUrl,
      namer: namer ?? metricNamer(),
      job,
      lookbackSeconds,
      requireTargetInfo,
      onProgress: (message) => io.stderr(`${message}\n`),
      ...(expected === undefined ? {} : { expected }),
    });
    io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : formatVerificationTable(report));
    if (!report.ok) io.stderr(`verify: ${report.missing} missing; ${report.diagnosis ?? ''}\n`);
    return report.ok ? 0 : 1;
  } catch (error) {
    return fail((error as Error).message.replace(/^verify: /, ''), false);
  }
}
