/**
 * The runtime schema of the whole {@link OpenClawOpsConfig}. `npm run synth` strips types, and a
 * config may come from anywhere, so this runs before any construct is built: a missing or
 * mistyped field anywhere is reported with its path (`config.secrets[2].key: expected string,
 * received undefined: …`), never as a `TypeError` from deep inside the graph.
 *
 * Field-level formats and limits (names, regions, durations, image references, …) are checked
 * here too, each under its own rule id; rules that relate several fields are in `config-rules.ts`.
 * `test/config/config-schema-types.test.ts` keeps this schema and the TypeScript types in sync.
 */
import { z } from 'zod';
import type { OpenClawMetric } from '../telemetry/metric-catalog';
import type { OpenClawConfigDocument } from '../openclaw/config-document';
import { SecretValueOwner } from '../secrets/secret-declaration';
import {
  awsRegion,
  controlCharacters,
  dns1035Label,
  dns1123Label,
  dns1123Subdomain,
  envVarName,
  goDurationMs,
  imageRepository,
  imageTag,
  kmsKeyId,
  labelProblem,
  s3BucketName,
  secretKeyName,
  surroundingWhitespace,
} from '../core/formats';

/** Issue params carried by every refinement: the rule id of the README table. */
export interface RuleParams {
  readonly rule: string;
}

/** A string refined by `check` under `rule` (one issue at most). */
function checked(rule: string, check: (value: string) => string | undefined) {
  return z.string().superRefine((value, ctx) => {
    const message = check(value);
    if (message !== undefined) {
      ctx.addIssue({ code: 'custom', message, params: { rule } satisfies RuleParams });
    }
  });
}

/** The first problem of several checks. */
function firstOf(...checks: ((value: string) => string | undefined)[]): (value: string) => string | undefined {
  return (value) => {
    for (const check of checks) {
      const message = check(value);
      if (message !== undefined) return message;
    }
    return undefined;
  };
}

const trimmed = (what: string) => (value: string) => surroundingWhitespace(value, what);
const singleLine = (value: string) => controlCharacters(value);

/** A non-empty single-line name, written as given. */
const plainName = (what: string) =>
  checked(
    'config-text',
    firstOf(
      (v) => (v === '' ? `received an empty string, expected ${what}: set it` : undefined),
      trimmed(what),
      singleLine,
    ),
  );

const namespaceName = checked(
  'k8s-name',
  firstOf(trimmed('a namespace'), (v) => dns1123Label(v, 'a namespace')),
);
const objectName = (what: string) =>
  checked(
    'k8s-name',
    firstOf(trimmed(what), (v) => dns1123Subdomain(v, what)),
  );
const envName = checked('env-var-name', firstOf(trimmed('an env var name'), envVarName));
const port = z.number().int().min(1).max(65535);

/** Label selector of a NetworkPolicy peer: at least one label, each a valid key and value. */
const podLabels = z.record(z.string(), z.string()).superRefine((labels, ctx) => {
  const entries = Object.entries(labels);
  if (entries.length === 0) {
    ctx.addIssue({
      code: 'custom',
      message:
        'received {}, expected at least one label: an empty podSelector selects ' +
        'every pod in the namespace, so the rule would allow more than declared; ' +
        'add the labels of the pods, e.g. { "app.kubernetes.io/name": "grafana" }',
      params: { rule: 'pod-selector-nonempty' } satisfies RuleParams,
    });
  }
  for (const [key, value] of entries) {
    const problem = labelProblem(key, value);
    if (problem !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: problem,
        path: [key],
        params: { rule: 'k8s-label' } satisfies RuleParams,
      });
    }
  }
});

