/**
 * The telemetry section of the config: Prometheus' OTLP settings, datasources, extra dashboard rows.
 * `config/` composes it into the whole config.
 */
import { z } from 'zod';
import { checked } from '../core/zod-checks';
import type { OpenClawMetric } from '../telemetry/metric-catalog';

/** A Prometheus duration such as "15m" or "7d". */
export const promDuration = checked('prometheus-duration', (v) =>
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

/** The telemetry section (`TelemetryConfig`). */
export const telemetrySchema = z.strictObject({
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
  datasources: z.strictObject({ prometheus: z.string(), loki: z.string() }),
  extraDashboardRows: z.array(dashboardRowSchema).readonly().optional(),
  requireOtelMetrics: z.boolean().optional(),
});
