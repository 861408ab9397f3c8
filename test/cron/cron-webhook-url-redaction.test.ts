import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { validateCronJobs, type CronValidationContext } from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const ctx: CronValidationContext = {
  openclawVersion: OpenClawVersion.V2026_2_19,
  webhookTokenConfigured: true,
  externalEgressPorts: [80, 443],
};

function webhook(to: string): CronJobDeclaration {
  return {
    name: 'webhook job',
    schedule: { kind: 'cron', expr: '30 8 * * *', tz: 'UTC' },
    sessionTarget: 'isolated',
    wakeMode: 'now',
    payload: { kind: 'agentTurn', message: 'hello' },
    delivery: { mode: 'webhook', to },
  };
}

describe('webhook URLs in validation messages', () => {
  test('fails for http:// with credentials without echoing the password or the query values', () => {
    const { errors } = validateCronJobs(
      [webhook('http://user:placeholder-pass@cron.example.com/hook?sig=placeholder-sig')],
      ctx,
    );
    expect(errors).toHaveLength(3);
    expect(errors.join('\n')).toContain(
      'delivery.to "http://…@cron.example.com/hook?…" uses http:// to a host outside the cluster',
    );
    expect(errors.join('\n')).not.toMatch(/placeholder-pass|placeholder-sig/);
  });

  test('fails for a non-http scheme without echoing the password', () => {
    const { errors } = validateCronJobs([webhook('ftp://user:placeholder-pass@files.example.com/x')], ctx);
    expect(errors).toEqual([
      'cron job "webhook job": delivery.to "ftp://…@files.example.com/x" has scheme "ftp:": webhook mode requires http:// or https://',
    ]);
  });

  test('echoes a URL without userinfo or query as written', () => {
    const { errors } = validateCronJobs([webhook('http://cron.example.com/hook')], ctx);
    expect(errors[0]).toContain('delivery.to "http://cron.example.com/hook" uses http://');
  });
});
