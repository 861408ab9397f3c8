/**
 * How a refused config is reported (`lib/config/check-config.ts`): each kind of schema problem as one
 * `[rule] object: message` line, read whole, with the value hidden where it may be a secret, the
 * key names a typo is matched against, and the path written the way a config is.
 */
import { z } from 'zod';
import { checkConfig, configIssueProblems, formatConfigPath } from '../../lib/config/check-config';
import { ConfigError } from '../../lib/core/config-problem';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import { configVariant } from '../support/openclaw-ops-harness';

type Draft = Parameters<Parameters<typeof configVariant>[0]>[0];

/** The problems `checkConfig` throws for the default config changed by `mutate`, one line each. */
function refusal(mutate: (draft: Draft) => void): string[] {
  try {
    checkConfig(configVariant(mutate));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems.map((p) => `[${p.rule}] ${p.object}: ${p.message}`);
  }
  throw new Error('expected the config to be refused');
}

/** Writes `value` at a key the config's types do not have. */
function setLoose(target: object, key: string, value: unknown): void {
  (target as Record<string, unknown>)[key] = value;
}

const TOP_KEYS =
  'alerting, arch, cronJobs, externalSecretRefreshInterval, externalSecrets, gatewayLiteralEnv, gatewayPod, ' +
  'image, namespace, network, openclawConfig, openclawVersion, paths, secretStore, secrets, ssmPrefix, telemetry';

describe('config paths', () => {
  test('are written the way a config is: dots for names, brackets for indexes and other keys', () => {
    expect(formatConfigPath([])).toBe('config');
    expect(formatConfigPath(['a1', 'B', '$c', '_d', 3])).toBe('config.a1.B.$c._d[3]');
    expect(formatConfigPath(['1b', 'e-f', '-g', 'h-', 'i.j', ' k', 'l m'])).toBe(
      'config["1b"]["e-f"]["-g"]["h-"]["i.j"][" k"]["l m"]',
    );
    expect(formatConfigPath([Symbol('s')])).toBe('config["Symbol(s)"]');
  });
});

describe('a missing or mistyped field', () => {
  test('missing: names the key to add and its type, with the right article', () => {
    expect(
      refusal((c) => {
        delete (c as Partial<Draft>).arch;
      }),
    ).toEqual([
      '[config-shape] config.arch: expected object, received nothing: add arch (an object) (see the OpenClawOpsConfig type)',
    ]);
    expect(
      refusal((c) => {
        delete (c.gatewayPod as Partial<Draft['gatewayPod']>).sidecars;
      }),
    ).toEqual([
      '[config-shape] config.gatewayPod.sidecars: expected array, received nothing: add sidecars (an array) (see the ' +
        'OpenClawOpsConfig type)',
    ]);
    expect(
      refusal((c) => {
        delete (c as Partial<Draft>).namespace;
      }),
    ).toEqual([
      '[config-shape] config.namespace: expected string, received nothing: add namespace (a string) (see the ' +
        'OpenClawOpsConfig type)',
    ]);
  });

  test('mistyped: "int" is said as integer, and a received string is described by its length only', () => {
    expect(
      refusal((c) => {
        c.gatewayPod.fsGroup = 1.5;
      }),
    ).toEqual([
      '[config-shape] config.gatewayPod.fsGroup: expected integer, received 1.5: set it to an integer (see the ' +
        'OpenClawOpsConfig type)',
    ]);
    expect(
      refusal((c) => {
        setLoose(c.gatewayPod, 'sidecars', 'hunter2');
      }),
    ).toEqual([
      '[config-shape] config.gatewayPod.sidecars: expected array, received a string of 7 characters: set it to an ' +
        'array (see the OpenClawOpsConfig type)',
    ]);
  });
});

