/**
 * The release's cross-field rules its JSON Schema cannot carry (`lib/openclaw/schema/refinements.ts`),
 * each issue read whole, on the channel itself and on each of its accounts; the real loader's side
 * of each rule is checked in `test/real-openclaw/schema-differential.test.ts`.
 */
import { checkRefinements, RELEASE_REFINEMENTS } from '../../lib/openclaw/schema/refinements';

test('the refinements modelled, in their stable order, each with the rule in the release words', () => {
  expect(RELEASE_REFINEMENTS.map(({ id, rule }) => [id, rule])).toEqual([
    [
      'discord-open-dm-needs-wildcard',
      'channels.discord.dmPolicy="open" requires channels.discord.allowFrom to include "*"',
    ],
    [
      'telegram-open-dm-needs-wildcard',
      'channels.telegram.dmPolicy="open" requires channels.telegram.allowFrom to include "*"',
    ],
    ['discord-ids-are-strings', 'Discord IDs must be strings (wrap numeric IDs in quotes)'],
    [
      'discord-activity-fields',
      'channels.discord.activity is required when activityType or activityUrl is set; activityUrl requires ' +
        'activityType 1 (Streaming) and activityType 1 requires activityUrl',
    ],
    ['telegram-webhook-needs-secret', 'channels.telegram.webhookUrl requires channels.telegram.webhookSecret'],
    [
      'broadcast-agents-exist',
      'broadcast lists only agent ids that are in agents.list (when agents.list is not empty)',
    ],
    ['cron-webhook-http-url', 'cron.webhook is an http:// or https:// URL'],
  ]);
});

test('a document that is not an object has no refinement issue', () => {
  expect(checkRefinements([])).toEqual([]);
  expect(checkRefinements(null)).toEqual([]);
  expect(checkRefinements({ channels: { discord: [] }, cron: 'x', agents: [] })).toEqual([]);
});

describe('an open dm policy needs "*" in allowFrom', () => {
  const needsWildcard = (at: string, received: string): object => ({
    path: at,
    received,
    expected: 'a list that includes "*" (the dm policy is "open")',
    fix: `add "*" to ${at}, or use dmPolicy "allowlist" to admit only the listed ids`,
  });

  test('on the channel and on each account, accounts sorted', () => {
    const channels = {
      telegram: {
        dmPolicy: 'open',
        allowFrom: ['123'],
        accounts: {
          zed: { dmPolicy: 'open' },
          alpha: { dmPolicy: 'open', allowFrom: [' * '] },
          bad: 'x',
          beta: { dmPolicy: 'open', allowFrom: [] },
        },
      },
    };
    expect(checkRefinements({ channels })).toEqual([
      needsWildcard('channels.telegram.allowFrom', 'an array of 1 item'),
      needsWildcard('channels.telegram.accounts.beta.allowFrom', 'an empty array'),
      needsWildcard('channels.telegram.accounts.zed.allowFrom', 'nothing'),
    ]);
  });

  test('discord reads the legacy dm.policy and dm.allowFrom, and names the key that was written', () => {
    expect(checkRefinements({ channels: { discord: { dm: { policy: 'open', allowFrom: ['1'] } } } })).toEqual([
      needsWildcard('channels.discord.dm.allowFrom', 'an array of 1 item'),
    ]);
    expect(checkRefinements({ channels: { discord: { dm: { policy: 'open', allowFrom: ['*'] } } } })).toEqual([]);
    expect(checkRefinements({ channels: { discord: { dm: { policy: 'open' } } } })).toEqual([
      needsWildcard('channels.discord.allowFrom', 'nothing'),
    ]);
    expect(
      checkRefinements({ channels: { discord: { dmPolicy: 'open', allowFrom: [], dm: { allowFrom: ['*'] } } } }),
    ).toEqual([needsWildcard('channels.discord.allowFrom', 'an empty array')]);
    // telegram has no dm object
    expect(checkRefinements({ channels: { telegram: { dm: { policy: 'open' } } } })).toEqual([]);
    expect(checkRefinements({ channels: { telegram: { dmPolicy: 'open', dm: { allowFrom: ['*'] } } } })).toEqual([
      needsWildcard('channels.telegram.allowFrom', 'nothing'),
    ]);
    expect(checkRefinements({ channels: { discord: { dmPolicy: 'allowlist', allowFrom: [] } } })).toEqual([]);
  });
});

describe('discord ids are strings', () => {
  const numeric = (at: string, id: number): object => ({
    path: at,
    received: `the number ${id}`,
    expected: 'a discord id as a string',
    fix: `wrap the id in quotes ("${id}"): a json number loses digits past 2^53`,
  });

  test('in every id list of the channel, its guilds (sorted) and their channels (sorted)', () => {
    const discord = {
      allowFrom: ['1', 2],
      dm: { allowFrom: [3], groupChannels: [4] },
      execApprovals: { approvers: [5] },
      guilds: {
        g2: { users: [6] },
        g1: { roles: [7], channels: { c2: { users: [8] }, c1: { roles: [9], users: ['10'] }, c0: 'x' } },
        g3: 'x',
      },
    };
    expect(checkRefinements({ channels: { discord } })).toEqual([
      numeric('channels.discord.allowFrom[1]', 2),
      numeric('channels.discord.dm.allowFrom[0]', 3),
      numeric('channels.discord.dm.groupChannels[0]', 4),
      numeric('channels.discord.execApprovals.approvers[0]', 5),
      numeric('channels.discord.guilds.g1.roles[0]', 7),
      numeric('channels.discord.guilds.g1.channels.c1.roles[0]', 9),
      numeric('channels.discord.guilds.g1.channels.c2.users[0]', 8),
      numeric('channels.discord.guilds.g2.users[0]', 6),
    ]);
  });

  test('on each account too; a list that is not an array is not read', () => {
    expect(checkRefinements({ channels: { discord: { allowFrom: 1, accounts: { a: { allowFrom: [11] } } } } })).toEqual(
      [numeric('channels.discord.accounts.a.allowFrom[0]', 11)],
    );
  });
});

