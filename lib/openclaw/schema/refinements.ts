import { describeValue } from '../../core/describe-value';
import type { SchemaIssue } from './schema-issues';
import { isJsonObject } from '../../core/json-value';

/**
 * The release's cross-field rules that its JSON Schema cannot carry: zod `refine`/`superRefine` calls
 * of the config schema (read from the 2026.2.19 source, `src/config/zod-schema*.ts`), for the sections
 * this project writes. Each is checked against the real loader in the schema differential test.
 */
export interface Refinement {
  readonly id: string;
  /** What the release checks, in its words. */
  readonly rule: string;
  readonly check: (doc: Readonly<Record<string, unknown>>) => SchemaIssue[];
}

type Obj = Readonly<Record<string, unknown>>;

const obj = (v: unknown): Obj | undefined => (isJsonObject(v) ? v : undefined);

/** The channel object and each of its accounts, with their paths. */
function channelScopes(doc: Obj, channel: string): { path: string; value: Obj }[] {
  const top = obj(obj(doc.channels)?.[channel]);
  if (!top) return [];
  const accounts = obj(top.accounts) ?? {};
  return [
    { path: `channels.${channel}`, value: top },
    ...Object.keys(accounts)
      .sort()
      .flatMap((id) => {
        const account = obj(accounts[id]);
        return account ? [{ path: `channels.${channel}.accounts.${id}`, value: account }] : [];
      }),
  ];
}

/** requireOpenAllowFrom: `allowFrom` entries, trimmed, as strings. */
function hasWildcard(allowFrom: unknown): boolean {
  return Array.isArray(allowFrom) && allowFrom.some((entry) => String(entry).trim() === '*');
}

function openDmNeedsWildcard(channel: 'discord' | 'telegram'): Refinement {
  return {
    id: `${channel}-open-dm-needs-wildcard`,
    rule: `channels.${channel}.dmPolicy="open" requires channels.${channel}.allowFrom to include "*"`,
    check: (doc) =>
      channelScopes(doc, channel).flatMap(({ path, value }) => {
        // only discord still reads the legacy dm.policy and dm.allowFrom
        const dm = channel === 'discord' ? obj(value.dm) : undefined;
        const policy = value.dmPolicy ?? dm?.policy;
        const allowFrom = value.allowFrom ?? dm?.allowFrom;
        if (policy !== 'open' || hasWildcard(allowFrom)) return [];
        const at =
          value.allowFrom === undefined && dm?.allowFrom !== undefined ? `${path}.dm.allowFrom` : `${path}.allowFrom`;
        return [
          {
            path: at,
            received: describeValue(allowFrom),
            expected: `a list that includes "*" (the dm policy is "open")`,
            fix: `add "*" to ${at}, or use dmPolicy "allowlist" to admit only the listed ids`,
          },
        ];
      }),
  };
}

const DISCORD_ID_LISTS = ['allowFrom', 'dm.allowFrom', 'dm.groupChannels', 'execApprovals.approvers'];

const discordIdsAreStrings: Refinement = {
  id: 'discord-ids-are-strings',
  rule: 'Discord IDs must be strings (wrap numeric IDs in quotes)',
  check: (doc) =>
    channelScopes(doc, 'discord').flatMap(({ path, value }) => {
      const lists: { at: string; list: unknown }[] = DISCORD_ID_LISTS.map((rel) => ({
        at: `${path}.${rel}`,
        list: rel.split('.').reduce<unknown>((n, part) => obj(n)?.[part], value),
      }));
      const guilds = obj(value.guilds) ?? {};
      for (const guildId of Object.keys(guilds).sort()) {
        const guild = obj(guilds[guildId]);
        for (const key of ['users', 'roles'])
          lists.push({ at: `${path}.guilds.${guildId}.${key}`, list: guild?.[key] });
        const channels = obj(guild?.channels) ?? {};
        for (const channelId of Object.keys(channels).sort()) {
          for (const key of ['users', 'roles']) {
            lists.push({
              at: `${path}.guilds.${guildId}.channels.${channelId}.${key}`,
              list: obj(channels[channelId])?.[key],
            });
          }
        }
      }
      return lists.flatMap(({ at, list }) =>
        Array.isArray(list)
          ? list.flatMap((id, index) =>
              typeof id === 'number'
                ? [
                    {
                      path: `${at}[${index}]`,
                      received: `the number ${id}`,
                      expected: 'a discord id as a string',
                      fix: `wrap the id in quotes ("${id}"): a json number loses digits past 2^53`,
                    },
                  ]
                : [],
            )
          : [],
      );
    }),
};

