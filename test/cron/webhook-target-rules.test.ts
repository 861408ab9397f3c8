/**
 * Where a webhook POST may go, as a user meets it through `validateCronJobs`: the SSRF guard of the
 * OpenClaw version (with and without `cron.webhookSsrfPolicy`), the gateway's internet egress (https,
 * open ports), in-cluster receivers and the egress each target needs. Refusals are whole messages.
 */
import type { CronJobDeclaration, CronWebhookReceiver } from '../../lib/cron/cron-job-declaration';
import {
  validateCronJobs,
  type CronValidationContext,
  type CronValidationResult,
} from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const v19: CronValidationContext = {
  openclawVersion: OpenClawVersion.V2026_2_19,
  webhookTokenConfigured: true,
  externalEgressPorts: [80, 443],
};
/** The first release with `cron.webhookSsrfPolicy.allowedHostnames`. */
const v81: CronValidationContext = { ...v19, openclawVersion: OpenClawVersion.parse('2026.8.1') };

const receiver: CronWebhookReceiver = { namespace: 'monitoring', podLabels: { app: 'rx' }, port: 8080 };
const IN_CLUSTER = 'http://rx.monitoring.svc.cluster.local:8080/hook';
const BLOCKED_BY_NAME =
  'delivery.to host "rx.monitoring.svc.cluster.local" is blocked by the SSRF guard of OpenClaw VERSION (hostname "rx.monitoring.svc.cluster.local" ends in ".local", which the guard blocks by name): the POST would be dropped silently (only logged as "cron: webhook delivery blocked by SSRF guard")';

function webhook(to: string, extra: Partial<CronJobDeclaration> = {}): CronJobDeclaration {
  return {
    name: 'report',
    schedule: { kind: 'cron', expr: '30 9 * * *', tz: 'UTC' },
    sessionTarget: 'isolated',
    wakeMode: 'now',
    payload: { kind: 'agentTurn', message: 'write the report' },
    delivery: { mode: 'webhook', to },
    ...extra,
  };
}

const validate = (job: CronJobDeclaration, context: CronValidationContext): CronValidationResult =>
  validateCronJobs([job], context);

describe('the SSRF guard', () => {
  it('refuses an in-cluster receiver before the SSRF policy exists, naming the release that adds it', () => {
    expect(validate(webhook(IN_CLUSTER, { receiver }), v19)).toEqual({
      errors: [
        `cron job "report": ${BLOCKED_BY_NAME.replace('VERSION', '2026.2.19')}; expose the receiver at a public hostname that resolves to public IPs (e.g. a Cloudflare tunnel hostname) and use that URL (from OpenClaw 2026.8.1 on, cron.webhookSsrfPolicy.allowedHostnames can let an in-cluster receiver through)`,
      ],
      notes: [],
      egressRequirements: [],
    });
  });

  it('refuses an in-cluster target without receiver once the policy exists, saying to declare one', () => {
    expect(validate(webhook(IN_CLUSTER), v81)).toEqual({
      errors: [
        `cron job "report": ${BLOCKED_BY_NAME.replace('VERSION', '2026.8.1')} unless the host is in cron.webhookSsrfPolicy.allowedHostnames: for an in-cluster receiver declare receiver: { namespace, podLabels, port } (its host is then rendered into allowedHostnames and the egress rule generated), otherwise use a public hostname`,
      ],
      notes: [],
      egressRequirements: [],
    });
  });

  it('lets an in-cluster receiver through the policy and asks for its egress rule', () => {
    expect(validate(webhook(IN_CLUSTER, { receiver }), v81)).toEqual({
      errors: [],
      notes: [
        'cron job "report": delivery.to host "rx.monitoring.svc.cluster.local" passes the SSRF guard through cron.webhookSsrfPolicy.allowedHostnames (rendered from receiver)',
      ],
      egressRequirements: [
        { kind: 'in-cluster', namespace: 'monitoring', podLabels: { app: 'rx' }, port: 8080, jobName: 'report' },
      ],
    });
  });

  it('does not apply the guard before 2026.2.19', () => {
    const v17 = { ...v19, openclawVersion: OpenClawVersion.V2026_2_17 };
    expect(validate(webhook(IN_CLUSTER, { receiver }), v17).errors).toEqual([]);
  });
});