/** Reports every value JSON cannot carry (NaN, Infinity, functions, class instances, …) at its own path. */
function checkJson(value: unknown, path: (string | number)[], ctx: z.RefinementCtx): void {
  const problem = (message: string) =>
    ctx.addIssue({ code: 'custom', path, message, params: { rule: 'config-shape' } satisfies RuleParams });
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      problem(`expected a finite number, received ${value}: JSON has no NaN or Infinity; fix the value`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkJson(item, [...path, index], ctx));
    return;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) checkJson(item, [...path, key], ctx);
    }
    return;
  }
  problem(
    `expected a JSON value (string, number, boolean, null, array or plain ` +
      `object), received ` +
      `${typeof value === 'object' ? 'a class instance' : typeof value}: write ` +
      `plain JSON data`,
  );
}

/** openclaw.json: a JSON object; OpenClaw's own rules are checked by `validate-config.ts`. */
const openclawConfigSchema = z.record(z.string(), z.unknown()).superRefine((document, ctx) => {
  for (const [key, value] of Object.entries(document)) {
    if (value !== undefined) checkJson(value, [key], ctx);
  }
  // Sections our code reads must be objects where they are present.
  for (const section of [
    'models',
    'plugins',
    'channels',
    'diagnostics',
    'gateway',
    'cron',
    'hooks',
    'env',
    'agents',
    'tools',
  ]) {
    const value = document[section];
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      ctx.addIssue({
        code: 'custom',
        path: [section],
        message:
          `expected an object, received ` +
          `${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}: ` +
          `write the ${section} section as an object (see OpenClaw's configuration ` +
          `reference) or remove it`,
        params: { rule: 'config-shape' } satisfies RuleParams,
      });
    }
  }
}) as unknown as z.ZodType<OpenClawConfigDocument>;

const imageSchema = z.strictObject({
  repository: checked('image-reference', firstOf(trimmed('an image repository'), imageRepository)),
  tag: checked('image-reference', firstOf(trimmed('an image tag'), imageTag)),
});

const quantityMap = z.record(z.string(), z.string()).readonly();
const volumeMountSchema = z.strictObject({
  name: plainName('a volume name'),
  mountPath: plainName('a mount path'),
  subPath: z.string().optional(),
  readOnly: z.boolean().optional(),
});
const containerBody = {
  comment: z.string().optional(),
  script: z.array(z.string()).readonly().optional(),
  resources: z.strictObject({ requests: quantityMap.optional(), limits: quantityMap.optional() }).optional(),
  securityContext: z
    .strictObject({
      runAsUser: z.number().int().optional(),
      runAsGroup: z.number().int().optional(),
      runAsNonRoot: z.boolean().optional(),
      allowPrivilegeEscalation: z.boolean().optional(),
      readOnlyRootFilesystem: z.boolean().optional(),
      privileged: z.boolean().optional(),
      capabilities: z
        .strictObject({
          add: z.array(z.string()).readonly().optional(),
          drop: z.array(z.string()).readonly().optional(),
        })
        .optional(),
    })
    .optional(),
  volumeMounts: z.array(volumeMountSchema).readonly().optional(),
};
const httpProbeSchema = z.strictObject({
  httpGet: z.strictObject({ path: z.string(), port }),
  initialDelaySeconds: z.number().int().min(0).optional(),
  periodSeconds: z.number().int().min(1).optional(),
  timeoutSeconds: z.number().int().min(1).optional(),
  failureThreshold: z.number().int().min(1).optional(),
});
const podContainerSchema = z.strictObject({
  name: checked(
    'k8s-name',
    firstOf(trimmed('a container name'), (v) => dns1123Label(v, 'a container name')),
  ),
  image: imageSchema,
  env: z
    .array(z.lazy(() => literalEnvSchema))
    .readonly()
    .optional(),
  ports: z.array(port).readonly().optional(),
  readinessProbe: httpProbeSchema.optional(),
  livenessProbe: httpProbeSchema.optional(),
  ...containerBody,
});
const gatewayPodSchema = z.strictObject({
  initContainers: z.array(podContainerSchema).readonly(),
  gateway: z.strictObject({
    ...containerBody,
    envComments: z.record(z.string(), z.string()).readonly().optional(),
  }),
  sidecars: z.array(podContainerSchema).readonly(),
  volumes: z
    .array(
      z
        .strictObject({
          name: plainName('a volume name'),
          emptyDir: z.strictObject({}).optional(),
          configMap: z
            .strictObject({ name: objectName('a ConfigMap name'), defaultMode: z.number().int().optional() })
            .optional(),
          openclawConfigMap: z.literal(true).optional(),
          persistentVolumeClaim: z.strictObject({ claimName: objectName('a claim name') }).optional(),
        })
        .superRefine((volume, ctx) => {
          const sources = ['emptyDir', 'configMap', 'openclawConfigMap', 'persistentVolumeClaim'] as const;
          const set = sources.filter((key) => volume[key] !== undefined);
          if (set.length !== 1) {
            ctx.addIssue({
              code: 'custom',
              message:
                `received ${set.length === 0 ? 'no source' : `sources ${set.join(', ')}`}, expected exactly one of ` +
                `${sources.join(', ')}: give volume "${volume.name}" one source`,
              params: { rule: 'config-shape' } satisfies RuleParams,
            });
          }
        }),
    )
    .readonly(),
  nodeSelector: z.record(z.string(), z.string()).readonly().optional(),
  fsGroup: z.number().int().optional(),
});

