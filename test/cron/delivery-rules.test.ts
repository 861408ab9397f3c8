/**
 * The delivery rules as a user meets them through `validateCronJobs`: which modes suit which session,
 * the announce target (channel enabled and configured, Discord `channel:<id>` / `user:<id>`), and
 * each refusal as the whole message with its fix.
 */
import type { CronDelivery, CronJobDeclaration } from '../../lib/cron/cron-job-declaration';
import { validateCronJobs, type CronValidationContext } from '../../lib/cron/validate-cron-jobs';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';

const ctx: CronValidationContext = {
  openclawVersion: OpenClawVersion.V2026_2_19,
  webhookTokenConfigured: true,
  discordConfigured: true,
  enabledChannels: ['discord'],
};

const isolatedJob: CronJobDeclaration = {
  name: 'digest',
  schedule: { kind: 'cron', expr: '30 9 * * *', tz: 'UTC' },
  sessionTarget: 'isolated',
  wakeMode: 'now',
  payload: { kind: 'agentTurn', message: 'write the digest' },
};

const mainJob: CronJobDeclaration = {
  ...isolatedJob,
  name: 'heartbeat',
  sessionTarget: 'main',
  payload: { kind: 'systemEvent', text: 'check the inbox' },
};

function check(
  job: CronJobDeclaration,
  delivery: unknown,
  context: CronValidationContext = ctx,
): { errors: string[]; notes: string[] } {
  const { errors, notes } = validateCronJobs([{ ...job, delivery: delivery as CronDelivery }], context);
  return { errors, notes };
}

const announce = (channel: string | undefined, to?: string): CronDelivery => ({ mode: 'announce', channel, to });

describe('delivery mode and session target', () => {
  it.each(['announce', 'none'] as const)('refuses mode %s on a main job, quoting OpenClaw and the fix', (mode) => {
    expect(check(mainJob, { mode, channel: 'discord', to: '123' }).errors).toEqual([
      `cron job "heartbeat": delivery.mode "${mode}" is only supported for sessionTarget "isolated" (OpenClaw rejects it with "cron channel delivery config is only supported for sessionTarget=isolated"): omit delivery on main jobs, or use mode "webhook"`,
    ]);
  });

  it('refuses an unknown mode, listing the three modes', () => {
    expect(check(isolatedJob, { mode: 'email' }).errors).toEqual([
      'cron job "digest": delivery.mode is "email": expected "none", "announce" or "webhook"',
    ]);
  });

  it('accepts mode none on an isolated job without a note', () => {
    expect(check(isolatedJob, { mode: 'none' })).toEqual({ errors: [], notes: [] });
  });

  it('has no delivery note for a main job without delivery', () => {
    expect(check(mainJob, undefined)).toEqual({ errors: [], notes: [] });
  });
});

describe('announce channel', () => {
  it('notes an announce without a channel (blank counts as none), with what OpenClaw does instead', () => {
    for (const channel of [undefined, ' ']) {
      expect(check(isolatedJob, announce(channel))).toEqual({
        errors: [],
        notes: [
          `cron job "digest": announce has no channel; OpenClaw delivers to the main session's last route and the run fails if there is none; set channel and to`,
        ],
      });
    }
  });

  it('refuses a channel that is not enabled, saying when none is', () => {
    expect(check(isolatedJob, announce('telegram', '1'), { ...ctx, enabledChannels: [] }).errors).toEqual([
      'cron job "digest": delivery.channel "telegram" is not an enabled channel (enabled: none): configure and enable the channel in openclaw.json, or pick one of the enabled channels',
    ]);
  });

  it('lists the enabled channels in lower case', () => {
    expect(
      check(isolatedJob, announce('telegram', '1'), { ...ctx, enabledChannels: ['Discord', 'Slack'] }).errors,
    ).toEqual([
      expect.stringContaining('delivery.channel "telegram" is not an enabled channel (enabled: discord, slack)'),
    ]);
  });

  it('matches the channel to the enabled ones whatever the case and surrounding blanks', () => {
    const context = { ...ctx, enabledChannels: ['Discord'] };
    expect(check(isolatedJob, announce(' DISCORD ', 'channel:42'), context).errors).toEqual([]);
  });

  it('always accepts "last", which is not a channel of its own', () => {
    expect(check(isolatedJob, announce('last'), { ...ctx, enabledChannels: [] }).errors).toEqual([]);
  });

  it('does not check channels when the enabled list is not known', () => {
    const { enabledChannels: _unknown, ...context } = ctx;
    expect(check(isolatedJob, announce('telegram', '1'), context).errors).toEqual([]);
  });

  it('takes any target on an enabled channel other than Discord', () => {
    expect(check(isolatedJob, announce('slack', 'C123'), { ...ctx, enabledChannels: ['slack'] }).errors).toEqual([]);
  });
});

describe('announce to Discord', () => {
  it('refuses it when Discord is not configured, naming the token and the plugin settings', () => {
    expect(check(isolatedJob, announce('discord', 'channel:1'), { ...ctx, discordConfigured: false }).errors).toEqual([
      'cron job "digest": announce to discord but Discord is not configured: set channels.discord.token (e.g. "${DISCORD_BOT_TOKEN}") and plugins.entries.discord.enabled: true (and list discord in plugins.allow)',
    ]);
  });

  it('does not check the configuration when it is not known', () => {
    const { discordConfigured: _unknown, ...context } = ctx;
    expect(check(isolatedJob, announce('discord', 'channel:1'), context).errors).toEqual([]);
  });

  it('refuses a blank target, with the two target forms', () => {
    expect(check(isolatedJob, announce('discord', ' ')).errors).toEqual([
      'cron job "digest": announce to discord needs delivery.to (received " "): expected "channel:<id>" for a channel or "user:<id>" for a DM',
    ]);
  });

  it('refuses a bare id, spelling out both prefixed forms', () => {
    expect(check(isolatedJob, announce('discord', '123')).errors).toEqual([
      'cron job "digest": delivery.to "123" is a bare id: expected "channel:123" for a channel (or "user:123" for a DM); write the prefix explicitly',
    ]);
  });

  it.each(['123abc', 'guild:123', 'xchannel:123', 'channel:123x', 'channel:', 'user:'])(
    'refuses %s as not a Discord target, with an example',
    (to) => {
      expect(check(isolatedJob, announce('discord', to)).errors).toEqual([
        `cron job "digest": delivery.to "${to}" is not a Discord target: expected "channel:<numeric id>" or "user:<numeric id>" (e.g. "channel:123456789012345678")`,
      ]);
    },
  );

  it.each(['channel:1', 'channel:123456789012345678', 'user:42'])('accepts %s', (to) => {
    expect(check(isolatedJob, announce('discord', to))).toEqual({ errors: [], notes: [] });
  });

  it('checks the target of a main job only for the session rule', () => {
    expect(check(mainJob, announce('discord', '123')).errors).toEqual([
      expect.stringContaining('delivery.mode "announce" is only supported for sessionTarget "isolated"'),
    ]);
  });
});
