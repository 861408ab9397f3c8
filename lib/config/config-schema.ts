/**
 * The runtime schema of the whole {@link OpenClawOpsConfig}, composed from the sections each domain
 * owns. `npm run synth` strips types, and a config may come from anywhere, so this runs before any
 * construct is built: a missing or mistyped field anywhere is reported with its path
 * (`config.secrets[2].key: expected string, received undefined: …`), never as a `TypeError` from deep
 * inside the graph.
 *
 * Field-level formats and limits are checked in each section under their own rule ids; rules that
 * relate several fields are in each domain's section too, composed by `config-rules.ts`.
 * `test/config/config-schema.test.ts` keeps this schema and the TypeScript types in sync.
 */
import { z } from 'zod';
import { namespaceName } from '../core/zod-checks';
import { cronJobSchema } from '../cron/cron-config-section';
import { gitOpsPathsSchema } from '../files/paths-config-section';
import { gatewayPodSchema, imageSchema } from '../gateway/gateway-pod-section';
import { networkSchema } from '../network/network-config-section';
import { alertingSchema } from '../observability/alerting/alerting-config-section';
import { telemetrySchema } from '../observability/telemetry-config-section';
import { openclawConfigSchema } from '../openclaw/openclaw-config-section';
import { secretsConfigShape } from '../secrets/secrets-config-section';
import { archSchema } from '../ssm/arch-config-section';

export type { RuleParams } from '../core/zod-checks';

/** The whole config. */
export const openClawOpsConfigSchema = z.strictObject({
  openclawVersion: z.string(),
  namespace: namespaceName,
  paths: gitOpsPathsSchema,
  image: imageSchema,
  gatewayPod: gatewayPodSchema,
  ...secretsConfigShape,
  openclawConfig: openclawConfigSchema,
  arch: archSchema,
  network: networkSchema.optional(),
  cronJobs: z.array(cronJobSchema).readonly().optional(),
  telemetry: telemetrySchema,
  alerting: alertingSchema,
});

/** What the schema accepts. */
export type OpenClawOpsConfigInput = z.input<typeof openClawOpsConfigSchema>;
/** What a successful parse returns. */
export type OpenClawOpsConfigOutput = z.output<typeof openClawOpsConfigSchema>;
