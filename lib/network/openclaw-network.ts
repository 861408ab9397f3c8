/**
 * The gateway's network in lolice: the NetworkPolicies of `argoproj/openclaw/networkpolicy.yaml`,
 * whose peers derive from the graph (openclaw.json, the gateway env, the declared cron webhooks),
 * and the cron job delivery, whose webhooks the policy opens.
 */
import { Construct } from 'constructs';
import { isNonEmpty } from '../core/describe-value';
import type { CronJobDeclaration } from '../cron/cron-job-declaration';
import { CronJobsDelivery } from '../cron/cron-jobs-delivery';
import type { CronValidationContext } from '../cron/validate-cron-jobs';
import type { GatewayEnv } from '../gateway/gateway-env';
import { GitOpsFileChart } from '../files/gitops-file-chart';
import type { OpenClawConfigDocument } from '../openclaw/config-document';
import type { OpenClawConfig } from '../openclaw/openclaw-config';
import { resolvePluginEnableState } from '../openclaw/validate-config';
import {
  collectGatewayEndpoints,
  DEFAULT_EXTERNAL_EGRESS_PORTS,
  GatewayNetworkConfig,
} from '../endpoints/network-peers';
import { OpenClawNetworkPolicies } from './openclaw-network-policies';

/** Props of {@link OpenClawNetwork}. */
export interface OpenClawNetworkProps {
  /** Where the NetworkPolicy file goes, relative to the GitOps repo root (the config's `paths.networkPolicy`). */
  readonly path: string;
  /** Namespace of the gateway. */
  readonly namespace: string;
  /** openclaw.json: model provider URLs and the OTLP endpoint become egress peers. */
  readonly config: OpenClawConfig;
  /** The gateway env: literal URL env vars (e.g. `GRAFANA_URL`) become egress peers. */
  readonly env: GatewayEnv;
  /**
   * Known in-cluster Services, internet egress ports, URL env vars.
   *
   * @default - every {@link GatewayNetworkConfig} default
   */
  readonly settings?: GatewayNetworkConfig;
  /**
   * Cron jobs delivered into {@link cronJobsDir}; their webhooks get egress rules.
   *
   * @default []
   */
  readonly cronJobs?: readonly CronJobDeclaration[];
  /** The folder the cron jobs document and apply script go to (the config's `paths.cronJobsDir`). */
  readonly cronJobsDir: string;
  /**
   * The gateway pod's ports ingress may reach, by container.
   *
   * @default - the gateway's port only
   */
  readonly podPorts?: readonly { readonly name: string; readonly port: number }[];
}

/**
 * NetworkPolicies `openclaw-network`, `litellm-network`, `cloudflared-network` and the cron job
 * delivery. The cron jobs are validated once; the policies are built from the webhook egress that
 * validation found, so every webhook port is open by construction.
 */
export class OpenClawNetwork extends Construct {
  /** The NetworkPolicies of the file `paths.networkPolicy` names. */
  public readonly networkPolicies: OpenClawNetworkPolicies;
  /** The validated cron jobs and their files under `paths.cronJobsDir`. */
  public readonly cronJobs: CronJobsDelivery;

  constructor(scope: Construct, id: string, props: OpenClawNetworkProps) {
    super(scope, id);
    const settings = props.settings ?? {};
    const services = settings.clusterServices ?? [];
    const defaultPorts = settings.externalEgressPorts ?? DEFAULT_EXTERNAL_EGRESS_PORTS;
    const jobs = props.cronJobs ?? [];
    const document = props.config.document;
    const channels = enabledChannels(document);

    // No externalEgressPorts: the policy below is built from the jobs and opens every webhook's port.
    const context: CronValidationContext = {
      openclawVersion: props.config.version,
      webhookTokenConfigured: isNonEmpty(document.cron?.webhookToken),
      clusterDomain: settings.clusterDomain,
      clusterServices: services.map((s) => ({ name: s.name, namespace: s.namespace })),
      clusterNamespaces: [props.namespace],
      enabledChannels: channels,
      discordConfigured: channels.includes('discord'),
    };
    // Validated once, here (a synth failure on error); the policy takes its webhook egress from the result.
    this.cronJobs = new CronJobsDelivery(this, 'CronJobs', {
      jobs,
      context,
      defaultExternalEgressPorts: defaultPorts,
      directory: props.cronJobsDir,
    });

    const chart = new GitOpsFileChart(this, 'networkpolicy', { path: props.path });
    this.networkPolicies = new OpenClawNetworkPolicies(chart, 'NetworkPolicies', {
      namespace: props.namespace,
      gatewayEndpoints: collectGatewayEndpoints({
        openclawConfig: document,
        literalEnv: props.env.literal,
        urlEnvVars: settings.urlEnvVars,
      }),
      services,
      clusterDomain: settings.clusterDomain,
      externalEgressPorts: defaultPorts,
      webhookEgress: this.cronJobs.egressRequirements,
      podPorts: props.podPorts,
      litellmPolicy: settings.litellmPolicy,
      ingress: settings.ingress,
    });
  }
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
