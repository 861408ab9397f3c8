import { App as K8sApp } from 'cdk8s';
import { checkConfig } from './config/check-config';
import type { OpenClawOpsConfig } from './config/openclaw-ops-config';
import { CronRunLogShipper } from './cron/cron-run-log-shipper';
import { GatewayEnv } from './gateway/gateway-env';
import { OpenClawGateway } from './gateway/openclaw-gateway';
import { GATEWAY_PORT } from './gateway/gateway-labels';
import { GraphInvariants } from './graph-invariants';
import { renderLoliceTree, RenderedTree } from './files/lolice-tree';
import { OpenClawNetwork } from './network/openclaw-network';
import { OpenClawAlerting } from './observability/alerting/openclaw-alerting';
import { OpenClawDashboard } from './observability/dashboard/openclaw-dashboard';
import { OpenClawConfig } from './openclaw/openclaw-config';
import { OpenClawVersion } from './openclaw/openclaw-version';
import { cronWebhookAllowedHostnames } from './cron/webhook-allowed-hostnames';
import type { NamedQuery } from './query/promql';
import { OpenClawSecrets } from './secrets/openclaw-secrets';
import { OpenClawSsmStack } from './ssm/openclaw-ssm-stack';
import { type ArchApp, createArchApp } from './ssm/arch-app';
import { renderArchApp } from './ssm/render-arch-app';

export interface OpenClawOpsAppProps {
  /** The model of the deployment. */
  readonly config: OpenClawOpsConfig;
  /**
   * Where cdktf writes `manifest.json` and `stacks/<stack>/cdk.tf.json`.
   *
   * @default "cdktf.out"
   */
  readonly terraformOutdir?: string;
}

/**
 * The whole OpenClaw deployment as one graph with two construct roots: a cdk8s app whose charts
 * are lolice files, and a cdktf app with the arch stack. Both are built from the same
 * declarations; no cdktf token ever crosses into the Kubernetes side.
 */
export class OpenClawOpsApp {
  /** The lolice side (Kubernetes). */
  public readonly lolice = new K8sApp();
  public readonly config: OpenClawOpsConfig;
  public readonly secrets: OpenClawSecrets;
  public readonly openclaw: OpenClawConfig;
  public readonly gateway: OpenClawGateway;
  public readonly network: OpenClawNetwork;
  public readonly dashboard: OpenClawDashboard;
  public readonly alerting: OpenClawAlerting;
  private readonly terraformOutdir: string;
  private archSide?: { readonly app: ArchApp; readonly stack: OpenClawSsmStack };

  constructor(props: OpenClawOpsAppProps) {
    // The whole config is checked before anything is built: shape, formats, cross-field rules.
    const config = checkConfig(props.config);
    const { namespace, image, paths } = config;
    this.config = config;
    this.terraformOutdir = props.terraformOutdir ?? 'cdktf.out';
    const secrets = (this.secrets = new OpenClawSecrets(this.lolice, 'Secrets', {
      namespace,
      store: config.secretStore,
      refreshInterval: config.externalSecretRefreshInterval,
      externalSecrets: config.externalSecrets,
      secrets: config.secrets,
      ssmPrefix: config.ssmPrefix,
      managedElsewhere: config.arch.managedElsewhere ?? [],
    }));
    const env = new GatewayEnv({ secret: secrets.envVars, literal: config.gatewayLiteralEnv });
    const version = OpenClawVersion.parse(config.openclawVersion);
    const openclaw = (this.openclaw = new OpenClawConfig(this.lolice, 'OpenClawConfig', {
      path: paths.openclawConfigMap,
      namespace,
      document: config.openclawConfig,
      version,
      env,
      requireOtelMetrics: config.telemetry?.requireOtelMetrics,
      cronWebhookAllowedHostnames: cronWebhookAllowedHostnames(config.cronJobs ?? [], version),
    }));
    const shipper = new CronRunLogShipper(this.lolice, 'CronRunLogShipper', {
      path: paths.runLogShipperConfigMap,
      namespace,
      image,
      ...config.alerting?.runLogShipper,
    });
    const gateway = (this.gateway = new OpenClawGateway(this.lolice, 'Gateway', {
      path: paths.gatewayDeployment,
      namespace,
      image,
      env,
      config: openclaw,
      pod: config.gatewayPod,
      sidecars: [shipper.sidecar],
    }));
    this.network = new OpenClawNetwork(this.lolice, 'Network', {
      path: paths.networkPolicy,
      cronJobsDir: paths.cronJobsDir,
      namespace,
      config: openclaw,
      env,
      settings: config.network,
      cronJobs: config.cronJobs,
      podPorts: [
        { name: 'gateway', port: GATEWAY_PORT },
        ...config.gatewayPod.sidecars.flatMap((c) => (c.ports ?? []).map((port) => ({ name: c.name, port }))),
      ],
    });
    this.dashboard = new OpenClawDashboard(this.lolice, 'Dashboard', { settings: config.telemetry, paths });
    this.alerting = new OpenClawAlerting(this.lolice, 'Alerting', {
      namespace,
      gateway,
      runLogShipper: shipper,
      settings: config.alerting,
      telemetry: config.telemetry,
      paths,
    });
    // The safety net: cross-object rules over every rendered manifest.
    new GraphInvariants(this.lolice, 'Invariants', {
      declaredParameters: secrets.parameterNames,
      ssmPrefix: config.ssmPrefix,
    });
  }

  /** Every PromQL expression the project emits (dashboard and alerts), for `verify`. */
  public referencedPromQL(): NamedQuery[] {
    const dashboard = this.dashboard.dashboard.queries
      .filter((q) => q.language === 'promql')
      .map((q) => ({ name: `dashboard ${q.row} / ${q.panel} / ${q.refId}`, expr: q.expr }));
    const alerts = this.alerting.rules
      .filter((rule) => rule.language === 'promql')
      .map((rule) => ({ name: `alert ${rule.name}`, expr: rule.expr }));
    return [...dashboard, ...alerts];
  }

  /**
   * The arch side (Terraform). Built on first use, so a lolice-only synth creates nothing under
   * the Terraform outdir.
   */
  public get arch(): ArchApp {
    return this.buildArch().app;
  }

  /** The arch stack (built on first use, like {@link arch}). */
  public get stack(): OpenClawSsmStack {
    return this.buildArch().stack;
  }

  /** Renders the lolice tree (runs every validation first). */
  public renderLolice(): RenderedTree {
    return renderLoliceTree(this.lolice);
  }

  /** Writes the Terraform JSON (runs the stack validations). */
  public synthArch(): void {
    this.arch.synth();
  }

  /**
   * Renders the arch side without touching the Terraform outdir: outdir-relative path → content
   * (`manifest.json`, `stacks/<stack>/cdk.tf.json`). Runs the stack validations.
   */
  public renderArch(): RenderedTree {
    return renderArchApp((app) => {
      new OpenClawSsmStack(app, this.config.arch.stackName, {
        arch: this.config.arch,
        secrets: this.secrets.declarations,
        ssmPrefix: this.config.ssmPrefix,
      });
    });
  }

  private buildArch(): { readonly app: ArchApp; readonly stack: OpenClawSsmStack } {
    if (this.archSide === undefined) {
      const app = createArchApp(this.terraformOutdir);
      const stack = new OpenClawSsmStack(app, this.config.arch.stackName, {
        arch: this.config.arch,
        secrets: this.secrets.declarations,
        ssmPrefix: this.config.ssmPrefix,
      });
      this.archSide = { app, stack };
    }
    return this.archSide;
  }
}