const secretDeclarationSchema = z.strictObject({
  key: checked('secret-key-name', firstOf(trimmed('a Secret key'), secretKeyName)),
  secretName: objectName('a Secret name'),
  parameterName: z.string(),
  owner: z.enum(SecretValueOwner),
  description: checked(
    'ssm-description',
    firstOf(
      (v) =>
        v.length > 1024
          ? `received a description of ${v.length} characters, expected at most 1024 ` +
            `(the SSM limit; terraform apply would fail): shorten it`
          : undefined,
      singleLine,
    ),
  ),
  envVars: z.array(envName).readonly().optional(),
  managedBy: z.string().optional(),
  kmsKeyId: checked('kms-key-id', kmsKeyId).optional(),
  generatedLength: z
    .number()
    .int()
    .superRefine((length, ctx) => {
      if (length < 64 || length > 4096) {
        ctx.addIssue({
          code: 'custom',
          message:
            `received ${length}, expected an integer from 64 (≥ 32 bytes of entropy ` +
            `in alphanumerics) to 4096 (the SSM standard-tier value limit): set ` +
            `generatedLength in that range`,
          params: { rule: 'generated-length' } satisfies RuleParams,
        });
      }
    })
    .optional(),
});

const externalSecretSchema = z.strictObject({
  name: objectName('an ExternalSecret name'),
  targetSecretName: objectName('a Secret name'),
  path: checked('gitops-path', (v) =>
    /^argoproj\/[A-Za-z0-9._/-]+\.ya?ml$/.test(v) && !v.split('/').includes('..')
      ? undefined
      : `received ${JSON.stringify(v)}, expected a relative path under argoproj/ ` +
        `ending in .yaml, without "..": fix the path (e.g. ` +
        `"argoproj/openclaw/external-secret.yaml")`,
  ),
  comment: checked('config-text', singleLine).optional(),
});

const literalEnvSchema = z.strictObject({
  name: envName,
  value: checked('config-text', (v) => controlCharacters(v)),
});

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

const archSchema = z.strictObject({
  stackName,
  region,
  backend: z.strictObject({
    bucket: checked('s3-bucket-name', s3BucketName),
    key: z.string(),
    region,
  }),
  reservedStateKeyPrefixes: z.array(z.string()).readonly(),
  tags: tagsSchema.readonly().optional(),
});

/** Refuses an empty port list: in a NetworkPolicy rule, no ports means every port. */
function nonEmptyPorts(rule: string, message: string) {
  return (ports: readonly unknown[], ctx: z.RefinementCtx): void => {
    if (ports.length === 0) ctx.addIssue({ code: 'custom', message, params: { rule } satisfies RuleParams });
  };
}