const telegramWebhookNeedsSecret: Refinement = {
  id: 'telegram-webhook-needs-secret',
  rule: 'channels.telegram.webhookUrl requires channels.telegram.webhookSecret',
  check: (doc) =>
    channelScopes(doc, 'telegram').flatMap(({ path, value }) => {
      const url = typeof value.webhookUrl === 'string' ? value.webhookUrl.trim() : '';
      const secret = typeof value.webhookSecret === 'string' ? value.webhookSecret.trim() : '';
      return url && !secret
        ? [
            {
              path: `${path}.webhookSecret`,
              received: 'nothing',
              expected: 'a webhook secret (webhookUrl is set)',
              fix: `set ${path}.webhookSecret to a \${VAR} reference, or remove webhookUrl`,
            },
          ]
        : [];
    }),
};

const discordActivity: Refinement = {
  id: 'discord-activity-fields',
  rule:
    'channels.discord.activity is required when activityType or activityUrl is set; activityUrl requires ' +
    'activityType 1 (Streaming) and activityType 1 requires activityUrl',
  check: (doc) =>
    channelScopes(doc, 'discord').flatMap(({ path, value }) => {
      const text = typeof value.activity === 'string' ? value.activity.trim() : '';
      const url = typeof value.activityUrl === 'string' ? value.activityUrl.trim() : '';
      const issues: SchemaIssue[] = [];
      if ((value.activityType !== undefined || url) && !text) {
        issues.push({
          path: `${path}.activity`,
          received: describeValue(value.activity),
          expected: 'an activity text (activityType or activityUrl is set)',
          fix: `set ${path}.activity, or remove activityType and activityUrl`,
        });
      }
      if (value.activityType === 1 && !url) {
        issues.push({
          path: `${path}.activityUrl`,
          received: 'nothing',
          expected: 'a stream url (activityType is 1, streaming)',
          fix: `set ${path}.activityUrl, or use another activityType`,
        });
      }
      if (url && value.activityType !== 1) {
        issues.push({
          path: `${path}.activityType`,
          received: describeValue(value.activityType),
          expected: '1 (streaming: activityUrl is set)',
          fix: `set ${path}.activityType to 1, or remove activityUrl`,
        });
      }
      return issues;
    }),
};

const broadcastAgentsExist: Refinement = {
  id: 'broadcast-agents-exist',
  rule: 'broadcast lists only agent ids that are in agents.list (when agents.list is not empty)',
  check: (doc) => {
    const list = obj(doc.agents)?.list;
    const broadcast = obj(doc.broadcast);
    if (!Array.isArray(list) || list.length === 0 || !broadcast) return [];
    const ids = new Set(list.map((agent) => obj(agent)?.id));
    return Object.keys(broadcast)
      .filter((peer) => peer !== 'strategy' && Array.isArray(broadcast[peer]))
      .sort()
      .flatMap((peer) =>
        (broadcast[peer] as unknown[]).flatMap((id, index) =>
          ids.has(id)
            ? []
            : [
                {
                  path: `broadcast.${peer}[${index}]`,
                  received: describeValue(id),
                  expected: 'an agent id from agents.list',
                  fix: 'use one of the ids in agents.list, or add the agent',
                },
              ],
        ),
      );
  },
};

const cronWebhookHttp: Refinement = {
  id: 'cron-webhook-http-url',
  rule: 'cron.webhook is an http:// or https:// URL',
  check: (doc) => {
    const webhook = obj(doc.cron)?.webhook;
    if (typeof webhook !== 'string') return [];
    let protocol = '';
    try {
      protocol = new URL(webhook).protocol;
    } catch {
      protocol = '';
    }
    return protocol === 'http:' || protocol === 'https:'
      ? []
      : [
          {
            path: 'cron.webhook',
            received: describeValue(webhook),
            expected: 'an http:// or https:// url',
            fix: 'write the full url with its scheme',
          },
        ];
  },
};

/** Every refinement modelled, in a stable order. */
export const RELEASE_REFINEMENTS: readonly Refinement[] = [
  openDmNeedsWildcard('discord'),
  openDmNeedsWildcard('telegram'),
  discordIdsAreStrings,
  discordActivity,
  telegramWebhookNeedsSecret,
  broadcastAgentsExist,
  cronWebhookHttp,
];

/** What the refinements find in `doc`. */
export function checkRefinements(doc: unknown): SchemaIssue[] {
  const root = obj(doc);
  return root ? RELEASE_REFINEMENTS.flatMap((refinement) => refinement.check(root)) : [];
}