describe('an unknown key', () => {
  test('lists the known keys, sorted, and suggests the closest one', () => {
    expect(
      refusal((c) => {
        setLoose(c, 'namespce', 'openclaw');
      }),
    ).toEqual([
      `[config-unknown-key] config.namespce: received unknown key "namespce", expected one of ${TOP_KEYS}: rename it ` +
        'to "namespace" (an unknown key would be ignored silently)',
    ]);
    expect(
      refusal((c) => {
        setLoose(c.arch, 'regoin', 'x');
        setLoose(c.arch, 'zzzzzzzz', 'x');
      }),
    ).toEqual([
      '[config-unknown-key] config.arch.regoin: received unknown key "regoin", expected one of backend, ' +
        'managedElsewhere, region, reservedStateKeyPrefixes, stackName, tags: rename it to "region" (an unknown key ' +
        'would be ignored silently)',
      '[config-unknown-key] config.arch.zzzzzzzz: received unknown key "zzzzzzzz", expected one of backend, ' +
        'managedElsewhere, region, reservedStateKeyPrefixes, stackName, tags: remove it (an unknown key would be ' +
        'ignored silently)',
    ]);
  });

  test('suggests a name at most 2 edits away, or a third of the key length when that is more', () => {
    const advice = (key: string): string => {
      const [line] = refusal((c) => setLoose(c, key, 1));
      return line.slice(line.lastIndexOf(': ') + 2);
    };
    const REMOVE = 'remove it (an unknown key would be ignored silently)';
    expect(advice('imaXX')).toBe('rename it to "image" (an unknown key would be ignored silently)');
    expect(advice('imXXX')).toBe(REMOVE);
    // 9 characters: 3 edits allowed
    expect(advice('telemeXYZ')).toBe('rename it to "telemetry" (an unknown key would be ignored silently)');
    // 8 characters: still 2
    expect(advice('alertXYZ')).toBe(REMOVE);
  });

  test('names the keys of every shape a union allows at that path', () => {
    const message =
      'received unknown key "tz2", expected one of anchorMs, at, everyMs, expr, kind, staggerMs, tz: rename it to ' +
      '"tz" (an unknown key would be ignored silently)';
    // the two lolice jobs share one schedule object, so both report it
    expect(refusal((c) => setLoose(c.cronJobs![0].schedule, 'tz2', 'UTC'))).toEqual([
      `[config-unknown-key] config.cronJobs[0].schedule.tz2: ${message}`,
      `[config-unknown-key] config.cronJobs[1].schedule.tz2: ${message}`,
    ]);
  });
});

describe('values out of a list or a range', () => {
  test('an enum value names every allowed value', () => {
    expect(
      refusal((c) => {
        setLoose(c.cronJobs![0], 'sessionTarget', 'other');
      }),
    ).toEqual([
      '[config-shape] config.cronJobs[0].sessionTarget: received "other", expected one of "main", "isolated": use one of them',
    ]);
  });

  test('a discriminator names its field and the values of the union', () => {
    expect(
      refusal((c) => {
        setLoose(c.cronJobs![0], 'schedule', { kind: 'weekly' });
      }),
    ).toEqual([
      '[config-shape] config.cronJobs[0].schedule.kind: received "weekly", expected one of "at", "every", "cron": set ' +
        'kind to one of them',
    ]);
    expect(
      refusal((c) => {
        setLoose(c.cronJobs![0], 'payload', { text: 'x' });
      }),
    ).toEqual([
      '[config-shape] config.cronJobs[0].payload.kind: received nothing, expected one of "systemEvent", "agentTurn": ' +
        'set kind to one of them',
    ]);
  });

  test('a number below or above its bound', () => {
    expect(
      refusal((c) => {
        c.gatewayPod.sidecars[0].readinessProbe = { httpGet: { path: '/', port: 1 }, periodSeconds: 0 };
      }),
    ).toEqual([
      '[config-range] config.gatewayPod.sidecars[0].readinessProbe.periodSeconds: received 0, expected at least 1: fix the value',
    ]);
    expect(
      refusal((c) => {
        c.gatewayPod.sidecars[0].readinessProbe = { httpGet: { path: '/', port: 65536 } };
      }),
    ).toEqual([
      '[config-range] config.gatewayPod.sidecars[0].readinessProbe.httpGet.port: received 65536, expected at most ' +
        '65535: fix the value',
    ]);
  });
});