const clusterServiceSchema = z.strictObject({
  name: checked(
    'k8s-name',
    firstOf(trimmed('a Service name'), (v) => dns1035Label(v, 'a Service name')),
  ),
  namespace: namespaceName,
  podLabels: podLabels.readonly(),
  ports: z
    .array(z.strictObject({ port, targetPort: port }))
    .readonly()
    .superRefine(
      nonEmptyPorts(
        'service-ports-nonempty',
        'received an empty port list, expected at least one {port, targetPort}: ' +
          'a NetworkPolicy rule without ports allows every port; list the ports ' +
          'the Service exposes',
      ),
    ),
  description: z.string(),
});

const networkSchema = z.strictObject({
  clusterServices: z.array(clusterServiceSchema).readonly().optional(),
  litellmPolicy: z.boolean().optional(),
  ingress: z.enum(['cloudflared', 'none']).optional(),
  clusterDomain: checked(
    'k8s-name',
    firstOf(trimmed('a cluster domain'), (v) => dns1123Subdomain(v, 'a cluster domain')),
  ).optional(),
  externalEgressPorts: z
    .array(port)
    .readonly()
    .superRefine(
      nonEmptyPorts(
        'egress-ports-nonempty',
        'received an empty port list, expected at least one TCP port: a ' +
          'NetworkPolicy rule without ports opens every port to 0.0.0.0/0 and ' +
          '::/0; list the ports (e.g. [80, 443]), or omit the field for the default',
      ),
    )
    .optional(),
  urlEnvVars: z.array(envName).readonly().optional(),
});

const cronJobName = checked(
  'cron-job-name',
  firstOf(
    (v) =>
      v.trim() === ''
        ? 'received an empty name, expected a unique non-empty name (jobs are upserted by name): give the job a name'
        : undefined,
    trimmed('a job name'),
    (v) =>
      v.startsWith('-')
        ? `received ${JSON.stringify(v)}, which starts with "-" and would be read ` +
          `as an option by the apply script's commands, expected a name starting ` +
          `with a letter or digit: rename the job`
        : undefined,
    (v) => {
      const problem = controlCharacters(v);
      return problem === undefined
        ? undefined
        : `${problem.replace(/: remove it$/, '')} (the apply script passes names as arguments): rename the job`;
    },
    (v) =>
      v.normalize('NFC') !== v
        ? `received a name that is not in Unicode NFC form, expected NFC (a ` +
          `normalised copy would not match on re-run and the job would be added ` +
          `twice): write the name in NFC`
        : undefined,
    (v) => (v.length > 200 ? `received a name of ${v.length} characters, expected at most 200: shorten it` : undefined),
  ),
);

const scheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('at'), at: z.string() }),
  z.strictObject({
    kind: z.literal('every'),
    everyMs: z
      .number()
      .int()
      .superRefine((ms, ctx) => {
        if (ms < 60_000) {
          ctx.addIssue({
            code: 'custom',
            message:
              `received ${ms}, expected at least 60000 (everyMs is in milliseconds; ` +
              `${ms} ms runs the job ` +
              `${ms < 1000 ? 'many times a second' : 'every few seconds'}): write the ` +
              `interval in milliseconds, e.g. 3600000 for hourly`,
            params: { rule: 'cron-every-floor' } satisfies RuleParams,
          });
        }
      }),
    anchorMs: z.number().int().min(0).optional(),
  }),
  z.strictObject({
    kind: z.literal('cron'),
    expr: checked('cron-expr-fields', (v) => {
      const fields = v.trim().split(/\s+/).length;
      if (v.trim().startsWith('@') || fields === 5) return undefined;
      if (fields === 6) {
        return (
          `received "${v.trim()}" with 6 fields, expected 5 (minute hour day month ` +
          `weekday): croner reads a 6-field expression with seconds first, so "` +
          `${v.trim()}" would not run when it seems to; drop the seconds field`
        );
      }
      return (
        `received "${v.trim()}" with ${fields} fields, expected 5 (minute hour ` +
        `day month weekday): fix the expression, e.g. "0 9 * * *"`
      );
    }),
    tz: checked('config-text', trimmed('a time zone')).optional(),
    staggerMs: z.number().int().min(0).optional(),
  }),
]);

const payloadSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('systemEvent'), text: checked('config-text', (v) => controlCharacters(v, true)) }),
  z.strictObject({
    kind: z.literal('agentTurn'),
    message: checked('config-text', (v) => controlCharacters(v, true)),
    model: z.string().optional(),
    thinking: z.string().optional(),
    timeoutSeconds: z.number().int().min(0).optional(),
  }),
]);

const deliverySchema = z.strictObject({
  mode: z.enum(['none', 'announce', 'webhook']),
  channel: checked(
    'normalised-value',
    firstOf(trimmed('a channel id'), (v) =>
      v !== v.toLowerCase()
        ? `received ${JSON.stringify(v)}, expected lowercase (channels are matched ` +
          `lowercased but the value is sent as written): write "${v.toLowerCase()}"`
        : undefined,
    ),
  ).optional(),
  to: checked('normalised-value', firstOf(trimmed('a delivery target'), singleLine)).optional(),
  bestEffort: z.boolean().optional(),
});

const cronJobSchema = z.strictObject({
  name: cronJobName,
  description: checked('config-text', (v) => controlCharacters(v, true)).optional(),
  enabled: z.boolean().optional(),
  agentId: z.string().optional(),
  schedule: scheduleSchema,
  sessionTarget: z.enum(['main', 'isolated']),
  wakeMode: z.enum(['now', 'next-heartbeat']),
  payload: payloadSchema,
  delivery: deliverySchema.optional(),
  allowInsecureHttp: z.boolean().optional(),
  allowLongTimeout: z.boolean().optional(),
  receiver: z.strictObject({ namespace: namespaceName, podLabels: podLabels.readonly(), port }).optional(),
});

const promDuration = checked('prometheus-duration', (v) =>
  /^(?:\d+(?:ms|s|m|h|d|w|y))+$/.test(v)
    ? undefined
    : `received ${JSON.stringify(v)}, expected a Prometheus duration such as ` +
      `"15m", "6h" or "7d" (no spaces, no words): fix the duration`,
);

const dashboardRowSchema = z.strictObject({
  title: z.string(),
  panels: z
    .array(
      z.strictObject({
        title: z.string(),
        kind: z.enum(['timeseries', 'stat']),
        unit: z.string(),
        sources: z.array(z.custom<OpenClawMetric>((v) => typeof v === 'object' && v !== null)).readonly(),
        note: z.string(),
        targets: z
          .array(
            z.strictObject({ expr: z.string(), legend: z.string(), language: z.enum(['promql', 'logql']).optional() }),
          )
          .readonly(),
        axisLabel: z.string().optional(),
        min: z.number().optional(),
        max: z.number().optional(),
        width: z.number().int().min(1).max(24).optional(),
      }),
    )
    .readonly(),
});

const telemetrySchema = z.strictObject({
  prometheus: z
    .strictObject({
      prometheusVersion: z.string().optional(),
      operatorVersion: z.string().optional(),
      translationStrategy: z
        .enum([
          'UnderscoreEscapingWithSuffixes',
          'NoUTF8EscapingWithSuffixes',
          'UnderscoreEscapingWithoutSuffixes',
          'NoTranslation',
        ])
        .optional(),
      promoteResourceAttributes: z.array(z.string()).readonly().optional(),
      keepIdentifyingResourceAttributes: z.boolean().optional(),
      enableFeatures: z.array(z.string()).readonly().optional(),
    })
    .optional(),
  datasources: z.strictObject({ prometheus: z.string(), loki: z.string() }).optional(),
  extraDashboardRows: z.array(dashboardRowSchema).readonly().optional(),
  requireOtelMetrics: z.boolean().optional(),
});

