/**
 * The rules of a webhook delivery's URL: an absolute http(s) URL, no credentials in it, and not a
 * Discord webhook (Discord rejects the cron "finished" event OpenClaw POSTs).
 */
import { describeValue } from '../core/describe-value';
import type { CronDelivery } from './cron-job-declaration';
import type { CronJobFindings } from './cron-job-findings';
import { shownWebhookUrl, webhookUrlCredentialErrors } from './webhook-url-credentials';

const DISCORD_WEBHOOK_HOSTS: readonly string[] = [
  'discord.com',
  'discordapp.com',
  'ptb.discord.com',
  'canary.discord.com',
  'ptb.discordapp.com',
  'canary.discordapp.com',
];
const DISCORD_WEBHOOK_PATH = /^\/api(\/v\d+)?\/webhooks\//;

/** A webhook URL that passed {@link checkWebhookUrl}'s blocking rules. */
export interface CheckedWebhookUrl {
  readonly url: URL;
  /** The URL as messages may echo it (without userinfo or query values). */
  readonly shown: string;
}

/**
 * Checks `delivery.to` of a webhook delivery. Returns the parsed URL, or `undefined` when no further
 * rule applies to it (not a URL, not http(s), a Discord webhook).
 */
export function checkWebhookUrl(delivery: CronDelivery, findings: CronJobFindings): CheckedWebhookUrl | undefined {
  const to = delivery.to?.trim() ?? '';
  let url: URL;
  try {
    url = new URL(to);
  } catch {
    findings.error(
      `delivery.to ${describeValue(delivery.to)} is not a URL: webhook mode requires an ` +
        `absolute http(s) URL such as "https://receiver.example.com/cron"`,
    );
    return undefined;
  }
  const shown = shownWebhookUrl(url, to);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    findings.error(`delivery.to "${shown}" has scheme "${url.protocol}": webhook mode requires http:// or https://`);
    return undefined;
  }
  for (const error of webhookUrlCredentialErrors(url, shown)) {
    findings.error(error);
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (DISCORD_WEBHOOK_HOSTS.includes(host) && DISCORD_WEBHOOK_PATH.test(url.pathname)) {
    findings.error(
      `delivery.to is a Discord webhook URL: OpenClaw POSTs the generic cron ` +
        `"finished" event JSON, which Discord rejects (it expects ` +
        `content/embeds); use delivery { mode: "announce", channel: "discord", ` +
        `to: "channel:<id>" } or put a converter (e.g. a Cloudflare Worker) in ` +
        `front`,
    );
    return undefined;
  }
  return { url, shown };
}
