import { loliceConfig } from '../../config/lolice';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import { renderWithNetworkAndCron } from '../support/network-test-kit';

/** The default config with a `plugins` section patched in. */
function withPlugins(plugins: NonNullable<OpenClawOpsConfig['openclawConfig']['plugins']>): OpenClawOpsConfig {
  return { ...loliceConfig, openclawConfig: { ...loliceConfig.openclawConfig, plugins } };
}

// The openclaw.json rules also reject these configs; only the network and cron rules run here.
describe("announce channels follow OpenClaw's plugin enable order", () => {
  const entries = loliceConfig.openclawConfig.plugins?.entries ?? {};

  test('fails synth for announce to discord when plugins.allow leaves discord out', () => {
    const config = withPlugins({ entries, allow: ['diagnostics-otel', 'telegram'] });
    expect(() => renderWithNetworkAndCron(config, { onlyNetworkRules: true })).toThrow(
      /cron job "Daily usage report \(Discord\)": delivery\.channel "discord" is not an enabled channel \(enabled: telegram\)/,
    );
  });

  test('fails synth for announce to discord when plugins.deny lists discord', () => {
    const config = withPlugins({ entries, deny: ['discord'] });
    expect(() => renderWithNetworkAndCron(config, { onlyNetworkRules: true })).toThrow(
      /announce to discord but Discord is not configured/,
    );
  });

  test('accepts announce to discord when the allowlist lists it', () => {
    const config = withPlugins({ entries, allow: ['diagnostics-otel', 'discord', 'telegram'] });
    expect(() => renderWithNetworkAndCron(config, { onlyNetworkRules: true })).not.toThrow();
  });
});
