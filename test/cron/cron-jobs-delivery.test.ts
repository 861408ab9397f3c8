/**
 * CronJobsDelivery on its own: where the jobs document and apply script go, the command and notes
 * in the script header, the port and receiver notes, and what a job set that cannot be rendered
 * reports.
 */
import { Construct } from 'constructs';
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { CronJobsDelivery, type CronJobsDeliveryProps } from '../../lib/cron/cron-jobs-delivery';
import type { CronValidationContext } from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const CONTEXT: CronValidationContext = {
  openclawVersion: OpenClawVersion.V2026_2_19,
  webhookTokenConfigured: true,
  now: Date.parse('2026-02-20T00:00:00Z'),
};

function job(name: string, overrides: Partial<Record<keyof CronJobDeclaration, unknown>> = {}): CronJobDeclaration {
  return {
    name,
    schedule: { kind: 'cron', expr: '0 9 * * *', tz: 'Asia/Tokyo' },
    sessionTarget: 'isolated',
    wakeMode: 'now',
    payload: { kind: 'agentTurn', message: 'summarise the day' },
    delivery: { mode: 'none' },
    ...overrides,
  } as CronJobDeclaration;
}

function delivery(props: Partial<CronJobsDeliveryProps>): CronJobsDelivery {
  return new CronJobsDelivery(new Construct(undefined as unknown as Construct, 'root'), 'Cron', {
    jobs: [job('nightly')],
    context: CONTEXT,
    directory: 'apps/agents/cron',
    ...props,
  });
}

const webhookOn = (url: string): Partial<Record<keyof CronJobDeclaration, unknown>> => ({
  delivery: { mode: 'webhook', to: url },
});

