import { mkdirSync } from 'node:fs';
import { App as K8sApp } from 'cdk8s';
import { App as TerraformApp } from 'cdktf';
import { OpenClawSsmStack } from './ssm/openclaw-ssm-stack';
import type { AlertRule } from './observability/alerting/alert-rule';
import { attachAlerting, AttachedAlerting } from './observability/alerting/attach-alerting';
import { attachNetworkAndCron, NetworkAndCron } from './network/attach-network-and-cron';
import { AttachedTelemetry, attachTelemetry } from './observability/dashboard/attach-telemetry';
import { GraphInvariants } from './gitops/graph-invariants';
import { OpenClawConfigMap } from './openclaw/openclaw-config-map';
import { OpenClawExternalSecret } from './secrets/openclaw-external-secret';
import { OpenClawGatewayDeployment, SecretEnvVar } from './gateway/openclaw-gateway-deployment';
import { OpenClawVersion } from './openclaw/openclaw-version';
import { validateOpenClawConfig, type ValidateOpenClawConfigOptions } from './openclaw/validate-config';
import type { OpenClawOpsConfig } from './config/openclaw-ops-config';
import { GitOpsFileChart } from './gitops/gitops-file-chart';
import { renderLoliceTree, RenderedTree } from './gitops/lolice-tree';
import type { NamedQuery } from './query/promql';

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
 * are lolice files, and a cdktf app with the arch stack. Both are built from the same plain
 * values (names, paths); no cdktf token ever crosses into the Kubernetes side.
 */
export class OpenClawOpsApp {
  /** The lolice side (Kubernetes). */
  public readonly lolice: K8sApp;
  private readonly terraformOutdir: string;
  private archSide?: { readonly app: TerraformApp; readonly stack: OpenClawSsmStack };
  /** Deployment `openclaw`. */
  public readonly gateway: OpenClawGatewayDeployment;
  /** ConfigMap `openclaw-config`. */
  public readonly configMap: OpenClawConfigMap;
  /** The OpenClaw release, parsed. */
  public readonly openclawVersion: OpenClawVersion;
  /** How `openclaw.json` is validated at synth (the release, the container's env vars, the OTel requirement). */
  public readonly openclawConfigValidation: ValidateOpenClawConfigOptions;
  public readonly config: OpenClawOpsConfig;
  /** NetworkPolicies and cron job delivery. */
  public readonly network: NetworkAndCron;
  /** The dashboard and its provisioning. */
  public readonly telemetry: AttachedTelemetry;
  /** Alert rules, their Prometheus and Grafana provisioning, and the cron run-log shipper. */
  public readonly alerting: AttachedAlerting;

  constructor(props: OpenClawOpsAppProps) {
    const { config } = props;
    this.config = config;
    this.openclawVersion = OpenClawVersion.parse(config.openclawVersion);
    assertDeclaredOnce(config);

    this.terraformOutdir = props.terraformOutdir ?? 'cdktf.out';

    this.lolice = new K8sApp();

    for (const declaration of config.externalSecrets) {
      const chart = new GitOpsFileChart(this.lolice, declaration.name, { path: declaration.path });
      new OpenClawExternalSecret(chart, 'ExternalSecret', {
        name: declaration.name,
        namespace: config.namespace,
        targetSecretName: declaration.targetSecretName,
        store: config.secretStore,
        refreshInterval: config.externalSecretRefreshInterval,
        secrets: config.secrets.filter((s) => s.secretName === declaration.targetSecretName),
        comment: declaration.comment,
      });
    }

    const configChart = new GitOpsFileChart(this.lolice, 'configmap-openclaw', {
      path: 'argoproj/openclaw/configmap-openclaw.yaml',
    });
    this.configMap = new OpenClawConfigMap(configChart, 'Config', {
      namespace: config.namespace,
      document: config.openclawConfig,
    });

    const secretEnv: SecretEnvVar[] = config.secrets.flatMap((secret) =>
      (secret.envVars ?? []).map((name) => ({ name, secretName: secret.secretName, key: secret.key })),
    );
    const deploymentChart = new GitOpsFileChart(this.lolice, 'deployment-openclaw', {
      path: 'argoproj/openclaw/deployment-openclaw.yaml',
    });
    this.gateway = new OpenClawGatewayDeployment(deploymentChart, 'Gateway', {
      namespace: config.namespace,
      image: config.image,
      secretEnv,
      literalEnv: config.gatewayLiteralEnv,
      configMapName: this.configMap.name,
    });

    const envSource = new Map<string, string>([
      ...secretEnv.map((e): [string, string] => [e.name, `${e.secretName}/${e.key}`]),
      ...config.gatewayLiteralEnv.map((e): [string, string] => [e.name, `literal:${e.value}`]),
    ]);
    this.openclawConfigValidation = {
      version: this.openclawVersion,
      resolveEnvSource: (name) => envSource.get(name),
      requireOtelMetrics: config.telemetry?.requireOtelMetrics ?? true,
      // openclaw refuses to start when a referenced variable is missing: the container's env is known here
      providedEnvVars: [...envSource.keys()].sort(),
    };
    new GraphInvariants(this.lolice, 'Invariants', {
      declaredParameters: new Set(config.secrets.map((s) => s.parameterName)),
      ssmPrefix: config.ssmPrefix,
      validateOpenClawConfig: (document) => validateOpenClawConfig(document, this.openclawConfigValidation),
    });

    // NetworkPolicies (peers derived from the graph) and the cron jobs (issue 3).
    this.network = attachNetworkAndCron(this);
    // Dashboard (with the Loki cron rows), its provisioning and the Prometheus OTLP receiver (issue 4).
    this.telemetry = attachTelemetry(this);
    // Alerts through Grafana-managed alerting, the PrometheusRule, the run-log shipper (issue 5).
    this.alerting = attachAlerting(this);
  }

