/**
 * The receiver of an in-cluster webhook job: a namespace, at least one label (non-empty keys, string
 * values) and a container port 1-65535. Each problem is its own whole message, and a receiver with
 * any problem gets no egress rule.
 */
import type { CronJobDeclaration, CronWebhookReceiver } from '../../lib/cron/cron-job-declaration';
import { validateCronJobs, type CronValidationContext } from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const context: CronValidationContext = {
  openclawVersion: OpenClawVersion.V2026_2_17,
  webhookTokenConfigured: true,
  externalEgressPorts: [80, 443],
};
const receiver: CronWebhookReceiver = { namespace: 'monitoring', podLabels: { app: 'rx' }, port: 8080 };

function check(value: unknown): { errors: string[]; ports: number[] } {
  const job: CronJobDeclaration = {
    name: 'report',
    schedule: { kind: 'cron', expr: '30 9 * * *', tz: 'UTC' },
    sessionTarget: 'isolated',
    wakeMode: 'now',
    payload: { kind: 'agentTurn', message: 'write the report' },
    delivery: { mode: 'webhook', to: 'http://rx.monitoring.svc.cluster.local:8080/hook' },
    receiver: value as CronWebhookReceiver,
  };
  const result = validateCronJobs([job], context);
  return { errors: result.errors, ports: result.egressRequirements.map((r) => r.port) };
}

const LABELS =
  'expected at least one label selecting the receiver pods, e.g. { "app.kubernetes.io/name": "cron-receiver" }';

describe('webhook receiver', () => {
  it('a complete receiver gets its egress rule; port 1 and 65535 are ports', () => {
    expect(check(receiver)).toEqual({ errors: [], ports: [8080] });
    expect(check({ ...receiver, port: 1 })).toEqual({ errors: [], ports: [1] });
    expect(check({ ...receiver, port: 65535 })).toEqual({ errors: [], ports: [65535] });
  });

  it('refuses an empty namespace alone, without an egress rule', () => {
    expect(check({ ...receiver, namespace: ' ' })).toEqual({
      errors: ['cron job "report": receiver.namespace is empty: expected the namespace of the receiver pods'],
      ports: [],
    });
  });

  it('refuses no labels, an empty label key or a value that is not a string, even beside good labels', () => {
    expect(check({ ...receiver, podLabels: { app: 'rx', '': 'x' } })).toEqual({
      errors: [`cron job "report": receiver.podLabels is an object with keys app, : ${LABELS}`],
      ports: [],
    });
    expect(check({ ...receiver, podLabels: { app: 'rx', tier: 3 } })).toEqual({
      errors: [`cron job "report": receiver.podLabels is an object with keys app, tier: ${LABELS}`],
      ports: [],
    });
    expect(check({ ...receiver, podLabels: undefined }).errors).toEqual([
      `cron job "report": receiver.podLabels is nothing: ${LABELS}`,
    ]);
  });

  it('refuses a port outside 1-65535 or not an integer, without an egress rule', () => {
    for (const port of [0, 65536, 80.5, '8080']) {
      expect(check({ ...receiver, port }), String(port)).toEqual({
        errors: [
          `cron job "report": receiver.port is ${JSON.stringify(port)}: expected the receiver pods' container port (1-65535)`,
        ],
        ports: [],
      });
    }
  });
});
