/**
 * Upgrade readiness against the REAL releases: the config rendered for each release is accepted by
 * that release's own config loader, and the upgrade report for 2026.9.6 names what changes.
 */
import { loliceConfig } from '../../config/lolice';
import { cronWebhookAllowedHostnames } from '../../lib/cron/webhook-allowed-hostnames';
import type { OpenClawRelease } from '../../lib/openclaw/release/ensure-release';
import { validateConfigsWithRelease } from '../../lib/openclaw/release/release-probe';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import { renderOpenClawConfig } from '../../lib/openclaw/render-config';
import { formatUpgradeReport, runUpgradeCheck, type UpgradeReport } from '../../lib/upgrade/upgrade-check';
import { dailyUsageReportWebhookJob } from '../../lib/cron/usage-report-jobs';
import { buildApp, removeTempDirs } from '../support/openclaw-ops-harness';
import {
  REAL_OPENCLAW_VERSION,
  realOpenClawRelease,
  RELEASE_INSTALL_TIMEOUT_MS,
  UPGRADE_TARGET_OPENCLAW_VERSION,
  upgradeTargetRelease,
} from '../support/real-openclaw';

/** Obviously fake values for every `${VAR}` the default config references. */
const ENV = {
  LITELLM_PROXY_KEY: 'fake-litellm-key',
  DISCORD_BOT_TOKEN: 'fake-discord-token',
  TELEGRAM_BOT_TOKEN: '123456:fake-telegram-token',
  OPENCLAW_GATEWAY_TOKEN: 'fake-gateway-token-0123456789abcdef',
  OPENCLAW_CRON_WEBHOOK_TOKEN: 'fake-cron-webhook-token',
};

let today: OpenClawRelease;
let target: OpenClawRelease;
let report: UpgradeReport;

beforeAll(async () => {
  today = await realOpenClawRelease();
  target = await upgradeTargetRelease();
  const app = buildApp(loliceConfig);
  report = await runUpgradeCheck({
    config: loliceConfig,
    dashboardQueries: app.dashboard.dashboard.queries,
    alertRules: app.alerting.rules,
    to: UPGRADE_TARGET_OPENCLAW_VERSION,
    source: 'real-loader',
    ensureRelease: async () => target,
  });
}, RELEASE_INSTALL_TIMEOUT_MS);

afterAll(removeTempDirs);

const render = (version: string, hosts: readonly string[] = []) =>
  renderOpenClawConfig(loliceConfig.openclawConfig, {
    version: OpenClawVersion.parse(version),
    cronWebhookAllowedHostnames: hosts,
  });