describe('a rule of a section', () => {
  test('keeps its own rule id and message; a check without one is a config-shape problem', () => {
    expect(
      refusal((c) => {
        c.cronJobs![0].schedule = { kind: 'every', everyMs: 1000 };
      }),
    ).toEqual([
      '[cron-every-floor] config.cronJobs[0].schedule.everyMs: received 1000, expected at least 60000 (everyMs is in ' +
        'milliseconds; 1000 ms runs the job every few seconds): write the interval in milliseconds, e.g. 3600000 for ' +
        'hourly',
    ]);
    const issue = { code: 'custom', path: ['telemetry'], message: 'received a metric, expected a catalog entry' };
    expect(configIssueProblems(issue as z.core.$ZodIssue, {})).toEqual([
      { rule: 'config-shape', object: 'config.telemetry', message: 'received a metric, expected a catalog entry' },
    ]);
  });

  test('the cross-field rules run only on a well-shaped config, and an accepted config is returned as is', () => {
    const config: OpenClawOpsConfig = configVariant(() => undefined);
    expect(checkConfig(config)).toBe(config);
    expect(
      refusal((c) => {
        c.openclawVersion = '2026.13.1';
      }),
    ).toEqual([
      '[openclaw-version] config.openclawVersion: received "2026.13.1", whose month is not 1-12 or whose release ' +
        'number is 0, expected a release version YYYY.M.N such as "2026.2.19": fix the month or the release number ' +
        '(is it YYYY.N.M?)',
    ]);
    // a shape problem stops before the cross-field rules: the bad version is not reported beside it
    expect(
      refusal((c) => {
        c.openclawVersion = '2026.13.1';
        setLoose(c, 'extra', 1);
      }),
    ).toHaveLength(1);
  });
});

/** Problems of zod issues the config schema has no field for today (arrays and strings with bounds, plain unions). */
describe('issue kinds the schema may produce', () => {
  const problems = (issue: object, input: unknown = {}): ReturnType<typeof configIssueProblems> =>
    configIssueProblems(issue as z.core.$ZodIssue, input);

  test('bounds on arrays count entries, on strings characters, and hide the text', () => {
    const input = { list: [1], name: 'secret-ish' };
    expect(problems({ code: 'too_small', origin: 'array', minimum: 2, path: ['list'], message: '' }, input)).toEqual([
      {
        rule: 'config-range',
        object: 'config.list',
        message: 'received an array of 1 item, expected at least 2 entries: fix the value',
      },
    ]);
    expect(problems({ code: 'too_big', origin: 'string', maximum: 3, path: ['name'], message: '' }, input)).toEqual([
      {
        rule: 'config-range',
        object: 'config.name',
        message: 'received a string of 10 characters, expected at most 3 characters: fix the value',
      },
    ]);
  });

  test('a union without a discriminator asks for a JSON value, without showing the text', () => {
    expect(problems({ code: 'invalid_union', errors: [], path: ['a', 0], message: '' }, { a: ['token'] })).toEqual([
      {
        rule: 'config-shape',
        object: 'config.a[0]',
        message:
          'received a string of 5 characters, expected a JSON value (string, finite number, boolean, null, array or ' +
          'object): fix the value',
      },
    ]);
  });

  test('a discriminator issue whose path already ends at the discriminator keeps that path', () => {
    const input = { cronJobs: [{ schedule: { kind: 'weekly' } }] };
    expect(
      problems(
        {
          code: 'invalid_union',
          errors: [],
          discriminator: 'kind',
          path: ['cronJobs', 0, 'schedule', 'kind'],
          message: '',
        },
        input,
      ),
    ).toEqual([
      {
        rule: 'config-shape',
        object: 'config.cronJobs[0].schedule.kind',
        message: 'received "weekly", expected one of "at", "every", "cron": set kind to one of them',
      },
    ]);
  });

  test('any other issue keeps its own words, lower-cased, and never reads through a non-object', () => {
    expect(
      problems({ code: 'invalid_format', format: 'regex', path: ['a', 'b'], message: 'Invalid String' }, { a: 'x' }),
    ).toEqual([
      { rule: 'config-shape', object: 'config.a.b', message: 'received nothing: invalid string; fix the value' },
    ]);
    expect(
      problems({ code: 'invalid_format', format: 'regex', path: ['a', 'b'], message: 'Bad' }, { a: null }),
    ).toEqual([{ rule: 'config-shape', object: 'config.a.b', message: 'received nothing: bad; fix the value' }]);
    expect(
      problems({ code: 'invalid_format', format: 'regex', path: ['a', 'b'], message: 'Bad' }, { a: { b: 'pw' } }),
    ).toEqual([
      { rule: 'config-shape', object: 'config.a.b', message: 'received a string of 2 characters: bad; fix the value' },
    ]);
  });
});

