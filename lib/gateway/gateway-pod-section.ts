/**
 * The gateway's section of the config: the image and the pod (init containers, container `openclaw`,
 * sidecars, volumes), checked before any construct is built. `config/` composes it into the whole config.
 */
import { z } from 'zod';
import { dns1123Label, imageRepository, imageTag } from '../core/formats';
import { checked, firstOf, objectName, plainName, port, trimmed, type RuleParams } from '../core/zod-checks';
import { literalEnvSchema } from '../secrets/secrets-config-section';

/** A container image: repository and tag. */
export const imageSchema = z.strictObject({
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
  env: z.array(literalEnvSchema).readonly().optional(),
  ports: z.array(port).readonly().optional(),
  readinessProbe: httpProbeSchema.optional(),
  livenessProbe: httpProbeSchema.optional(),
  ...containerBody,
});
/** The gateway pod (`GatewayPodConfig`). */
export const gatewayPodSchema = z.strictObject({
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
