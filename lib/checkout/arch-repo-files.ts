/**
 * The files a user adds to arch for the generated stack, following the conventions of arch's
 * existing working directories (e.g. `terraform/aws/openclaw`): one folder per state, named by its
 * backend key (`<folder>/v1/terraform.tfstate`), with a `tfaction.yaml` (tfaction picks the folder
 * up) and an `aqua/` folder pinning terraform, tflint and trivy.
 */
import type { ArchConfig } from '../ssm/arch-config';
import type { RenderedTree } from '../files/lolice-tree';

/** Files of a working directory that are copied from a sibling, not generated. */
export const ARCH_COPIED_FILES = [
  'aqua/aqua.yaml',
  'aqua/aqua-checksums.json',
  'aqua/imports/terraform.yaml',
  'aqua/imports/tflint.yaml',
  'aqua/imports/trivy.yaml',
] as const;

/** The sibling working directory whose `aqua/` the README says to copy. */
export const ARCH_SIBLING_WORKING_DIR = 'terraform/aws/openclaw';

/** The arch folder of the stack: its backend key without `/v<N>/terraform.tfstate`. */
export function archWorkingDir(arch: ArchConfig): string {
  const match = /^(.+)\/v\d+\/terraform\.tfstate$/.exec(arch.backend.key);
  if (match?.[1] === undefined) {
    throw new Error(
      `arch backend key "${arch.backend.key}" does not follow arch's "<folder>/v1/terraform.tfstate" pattern: ` +
        'use e.g. "terraform/aws/openclaw-ops/v1/terraform.tfstate"',
    );
  }
  return match[1];
}

/**
 * The generated files in arch's layout (repo-relative): the stack as `main.tf.json` (Terraform
 * reads `*.tf.json` as it reads `*.tf`) and `tfaction.yaml`.
 */
export function archRepoFiles(rendered: RenderedTree, arch: ArchConfig, stackName: string): Map<string, string> {
  const stack = rendered.get(`stacks/${stackName}/cdk.tf.json`);
  if (stack === undefined) {
    throw new Error(
      `the arch render has no stacks/${stackName}/cdk.tf.json (got ` +
        `${[...rendered.keys()].join(', ')}): check arch.stackName`,
    );
  }
  const dir = archWorkingDir(arch);
  return new Map([
    [`${dir}/main.tf.json`, stack],
    [`${dir}/tfaction.yaml`, '{}\n'],
  ]);
}