describe('internet egress', () => {
  it('refuses http:// to the internet, saying what would cross unencrypted and the opt-in', () => {
    expect(validate(webhook('http://receiver.example.com/hook'), v19).errors).toEqual([
      'cron job "report": delivery.to "http://receiver.example.com/hook" uses http:// to a host outside the cluster: the payload and the bearer token would cross the internet unencrypted; use https://, or set allowInsecureHttp: true to accept that',
    ]);
  });

  it('refuses a closed port, listing the open ones in order and suggesting 443', () => {
    const result = validate(webhook('https://receiver.example.com:9443/hook'), {
      ...v19,
      externalEgressPorts: [443, 80],
    });
    expect(result.errors).toEqual([
      'cron job "report": delivery.to port 9443 is not open for internet egress (open: 80, 443): the gateway\'s NetworkPolicy would block the POST; serve the receiver on 443 or add 9443 to the gateway\'s external egress ports',
    ]);
  });

  it('suggests any open port when 443 is not open, and says when none is', () => {
    expect(
      validate(webhook('https://receiver.example.com/hook'), { ...v19, externalEgressPorts: [8080, 80] }).errors,
    ).toEqual([
      'cron job "report": delivery.to port 443 is not open for internet egress (open: 80, 8080): the gateway\'s NetworkPolicy would block the POST; serve the receiver on an open port or add 443 to the gateway\'s external egress ports',
    ]);
    expect(validate(webhook('https://receiver.example.com/hook'), { ...v19, externalEgressPorts: [] }).errors).toEqual([
      expect.stringContaining('delivery.to port 443 is not open for internet egress (open: none)'),
    ]);
  });

  it('takes the port from the scheme when the URL has none', () => {
    const only443 = { ...v19, externalEgressPorts: [443] };
    expect(validate(webhook('https://receiver.example.com/hook'), only443).errors).toEqual([]);
    expect(validate(webhook('http://receiver.example.com/hook', { allowInsecureHttp: true }), only443).errors).toEqual([
      expect.stringContaining('delivery.to port 80 is not open for internet egress (open: 443)'),
    ]);
  });

  it('opens whatever port the job needs when the ports are not given', () => {
    const { externalEgressPorts: _generated, ...context } = v19;
    expect(validate(webhook('https://receiver.example.com:9443/hook'), context)).toEqual({
      errors: [],
      notes: [],
      egressRequirements: [{ kind: 'external', host: 'receiver.example.com', port: 9443, jobName: 'report' }],
    });
  });

  it('refuses a receiver for a public host, saying it only describes in-cluster receivers', () => {
    expect(validate(webhook('https://receiver.example.com/hook', { receiver }), v19).errors).toEqual([
      'cron job "report": receiver is set but delivery.to host "receiver.example.com" is not in the cluster: remove receiver (it only describes in-cluster receivers)',
    ]);
  });
});

describe('targets inside the cluster (before the SSRF guard)', () => {
  const v17 = { ...v19, openclawVersion: OpenClawVersion.V2026_2_17 };

  it('needs no egress rule for the gateway pod itself', () => {
    expect(validate(webhook('http://127.0.0.1:9000/hook'), v17)).toEqual({
      errors: [],
      notes: [
        'cron job "report": delivery.to "http://127.0.0.1:9000/hook" is the gateway pod itself (loopback); no egress rule is needed',
      ],
      egressRequirements: [],
    });
  });

  it('asks for no egress rule when the receiver is incomplete', () => {
    const result = validate(webhook(IN_CLUSTER, { receiver: { ...receiver, port: 0 } }), v17);
    expect(result.errors).toEqual([expect.stringContaining('receiver.port is 0')]);
    expect(result.egressRequirements).toEqual([]);
  });
});
