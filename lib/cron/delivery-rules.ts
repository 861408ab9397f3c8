/**
 * The rules of a job's delivery: which modes suit which session target, the opt-ins that only a
 * webhook takes, the webhook token; the announce target and the webhook URL and target have their
 * own rules.
 */
import { describeValue } from '../core/describe-value';
import { checkAnnounceTarget } from './announce-target-rules';
import type { CronDelivery, CronJobDeclaration } from './cron-job-declaration';
import type { CronJobFindings } from './cron-job-findings';
import type { CronValidationContext } from './cron-validation-context';
import { checkWebhookTarget } from './webhook-target-rules';
import { checkWebhookUrl } from './webhook-url-rules';

/** Checks the job's delivery (or its absence) by mode. */
export function checkDelivery(
  job: CronJobDeclaration,
  context: CronValidationContext,
  findings: CronJobFindings,
): void {
  const { delivery, sessionTarget } = job;
  if (delivery?.mode !== 'webhook') {
    if (job.allowInsecureHttp === true) {
      findings.error(`allowInsecureHttp is set but delivery.mode is not "webhook": remove allowInsecureHttp`);
    }
    if (job.receiver !== undefined) {
      findings.error(`receiver is set but delivery.mode is not "webhook": remove receiver`);
    }
  }
  if (delivery === undefined) {
    if (sessionTarget === 'isolated') {
      findings.note(
        `no delivery declared; OpenClaw defaults isolated jobs to { mode: ` +
          `"announce" } to the main session's last route; declare delivery ` +
          `explicitly to pin it`,
      );
    }
    return;
  }
  switch (delivery.mode) {
    case 'webhook':
      checkWebhook(job, delivery, context, findings);
      return;
    case 'announce':
    case 'none':
      if (sessionTarget === 'main') {
        findings.error(
          `delivery.mode "${delivery.mode}" is only supported for sessionTarget ` +
            `"isolated" (OpenClaw rejects it with "cron channel delivery config is ` +
            `only supported for sessionTarget=isolated"): omit delivery on main ` +
            `jobs, or use mode "webhook"`,
        );
        return;
      }
      if (delivery.mode === 'announce') {
        checkAnnounceTarget(delivery, context, findings);
      }
      return;
    default:
      findings.error(
        `delivery.mode is ${describeValue((delivery as { mode?: unknown }).mode)}: ` +
          `expected "none", "announce" or "webhook"`,
      );
  }
}

function checkWebhook(
  job: CronJobDeclaration,
  delivery: CronDelivery,
  context: CronValidationContext,
  findings: CronJobFindings,
): void {
  if (!context.webhookTokenConfigured) {
    findings.error(
      `webhook delivery needs cron.webhookToken so the receiver can ` +
        `authenticate the POST: set cron.webhookToken: ` +
        `"\${OPENCLAW_CRON_WEBHOOK_TOKEN}" in openclaw.json and provide the env ` +
        `var from a Secret`,
    );
  }
  const url = checkWebhookUrl(delivery, findings);
  if (url !== undefined) {
    checkWebhookTarget(job, url, context, findings);
  }
}
