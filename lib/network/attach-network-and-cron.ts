/**
 * Wires the NetworkPolicies and the cron job delivery into an {@link OpenClawOpsApp}: the
 * policies derive their peers from the graph (openclaw.json, the gateway env, the declared cron
 * webhooks), and the cron jobs are validated against the policy that is actually generated.
 */
import type { CronValidationContext } from '../cron/validate-cron-jobs';
import { validateCronJobs } from '../cron/validate-cron-jobs';
import type { OpenClawConfigDocument } from '../openclaw/config-document';
import { resolvePluginEnableState } from '../openclaw/validate-config';
import type { OpenClawOpsApp } from '../openclaw-ops-app';
import { GitOpsFileChart } from '../gitops/gitops-file-chart';
import { CronJobsDelivery } from '../cron/cron-jobs-delivery';
import { collectGatewayEndpoints, DEFAULT_EXTERNAL_EGRESS_PORTS, LOLICE_CLUSTER_SERVICES } from './network-peers';
import { OpenClawNetworkPolicies } from './openclaw-network-policies';

/** Path of the generated NetworkPolicies in lolice. */
export const NETWORK_POLICY_FILE = 'argoproj/openclaw/networkpolicy.yaml';

/** What {@link attachNetworkAndCron} created. */
export interface NetworkAndCron {
  /** The three NetworkPolicies of `argoproj/openclaw/networkpolicy.yaml`. */
  readonly networkPolicies: OpenClawNetworkPolicies;
  /** The validated cron jobs and their files under `argoproj/openclaw/cron-jobs/`. */
  readonly cronJobs: CronJobsDelivery;
}

const ATTACHED = new WeakMap<OpenClawOpsApp, NetworkAndCron>();

/**
 * Adds `argoproj/openclaw/networkpolicy.yaml` and the cron job delivery
 * (`argoproj/openclaw/cron-jobs/*`) to `app.lolice`. `OpenClawOpsApp` calls it from its
 * constructor; a later call on the same app returns what that first call created (constructs
 * cannot be added twice under the same ids).
 *
 * Order: a first validation pass gives the webhook egress requirements, the policies are built
 * from them, and the final validation (a synth failure on error) runs against the ports the
 * generated policy really opens.
 */
export function attachNetworkAndCron(app: OpenClawOpsApp): NetworkAndCron {
  const existing = ATTACHED.get(app);
  if (existing !== undefined) {
    return existing;
  }
  const { config } = app;
  const network = config.network ?? {};
  const services = network.clusterServices ?? LOLICE_CLUSTER_SERVICES;
  const defaultPorts = network.externalEgressPorts ?? DEFAULT_EXTERNAL_EGRESS_PORTS;
  const jobs = config.cronJobs ?? [];
  const channels = enabledChannels(config.openclawConfig);

  const context: Omit<CronValidationContext, 'externalEgressPorts'> = {
    openclawVersion: app.openclawVersion,
    webhookTokenConfigured: isNonEmpty(config.openclawConfig.cron?.webhookToken),
    clusterDomain: network.clusterDomain,
    clusterServices: services.map((s) => ({ name: s.name, namespace: s.namespace })),
    enabledChannels: channels,
    discordConfigured: channels.includes('discord'),
  };
  const planned = validateCronJobs(jobs, { ...context, externalEgressPorts: defaultPorts });

  const chart = new GitOpsFileChart(app.lolice, 'networkpolicy', { path: NETWORK_POLICY_FILE });
  const networkPolicies = new OpenClawNetworkPolicies(chart, 'NetworkPolicies', {
    namespace: config.namespace,
    gatewayEndpoints: collectGatewayEndpoints({
      openclawConfig: config.openclawConfig,
      literalEnv: config.gatewayLiteralEnv,
      urlEnvVars: network.urlEnvVars,
    }),
    services,
    clusterDomain: network.clusterDomain,
    externalEgressPorts: defaultPorts,
    webhookEgress: planned.egressRequirements,
  });

  const cronJobs = new CronJobsDelivery(app.lolice, 'CronJobs', {
    jobs,
    context: { ...context, externalEgressPorts: networkPolicies.gatewayExternalEgressPorts },
    defaultExternalEgressPorts: defaultPorts,
  });
  const attached = { networkPolicies, cronJobs };
  ATTACHED.set(app, attached);
  return attached;
}

/**
 * Channels configured in openclaw.json whose plugin OpenClaw enables (`plugins.enabled`,
 * `plugins.deny`, `plugins.allow`, then `plugins.entries.<id>.enabled`), with a token for Discord
 * and Telegram, sorted.
 */
function enabledChannels(document: OpenClawConfigDocument): string[] {
  const channels = document.channels ?? {};
  return Object.keys(channels)
    .filter((id) => {
      const channel = channels[id];
      if (typeof channel !== 'object' || channel === null || Array.isArray(channel)) {
        return false;
      }
      const settings = channel as Readonly<Record<string, unknown>>;
      if (settings.enabled === false || !resolvePluginEnableState(document.plugins, id).enabled) {
        return false;
      }
      if (id === 'discord') {
        return isNonEmpty(settings.token);
      }
      if (id === 'telegram') {
        return isNonEmpty(settings.botToken);
      }
      return true;
    })
    .sort();
}

function isNonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}
