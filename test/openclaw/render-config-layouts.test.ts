/**
 * The renderer's layout moves (`lib/openclaw/render-config.ts`) on small documents: each move with
 * the key order it keeps, the change it lists, the document it leaves alone, and each refusal read
 * whole. `version-gates.test.ts` runs the same moves on the lolice document.
 */
import type { OpenClawConfigDocument } from '../../lib/openclaw/config-document';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import { renderOpenClawConfigWithChanges, type RenderOpenClawConfigOptions } from '../../lib/openclaw/render-config';

const OLD = OpenClawVersion.parse('2026.2.19');
const NEW = OpenClawVersion.parse('2026.9.6');
/** The first release with the discord dm gate and the last one without the control UI gate. */
const DM_ONLY = OpenClawVersion.parse('2026.5.18');

function render(doc: unknown, options: Partial<RenderOpenClawConfigOptions> = {}) {
  return renderOpenClawConfigWithChanges(doc as OpenClawConfigDocument, { version: NEW, ...options });
}

/** Keys of `value`, in order, at every level (a key-order fingerprint). */
function keyOrder(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
}

describe('discord dm.policy and dm.allowFrom move to the channel', () => {
  test('in the place dm had, dm keeping its other keys, each move listed', () => {
    const doc = {
      gateway: { port: 1 },
      channels: {
        telegram: { enabled: true },
        discord: { enabled: true, dm: { policy: 'allowlist', allowFrom: ['1'], groupEnabled: true }, token: '${T}' },
      },
    };
    const { document, changes } = render(doc);
    expect(keyOrder(document)).toEqual(
      keyOrder({
        gateway: { port: 1 },
        channels: {
          telegram: { enabled: true },
          discord: {
            enabled: true,
            dmPolicy: 'allowlist',
            allowFrom: ['1'],
            dm: { groupEnabled: true },
            token: '${T}',
          },
        },
      }),
    );
    expect(changes).toEqual([
      {
        gate: 'discord-dm-policy-flat',
        path: 'channels.discord.dm.policy',
        description: 'channels.discord.dm.policy → channels.discord.dmPolicy',
      },
      {
        gate: 'discord-dm-policy-flat',
        path: 'channels.discord.dm.allowFrom',
        description: 'channels.discord.dm.allowFrom → channels.discord.allowFrom',
      },
    ]);
    expect(doc.channels.discord.dm.policy).toBe('allowlist'); // the authored document is not touched
  });

  test('one key alone; dm dropped when nothing else is in it; a flat key already there with the same value', () => {
    const { document, changes } = render({
      channels: { discord: { allowFrom: ['1'], dm: { allowFrom: ['1'] }, after: 1 } },
    });
    expect(keyOrder(document)).toEqual(keyOrder({ channels: { discord: { allowFrom: ['1'], after: 1 } } }));
    expect(changes.map((c) => c.path)).toEqual(['channels.discord.dm.allowFrom']);
    // a flat key written after dm stays where dm was
    expect(
      keyOrder(render({ channels: { discord: { dm: { policy: 'open' }, x: 1, dmPolicy: 'open' } } }).document),
    ).toEqual(keyOrder({ channels: { discord: { dmPolicy: 'open', x: 1 } } }));
    // a flat dmPolicy beside a dm that only moves allowFrom is no conflict
    expect(render({ channels: { discord: { dmPolicy: 'open', dm: { allowFrom: ['1'] } } } }).document).toEqual({
      channels: { discord: { dmPolicy: 'open', allowFrom: ['1'] } },
    });
    expect(render({ channels: { discord: { dm: { policy: 'open' } } } }).document).toEqual({
      channels: { discord: { dmPolicy: 'open' } },
    });
  });

  test('refuses dm.policy and dmPolicy with different values, naming the gate', () => {
    expect(() => render({ channels: { discord: { dmPolicy: 'open', dm: { policy: 'allowlist' } } } })).toThrow(
      new Error(
        'openclaw.json channels.discord: dm.policy and dmPolicy are both set and differ; openclaw 2026.9.6 ' +
          '(discord-dm-policy-flat, from 2026.5.18) only knows dmPolicy, so keep one of them in the config',
      ),
    );
    expect(() => render({ channels: { discord: { allowFrom: ['2'], dm: { allowFrom: ['1'] } } } })).toThrow(
      'dm.allowFrom and allowFrom are both set and differ; openclaw 2026.9.6 (discord-dm-policy-flat, from ' +
        '2026.5.18) only knows allowFrom, so keep one of them in the config',
    );
  });

  test('leaves the document itself where there is nothing to move, or before the gate', () => {
    for (const doc of [
      {},
      { channels: [] },
      { channels: { discord: 'x' } },
      { channels: { discord: { dm: [] } } },
      { channels: { discord: { dm: { groupEnabled: true } } } },
    ]) {
      const rendered = render(doc);
      expect(rendered.document).toBe(doc);
      expect(rendered.changes).toEqual([]);
    }
    const authored = { channels: { discord: { dm: { policy: 'open' } } } };
    expect(render(authored, { version: OLD }).document).toBe(authored);
  });
});

