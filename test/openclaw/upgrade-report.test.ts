/**
 * The upgrade report committed in docs/ (what `npm run upgrade-check -- --to <target>` prints for the
 * default config) is the one the code prints today: the gate table's prose, first releases and
 * subjects, and what each gate means for this deployment's dashboard and alerts, word for word.
 */
import { readFileSync } from 'node:fs';
import { loliceConfig } from '../../config/lolice';
import { formatUpgradeReport, runUpgradeCheck } from '../../lib/upgrade/upgrade-check';
import { buildApp, removeTempDirs, REPO_ROOT } from '../support/openclaw-ops-harness';
import { UPGRADE_TARGET_OPENCLAW_VERSION } from '../support/real-openclaw-version';

afterAll(removeTempDirs);

const DOC = `docs/upgrade-report-${UPGRADE_TARGET_OPENCLAW_VERSION}.txt`;

test(`${DOC} is what the upgrade check prints for the default config`, async () => {
  const app = buildApp(loliceConfig);
  const report = await runUpgradeCheck({
    config: loliceConfig,
    dashboardQueries: app.dashboard.dashboard.queries,
    alertRules: app.alerting.rules,
    to: UPGRADE_TARGET_OPENCLAW_VERSION,
  });
  const committed = readFileSync(`${REPO_ROOT}/${DOC}`, 'utf8');
  expect(
    formatUpgradeReport(report),
    `${DOC} is stale: run \`npm run -s upgrade-check -- --to ${UPGRADE_TARGET_OPENCLAW_VERSION} > ${DOC}\` and review the diff`,
  ).toBe(committed);
});
