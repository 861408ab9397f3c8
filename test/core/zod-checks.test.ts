/** The schema building blocks every config section uses: each refusal carries its rule id and whole message. */
import { z } from 'zod';
import {
  checked,
  envName,
  firstOf,
  namespaceName,
  nonEmptyPorts,
  objectName,
  plainName,
  podLabels,
  port,
  singleLine,
  trimmed,
} from '../../lib/core/zod-checks';

/** The issues of a failed parse: path, message and rule. */
function issues(schema: z.ZodTypeAny, value: unknown): { path: string; message: string; rule?: unknown }[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  // every refinement is a custom issue carrying its rule
  expect(result.error.issues.map((issue) => issue.code)).toEqual(result.error.issues.map(() => 'custom'));
  return result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
    rule: (issue as { params?: { rule?: unknown } }).params?.rule,
  }));
}

describe('checked and firstOf', () => {
  it('adds one issue under the rule with the check message, none when the check passes', () => {
    const schema = checked('my-rule', (v) => (v === 'bad' ? 'received "bad", expected good: fix it' : undefined));
    expect(issues(schema, 'good')).toEqual([]);
    expect(issues(schema, 'bad')).toEqual([
      { path: '', message: 'received "bad", expected good: fix it', rule: 'my-rule' },
    ]);
  });

  it('returns the first failing check only, and nothing when all pass', () => {
    const check = firstOf(
      (v) => (v.startsWith('a') ? 'first' : undefined),
      (v) => (v.endsWith('z') ? 'second' : undefined),
    );
    expect(check('abz')).toBe('first');
    expect(check('bz')).toBe('second');
    expect(check('b')).toBeUndefined();
    expect(firstOf()('x')).toBeUndefined();
  });

  it('trimmed and singleLine are the whitespace and control-character checks', () => {
    expect(trimmed('a name')(' x')).toMatch(
      /^received " x" with whitespace at the start or end, expected a name without it/,
    );
    expect(trimmed('a name')('x')).toBeUndefined();
    expect(singleLine('a\nb')).toBe(
      'received a control character (U+000a) at position 1, expected printable text: remove it',
    );
    expect(singleLine('ab')).toBeUndefined();
  });
});

describe('names', () => {
  it('plainName: refuses empty, surrounding whitespace and control characters, in that order', () => {
    const name = plainName('a display name');
    expect(issues(name, 'My Gateway')).toEqual([]);
    expect(issues(name, '')).toEqual([
      { path: '', message: 'received an empty string, expected a display name: set it', rule: 'config-text' },
    ]);
    expect(issues(name, ' a\u0000')[0]?.message).toMatch(/^received " a\\u0000" with whitespace/);
    expect(issues(name, 'a\u0000')[0]?.message).toBe(
      'received a control character (U+0000) at position 1, expected printable text: remove it',
    );
  });

  it('namespaceName and objectName: k8s-name, whitespace before format', () => {
    expect(issues(namespaceName, 'openclaw')).toEqual([]);
    expect(issues(namespaceName, ' openclaw')).toEqual([
      {
        path: '',
        message:
          'received " openclaw" with whitespace at the start or end, expected a namespace without it (it would be ' +
          'checked trimmed but written as is): remove the whitespace',
        rule: 'k8s-name',
      },
    ]);
    expect(issues(namespaceName, 'a.b')[0]).toEqual({
      path: '',
      message:
        'received "a.b", expected a namespace that is an RFC 1123 label (at most 63 lowercase letters, digits and ' +
        '"-", starting and ending alphanumeric): rename it, e.g. "a-b"',
      rule: 'k8s-name',
    });
    const secretName = objectName('a Secret name');
    expect(issues(secretName, 'a.b')).toEqual([]);
    expect(issues(secretName, ' a')[0]?.message).toMatch(/expected a Secret name without it/);
    expect(issues(secretName, 'A')[0]).toEqual({
      path: '',
      message:
        'received "A", expected a Secret name that is an RFC 1123 subdomain (at most 253 lowercase letters, digits, ' +
        '"-" and ".", each part starting and ending alphanumeric): rename it, e.g. "a"',
      rule: 'k8s-name',
    });
  });

  it('envName: env-var-name, whitespace before format', () => {
    expect(issues(envName, 'GH_TOKEN')).toEqual([]);
    expect(issues(envName, 'GH_TOKEN ')[0]).toMatchObject({
      rule: 'env-var-name',
      message: expect.stringMatching(/expected an env var name without it/),
    });
    expect(issues(envName, 'gh-token')[0]).toMatchObject({
      rule: 'env-var-name',
      message: expect.stringMatching(/e\.g\. "GH_TOKEN"$/),
    });
  });
});

describe('port', () => {
  it('is an integer from 1 to 65535', () => {
    for (const value of [1, 443, 65535]) expect(port.safeParse(value).success).toBe(true);
    for (const value of [0, 65536, 1.5, '80']) expect(port.safeParse(value).success).toBe(false);
  });
});

describe('podLabels', () => {
  it('refuses an empty selector: it would select every pod', () => {
    expect(issues(podLabels, {})).toEqual([
      {
        path: '',
        message:
          'received {}, expected at least one label: an empty podSelector selects every pod in the namespace, so ' +
          'the rule would allow more than declared; add the labels of the pods, e.g. { "app.kubernetes.io/name": "grafana" }',
        rule: 'pod-selector-nonempty',
      },
    ]);
  });

  it('refuses each bad label at its key, and accepts good ones', () => {
    expect(issues(podLabels, { 'app.kubernetes.io/name': 'grafana' })).toEqual([]);
    expect(issues(podLabels, { good: 'x', 'bad key': 'x', bad: '-x' })).toEqual([
      {
        path: 'bad key',
        message:
          'label key "bad key" is not a Kubernetes label key: expected [prefix/]name with a name of at most 63 ' +
          'alphanumerics, "-", "_" and "."; fix the key',
        rule: 'k8s-label',
      },
      {
        path: 'bad',
        message:
          'label bad has value "-x", expected at most 63 alphanumerics, "-", "_" and "." starting and ending ' +
          'alphanumeric; fix the value',
        rule: 'k8s-label',
      },
    ]);
  });
});

describe('nonEmptyPorts', () => {
  it('refuses an empty port list under the given rule and message, and accepts any other', () => {
    const schema = z
      .array(port)
      .superRefine(nonEmptyPorts('egress-ports-nonempty', 'received [], expected ports: list them'));
    expect(issues(schema, [443])).toEqual([]);
    expect(issues(schema, [])).toEqual([
      { path: '', message: 'received [], expected ports: list them', rule: 'egress-ports-nonempty' },
    ]);
  });
});
