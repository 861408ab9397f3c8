/**
 * The rules of where a job runs and what it does: `sessionTarget`, `wakeMode` and the payload
 * (main ⇔ systemEvent, isolated ⇔ agentTurn; an agentTurn's message, timeout, model and thinking).
 */
import { describeValue, isIntegerAtLeast, isNonEmpty } from '../core/describe-value';
import type { CronAgentTurnPayload, CronJobDeclaration } from './cron-job-declaration';
import type { CronJobFindings } from './cron-job-findings';

/** Checks the job's session target, wake mode and payload, and that the payload suits the session. */
export function checkSessionAndPayload(job: CronJobDeclaration, findings: CronJobFindings): void {
  const { sessionTarget, payload, wakeMode } = job;
  if (sessionTarget !== 'main' && sessionTarget !== 'isolated') {
    findings.error(`sessionTarget is ${describeValue(sessionTarget)}: expected "main" or "isolated"`);
  }
  if (wakeMode !== 'now' && wakeMode !== 'next-heartbeat') {
    findings.error(`wakeMode is ${describeValue(wakeMode)}: expected "now" or "next-heartbeat"`);
  }
  if (payload.kind === 'systemEvent') {
    if (!isNonEmpty(payload.text)) {
      findings.error(`payload.text is empty: a systemEvent payload needs non-empty text`);
    }
  } else if (payload.kind === 'agentTurn') {
    checkAgentTurn(payload, findings);
  } else {
    findings.error(
      `payload.kind is ${describeValue((payload as { kind?: unknown }).kind)}: expected "systemEvent" or "agentTurn"`,
    );
    return;
  }
  if (sessionTarget === 'main' && payload.kind !== 'systemEvent') {
    findings.error(
      `sessionTarget "main" requires payload.kind "systemEvent" (received "` +
        `${payload.kind}"): use sessionTarget "isolated" for an agentTurn ` +
        `payload, or a systemEvent payload for the main session`,
    );
  }
  if (sessionTarget === 'isolated' && payload.kind !== 'agentTurn') {
    findings.error(
      `sessionTarget "isolated" requires payload.kind "agentTurn" (received "` +
        `${payload.kind}"): use sessionTarget "main" for a systemEvent payload, ` +
        `or an agentTurn payload for an isolated run`,
    );
  }
}

function checkAgentTurn(payload: CronAgentTurnPayload, findings: CronJobFindings): void {
  if (!isNonEmpty(payload.message)) {
    findings.error(`payload.message is empty: an agentTurn payload needs a non-empty message`);
  }
  if (payload.timeoutSeconds !== undefined && !isIntegerAtLeast(payload.timeoutSeconds, 0)) {
    findings.error(
      `payload.timeoutSeconds is ${describeValue(payload.timeoutSeconds)}: expected an ` +
        `integer ≥ 0 (0 = no timeout; omit for the 10 min default)`,
    );
  }
  for (const key of ['model', 'thinking'] as const) {
    const value = payload[key];
    if (value !== undefined && !isNonEmpty(value)) {
      findings.error(`payload.${key} is empty: expected a non-empty value, or omit it to use the agent's default`);
    }
  }
}
