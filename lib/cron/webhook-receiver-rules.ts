/** The rules of a webhook job's `receiver`: the in-cluster pods the gateway's egress rule selects. */
import { describeValue, isIntegerAtLeast, isNonEmpty } from '../core/describe-value';
import type { CronWebhookReceiver } from './cron-job-declaration';
import type { CronJobFindings } from './cron-job-findings';

/** Checks `receiver`'s namespace, pod labels and port; returns whether all three hold. */
export function checkWebhookReceiver(receiver: CronWebhookReceiver, findings: CronJobFindings): boolean {
  let ok = true;
  if (!isNonEmpty(receiver.namespace)) {
    findings.error(`receiver.namespace is empty: expected the namespace of the receiver pods`);
    ok = false;
  }
  const labels = Object.entries(receiver.podLabels ?? {});
  if (labels.length === 0 || labels.some(([k, v]) => !isNonEmpty(k) || typeof v !== 'string')) {
    findings.error(
      `receiver.podLabels is ${describeValue(receiver.podLabels)}: expected at least ` +
        `one label selecting the receiver pods, e.g. { "app.kubernetes.io/name": ` +
        `"cron-receiver" }`,
    );
    ok = false;
  }
  if (!isIntegerAtLeast(receiver.port, 1) || receiver.port > 65535) {
    findings.error(
      `receiver.port is ${describeValue(receiver.port)}: expected the receiver pods' container port (1-65535)`,
    );
    ok = false;
  }
  return ok;
}
