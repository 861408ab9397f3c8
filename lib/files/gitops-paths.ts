/**
 * Where every generated file lands in the GitOps repo, relative to its root: the deployment's own
 * layout, given by the config (`paths`). Constructs take their path through props from the app;
 * nothing in lib/ spells out a repo path. The ExternalSecret files are given one by one
 * (`externalSecrets[].path`).
 */

/** The files and folders the tool writes into the GitOps repo. */
export interface GitOpsPaths {
  /** The gateway Deployment, e.g. `argoproj/openclaw/deployment-openclaw.yaml`. */
  readonly gatewayDeployment: string;
  /** The ConfigMap holding `openclaw.json`. */
  readonly openclawConfigMap: string;
  /** The gateway's NetworkPolicies. */
  readonly networkPolicy: string;
  /** The cron run-log shipper script (a ConfigMap). */
  readonly runLogShipperConfigMap: string;
  /** The folder of the cron jobs document and its apply script. */
  readonly cronJobsDir: string;
  /** The runbook every alert links to (Markdown). */
  readonly alertRunbook: string;
  /** The PrometheusRule with the OpenClaw alerts. */
  readonly prometheusRules: string;
  /**
   * The kustomize app of the Grafana the components are added to (kube-prometheus): its
   * `kustomization.yaml` lists the components, so both component folders lie below it.
   */
  readonly grafanaApp: string;
  /** Kustomize Component: the OpenClaw Application Metrics dashboard (a folder under `grafanaApp`). */
  readonly appDashboardComponent: string;
  /** Kustomize Component: the Grafana-managed OpenClaw alerts (a folder under `grafanaApp`). */
  readonly alertingComponent: string;
}

/** The single files of `paths` whose path no ExternalSecret may take (the later writer would replace the other). */
export function fixedGitOpsFiles(paths: GitOpsPaths): string[] {
  return [paths.openclawConfigMap, paths.gatewayDeployment, paths.networkPolicy, paths.runLogShipperConfigMap];
}

/** The folder of a repo-relative file path (`.` for a file at the root). */
export function gitOpsDirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}
