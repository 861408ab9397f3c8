/**
 * The one list of what the default config (`config/lolice.ts`) changes in lolice as it is
 * (boxp/lolice 00ffbb3). Everything else a generated file holds must equal the live file: the
 * live-tree test diffs both sides semantically, subtracts this list and fails on any remainder,
 * and fails on an entry nothing matches. Each entry says why the design
 * (cron webhook delivery and usage telemetry) wants it.
 */
import type { FieldChangeKind } from './manifest-diff';
import type { TreeDiff } from './tree-diff';
import { LOLICE_OPENCLAW_DIR, LOLICE_PATHS } from '../files/lolice-paths';

/** One intended change. */
export interface IntendedChange {
  /** Repo-relative file. */
  readonly file: string;
  /**
   * The object (`Kind/namespace/name`, or `Kind` for kustomize files).
   *
   * @default - the whole file is new
   */
  readonly object?: string;
  /**
   * A field path; every change at or below it matches.
   *
   * @default - the whole object is new
   */
  readonly path?: string;
  /** @default 'added' */
  readonly kind?: FieldChangeKind;
  /** Why, with the design section. */
  readonly why: string;
}

const DEPLOYMENT = 'Deployment/openclaw/openclaw';
const POD = 'spec.template.spec';
const SYNC_WAVE = "metadata.annotations['argocd.argoproj.io/sync-wave']";
const WAVES =
  'rollout order: ESO must have written every key (wave 0) before the Recreate Deployment with ' +
  'non-optional secretKeyRefs rolls (wave 1), or the new pod fails and the old one is gone (' +
  'SSM → ExternalSecret → Deployment env)';
const SHIPPER =
  'cron usage reaches Loki: the run-log JSONL and the "cron: webhook delivery failed" ' +
  'warnings are shipped to stdout for the Cron Jobs dashboard rows and alerts';

/** Every change the default config makes to lolice, replaced files and new files alike. */
export const INTENDED_CHANGES: readonly IntendedChange[] = [
  // argoproj/openclaw: files that replace live ones
  {
    file: LOLICE_PATHS.openclawConfigMap,
    object: 'ConfigMap/openclaw/openclaw-config',
    path: "data['openclaw.json'].cron",
    why: 'cron section (enabled, webhookToken from ${OPENCLAW_CRON_WEBHOOK_TOKEN}, sessionRetention 7d)',
  },
  {
    file: `${LOLICE_OPENCLAW_DIR}/external-secret.yaml`,
    object: 'ExternalSecret/openclaw/openclaw-es',
    path: 'spec.data[secretKey=OPENCLAW_CRON_WEBHOOK_TOKEN]',
    why: 'the webhook token from SSM /lolice/openclaw/OPENCLAW_CRON_WEBHOOK_TOKEN',
  },
  {
    file: `${LOLICE_OPENCLAW_DIR}/external-secret.yaml`,
    object: 'ExternalSecret/openclaw/openclaw-es',
    path: SYNC_WAVE,
    why: WAVES,
  },
  {
    file: `${LOLICE_OPENCLAW_DIR}/external-secret-litellm.yaml`,
    object: 'ExternalSecret/openclaw/litellm-es',
    path: SYNC_WAVE,
    why: WAVES,
  },
  { file: LOLICE_PATHS.gatewayDeployment, object: DEPLOYMENT, path: SYNC_WAVE, why: WAVES },
  {
    file: LOLICE_PATHS.gatewayDeployment,
    object: DEPLOYMENT,
    path: `${POD}.containers[name=openclaw].env[name=OPENCLAW_CRON_WEBHOOK_TOKEN]`,
    why: 'the gateway reads the token as an env var (no envFrom in this Deployment)',
  },
  {
    file: LOLICE_PATHS.gatewayDeployment,
    object: DEPLOYMENT,
    path: `${POD}.containers[name=openclaw].volumeMounts[mountPath=/tmp/openclaw]`,
    why: `${SHIPPER}; OpenClaw writes those warnings only to its file log in /tmp/openclaw, shared with the shipper`,
  },
  {
    file: LOLICE_PATHS.gatewayDeployment,
    object: DEPLOYMENT,
    path: `${POD}.containers[name=cron-run-log]`,
    why: SHIPPER,
  },
  {
    file: LOLICE_PATHS.gatewayDeployment,
    object: DEPLOYMENT,
    path: `${POD}.volumes[name=cron-run-log-shipper]`,
    why: `${SHIPPER}; the shipper script`,
  },
  {
    file: LOLICE_PATHS.gatewayDeployment,
    object: DEPLOYMENT,
    path: `${POD}.volumes[name=openclaw-tmp]`,
    why: `${SHIPPER}; the gateway file log shared with the shipper`,
  },
  // argoproj/openclaw: new files
  { file: LOLICE_PATHS.runLogShipperConfigMap, why: `${SHIPPER}; the shipper script` },
  {
    file: `${LOLICE_PATHS.cronJobsDir}/cron-jobs.json`,
    why: 'the example cron jobs (webhook and Discord announce delivery)',
  },
  {
    file: `${LOLICE_PATHS.cronJobsDir}/apply-cron-jobs.sh`,
    why: 'jobs are added through the gateway RPC, not openclaw.json',
  },
  { file: LOLICE_PATHS.alertRunbook, why: 'the runbook every alert links to' },
  // argoproj/prometheus-operator: new files only (the live dashboard file is left alone)
  ...[
    'kustomization.yaml',
    'grafana-dashboard-openclaw-app.yaml',
    'grafana-deployment-patch.yaml',
    'prometheus-otlp-receiver-patch.yaml',
  ].map((file) => ({
    file: `${LOLICE_PATHS.appDashboardComponent}/${file}`,
    why: 'the OpenClaw Application Metrics dashboard, its Grafana mount, and the OTLP receiver it reads',
  })),
  ...[
    `${LOLICE_PATHS.alertingComponent}/kustomization.yaml`,
    `${LOLICE_PATHS.alertingComponent}/configmap-grafana-alerting-openclaw.yaml`,
    `${LOLICE_PATHS.alertingComponent}/grafana-alerting-volume.yaml`,
    LOLICE_PATHS.prometheusRules,
  ].map((file) => ({
    file,
    why: 'alerts on webhook delivery failures, token usage and failing cron jobs',
  })),
];

