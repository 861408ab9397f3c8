/**
 * The cron run-log shipper in lolice: ConfigMap `cron-run-log-shipper` (namespace `openclaw`)
 * holding `sidecar/run-log-shipper.mjs`, and the sidecar container in Deployment `openclaw` that
 * runs it with the OpenClaw image's `node`. Alloy ships the sidecar's stdout to Loki as the stream
 * `{namespace="openclaw", container="cron-run-log"}`, which the Cron Jobs panels and the cron
 * alerts query.
 *
 * The new file `argoproj/openclaw/configmap-cron-run-log-shipper.yaml` must be listed in
 * `argoproj/openclaw/kustomization.yaml` `resources:` in lolice (the kustomization is hand-written).
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
// The generated Kubernetes 1.28 API that cdk8s-plus-28 ships (deep import: the L2 layer is not needed).
import * as k8s from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import type { ImageReference } from '../core/image-reference';
import { GitOpsFileChart } from '../files/gitops-file-chart';
import { addManifestComment } from '../files/yaml-comments';
import {
  RUN_LOG_SHIPPER_COMMAND,
  RUN_LOG_SHIPPER_CONTAINER,
  RUN_LOG_SHIPPER_ENV,
  RUN_LOG_SHIPPER_SCRIPT_PATH,
} from '../telemetry/loki-streams';
import { GatewayVolume, imageOf } from '../gateway/gateway-containers';
import { OPENCLAW_STATE_DIR } from '../gateway/gateway-labels';
import type { GatewaySidecar } from '../gateway/gateway-sidecar';
import { repoPath } from '../core/repo-root';
import { compareText } from '../core/compare-text';

/** Where the shipper keeps its state file (what was already printed). */
export type ShipperStateStorage = 'pvc' | 'emptyDir';

/** Props of {@link CronRunLogShipper}. */
export interface CronRunLogShipperProps {
  /** Where the shipper ConfigMap file goes, repo-relative (the config's `paths.runLogShipperConfigMap`). */
  readonly path: string;
  /** The OpenClaw image (it has `node`). */
  readonly image: ImageReference;
  /** Namespace of the gateway. */
  readonly namespace: string;
  /**
   * Where the state file lives.
   * - `pvc` (default): PVC `data`, subPath `cron-run-log-shipper`, mounted read-write at
   *   `/var/lib/cron-run-log-shipper`. The state survives pod replacement (strategy Recreate, node
   *   moves), so records are not shipped twice. The subPath directory is created by the kubelet
   *   with the mode of the PVC root, which `fsGroup: 1000` makes group-writable.
   * - `emptyDir`: the state survives container restarts only; every pod replacement re-ships every
   *   record still on disk (up to 2,000 per job), so Loki counts those runs twice.
   * @default 'pvc'
   */
  readonly stateStorage?: ShipperStateStorage;
  /**
   * Also follow the gateway's JSON file log (`/tmp/openclaw/openclaw-YYYY-MM-DD.log`), where
   * OpenClaw writes `cron: webhook delivery failed` / `… blocked by SSRF guard` (never to stdout).
   * Adds an emptyDir `openclaw-tmp` mounted at `/tmp/openclaw` in container `openclaw` (read-write)
   * and in the sidecar (read-only). Without it the webhook panels and alerts stay empty.
   * @default true
   */
  readonly followGatewayFileLog?: boolean;
  /**
   * The script shipped in the ConfigMap, read at synth.
   * @default '<repo>/sidecar/run-log-shipper.mjs'
   */
  readonly scriptFile?: string;
}

/** ConfigMap and volume name of the shipper script. */
export const RUN_LOG_SHIPPER_CONFIGMAP = 'cron-run-log-shipper';

/** Volume shared by the gateway (writer) and the sidecar (reader) for the gateway's file log. */
export const GATEWAY_TMP_VOLUME = 'openclaw-tmp';

/** Where the gateway writes its daily file log. */
export const GATEWAY_FILE_LOG_DIR = '/tmp/openclaw';

/** The PVC subPath of the shipper state (stateStorage `pvc`). */
export const SHIPPER_STATE_SUBPATH = 'cron-run-log-shipper';
/** Where the shipper state is mounted in the sidecar (PVC subPath or emptyDir). */
export const SHIPPER_STATE_DIR = '/var/lib/cron-run-log-shipper';

const SHIPPER_STATE_EMPTYDIR = 'cron-run-log-shipper-state';
const DEFAULT_SCRIPT_FILE = repoPath('sidecar', 'run-log-shipper.mjs');

/**
 * ConfigMap `cron-run-log-shipper` plus the sidecar `cron-run-log` for Deployment `openclaw`
 * (hand {@link CronRunLogShipper.sidecar} to the gateway):
 * uid/gid 1000, no privilege escalation, all capabilities dropped, read-only root filesystem,
 * PVC `data` read-only at `/home/node/.openclaw` (the run logs), a writable state location (see
 * {@link CronRunLogShipperProps.stateStorage}).
 */
