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
