/**
 * The rules that relate several fields of a config that already has the right shape
 * (`config-schema.ts`), composed from the sections each domain owns: each returns problems naming the
 * object, the rule and the fix; none throws. Only the composition lives here.
 */
import type { ConfigProblem } from '../core/config-problem';
import { cronJobProblems, cronTextCredentialProblems, webhookTokenProblems } from '../cron/cron-config-section';
import { networkProblems } from '../network/network-config-section';
import { alertingProblems } from '../observability/alerting/alerting-config-section';
import { openclawCredentialProblems, openclawVersionProblems } from '../openclaw/openclaw-config-section';
import {
  externalSecretPathProblems,
  literalEnvProblems,
  ssmParameterProblems,
} from '../secrets/secrets-config-section';
import { stateKeyProblems } from '../ssm/arch-config-section';
import type { OpenClawOpsConfig } from './openclaw-ops-config';

/** Every cross-field problem of a well-shaped config, section by section. */
export function checkConfigRules(config: OpenClawOpsConfig): ConfigProblem[] {
  const cronJobs = config.cronJobs ?? [];
  const document = config.openclawConfig;
  return [
    ...openclawVersionProblems(config.openclawVersion),
    ...ssmParameterProblems(config.secrets, config.ssmPrefix),
    ...stateKeyProblems(config.arch),
    // credentials headed for Git: openclaw.json, literal env, cron job texts
    ...openclawCredentialProblems(document),
    ...literalEnvProblems(config.gatewayLiteralEnv),
    ...cronTextCredentialProblems(cronJobs),
    ...webhookTokenProblems(document, config.secrets),
    ...networkProblems({
      network: config.network,
      secrets: config.secrets,
      literalEnv: config.gatewayLiteralEnv,
      document,
    }),
    ...cronJobProblems(cronJobs, document),
    ...externalSecretPathProblems(config.externalSecrets, config.paths),
    ...alertingProblems(config.alerting),
  ];
}
