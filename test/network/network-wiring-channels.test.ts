/**
 * OpenClawNetwork hands the cron rules the channels openclaw.json enables: a channel object that is
 * not switched off, whose plugin OpenClaw enables, with a token for Discord and Telegram; sorted.
 * Only the network and cron rules run here (the openclaw.json rules would refuse some variants).
 */
import { loliceConfig } from '../../config/lolice';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
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
});
