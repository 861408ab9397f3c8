import { OpenClawVersion } from '../openclaw/openclaw-version';
import { gateOpen } from '../openclaw/version-gates';
import type { CronJobDeclaration } from './cron-job-declaration';

/**
 * The exact hosts `cron.webhookSsrfPolicy.allowedHostnames` must list for `version`: the
 * `delivery.to` hosts of webhook jobs that declare an in-cluster `receiver`, sorted, without
 * duplicates. Empty before the `cron-webhook-ssrf-policy` gate (no policy exists; the cron checks
 * refuse such jobs there) and before 2026.2.19 (no SSRF guard, nothing to let through).
 * Unparsable URLs are skipped here; the cron checks report them.
 */
export function cronWebhookAllowedHostnames(jobs: readonly CronJobDeclaration[], version: OpenClawVersion): string[] {
  if (!version.isAtLeast(OpenClawVersion.V2026_2_19) || !gateOpen('cron-webhook-ssrf-policy', version)) {
    return [];
  }
  const hosts = new Set<string>();
  for (const job of jobs) {
    if (job.receiver === undefined || job.delivery?.mode !== 'webhook' || typeof job.delivery.to !== 'string') {
      continue;
    }
    try {
      hosts.add(new URL(job.delivery.to).hostname.toLowerCase().replace(/\.$/, ''));
    } catch {
      // reported by validateCronJobs
    }
  }
  return [...hosts].sort();
}