describe('gateway.controlUi.allowInsecureAuth is dropped from its retirement on', () => {
  test('the key goes, the section keeps its order, and the change is listed', () => {
    const { document, changes } = render({
      gateway: { port: 1, controlUi: { allowInsecureAuth: true, enabled: true }, bind: 'lan' },
    });
    expect(keyOrder(document)).toEqual(keyOrder({ gateway: { port: 1, controlUi: { enabled: true }, bind: 'lan' } }));
    expect(changes).toEqual([
      {
        gate: 'control-ui-insecure-auth-retired',
        path: 'gateway.controlUi.allowInsecureAuth',
        description: 'gateway.controlUi.allowInsecureAuth dropped (retired)',
      },
    ]);
  });

  test('a controlUi left empty is removed', () => {
    expect(render({ gateway: { controlUi: { allowInsecureAuth: false }, port: 1 } }).document).toEqual({
      gateway: { port: 1 },
    });
  });

  test('nothing changes before the gate or without the key', () => {
    const doc = { gateway: { controlUi: { allowInsecureAuth: true } } };
    expect(render(doc, { version: DM_ONLY }).document).toBe(doc);
    for (const other of [
      { gateway: 'x' },
      { gateway: { controlUi: 'x' } },
      { gateway: { controlUi: { enabled: true } } },
    ]) {
      expect(render(other).document).toBe(other);
    }
  });
});

describe('in-cluster cron webhook receivers', () => {
  test('are merged into allowedHostnames, sorted, without duplicates, each new host listed', () => {
    const { document, changes } = render(
      { cron: { enabled: true, webhookSsrfPolicy: { allowedHostnames: ['m.example', 5], other: 1 }, after: 2 } },
      { cronWebhookAllowedHostnames: ['z.svc', 'a.svc', 'm.example', 'a.svc'] },
    );
    expect(keyOrder(document)).toEqual(
      keyOrder({
        cron: {
          enabled: true,
          webhookSsrfPolicy: { allowedHostnames: ['a.svc', 'm.example', 'z.svc'], other: 1 },
          after: 2,
        },
      }),
    );
    expect(changes).toEqual([
      {
        gate: 'cron-webhook-ssrf-policy',
        path: 'cron.webhookSsrfPolicy.allowedHostnames',
        description: 'cron.webhookSsrfPolicy.allowedHostnames += "a.svc" (in-cluster webhook receiver)',
      },
      {
        gate: 'cron-webhook-ssrf-policy',
        path: 'cron.webhookSsrfPolicy.allowedHostnames',
        description: 'cron.webhookSsrfPolicy.allowedHostnames += "z.svc" (in-cluster webhook receiver)',
      },
    ]);
  });

  test('create the cron section and the policy when the document has neither', () => {
    expect(render({ cron: 'x' }, { cronWebhookAllowedHostnames: ['r.svc'] }).document).toEqual({
      cron: { webhookSsrfPolicy: { allowedHostnames: ['r.svc'] } },
    });
    expect(
      render({ cron: { webhookSsrfPolicy: { allowedHostnames: 'x' } } }, { cronWebhookAllowedHostnames: ['r.svc'] })
        .document,
    ).toEqual({ cron: { webhookSsrfPolicy: { allowedHostnames: ['r.svc'] } } });
  });

  test('are refused before the gate, each named', () => {
    expect(() => render({}, { version: OLD, cronWebhookAllowedHostnames: ['a.svc', 'b.svc'] })).toThrow(
      new Error(
        'cron webhook receivers "a.svc", "b.svc" need cron.webhookSsrfPolicy.allowedHostnames, which openclaw ' +
          '2026.2.19 does not have (cron-webhook-ssrf-policy, from 2026.8.1); expose the receivers at a public ' +
          'hostname or upgrade openclaw',
      ),
    );
    const doc = {};
    expect(render(doc, { version: OLD, cronWebhookAllowedHostnames: [] }).document).toBe(doc);
  });
});