const alertingSchema = z.strictObject({
  contactPoint: plainName('a contact point name').optional(),
  prometheusDatasourceUid: z.string().optional(),
  lokiDatasourceUid: z.string().optional(),
  folder: plainName('a folder title').optional(),
  evaluationInterval: promDuration.optional(),
  runbookBaseUrl: z.string().optional(),
  thresholds: z
    .strictObject({
      webhookFailureWindow: promDuration.optional(),
      webhookFailuresPerJob: z.number().optional(),
      ssrfBlockedWindow: promDuration.optional(),
      cronFailureWindow: promDuration.optional(),
      cronFailuresPerJob: z.number().optional(),
      tokenRateWindow: promDuration.optional(),
      tokenBaselineWindow: promDuration.optional(),
      tokenAnomalyFactor: z.number().optional(),
      tokenAnomalyFloorPerHour: z.number().optional(),
      tokenAnomalyFor: promDuration.optional(),
      dailyCostBudgetUsd: z.number().optional(),
      telemetryAbsentFor: promDuration.optional(),
    })
    .optional(),
  runLogShipper: z
    .strictObject({
      stateStorage: z.enum(['pvc', 'emptyDir']).optional(),
      followGatewayFileLog: z.boolean().optional(),
    })
    .optional(),
});

/** ESO re-reads every parameter this often; below a minute it mostly burns SSM API quota. */
export const MIN_REFRESH_INTERVAL_MS = 60_000;

/** The whole config. */
export const openClawOpsConfigSchema = z.strictObject({
  openclawVersion: z.string(),
  namespace: namespaceName,
  image: imageSchema,
  gatewayPod: gatewayPodSchema,
  ssmPrefix: checked('ssm-prefix', (v) =>
    /^\/[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*\/$/.test(v) && !/^\/(aws|ssm)/i.test(v)
      ? undefined
      : `received ${JSON.stringify(v)}, expected a prefix that starts and ends ` +
        `with "/" and uses only a-z, A-Z, 0-9, "_", "." and "-" (not starting ` +
        `with aws or ssm): fix ssmPrefix, e.g. "/lolice/openclaw/"`,
  ),
  secretStore: z.strictObject({
    kind: z.enum(['ClusterSecretStore', 'SecretStore']),
    name: objectName('a store name'),
  }),
  externalSecretRefreshInterval: checked('go-duration', (v) => {
    const ms = goDurationMs(v);
    if (ms === undefined) {
      return (
        `received ${JSON.stringify(v)}, expected a Go duration such as "1h", ` +
        `"30m" or "1h30m" (units ns, us, ms, s, m, h; no spaces, no days): ESO ` +
        `would reject the ExternalSecret; write e.g. "1h"`
      );
    }
    if (ms < MIN_REFRESH_INTERVAL_MS) {
      return (
        `received ${JSON.stringify(v)} (${ms} ms), expected at least "1m": ESO ` +
        `would re-read every parameter that often and burn the SSM API quota; ` +
        `use e.g. "1h"`
      );
    }
    return undefined;
  }),
  externalSecrets: z.array(externalSecretSchema).readonly(),
  secrets: z.array(secretDeclarationSchema).readonly(),
  gatewayLiteralEnv: z.array(literalEnvSchema).readonly(),
  openclawConfig: openclawConfigSchema,
  arch: archSchema,
  network: networkSchema.optional(),
  cronJobs: z.array(cronJobSchema).readonly().optional(),
  telemetry: telemetrySchema.optional(),
  alerting: alertingSchema.optional(),
});

/** What the schema accepts. */
export type OpenClawOpsConfigInput = z.input<typeof openClawOpsConfigSchema>;
/** What a successful parse returns. */
export type OpenClawOpsConfigOutput = z.output<typeof openClawOpsConfigSchema>;