describe('discord activity fields', () => {
  const at = (activity: Record<string, unknown>): object[] => checkRefinements({ channels: { discord: activity } });

  test('an activity type or url without a text', () => {
    expect(at({ activityType: 0 })).toEqual([
      {
        path: 'channels.discord.activity',
        received: 'nothing',
        expected: 'an activity text (activityType or activityUrl is set)',
        fix: 'set channels.discord.activity, or remove activityType and activityUrl',
      },
    ]);
    expect(at({ activityType: 0, activity: '  ' })).toEqual([
      expect.objectContaining({ path: 'channels.discord.activity', received: '"  "' }),
    ]);
    expect(at({ activityType: 0, activity: 'playing' })).toEqual([]);
    expect(at({ activity: 'playing' })).toEqual([]);
  });

  test('streaming needs a url, and a url needs streaming', () => {
    expect(at({ activity: 'live', activityType: 1, activityUrl: ' ' })).toEqual([
      {
        path: 'channels.discord.activityUrl',
        received: 'nothing',
        expected: 'a stream url (activityType is 1, streaming)',
        fix: 'set channels.discord.activityUrl, or use another activityType',
      },
    ]);
    expect(at({ activity: 'live', activityType: 1, activityUrl: 'https://twitch.tv/x' })).toEqual([]);
    expect(at({ activityUrl: 'https://twitch.tv/x', activityType: 2 })).toEqual([
      {
        path: 'channels.discord.activity',
        received: 'nothing',
        expected: 'an activity text (activityType or activityUrl is set)',
        fix: 'set channels.discord.activity, or remove activityType and activityUrl',
      },
      {
        path: 'channels.discord.activityType',
        received: '2',
        expected: '1 (streaming: activityUrl is set)',
        fix: 'set channels.discord.activityType to 1, or remove activityUrl',
      },
    ]);
  });
});

describe('a telegram webhook url needs a secret', () => {
  const telegram = (fields: Record<string, unknown>): object[] => checkRefinements({ channels: { telegram: fields } });

  test('on the channel and each account', () => {
    expect(
      telegram({ webhookUrl: 'https://x', webhookSecret: ' ', accounts: { b: { webhookUrl: 'https://y' } } }),
    ).toEqual([
      {
        path: 'channels.telegram.webhookSecret',
        received: 'nothing',
        expected: 'a webhook secret (webhookUrl is set)',
        fix: 'set channels.telegram.webhookSecret to a ${VAR} reference, or remove webhookUrl',
      },
      {
        path: 'channels.telegram.accounts.b.webhookSecret',
        received: 'nothing',
        expected: 'a webhook secret (webhookUrl is set)',
        fix: 'set channels.telegram.accounts.b.webhookSecret to a ${VAR} reference, or remove webhookUrl',
      },
    ]);
    expect(telegram({ webhookUrl: 'https://x', webhookSecret: '${SECRET}' })).toEqual([]);
    expect(telegram({ webhookUrl: '  ' })).toEqual([]);
    expect(telegram({ webhookUrl: 5 })).toEqual([]);
  });
});

describe('broadcast lists agents that exist', () => {
  test('every unknown id at its index, peers sorted, strategy and non-lists skipped', () => {
    const doc = {
      agents: { list: [{ id: 'main' }, 'x', { id: 'ops' }] },
      broadcast: { strategy: ['nobody'], zeta: ['main', 'ghost'], alpha: ['nobody'], beta: 'main' },
    };
    expect(checkRefinements(doc)).toEqual([
      {
        path: 'broadcast.alpha[0]',
        received: '"nobody"',
        expected: 'an agent id from agents.list',
        fix: 'use one of the ids in agents.list, or add the agent',
      },
      {
        path: 'broadcast.zeta[1]',
        received: '"ghost"',
        expected: 'an agent id from agents.list',
        fix: 'use one of the ids in agents.list, or add the agent',
      },
    ]);
  });

  test('nothing is checked without agents or without a broadcast section', () => {
    expect(checkRefinements({ agents: { list: [] }, broadcast: { a: ['x'] } })).toEqual([]);
    expect(checkRefinements({ broadcast: { a: ['x'] } })).toEqual([]);
    expect(checkRefinements({ agents: { list: [{ id: 'main' }] } })).toEqual([]);
    expect(checkRefinements({ agents: { list: [{ id: 'main' }] }, broadcast: ['x'] })).toEqual([]);
    // a broadcast written as a list is no peer map
    expect(checkRefinements({ agents: { list: [{ id: 'main' }] }, broadcast: [['ghost']] })).toEqual([]);
  });
});

describe('cron.webhook is an http(s) url', () => {
  test('another scheme or no url at all', () => {
    const issue = (received: string): object => ({
      path: 'cron.webhook',
      received,
      expected: 'an http:// or https:// url',
      fix: 'write the full url with its scheme',
    });
    expect(checkRefinements({ cron: { webhook: 'ftp://x' } })).toEqual([issue('"ftp://x"')]);
    expect(checkRefinements({ cron: { webhook: 'receiver/hook' } })).toEqual([issue('"receiver/hook"')]);
    expect(checkRefinements({ cron: { webhook: 'http://x' } })).toEqual([]);
    expect(checkRefinements({ cron: { webhook: 'https://x' } })).toEqual([]);
    expect(checkRefinements({ cron: { webhook: 5 } })).toEqual([]);
  });
});
