/**
 * OpenClawNetwork hands the cron rules the channels openclaw.json enables: a channel object that is
 * not switched off, whose plugin OpenClaw enables, with a token for Discord and Telegram; sorted.
 * Only the network and cron rules run here (the openclaw.json rules would refuse some variants).
 */
import { loliceConfig } from '../../config/lolice';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import { dailyUsageReportWebhookJob } from '../../lib/cron/usage-report-jobs';
import { renderWithNetworkAndCron } from '../support/network-test-kit';

type OpenClawJson = OpenClawOpsConfig['openclawConfig'];

/** The default config with other channels, and only the allowed plugins (each enabled); its Discord announce job then names the enabled channels. */
function withChannels(channels: Record<string, unknown>, allow: string[]): OpenClawOpsConfig {
  const base = loliceConfig.openclawConfig.plugins;
  const entries = { ...base?.entries, ...Object.fromEntries(allow.map((id) => [id, { enabled: true }])) };
  const plugins = { ...base, allow, entries } as OpenClawJson['plugins'];
  return {
    ...loliceConfig,
    openclawConfig: { ...loliceConfig.openclawConfig, channels: channels as OpenClawJson['channels'], plugins },
  };
}

const refusal = (config: OpenClawOpsConfig): string => {
  try {
    renderWithNetworkAndCron(config, { onlyNetworkRules: true });
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
};

describe('the enabled channels the cron rules see', () => {
  test('sorted; a non-object, a switched-off channel and a channel whose plugin is not allowed are left out', () => {
    const message = refusal(
      withChannels(
        {
          zulip: {},
          telegram: { botToken: '${TELEGRAM_BOT_TOKEN}' },
          matrix: 'x',
          list: [],
          none: null,
          irc: { enabled: false },
          slack: {},
          discord: { token: '${DISCORD_BOT_TOKEN}' },
        },
        ['diagnostics-otel', 'telegram', 'zulip', 'matrix', 'list', 'none', 'irc'],
      ),
    );
    expect(message).toContain('delivery.channel "discord" is not an enabled channel (enabled: telegram, zulip)');
  });

  test('Telegram without a bot token and Discord without a token are not enabled', () => {
    const message = refusal(
      withChannels({ telegram: { botToken: '' }, discord: { token: ' ' } }, [
        'diagnostics-otel',
        'telegram',
        'discord',
      ]),
    );
    expect(message).toContain('delivery.channel "discord" is not an enabled channel (enabled: none)');
    expect(message).toContain('announce to discord but Discord is not configured');
  });

  test('Discord with a token and its plugin allowed is enabled', () => {
    expect(
      refusal(withChannels({ discord: { token: '${DISCORD_BOT_TOKEN}' } }, ['diagnostics-otel', 'discord'])),
    ).not.toContain('is not an enabled channel');
  });
});

describe('the settings OpenClawNetwork passes on', () => {
  test('the configured internet ports, not the default ones', () => {
    const config: OpenClawOpsConfig = {
      ...loliceConfig,
      cronJobs: [],
      network: { ...loliceConfig.network, externalEgressPorts: [443] },
    };
    const { wiring } = renderWithNetworkAndCron(config, { onlyNetworkRules: true });
    expect(wiring.networkPolicies.gatewayExternalEgressPorts).toEqual([443]);
  });

  test('an openclaw.json without a cron section', () => {
    const { cron: _cron, ...openclawConfig } = loliceConfig.openclawConfig;
    const config: OpenClawOpsConfig = { ...loliceConfig, cronJobs: [], openclawConfig };
    const { wiring } = renderWithNetworkAndCron(config, { onlyNetworkRules: true });
    expect(wiring.networkPolicies.gatewayExternalEgressPorts).toEqual([80, 443]);
  });

  test('no service table: a <name>.<namespace> host in the gateway namespace is still an in-cluster name', () => {
    const { clusterServices: _services, ...network } = loliceConfig.network ?? {};
    const config: OpenClawOpsConfig = {
      ...loliceConfig,
      network,
      cronJobs: [dailyUsageReportWebhookJob('http://receiver.openclaw:8080/hook')],
    };
    const lines = refusal(config).split('\n');
    expect(lines[1]).toBe(
      '  [Network/CronJobs] cron job "Daily usage report": delivery.to host "receiver.openclaw" is blocked by the ' +
        'SSRF guard of OpenClaw 2026.2.19 ("receiver.openclaw" is an in-cluster Service name; it resolves to a ' +
        'ClusterIP, which lies in a private range the guard blocks after DNS resolution): the POST would be dropped ' +
        'silently (only logged as "cron: webhook delivery blocked by SSRF guard"); expose the receiver at a public ' +
        'hostname that resolves to public IPs (e.g. a Cloudflare tunnel hostname) and use that URL (from OpenClaw ' +
        '2026.8.1 on, cron.webhookSsrfPolicy.allowedHostnames can let an in-cluster receiver through)',
    );
    expect(lines[2]).toContain(
      'models.providers.litellm.baseUrl "http://litellm.openclaw.svc.cluster.local:4000" points at Service ' +
        'litellm in namespace openclaw, which is not in the service table (known: none)',
    );
  });

  test('no cron jobs declared: no job, no jobs document, no webhook egress', () => {
    const { cronJobs: _jobs, ...config } = loliceConfig;
    const { wiring } = renderWithNetworkAndCron(config, { onlyNetworkRules: true });
    expect(wiring.cronJobs.jobs).toEqual([]);
    expect(wiring.cronJobs.jobsDocument).toBeUndefined();
    expect(wiring.cronJobs.egressRequirements).toEqual([]);
  });
});
