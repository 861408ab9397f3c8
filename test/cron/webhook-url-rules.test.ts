/**
 * The webhook URL rules as a user meets them through `validateCronJobs`: an absolute http(s) URL, and
 * never a Discord webhook (Discord rejects the cron "finished" event OpenClaw POSTs); each refusal is
 * the whole message with its fix.
 */
import type { CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { validateCronJobs, type CronValidationContext } from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const ctx: CronValidationContext = {
  openclawVersion: OpenClawVersion.V2026_2_19,
  webhookTokenConfigured: true,
  externalEgressPorts: [80, 443],
};

function webhookTo(to: string | undefined): CronJobDeclaration {
  return {
    name: 'report',
    schedule: { kind: 'cron', expr: '30 9 * * *', tz: 'UTC' },
    sessionTarget: 'isolated',
    wakeMode: 'now',
    payload: { kind: 'agentTurn', message: 'write the report' },
    delivery: { mode: 'webhook', to: to as string },
  };
}

const errorsFor = (to: string | undefined): string[] => validateCronJobs([webhookTo(to)], ctx).errors;

const DISCORD_REFUSAL =
  'cron job "report": delivery.to is a Discord webhook URL: OpenClaw POSTs the generic cron "finished" event JSON, which Discord rejects (it expects content/embeds); use delivery { mode: "announce", channel: "discord", to: "channel:<id>" } or put a converter (e.g. a Cloudflare Worker) in front';

describe('webhook URL form', () => {
  it('refuses a missing target with an example of an absolute URL', () => {
    expect(errorsFor(undefined)).toEqual([
      'cron job "report": delivery.to nothing is not a URL: webhook mode requires an absolute http(s) URL such as "https://receiver.example.com/cron"',
    ]);
  });

  it('refuses a scheme other than http(s) once, echoing the URL without its surrounding blanks', () => {
    expect(errorsFor(' ws://10.0.0.5/hook ')).toEqual([
      'cron job "report": delivery.to "ws://10.0.0.5/hook" has scheme "ws:": webhook mode requires http:// or https://',
    ]);
  });

  it('accepts a public https URL, with blanks around it', () => {
    expect(errorsFor(' https://receiver.example.com/cron ')).toEqual([]);
  });
});

describe('Discord webhook URLs', () => {
  it.each([
    'https://discord.com/api/webhooks/1/x',
    'https://discordapp.com/api/webhooks/1/x',
    'https://ptb.discord.com/api/webhooks/1/x',
    'https://canary.discord.com/api/webhooks/1/x',
    'https://ptb.discordapp.com/api/webhooks/1/x',
    'https://canary.discordapp.com/api/webhooks/1/x',
    'https://DISCORD.com/api/v9/webhooks/1/x',
    'https://discord.com./api/webhooks/1/x',
  ])('refuses %s with the announce alternative, and nothing else', (to) => {
    expect(errorsFor(to)).toEqual([DISCORD_REFUSAL]);
  });

  it.each([
    'https://discord.com/api/v10/users/1',
    'https://discord.com/hooks/api/webhooks/1/x',
    'https://discord.example.com/api/webhooks/1/x',
  ])('accepts %s, which is not a Discord webhook', (to) => {
    expect(errorsFor(to)).toEqual([]);
  });
});
