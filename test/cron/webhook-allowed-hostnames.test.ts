/** The hosts rendered into cron.webhookSsrfPolicy.allowedHostnames: in-cluster webhook receivers, from the gate on. */
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { cronWebhookAllowedHostnames } from '../../lib/cron/webhook-allowed-hostnames';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const receiver = { namespace: 'obs', podLabels: { app: 'r' }, port: 8080 };
const job = (to: unknown, extra: Partial<CronJobDeclaration> = {}): CronJobDeclaration =>
  ({
    name: 'j',
    schedule: { kind: 'cron', expr: '0 3 * * *' },
    sessionTarget: 'isolated',
    wakeMode: 'now',
    payload: { kind: 'agentTurn', message: 'm' },
    delivery: { mode: 'webhook', to },
    receiver,
    ...extra,
  }) as CronJobDeclaration;

describe('cronWebhookAllowedHostnames', () => {
  const open = OpenClawVersion.parse('2026.8.1');

  it('lists each receiver host once, lowercased, without a trailing dot, sorted', () => {
    expect(
      cronWebhookAllowedHostnames(
        [
          job('http://B.obs.svc.cluster.local.:8080/hook'),
          job('http://a.obs.svc.cluster.local/x'),
          job('http://b.obs.svc.cluster.local/y'),
        ],
        open,
      ),
    ).toEqual(['a.obs.svc.cluster.local', 'b.obs.svc.cluster.local']);
  });

  it('skips jobs without a receiver, not delivering by webhook, without a URL or with one that does not parse', () => {
    expect(
      cronWebhookAllowedHostnames(
        [
          job('http://x.example.com/', { receiver: undefined }),
          job('http://y.obs.svc/', { delivery: { mode: 'announce', to: 'http://y.obs.svc/' } }),
          job('http://z.obs.svc/', { delivery: undefined }),
          job(undefined),
          job('not a url'),
        ],
        open,
      ),
    ).toEqual([]);
  });

  it('is empty before the gate (2026.7.35) and before 2026.2.19', () => {
    const jobs = [job('http://a.obs.svc/')];
    expect(cronWebhookAllowedHostnames(jobs, OpenClawVersion.parse('2026.7.35'))).toEqual([]);
    expect(cronWebhookAllowedHostnames(jobs, OpenClawVersion.parse('2026.2.17'))).toEqual([]);
    expect(cronWebhookAllowedHostnames(jobs, open)).toEqual(['a.obs.svc']);
  });
});