/** A change the diff found that the list does not explain. */
export interface UnintendedChange {
  readonly file: string;
  readonly object?: string;
  readonly path?: string;
  readonly kind: FieldChangeKind | 'file-added' | 'file-changed' | 'file-removed' | 'object-removed';
  readonly old?: unknown;
  readonly new?: unknown;
}

/** What remains of a tree diff after subtracting the intended changes, and the entries nothing matched. */
export interface IntendedChangeCheck {
  readonly unintended: readonly UnintendedChange[];
  readonly unmatched: readonly IntendedChange[];
}

/** Subtracts `intended` from `diff`. */
export function checkIntendedChanges(
  diff: TreeDiff,
  intended: readonly IntendedChange[] = INTENDED_CHANGES,
): IntendedChangeCheck {
  const used = new Set<IntendedChange>();
  const unintended: UnintendedChange[] = [];
  const claim = (predicate: (entry: IntendedChange) => boolean): boolean => {
    const entry = intended.find(predicate);
    if (entry !== undefined) used.add(entry);
    return entry !== undefined;
  };
  for (const file of diff.files) {
    if (file.status === 'added') {
      if (!claim((e) => e.file === file.file && e.object === undefined))
        unintended.push({ file: file.file, kind: 'file-added' });
      continue;
    }
    if (file.status === 'removed') {
      unintended.push({ file: file.file, kind: 'file-removed' });
      continue;
    }
    if (file.objects === undefined) {
      unintended.push({ file: file.file, kind: 'file-changed' });
      continue;
    }
    for (const object of file.objects) {
      const sameObject = (e: IntendedChange): boolean => e.file === file.file && e.object === object.object;
      if (object.status === 'added') {
        if (!claim((e) => sameObject(e) && e.path === undefined))
          unintended.push({ file: file.file, object: object.object, kind: 'added' });
        continue;
      }
      if (object.status === 'removed') {
        unintended.push({ file: file.file, object: object.object, kind: 'object-removed' });
        continue;
      }
      for (const change of object.changes) {
        const covered = claim(
          (e) =>
            sameObject(e) &&
            e.path !== undefined &&
            (e.kind ?? 'added') === change.kind &&
            (change.path === e.path || change.path.startsWith(`${e.path}.`) || change.path.startsWith(`${e.path}[`)),
        );
        if (!covered) {
          unintended.push({
            file: file.file,
            object: object.object,
            path: change.path,
            kind: change.kind,
            old: change.old,
            new: change.new,
          });
        }
      }
    }
  }
  return { unintended, unmatched: intended.filter((e) => !used.has(e)) };
}