describe('CronJobsDelivery', () => {
  it('writes both files under the directory, trailing slashes dropped, and the command reads the script there', () => {
    const d = delivery({ directory: 'apps/agents/cron//' });
    expect(d.jobsDocument?.path).toBe('apps/agents/cron/cron-jobs.json');
    expect(d.applyScript?.path).toBe('apps/agents/cron/apply-cron-jobs.sh');
    expect(d.applyCommand).toBe(
      'kubectl exec -i -n openclaw deploy/openclaw -c openclaw -- sh -s < apps/agents/cron/apply-cron-jobs.sh',
    );
  });

  it('puts the command and "no notes" right before set -eu in the script', () => {
    const d = delivery({});
    expect(d.notes).toEqual([]);
    const lines = (d.applyScript?.content ?? '').split('\n');
    const at = lines.indexOf('set -eu');
    expect(at).toBeGreaterThan(3);
    expect(lines.slice(at - 3, at + 1)).toEqual([
      '# From the GitOps repo root:',
      `#   ${d.applyCommand}`,
      '# Validation notes: none.',
      'set -eu',
    ]);
    expect(lines.filter((l) => l === '# From the GitOps repo root:')).toHaveLength(1);
    expect(lines[0]).toBe('#!/bin/sh');
  });

  it('notes a webhook port outside the default internet ports, in the script header too', () => {
    const d = delivery({ jobs: [job('report', webhookOn('https://hooks.example.com:8443/in'))] });
    const note =
      'cron job "report": webhook port 8443 is not a default internet egress port (80, 443); the gateway ' +
      'NetworkPolicy opens TCP 8443 to the internet (minus private ranges) for it';
    expect(d.notes).toContain(note);
    expect(d.egressRequirements).toEqual([
      expect.objectContaining({ jobName: 'report', kind: 'external', port: 8443 }),
    ]);
    const lines = (d.applyScript?.content ?? '').split('\n');
    const at = lines.indexOf('set -eu');
    expect(lines[at - 1 - d.notes.length]).toBe('# Validation notes:');
    expect(lines.slice(at - d.notes.length, at)).toEqual(d.notes.map((n) => `#   - ${n}`));
  });

  it('adds no port note for a port among the configured defaults', () => {
    const d = delivery({
      jobs: [job('report', webhookOn('https://hooks.example.com:8443/in'))],
      defaultExternalEgressPorts: [443, 8443],
    });
    expect(d.notes.filter((n) => n.includes('default internet egress port'))).toEqual([]);
    const onDefault = delivery({ jobs: [job('report', webhookOn('https://hooks.example.com/in'))] });
    expect(onDefault.notes.filter((n) => n.includes('default internet egress port'))).toEqual([]);
  });

  it('notes the receiver of an in-cluster webhook, and no internet port for it, off the default ports', () => {
    const d = delivery({
      jobs: [
        job('to-receiver', {
          ...webhookOn('http://cron-receiver.observability.svc.cluster.local:8080/in'),
          receiver: { namespace: 'observability', podLabels: { app: 'rx' }, port: 8080 },
        }),
      ],
      context: { ...CONTEXT, openclawVersion: OpenClawVersion.V2026_2_17 },
    });
    expect(d.node.validate()).toEqual([]);
    expect(d.egressRequirements).toEqual([
      expect.objectContaining({ jobName: 'to-receiver', kind: 'in-cluster', namespace: 'observability', port: 8080 }),
    ]);
    const note =
      'cron job "to-receiver": the gateway NetworkPolicy allows egress to its receiver pods in namespace ' +
      "observability on TCP 8080; the receiver's own NetworkPolicy must allow ingress from the gateway";
    expect(d.notes).toEqual([note]);
    expect(d.applyScript?.content).toContain(`\n# Validation notes:\n#   - ${note}\nset -eu\n`);
  });

  it('keeps each note on one comment line of the script header, even with a line break in a job name', () => {
    // The config schema refuses control characters in names; a declaration built in code can hold one.
    const d = delivery({ jobs: [job('nightly\nrm -rf /tmp/x', { schedule: { kind: 'cron', expr: '0 * * * *' } })] });
    expect(d.node.validate()).toEqual([]);
    const script = d.applyScript?.content ?? '';
    const lines = script.split('\n');
    const at = lines.indexOf('set -eu');
    expect(lines.slice(0, at).filter((l) => !l.startsWith('#'))).toEqual([]);
    expect(lines.slice(at - 3, at)).toEqual([
      '# Validation notes:',
      "#   - cron job \"nightly rm -rf /tmp/x\": schedule '0 * * * *' has no tz; it runs in the gateway host's " +
        'time zone (UTC in most containers); set tz (e.g. "Asia/Tokyo") to pin it',
      '#   - cron job "nightly rm -rf /tmp/x": schedule \'0 * * * *\' is top-of-hour; OpenClaw staggers it by ' +
        'up to 5 min (offset from sha256 of the job id); set staggerMs: 0 for exact timing',
    ]);
    // The note itself keeps the name as declared; only the header line joins it.
    expect(d.notes[0]).toContain('"nightly\nrm -rf /tmp/x"');
  });

  it('joins a line break with the blanks around it into one space in the header', () => {
    const d = delivery({ jobs: [job('a \n\t b', { schedule: { kind: 'cron', expr: '0 * * * *', tz: 'UTC' } })] });
    expect(d.applyScript?.content).toContain(
      '\n#   - cron job "a b": schedule \'0 * * * *\' is top-of-hour; OpenClaw staggers it by up to 5 min ',
    );
  });

  it('refuses, through validation, a job the rules pass but JSON cannot carry, and writes no file', () => {
    const d = delivery({ jobs: [job('nightly', { description: Number.POSITIVE_INFINITY })] });
    expect(d.jobsDocument).toBeUndefined();
    expect(d.applyScript).toBeUndefined();
    expect(d.node.validate()).toEqual([
      'cron jobs cannot be rendered: cron job field job.description is Infinity: expected a finite number',
    ]);
  });

  it('reports duplicate names once, through validation, and writes no file', () => {
    const d = delivery({ jobs: [job('nightly'), job('nightly')] });
    expect(d.jobsDocument).toBeUndefined();
    expect(d.applyScript).toBeUndefined();
    const errors = d.node.validate();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('duplicate name');
    expect(errors[0]).not.toContain('cannot be rendered');
  });

  it('writes nothing for no jobs, and keeps the command', () => {
    const d = delivery({ jobs: [] });
    expect(d.jobsDocument).toBeUndefined();
    expect(d.applyScript).toBeUndefined();
    expect(d.applyCommand.endsWith(' < apps/agents/cron/apply-cron-jobs.sh')).toBe(true);
    expect(d.node.validate()).toEqual([]);
  });
});
