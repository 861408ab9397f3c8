/**
 * The alerting section of the config: contact point, datasources, evaluation interval, thresholds,
 * the run-log shipper's storage. `config/` composes it into the whole config.
 */
import { z } from 'zod';
import type { ConfigProblem } from '../../core/config-problem';
import { plainName } from '../../core/zod-checks';
import { promDuration } from '../telemetry-config-section';
import type { AlertingConfig } from './alerting-config';

/** The alerting section (`AlertingConfig`). */
export const alertingSchema = z.strictObject({
  contactPoint: plainName('a contact point name'),
  prometheusDatasourceUid: z.string().optional(),
  lokiDatasourceUid: z.string().optional(),
  folder: plainName('a folder title').optional(),
  evaluationInterval: promDuration.optional(),
  runbookBaseUrl: z.string(),
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

/** Every threshold set is a number above 0. */
export function alertingProblems(alerting: AlertingConfig | undefined): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const thresholds = alerting?.thresholds ?? {};
  for (const [field, value] of Object.entries(thresholds)) {
    if (typeof value === 'number' && (!Number.isFinite(value) || value <= 0)) {
      problems.push({
        rule: 'alert-threshold',
        object: `config.alerting.thresholds.${field}`,
        message:
          `received ${value}, expected a number above 0 (0 or less fires always or ` +
          `never): set a positive threshold or omit it for the default`,
      });
    }
  }
  return problems;
}