describe('the known keys an unknown key is matched against', () => {
  test('are read through optional sections, arrays, refined objects and nested objects', () => {
    const known = (mutate: (draft: Draft) => void): string => {
      const [line] = refusal(mutate);
      return line.slice(0, line.indexOf(':', line.indexOf('expected one of')));
    };
    expect(known((c) => setLoose(c.network!, 'zz', 1))).toBe(
      '[config-unknown-key] config.network.zz: received unknown key "zz", expected one of clusterDomain, ' +
        'clusterServices, externalEgressPorts, ingress, litellmPolicy, urlEnvVars',
    );
    expect(known((c) => setLoose(c.cronJobs![1].delivery!, 'zz', 1))).toBe(
      '[config-unknown-key] config.cronJobs[1].delivery.zz: received unknown key "zz", expected one of bestEffort, ' +
        'channel, mode, to',
    );
    expect(known((c) => setLoose(c.gatewayPod.volumes[0], 'zz', 1))).toBe(
      '[config-unknown-key] config.gatewayPod.volumes[0].zz: received unknown key "zz", expected one of configMap, ' +
        'emptyDir, name, openclawConfigMap, persistentVolumeClaim',
    );
    expect(known((c) => setLoose(c.telemetry.prometheus!, 'zz', 1))).toBe(
      '[config-unknown-key] config.telemetry.prometheus.zz: received unknown key "zz", expected one of ' +
        'enableFeatures, keepIdentifyingResourceAttributes, operatorVersion, prometheusVersion, ' +
        'promoteResourceAttributes, translationStrategy',
    );
    expect(
      known((c) => {
        c.gatewayPod.sidecars[0].readinessProbe = { httpGet: { path: '/', port: 1 } };
        setLoose(c.gatewayPod.sidecars[0].readinessProbe.httpGet, 'zz', 1);
      }),
    ).toBe(
      '[config-unknown-key] config.gatewayPod.sidecars[0].readinessProbe.httpGet.zz: received unknown key "zz", ' +
        'expected one of path, port',
    );
  });
});

describe('the cross-field rules of every section', () => {
  test('run on the cron jobs when there are some, and on none when the config has none', () => {
    expect(
      refusal((c) => {
        c.cronJobs![0] = {
          ...c.cronJobs![0],
          payload: { kind: 'agentTurn', message: `use ghp_${'a'.repeat(36)}` },
        };
      }),
    ).toEqual([
      '[literal-secret-value] cron job "Daily usage report" payload: received what looks like a GitHub token, ' +
        'expected no credential (cron-jobs.json is committed to Git): revoke it and let the agent read it from an ' +
        'env var',
    ]);
    const config = configVariant((c) => {
      delete c.cronJobs;
    });
    expect(checkConfig(config)).toBe(config);
  });
});

