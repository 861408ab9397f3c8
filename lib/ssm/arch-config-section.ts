/**
 * The arch section of the config: its schema (stack name, region, backend, tags) and its rule (a state
 * key of its own). `config/` composes it into the whole config.
 */
import { z } from 'zod';
import type { ConfigProblem } from '../core/config-problem';
import { awsRegion, s3BucketName } from '../core/formats';
import { checked, firstOf, trimmed, type RuleParams } from '../core/zod-checks';
import type { ArchConfig } from './arch-config';

const stackName = checked('cdktf-stack-name', (v) =>
  /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/.test(v)
    ? undefined
    : `received ${JSON.stringify(v)}, expected a stack name of letters, ` +
      `digits, "_" and "-" (it becomes a directory under cdktf.out/stacks): ` +
      `rename it`,
);

const region = checked('aws-region', firstOf(trimmed('a region'), awsRegion));

const tagsSchema = z.record(z.string(), z.string()).superRefine((tags, ctx) => {
  const entries = Object.entries(tags);
  if (entries.length > 50) {
    ctx.addIssue({
      code: 'custom',
      message: `received ${entries.length} tags, expected at most 50 (the AWS limit per resource): drop some`,
      params: { rule: 'ssm-tag' } satisfies RuleParams,
    });
  }
  const allowed = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
  for (const [key, value] of entries) {
    let problem: string | undefined;
    if (key.length < 1 || key.length > 128 || !allowed.test(key)) {
      problem =
        `tag key ${JSON.stringify(key)} is not a valid AWS tag key: expected ` +
        `1-128 letters, digits, spaces and _ . : / = + - @; rename it`;
    } else if (/^aws:/i.test(key)) {
      problem =
        `tag key ${JSON.stringify(key)} starts with "aws:", which AWS reserves, ` +
        `expected another prefix: rename it`;
    } else if (value.length > 256 || !allowed.test(value)) {
      problem =
        `tag ${key} has a value of ${value.length} characters or with characters ` +
        `AWS does not allow: expected at most 256 letters, digits, spaces and _ ` +
        `. : / = + - @; shorten or fix the value`;
    }
    if (problem !== undefined) {
      ctx.addIssue({ code: 'custom', message: problem, path: [key], params: { rule: 'ssm-tag' } satisfies RuleParams });
    }
  }
});

/** The arch side: stack, region, S3 backend, reserved state keys, tags. */
export const archSchema = z.strictObject({
  stackName,
  region,
  backend: z.strictObject({
    bucket: checked('s3-bucket-name', s3BucketName),
    key: z.string(),
    region,
  }),
  reservedStateKeyPrefixes: z.array(z.string()).readonly(),
  tags: tagsSchema.readonly().optional(),
  managedElsewhere: z
    .array(z.strictObject({ resource: z.string(), parameterName: z.string(), file: z.string() }))
    .readonly()
    .optional(),
});

/** The state key is a relative `.tfstate` path outside every other state. */
export function stateKeyProblems(arch: ArchConfig): ConfigProblem[] {
  const key = arch.backend.key;
  const object = 'config.arch.backend.key';
  if (!/^[A-Za-z0-9_.\-/]+\.tfstate$/.test(key) || key.startsWith('/') || key.split('/').includes('..')) {
    return [
      {
        rule: 'state-key',
        object,
        message:
          `received ${JSON.stringify(key)}, expected a relative state path ending ` +
          `in .tfstate: use e.g. "terraform/aws/openclaw-ops/v1/terraform.tfstate"`,
      },
    ];
  }
  const reserved = arch.reservedStateKeyPrefixes.find((prefix) => key.startsWith(prefix));
  if (reserved !== undefined) {
    return [
      {
        rule: 'state-key',
        object,
        message:
          `received ${JSON.stringify(key)}, which is inside "${reserved}" (another ` +
          `terraform state): sharing it would let this stack destroy that state's ` +
          `resources; use a key of its own such as ` +
          `"terraform/aws/openclaw-ops/v1/terraform.tfstate"`,
      },
    ];
  }
  return [];
}