  /** Every PromQL expression the project emits (dashboard and alerts), for `verify`. */
  public referencedPromQL(): NamedQuery[] {
    const dashboard = this.telemetry.dashboard.queries
      .filter((q) => q.language === 'promql')
      .map((q) => ({ name: `dashboard ${q.row} / ${q.panel} / ${q.refId}`, expr: q.expr }));
    const alerts = this.alerting.rules
      .filter((rule: AlertRule) => rule.language === 'promql')
      .map((rule) => ({ name: `alert ${rule.name}`, expr: rule.expr }));
    return [...dashboard, ...alerts];
  }

  /**
   * The arch side (Terraform). Built on first use, so a lolice-only synth creates nothing under
   * the Terraform outdir.
   */
  public get arch(): TerraformApp {
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

  private buildArch(): { readonly app: TerraformApp; readonly stack: OpenClawSsmStack } {
    if (this.archSide === undefined) {
      // cdktf creates its outdir without parents; make nested outdirs work
      mkdirSync(this.terraformOutdir, { recursive: true });
      const app = new TerraformApp({ outdir: this.terraformOutdir });
      const stack = new OpenClawSsmStack(app, this.config.arch.stackName, {
        arch: this.config.arch,
        secrets: this.config.secrets,
      });
      this.archSide = { app, stack };
    }
    return this.archSide;
  }
}

function assertDeclaredOnce(config: OpenClawOpsConfig): void {
  const keys = new Map<string, string>();
  for (const secret of config.secrets) {
    const id = `${secret.secretName}/${secret.key}`;
    if (keys.has(id)) {
      throw new Error(
        `secret ${id} is declared twice (parameters ${keys.get(id)} and ${secret.parameterName}): keep one declaration per secret key`,
      );
    }
    keys.set(id, secret.parameterName);
  }

  const envOwners = new Map<string, string>();
  const claim = (name: string, owner: string): void => {
    const previous = envOwners.get(name);
    if (previous !== undefined) {
      throw new Error(
        `env var ${name} of container openclaw is declared twice (by ${previous} and by ${owner}); the later one would silently win: keep one declaration`,
      );
    }
    envOwners.set(name, owner);
  };
  for (const secret of config.secrets) {
    for (const name of secret.envVars ?? []) {
      claim(name, `secret ${secret.secretName}/${secret.key}`);
    }
  }
  for (const literal of config.gatewayLiteralEnv) {
    claim(literal.name, 'the literal env list');
  }

  const esTargets = new Map<string, string>();
  for (const es of config.externalSecrets) {
    if (esTargets.has(es.targetSecretName)) {
      throw new Error(
        `externalsecrets ${esTargets.get(es.targetSecretName)} and ${es.name} both write secret ${es.targetSecretName}: with creationPolicy Owner they would fight over it; use one ExternalSecret per secret`,
      );
    }
    esTargets.set(es.targetSecretName, es.name);
  }
  for (const secret of config.secrets) {
    if (!esTargets.has(secret.secretName)) {
      throw new Error(
        `secret ${secret.secretName}/${secret.key} targets secret ${secret.secretName}, which no ExternalSecret declaration writes (declared: ${[...esTargets.keys()].join(', ')}): add an externalSecrets entry for it or fix secretName`,
      );
    }
  }
}
