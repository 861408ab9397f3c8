/**
 * `npm run upgrade-check -- --to VERSION [--json]`: what OpenClaw VERSION would refuse, lose and gain
 * for the default config (`config/lolice.ts`). See lib/cli/upgrade-check-cli.ts.
 */
import { loliceConfig } from '../../config/lolice';
import { OpenClawOpsApp } from '../openclaw-ops-app';
import { runUpgradeCheck } from '../openclaw/upgrade-check';
import { runUpgradeCheckCli } from './upgrade-check-cli';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
};

void runUpgradeCheckCli(process.argv.slice(2), io, (to) => {
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
