/**
 * `npm run upgrade-check -- --to VERSION [--json]`: what OpenClaw VERSION would refuse, lose and gain
 * for the default config (`config/lolice.ts`). See lib/cli/upgrade-check-cli.ts.
 */
import { loadDefaultApp } from './default-app';
import { runUpgradeCheckCli } from './upgrade-check-cli';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
};

void runUpgradeCheckCli(process.argv.slice(2), io, async (to) => {
  const [{ config, app }, { runUpgradeCheck }] = await Promise.all([
    loadDefaultApp(),
    import('../upgrade/upgrade-check'),
  ]);
  return runUpgradeCheck({
    config,
    dashboardQueries: app.dashboard.dashboard.queries,
    alertRules: app.alerting.rules,
    to,
  });
}).then((code) => {
  process.exitCode = code;
});
