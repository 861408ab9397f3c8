import { Construct } from 'constructs';
import { GitOpsFileChart } from '../files/gitops-file-chart';
import type { OpenClawConfigDocument } from './config-document';
import type { ContainerEnv } from './container-env';
import { OPENCLAW_CONFIG_KEY, OpenClawConfigMap } from './openclaw-config-map';
import type { OpenClawVersion } from './openclaw-version';
import { renderOpenClawConfig } from './render-config';
import { validateOpenClawConfig, type ValidateOpenClawConfigOptions } from './validate-config';

/** Props of {@link OpenClawConfig}. */
export interface OpenClawConfigProps {
  /** Where the ConfigMap file goes, relative to the GitOps repo root (the config's `paths.openclawConfigMap`). */
  readonly path: string;
  /** Namespace of the ConfigMap. */
  readonly namespace: string;
  /** The whole `openclaw.json` as authored (the layout of the releases before the version gates). */
  readonly document: OpenClawConfigDocument;
  /**
   * The OpenClaw release; the file is rendered for it (the gate table `version-gates.ts` decides the
   * layout, e.g. `channels.discord.dmPolicy` vs `dm.policy`) and version-specific rules follow it.
   */
  readonly version: OpenClawVersion;
  /**
   * Exact hosts of in-cluster cron webhook receivers, rendered into
   * `cron.webhookSsrfPolicy.allowedHostnames` (only from the `cron-webhook-ssrf-policy` gate on).
   * @default []
   */
  readonly cronWebhookAllowedHostnames?: readonly string[];
  /** The env of the container that reads the document (resolves `${VAR}` for the `hooks.token` rule). */
  readonly env: ContainerEnv;
  /**
   * Fail unless the document really produces OTel metrics (see `TelemetryConfig.requireOtelMetrics`).
   *
   * @default true
   */
  readonly requireOtelMetrics?: boolean;
}

/**
 * `openclaw.json` in lolice: ConfigMap `openclaw-config` in `argoproj/openclaw/configmap-openclaw.yaml`,
 * validated with OpenClaw's own rules (rule `openclaw-config`) once the graph is complete.
 */
export class OpenClawConfig extends Construct {
  /** The ConfigMap. */
  public readonly configMap: OpenClawConfigMap;
  /** The document as written (rendered for `version`). */
  public readonly document: OpenClawConfigDocument;
  /** The OpenClaw release. */
  public readonly version: OpenClawVersion;
  /** How the document is validated (the release, the container's env vars, the OTel requirement). */
  public readonly validation: ValidateOpenClawConfigOptions;

  constructor(scope: Construct, id: string, props: OpenClawConfigProps) {
    super(scope, id);
    this.document = renderOpenClawConfig(props.document, {
      version: props.version,
      cronWebhookAllowedHostnames: props.cronWebhookAllowedHostnames,
    });
    this.version = props.version;
    const chart = new GitOpsFileChart(this, 'configmap-openclaw', { path: props.path });
    this.configMap = new OpenClawConfigMap(chart, 'Config', { namespace: props.namespace, document: this.document });
    this.validation = {
      version: props.version,
      resolveEnvSource: (name) => props.env.sourceOf(name),
      requireOtelMetrics: props.requireOtelMetrics ?? true,
      // openclaw refuses to start when a referenced variable is missing: the container's env is known here
      providedEnvVars: props.env.names(),
    };
    const where = `configmap ${props.namespace}/${this.configMap.name} ${OPENCLAW_CONFIG_KEY}`;
    this.node.addValidation({
      validate: () =>
        validateOpenClawConfig(writtenDocument(this.document), this.validation).map(
          (problem) => `[openclaw-config] ${where}: ${problem}`,
        ),
    });
  }

  /** Name of the ConfigMap holding `openclaw.json`. */
  public get configMapName(): string {
    return this.configMap.name;
  }
}

/** The document as OpenClaw reads it back from the ConfigMap (JSON: undefined members dropped). */
function writtenDocument(document: OpenClawConfigDocument): unknown {
  return JSON.parse(JSON.stringify(document)) as unknown;
}