describe("openclaw.json's own shape", () => {
  test('a value JSON cannot carry is a config-shape problem at its path', () => {
    expect(
      refusal((c) => {
        setLoose(c.openclawConfig, 'x', Number.NaN);
      }),
    ).toEqual([
      '[config-shape] config.openclawConfig.x: expected a finite number, received NaN: JSON has no NaN or Infinity; ' +
        'fix the value',
    ]);
  });
});

describe('issue paths, the edge cases', () => {
  const problems = (issue: object, input: unknown): ReturnType<typeof configIssueProblems> =>
    configIssueProblems(issue as z.core.$ZodIssue, input);

  test('a discriminator issue at the union names the discriminator field', () => {
    const input = { cronJobs: [{ schedule: { kind: 'weekly' } }] };
    expect(
      problems(
        { code: 'invalid_union', errors: [], discriminator: 'kind', path: ['cronJobs', 0, 'schedule'], message: '' },
        input,
      ),
    ).toEqual([
      {
        rule: 'config-shape',
        object: 'config.cronJobs[0].schedule.kind',
        message: 'received "weekly", expected one of "at", "every", "cron": set kind to one of them',
      },
    ]);
  });

  test('a value is never read out of a string', () => {
    expect(problems({ code: 'invalid_format', format: 'regex', path: ['a', 0], message: 'Bad' }, { a: 'xyz' })).toEqual(
      [{ rule: 'config-shape', object: 'config.a[0]', message: 'received nothing: bad; fix the value' }],
    );
  });
});

/** The same walk over schemas the config does not use today: a record of objects, a pipe, a lazy schema. */
describe('the known keys, through every kind of schema that can hold an object', () => {
  /** The problems `schema` reports for `input`, one line each. */
  const reported = (schema: z.ZodType, input: unknown): string[] => {
    const result = schema.safeParse(input);
    if (result.success) throw new Error('expected the input to be refused');
    return result.error.issues
      .flatMap((issue) => configIssueProblems(issue, input, schema))
      .map((p) => `[${p.rule}] ${p.object}: ${p.message}`);
  };
  const hook = z.strictObject({ url: z.string(), token: z.string() });
  const unknownUrll = (path: string): string =>
    `[config-unknown-key] config.${path}.urll: received unknown key "urll", expected one of token, url: rename it ` +
    'to "url" (an unknown key would be ignored silently)';

  test('an object that is the value of a record', () => {
    const schema = z.strictObject({ hooks: z.record(z.string(), hook) });
    expect(
      reported(schema, { hooks: { a: { url: 'u', token: 't' }, b: { url: 'u', token: 't', urll: 'v' } } }),
    ).toEqual([unknownUrll('hooks.b')]);
  });

  test('an object behind a transform', () => {
    const schema = z.strictObject({ hook: hook.transform((h) => h.url) });
    expect(reported(schema, { hook: { url: 'u', token: 't', urll: 'v' } })).toEqual([unknownUrll('hook')]);
  });

  test('an object behind a lazy schema', () => {
    const schema = z.strictObject({ hook: z.lazy(() => hook) });
    expect(reported(schema, { hook: { url: 'u', token: 't', urll: 'v' } })).toEqual([unknownUrll('hook')]);
  });

  test('an object that only one shape of a union has at that path', () => {
    const schema = z.strictObject({
      target: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('webhook'), hook }),
        z.strictObject({ kind: z.literal('none') }),
      ]),
    });
    expect(reported(schema, { target: { kind: 'webhook', hook: { url: 'u', token: 't', urll: 'v' } } })).toEqual([
      unknownUrll('target.hook'),
    ]);
  });
});