describe('each release accepts the config rendered for it', () => {
  test(`the rendering for ${UPGRADE_TARGET_OPENCLAW_VERSION} is accepted by the real ${UPGRADE_TARGET_OPENCLAW_VERSION} loader, today's file is not`, async () => {
    const verdicts = await validateConfigsWithRelease(
      target,
      new Map<string, unknown>([
        ['target', render(UPGRADE_TARGET_OPENCLAW_VERSION)],
        ['today', render(REAL_OPENCLAW_VERSION)],
      ]),
      { env: ENV },
    );
    expect(verdicts.get('target')?.issues).toEqual([]);
    expect(verdicts.get('target')?.valid).toBe(true);
    expect(verdicts.get('today')?.valid).toBe(false);
    expect(
      verdicts
        .get('today')
        ?.issues.map((i) => i.message)
        .join('\n'),
    ).toContain('allowInsecureAuth');
  });

  test(`the rendering for ${REAL_OPENCLAW_VERSION} is still accepted by the real ${REAL_OPENCLAW_VERSION} loader, the ${UPGRADE_TARGET_OPENCLAW_VERSION} ssrf policy is not`, async () => {
    const withPolicy = render(UPGRADE_TARGET_OPENCLAW_VERSION, ['cron-receiver.observability.svc.cluster.local']);
    const verdicts = await validateConfigsWithRelease(
      today,
      new Map<string, unknown>([
        ['today', render(REAL_OPENCLAW_VERSION)],
        ['with-policy', withPolicy],
      ]),
      { env: ENV },
    );
    expect(verdicts.get('today')?.issues).toEqual([]);
    expect(verdicts.get('today')?.valid).toBe(true);
    expect(verdicts.get('with-policy')?.valid).toBe(false);
    expect(
      verdicts
        .get('with-policy')
        ?.issues.map((i) => i.message)
        .join('\n'),
    ).toContain('webhookSsrfPolicy');
  });

  test(`an in-cluster webhook receiver rendered into allowedHostnames is accepted by the real ${UPGRADE_TARGET_OPENCLAW_VERSION} loader`, async () => {
    const job = {
      ...dailyUsageReportWebhookJob('http://cron-receiver.observability.svc.cluster.local:8080/openclaw/cron'),
      receiver: { namespace: 'observability', podLabels: { app: 'cron-receiver' }, port: 8080 },
    };
    const hosts = cronWebhookAllowedHostnames([job], OpenClawVersion.parse(UPGRADE_TARGET_OPENCLAW_VERSION));
    const document = render(UPGRADE_TARGET_OPENCLAW_VERSION, hosts);
    expect(document.cron?.webhookSsrfPolicy?.allowedHostnames).toEqual([
      'cron-receiver.observability.svc.cluster.local',
    ]);
    const verdicts = await validateConfigsWithRelease(target, new Map([['doc', document]]), { env: ENV });
    expect(verdicts.get('doc')?.issues).toEqual([]);
  });
});

describe(`the upgrade report for ${UPGRADE_TARGET_OPENCLAW_VERSION}`, () => {
  test("says the target accepts the rendered config and lists what it refuses in today's file", () => {
    expect(report.accepted).toBe(true);
    expect(report.refusedTarget).toEqual([]);
    const refused = report.refusedToday.map((i) => `${i.path}: ${i.message}`).join('\n');
    expect(refused).toContain('gateway.controlUi: Unrecognized key: "allowInsecureAuth"');
    expect(refused).toMatch(/channels\.discord\.dm: .*"policy", "allowFrom"/);
  });

  test('names the layout change the project makes', () => {
    expect(report.projectChanges.map((c) => c.change)).toEqual([
      'channels.discord.dm.policy → channels.discord.dmPolicy',
      'channels.discord.dm.allowFrom → channels.discord.allowFrom',
      'gateway.controlUi.allowInsecureAuth dropped (retired)',
    ]);
  });

  test('names the lost plugin, the alert that fires and the dashboard that goes flat', () => {
    const lost = report.gates.find((g) => g.id === 'diagnostics-otel-unbundled');
    expect(lost?.kind).toBe('lost');
    expect(lost?.consequences.join('\n')).toContain('alert OpenClawTelemetryAbsent fires');
    expect(lost?.consequences.join('\n')).toContain('dashboard "OpenClaw Application Metrics" panels that go flat');
    expect(report.targetWarnings.map((w) => w.path)).toContain('plugins.entries.diagnostics-otel');
    expect(report.projectChecks.join('\n')).toContain('no longer bundles diagnostics-otel');
  });

  test('names the new webhook ssrf policy and the node version the release needs', () => {
    const gained = report.gates.find((g) => g.id === 'cron-webhook-ssrf-policy');
    expect(gained?.kind).toBe('gained');
    expect(gained?.changed).toContain('allowedHostnames');
    expect(report.node.required).toContain('>=24.16.0');
    expect(report.node.installed).toMatch(/^v24\./);
    const text = formatUpgradeReport(report);
    expect(text).toContain('ACCEPTED: openclaw 2026.9.6 accepts the config rendered for it');
    expect(text).toContain('Features gained:\n  - cron-webhook-ssrf-policy (from 2026.8.1)');
    expect(text).not.toMatch(/\/root|\/home|\/tmp/);
  });
});