export class CronRunLogShipper extends Construct {
  /** The ConfigMap object. */
  public readonly configMap: k8s.KubeConfigMap;
  /** The sidecar container. */
  public readonly container: k8s.Container;
  /** The sidecar with its volumes and the mount it needs in container `openclaw`; hand it to the gateway. */
  public readonly sidecar: GatewaySidecar;
  /** The environment of the sidecar (sorted). */
  public readonly env: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: CronRunLogShipperProps) {
    super(scope, id);
    const stateStorage = props.stateStorage ?? 'pvc';
    if (stateStorage !== 'pvc' && stateStorage !== 'emptyDir') {
      throw new Error(
        `cron run-log shipper: received stateStorage ` +
          `${JSON.stringify(stateStorage)}, expected "pvc" or "emptyDir"; set ` +
          `stateStorage (alerting.runLogShipper.stateStorage in the config) to one ` +
          `of them`,
      );
    }
    const followGatewayFileLog = props.followGatewayFileLog ?? true;
    const scriptFile = props.scriptFile ?? DEFAULT_SCRIPT_FILE;
    let script: string;
    try {
      script = readFileSync(scriptFile, 'utf8');
    } catch (error) {
      throw new Error(
        `cron run-log shipper: cannot read the script ${scriptFile} (` +
          `${error instanceof Error ? error.message : String(error)}): expected ` +
          `the file sidecar/run-log-shipper.mjs; run synth from a full checkout`,
      );
    }
    const scriptName = posix.basename(RUN_LOG_SHIPPER_SCRIPT_PATH);
    const scriptDir = posix.dirname(RUN_LOG_SHIPPER_SCRIPT_PATH);

    const chart = new GitOpsFileChart(this, 'ConfigMapFile', { path: props.path });
    this.configMap = new k8s.KubeConfigMap(chart, 'ConfigMap', {
      metadata: {
        name: RUN_LOG_SHIPPER_CONFIGMAP,
        namespace: props.namespace,
        labels: { 'app.kubernetes.io/name': 'openclaw', 'app.kubernetes.io/component': 'cron-run-log-shipper' },
      },
      data: { [scriptName]: script },
    });
    addManifestComment(
      this.configMap,
      [],
      'The cron run-log shipper script (sidecar/run-log-shipper.mjs of ' +
        'openclaw-ops), run by sidecar cron-run-log of Deployment openclaw. Add ' +
        'this file to kustomization.yaml resources.',
    );

    const env: Record<string, string> = { ...RUN_LOG_SHIPPER_ENV, STATE_FILE: `${SHIPPER_STATE_DIR}/state.json` };
    if (followGatewayFileLog) env.GATEWAY_LOG_DIR = GATEWAY_FILE_LOG_DIR;
    else delete env.GATEWAY_LOG_DIR;
    this.env = Object.fromEntries(Object.entries(env).sort(([a], [b]) => compareText(a, b)));

    const volumeMounts: k8s.VolumeMount[] = [
      { name: GatewayVolume.DATA, mountPath: OPENCLAW_STATE_DIR, readOnly: true },
      stateStorage === 'pvc'
        ? { name: GatewayVolume.DATA, mountPath: SHIPPER_STATE_DIR, subPath: SHIPPER_STATE_SUBPATH }
        : { name: SHIPPER_STATE_EMPTYDIR, mountPath: SHIPPER_STATE_DIR },
      { name: RUN_LOG_SHIPPER_CONFIGMAP, mountPath: scriptDir, readOnly: true },
      ...(followGatewayFileLog ? [{ name: GATEWAY_TMP_VOLUME, mountPath: GATEWAY_FILE_LOG_DIR, readOnly: true }] : []),
    ];
    this.container = {
      name: RUN_LOG_SHIPPER_CONTAINER,
      image: imageOf(props.image),
      command: [...RUN_LOG_SHIPPER_COMMAND],
      env: Object.entries(this.env).map(([name, value]) => ({ name, value })),
      resources: {
        requests: { cpu: k8s.Quantity.fromString('10m'), memory: k8s.Quantity.fromString('32Mi') },
        limits: { cpu: k8s.Quantity.fromString('100m'), memory: k8s.Quantity.fromString('128Mi') },
      },
      securityContext: {
        runAsUser: 1000,
        runAsGroup: 1000,
        runAsNonRoot: true,
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      },
      volumeMounts,
    };
    const volumes: k8s.Volume[] = [
      { name: RUN_LOG_SHIPPER_CONFIGMAP, configMap: { name: RUN_LOG_SHIPPER_CONFIGMAP, defaultMode: 0o444 } },
    ];
    if (stateStorage === 'emptyDir') {
      volumes.push({ name: SHIPPER_STATE_EMPTYDIR, emptyDir: {} });
    }
    if (followGatewayFileLog) {
      volumes.push({ name: GATEWAY_TMP_VOLUME, emptyDir: { sizeLimit: k8s.Quantity.fromString('1Gi') } });
    }
    this.sidecar = {
      container: this.container,
      volumes,
      gatewayMounts: followGatewayFileLog ? [{ name: GATEWAY_TMP_VOLUME, mountPath: GATEWAY_FILE_LOG_DIR }] : [],
    };
  }
}
