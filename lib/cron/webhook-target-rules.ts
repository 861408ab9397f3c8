/**
 * The rules of where a webhook POST goes: through OpenClaw's SSRF guard (from v2026.2.19; from the
 * `cron-webhook-ssrf-policy` gate an in-cluster receiver passes through `allowedHostnames`), out of
 * the gateway's NetworkPolicy (https to the internet unless `allowInsecureHttp`, an open port, a
 * `receiver` for in-cluster targets), and the egress requirement each target adds.
 */
import { OpenClawVersion } from '../openclaw/openclaw-version';
import { gateOpen, versionGate } from '../openclaw/version-gates';
import type { CronJobDeclaration } from './cron-job-declaration';
import type { CronJobFindings } from './cron-job-findings';
import type { CronValidationContext } from './cron-validation-context';
import { classifyWebhookHost } from './ssrf-guard';
import { checkWebhookReceiver } from './webhook-receiver-rules';
import type { CheckedWebhookUrl } from './webhook-url-rules';

/** Checks the target host and port of `job`'s webhook URL and records the egress it needs. */
export function checkWebhookTarget(
  job: CronJobDeclaration,
  { url, shown }: CheckedWebhookUrl,
  context: CronValidationContext,
  findings: CronJobFindings,
): void {
  const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const classification = classifyWebhookHost(url.hostname, {
    clusterDomain: context.clusterDomain,
    clusterServices: context.clusterServices,
    clusterNamespaces: context.clusterNamespaces,
  });
  if (context.openclawVersion.isAtLeast(OpenClawVersion.V2026_2_19) && classification.blockedBySsrfGuard) {
    const version = context.openclawVersion.toString();
    const blocked =
      `delivery.to host "${classification.host}" is blocked by the SSRF guard of OpenClaw ${version} ` +
      `(${classification.reason ?? 'private target'}): the POST would be dropped silently ` +
      '(only logged as "cron: webhook delivery blocked by SSRF guard")';
    const policy = versionGate('cron-webhook-ssrf-policy');
    if (!gateOpen(policy.id, context.openclawVersion)) {
      findings.error(
        `${blocked}; expose the receiver at a public hostname that resolves to public IPs ` +
          '(e.g. a Cloudflare tunnel hostname) and use that URL (from OpenClaw ' +
          `${policy.since.toString()} on, cron.webhookSsrfPolicy.allowedHostnames can let an in-cluster ` +
          'receiver through)',
      );
      return;
    }
    if (job.receiver === undefined || !classification.internal) {
      findings.error(
        `${blocked} unless the host is in cron.webhookSsrfPolicy.allowedHostnames: for an in-cluster receiver ` +
          'declare receiver: { namespace, podLabels, port } (its host is then rendered into allowedHostnames and ' +
          'the egress rule generated), otherwise use a public hostname',
      );
      return;
    }
    findings.note(
      `delivery.to host "${classification.host}" passes the SSRF guard through ` +
        'cron.webhookSsrfPolicy.allowedHostnames (rendered from receiver)',
    );
  }
  if (!classification.internal) {
    if (url.protocol === 'http:' && job.allowInsecureHttp !== true) {
      findings.error(
        `delivery.to "${shown}" uses http:// to a host outside the cluster: the ` +
          `payload and the bearer token would cross the internet unencrypted; use ` +
          `https://, or set allowInsecureHttp: true to accept that`,
      );
    }
    const open = context.externalEgressPorts;
    if (open !== undefined && !open.includes(port)) {
      findings.error(
        `delivery.to port ${port} is not open for internet egress (open: ` +
          `${[...open].sort((a, b) => a - b).join(', ') || 'none'}): the gateway's ` +
          `NetworkPolicy would block the POST; serve the receiver on ` +
          `${open.includes(443) ? '443' : 'an open port'} or add ${port} to the ` +
          `gateway's external egress ports`,
      );
    }
    if (job.receiver !== undefined) {
      findings.error(
        `receiver is set but delivery.to host "${classification.host}" is not in ` +
          `the cluster: remove receiver (it only describes in-cluster receivers)`,
      );
    }
    findings.egress.push({ kind: 'external', host: classification.host, port, jobName: job.name });
    return;
  }
  if (classification.loopback) {
    findings.note(`delivery.to "${shown}" is the gateway pod itself (loopback); no egress rule is needed`);
    return;
  }
  // In-cluster or private target on a version without the SSRF guard.
  if (job.receiver === undefined) {
    findings.error(
      `delivery.to host "${classification.host}" is in the cluster but ` +
        `receiver is not set: add receiver: { namespace, podLabels, port } ` +
        `describing the receiver pods so the gateway's egress rule can be ` +
        `generated`,
    );
    return;
  }
  if (checkWebhookReceiver(job.receiver, findings)) {
    findings.egress.push({
      kind: 'in-cluster',
      namespace: job.receiver.namespace,
      podLabels: job.receiver.podLabels,
      port: job.receiver.port,
      jobName: job.name,
    });
  }
}
