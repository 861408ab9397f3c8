/**
 * Checks a live Prometheus for every OpenClaw series the project references:
 * `npx tsx scripts/verify.ts --prometheus URL [--json] [--job NAME] [--lookback 1h] [--no-target-info]`.
 * See lib/telemetry/verify-cli.ts.
 */
import { runVerifyCli } from '../lib/telemetry/verify-cli';

void runVerifyCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
