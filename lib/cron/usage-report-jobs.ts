/**
 * The two example jobs of the design (docs/FACTS.md, "The change"): a daily usage report at
 * 09:00 Asia/Tokyo, delivered either by webhook to our own HTTPS receiver or announced to Discord.
 */
import type { CronJobDeclaration } from './cron-job-declaration';

/** Name of {@link dailyUsageReportWebhookJob}. */
export const DAILY_USAGE_REPORT_JOB_NAME = 'Daily usage report';
/** Name of {@link dailyUsageReportDiscordJob}. */
export const DAILY_USAGE_REPORT_DISCORD_JOB_NAME = 'Daily usage report (Discord)';

const DAILY_0900_TOKYO = { kind: 'cron', expr: '0 9 * * *', tz: 'Asia/Tokyo' } as const;

/**
 * Daily usage report POSTed (the cron `finished` event JSON, with `Authorization: Bearer
 * <cron.webhookToken>`) to `receiverUrl`. From OpenClaw v2026.2.19 on the receiver must be at a
 * public hostname resolving to public IPs (SSRF guard); `validateCronJobs` checks that.
 * @param receiverUrl an https URL of the receiver, e.g. `https://cron-receiver.example.com/openclaw`
 */
export function dailyUsageReportWebhookJob(receiverUrl: string): CronJobDeclaration {
  return {
    name: DAILY_USAGE_REPORT_JOB_NAME,
    schedule: DAILY_0900_TOKYO,
    sessionTarget: 'isolated',
    wakeMode: 'next-heartbeat',
    payload: {
      kind: 'agentTurn',
      message: 'Generate daily usage report and post to monitoring channel.',
    },
    delivery: { mode: 'webhook', to: receiverUrl, bestEffort: true },
  };
}

/**
 * Daily usage report announced to a Discord channel (Discord webhooks cannot take the generic
 * cron JSON, so announce mode is the supported way to reach Discord).
 * @param channelId the numeric Discord channel id; a `channel:` prefix is accepted and not doubled
 */
export function dailyUsageReportDiscordJob(channelId: string): CronJobDeclaration {
  return {
    name: DAILY_USAGE_REPORT_DISCORD_JOB_NAME,
    schedule: DAILY_0900_TOKYO,
    sessionTarget: 'isolated',
    wakeMode: 'next-heartbeat',
    payload: { kind: 'agentTurn', message: 'Generate daily usage report.' },
    delivery: {
      mode: 'announce',
      channel: 'discord',
      to: channelId.startsWith('channel:') ? channelId : `channel:${channelId}`,
      bestEffort: true,
    },
  };
}
