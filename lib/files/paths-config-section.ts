/**
 * The config's `paths` section: where each generated file lands in the GitOps repo. Every path is
 * clean and repo-relative, the Grafana components lie under the Grafana app (only its kustomization
 * can list them), and no two generated files share a path.
 */
import { z } from 'zod';
import { checked, type RuleParams } from '../core/zod-checks';
import { fixedGitOpsFiles, type GitOpsPaths } from './gitops-paths';

/** Why `value` is not a clean repo-relative path (no leading "/", no empty, "." or ".." segment), if it is not. */
function unclean(value: string): boolean {
  return value.startsWith('/') || value.split('/').some((s) => s === '' || s === '.' || s === '..');
}

/** A clean repo-relative file path ending in `.yaml` (or `.yml`). */
export function repoYamlFileProblem(value: string): string | undefined {
  return unclean(value) || !/\.ya?ml$/.test(value)
    ? `received ${JSON.stringify(value)}, expected a repo-relative path ending in .yaml, without a leading ` +
        `"/" or an empty, "." or ".." segment: fix the path (e.g. "apps/openclaw/external-secret.yaml")`
    : undefined;
}

function repoFileProblem(extension: string) {
  return (value: string): string | undefined =>
    unclean(value) || !value.endsWith(extension)
      ? `received ${JSON.stringify(value)}, expected a repo-relative path ending in ${extension}, without a ` +
        `leading "/" or an empty, "." or ".." segment: fix the path`
      : undefined;
}

function repoFolderProblem(value: string): string | undefined {
  return unclean(value)
    ? `received ${JSON.stringify(value)}, expected a repo-relative folder, without a leading or trailing "/" ` +
        `or an empty, "." or ".." segment: fix the path (e.g. "apps/openclaw/cron-jobs")`
    : undefined;
}

const yamlFile = checked('gitops-path', repoYamlFileProblem);
const folder = checked('gitops-path', repoFolderProblem);

/** The `paths` section. */
export const gitOpsPathsSchema = z
  .strictObject({
    gatewayDeployment: yamlFile,
    openclawConfigMap: yamlFile,
    networkPolicy: yamlFile,
    runLogShipperConfigMap: yamlFile,
    cronJobsDir: folder,
    alertRunbook: checked('gitops-path', repoFileProblem('.md')),
    prometheusRules: yamlFile,
    grafanaApp: folder,
    appDashboardComponent: folder,
    alertingComponent: folder,
  })
  .superRefine((paths: GitOpsPaths, ctx) => {
    for (const key of ['appDashboardComponent', 'alertingComponent'] as const) {
      if (!paths[key].startsWith(`${paths.grafanaApp}/`)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message:
            `received ${JSON.stringify(paths[key])}, expected a folder under paths.grafanaApp ` +
            `(${JSON.stringify(`${paths.grafanaApp}/`)}): only the Grafana app's kustomization can list the ` +
            `component; move it under that folder or fix paths.grafanaApp`,
          params: { rule: 'gitops-path' } satisfies RuleParams,
        });
      }
    }
    const seen = new Map<string, string>();
    const keys = Object.keys(paths) as (keyof GitOpsPaths)[];
    for (const key of keys) {
      const path = paths[key];
      const other = seen.get(path);
      if (other !== undefined && fixedGitOpsFiles(paths).includes(path)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message:
            `received ${JSON.stringify(path)}, the path of paths.${other} too, expected a file of its own: ` +
            `the later writer would replace the other; give each its own path`,
          params: { rule: 'gitops-path' } satisfies RuleParams,
        });
      }
      seen.set(path, key);
    }
  });
