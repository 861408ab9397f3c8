/**
 * `npm run upgrade-check -- --to VERSION [--json]`: what OpenClaw VERSION would refuse, lose and gain
 * for the default config (`config/lolice.ts`). See lib/cli/upgrade-check-cli.ts.
 */
import { runUpgradeCheckCli } from './upgrade-check-cli';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
};

void runUpgradeCheckCli(process.argv.slice(2), io, async (to) => {
  // Loaded here, not at the top: --help and a usage error answer without loading cdk8s and cdktf.
  const [{ loliceConfig }, { OpenClawOpsApp }, { runUpgradeCheck }] = await Promise.all([
    import('../../config/lolice'),
    import('../openclaw-ops-app'),
    import('../openclaw/upgrade-check'),
  ]);
  const app = new OpenClawOpsApp({ config: loliceConfig });
  return runUpgradeCheck({
    config: loliceConfig,
    dashboardQueries: app.dashboard.dashboard.queries,
    alertRules: app.alerting.rules,
    to,
  });
}).then((code) => {
  process.exitCode = code;
});
