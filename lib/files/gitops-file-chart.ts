import { Chart } from 'cdk8s';
import { Construct } from 'constructs';

const GITOPS_FILE_CHART = Symbol.for('openclaw-ops.GitOpsFileChart');

export interface GitOpsFileChartProps {
  /**
   * Path of the YAML file in the GitOps repo, relative to its root, e.g.
   * `argoproj/openclaw/external-secret.yaml`.
   */
  readonly path: string;
  /**
   * Default namespace of the objects.
   *
   * @default - objects set their own namespace (or kustomize does)
   */
  readonly namespace?: string;
}

/**
 * A chart that becomes exactly one file of the lolice repo, at the path lolice already uses.
 * Names are never hashed: every object in the GitOps repo carries its real, stable name.
 */
export class GitOpsFileChart extends Chart {
  /** True when `x` is a {@link GitOpsFileChart} (cdk8s overrides `instanceof` for charts). */
  public static isGitOpsFileChart(x: unknown): x is GitOpsFileChart {
    return typeof x === 'object' && x !== null && GITOPS_FILE_CHART in x;
  }

  /** Path of the file relative to the repo root. */
  public readonly path: string;

  constructor(scope: Construct, id: string, props: GitOpsFileChartProps) {
    super(scope, id, { namespace: props.namespace, disableResourceNameHashes: true });
    assertRepoRelativeYamlPath(props.path);
    this.path = props.path;
    Object.defineProperty(this, GITOPS_FILE_CHART, { value: true });
  }
}

/** Throws unless `path` is a clean, relative `.yaml` path inside the repo. */
export function assertRepoRelativeYamlPath(path: string): void {
  const segments = path.split('/');
  if (
    path.startsWith('/') ||
    !/\.ya?ml$/.test(path) ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    throw new Error(
      `gitops file path "${path}" is not a clean repo-relative yaml path: ` +
        `expected e.g. "apps/openclaw/deployment.yaml" (no leading ` +
        `"/", no "..", ending in .yaml)`,
    );
  }
}
