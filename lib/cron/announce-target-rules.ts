/**
 * The rules of an `announce` delivery's target: a configured and enabled chat channel, and for
 * Discord a `channel:<id>` or `user:<id>` target.
 */
import { describeValue } from '../core/describe-value';
import type { CronDelivery } from './cron-job-declaration';
import type { CronJobFindings } from './cron-job-findings';
import type { CronValidationContext } from './cron-validation-context';

const DISCORD_TARGET = /^(channel|user):\d+$/;

/** Checks the channel and target of an `announce` delivery on an isolated job. */
export function checkAnnounceTarget(
  delivery: CronDelivery,
  context: Pick<CronValidationContext, 'discordConfigured' | 'enabledChannels'>,
  findings: CronJobFindings,
): void {
  const channel = delivery.channel?.trim().toLowerCase();
  if (channel === undefined || channel === '') {
    findings.note(
      `announce has no channel; OpenClaw delivers to the main session's last ` +
        `route and the run fails if there is none; set channel and to`,
    );
    return;
  }
  if (channel !== 'last' && context.enabledChannels !== undefined) {
    const enabled = context.enabledChannels.map((c) => c.toLowerCase());
    if (!enabled.includes(channel)) {
      findings.error(
        `delivery.channel "${channel}" is not an enabled channel (enabled: ` +
          `${enabled.length ? enabled.join(', ') : 'none'}): configure and enable ` +
          `the channel in openclaw.json, or pick one of the enabled channels`,
      );
    }
  }
  if (channel !== 'discord') {
    return;
  }
  if (context.discordConfigured === false) {
    findings.error(
      `announce to discord but Discord is not configured: set ` +
        `channels.discord.token (e.g. "\${DISCORD_BOT_TOKEN}") and ` +
        `plugins.entries.discord.enabled: true (and list discord in ` +
        `plugins.allow)`,
    );
  }
  const to = delivery.to?.trim() ?? '';
  if (to === '') {
    findings.error(
      `announce to discord needs delivery.to (received ${describeValue(delivery.to)}): ` +
        `expected "channel:<id>" for a channel or "user:<id>" for a DM`,
    );
  } else if (/^\d+$/.test(to)) {
    findings.error(
      `delivery.to "${to}" is a bare id: expected "channel:${to}" for a ` +
        `channel (or "user:${to}" for a DM); write the prefix explicitly`,
    );
  } else if (!DISCORD_TARGET.test(to)) {
    findings.error(
      `delivery.to "${to}" is not a Discord target: expected "channel:<numeric ` +
        `id>" or "user:<numeric id>" (e.g. "channel:123456789012345678")`,
    );
  }
}
