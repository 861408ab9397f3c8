import { Chart, Testing } from 'cdk8s';
import { OpenClawSecrets, type OpenClawSecretsProps } from '../../lib/secrets/openclaw-secrets';
import { SecretValueOwner, type SecretDeclaration } from '../../lib/secrets/secret-declaration';
import { manifestComments } from '../../lib/files/yaml-comments';
import { OpenClawExternalSecret } from '../../lib/secrets/openclaw-external-secret';
import { SecretKeyReference } from '../../lib/secrets/secret-key-reference';

const TOKEN: SecretDeclaration = {
  secretName: 'app-credentials',
  key: 'APP_TOKEN',
  parameterName: '/test/app/APP_TOKEN',
  owner: SecretValueOwner.GENERATED,
  description: 'fake token for tests',
  envVars: ['APP_TOKEN', 'APP_TOKEN_ALIAS'],
};

function props(overrides: Partial<OpenClawSecretsProps> = {}): OpenClawSecretsProps {
  return {
    namespace: 'test',
    store: { kind: 'ClusterSecretStore', name: 'parameterstore' },
    refreshInterval: '1h',
    externalSecrets: [
      { name: 'app-es', targetSecretName: 'app-credentials', path: 'argoproj/test/external-secret.yaml' },
    ],
    secrets: [TOKEN],
    ssmPrefix: '/test/app/',
    ...overrides,
  };
}

describe('OpenClawSecrets', () => {
  test('hands out one env handle per declared env var, each pointing at a key its ExternalSecret writes', () => {
    const secrets = new OpenClawSecrets(Testing.chart(), 'Secrets', props());
    expect(secrets.envVars.map((e) => [e.name, e.value.toString()])).toEqual([
      ['APP_TOKEN', 'app-credentials/APP_TOKEN'],
      ['APP_TOKEN_ALIAS', 'app-credentials/APP_TOKEN'],
    ]);
    expect(secrets.envVars.every((e) => e.value instanceof SecretKeyReference)).toBe(true);
    expect([...secrets.parameterNames]).toEqual(['/test/app/APP_TOKEN']);
  });

  test('writes the ExternalSecret with the declared remoteRef', () => {
    const secrets = new OpenClawSecrets(Testing.chart(), 'Secrets', props());
    const [es] = Testing.synth(
      Chart.of(secrets.externalSecrets[0] as OpenClawSecrets['externalSecrets'][number]),
    ) as Array<{ kind: string; spec: { data: Array<{ secretKey: string; remoteRef: { key: string } }> } }>;
    expect(es.kind).toBe('ExternalSecret');
    expect(es.spec.data.map((d) => [d.secretKey, d.remoteRef.key])).toEqual([['APP_TOKEN', '/test/app/APP_TOKEN']]);
  });

  test('refuses a handle on a key the ExternalSecret does not write', () => {
    const secrets = new OpenClawSecrets(Testing.chart(), 'Secrets', props());
    const [es] = secrets.externalSecrets;
    expect(() => es.keyReference('NOT_WRITTEN')).toThrow(
      /secret app-credentials has no key NOT_WRITTEN: no externalsecret produces it/,
    );
  });

  test('a handle comes only from a source that produces the key (a plain object does not type-check)', () => {
    // @ts-expect-error a key reference can only come from the ExternalSecret that writes the key
    const plain: SecretKeyReference = { secretName: 'app-credentials', key: 'APP_TOKEN' };
    const asked: string[] = [];
    const source = {
      targetSecretName: 'app-credentials',
      producesKey: (key: string) => {
        asked.push(key);
        return key === 'APP_TOKEN';
      },
    };
    const handle = SecretKeyReference.fromSource(source, 'APP_TOKEN');
    expect([handle.secretName, handle.key, handle.toString()]).toEqual([
      'app-credentials',
      'APP_TOKEN',
      'app-credentials/APP_TOKEN',
    ]);
    expect(() => SecretKeyReference.fromSource(source, 'OTHER')).toThrow(
      'secret app-credentials has no key OTHER: no externalsecret produces it; declare the key in the secrets list or fix the key name',
    );
    expect(asked).toEqual(['APP_TOKEN', 'OTHER']);
    expect(plain instanceof SecretKeyReference).toBe(false);
  });

  test('fails when a secret key is declared twice', () => {
    const twice = { ...TOKEN, parameterName: '/test/app/OTHER', envVars: [] };
    expect(() => new OpenClawSecrets(Testing.chart(), 'Secrets', props({ secrets: [TOKEN, twice] }))).toThrow(
      /secret app-credentials\/APP_TOKEN is declared twice \(parameters \/test\/app\/APP_TOKEN and \/test\/app\/OTHER\)/,
    );
  });

  test('fails when no ExternalSecret writes the secret a key targets', () => {
    const orphan = { ...TOKEN, secretName: 'nobody-credentials' };
    expect(() => new OpenClawSecrets(Testing.chart(), 'Secrets', props({ secrets: [orphan] }))).toThrow(
      /targets secret nobody-credentials, which no ExternalSecret declaration writes \(declared: app-credentials\)/,
    );
  });

  test('fails validation when a parameter name is outside the prefix', () => {
    const chart = Testing.chart();
    new OpenClawSecrets(chart, 'Secrets', props({ ssmPrefix: '/other/' }));
    const errors = chart.node.findAll().flatMap((c) => c.node.validate());
    expect(errors).toEqual([
      expect.stringMatching(
        /^\[ssm-parameter-name\] externalsecret test\/app-es key APP_TOKEN: .*outside the configured prefix "\/other\/"/,
      ),
    ]);
  });
});

describe('OpenClawSecrets: whole messages and the ExternalSecret written', () => {
  const es = (secrets: OpenClawSecrets): Record<string, unknown> =>
    (
      Testing.synth(Chart.of(secrets.externalSecrets[0] as OpenClawSecrets['externalSecrets'][number])) as Record<
        string,
        unknown
      >[]
    )[0] as Record<string, unknown>;

  test('writes lolice-style ExternalSecret: wave 0, store kind, Owner/Retain, every strategy spelled out', () => {
    const other = {
      ...TOKEN,
      key: 'OTHER',
      parameterName: '/test/app/OTHER',
      owner: SecretValueOwner.EXISTING,
      envVars: [],
    };
    const written = es(new OpenClawSecrets(Testing.chart(), 'Secrets', props({ secrets: [TOKEN, other] })));
    expect(written).toEqual({
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'app-es', namespace: 'test', annotations: { 'argocd.argoproj.io/sync-wave': '0' } },
      spec: {
        refreshInterval: '1h',
        secretStoreRef: { kind: 'ClusterSecretStore', name: 'parameterstore' },
        target: { name: 'app-credentials', creationPolicy: 'Owner', deletionPolicy: 'Retain' },
        data: ['APP_TOKEN', 'OTHER'].map((key) => ({
          secretKey: key,
          remoteRef: {
            key: `/test/app/${key}`,
            conversionStrategy: 'Default',
            decodingStrategy: 'None',
            metadataPolicy: 'None',
          },
        })),
      },
    });
    const namespaced = es(
      new OpenClawSecrets(Testing.chart(), 'Secrets', props({ store: { kind: 'SecretStore', name: 'local' } })),
    );
    expect((namespaced.spec as { secretStoreRef: unknown }).secretStoreRef).toEqual({
      kind: 'SecretStore',
      name: 'local',
    });
  });

  test('hands out no env handle for a secret without envVars, and knows the keys it writes', () => {
    const plain = { ...TOKEN, envVars: undefined };
    const secrets = new OpenClawSecrets(Testing.chart(), 'Secrets', props({ secrets: [plain] }));
    expect(secrets.envVars).toEqual([]);
    const [external] = secrets.externalSecrets;
    expect(external?.keys).toEqual(['APP_TOKEN']);
    expect(external?.producesKey('APP_TOKEN')).toBe(true);
    expect(external?.producesKey('OTHER')).toBe(false);
    expect(external?.name).toBe('app-es');
  });

  test('refuses two ExternalSecrets writing one Secret, a key declared twice and an orphan key, with the fix', () => {
    const twoWriters = props({
      externalSecrets: [
        { name: 'one-es', targetSecretName: 'app-credentials', path: 'a/one.yaml' },
        { name: 'two-es', targetSecretName: 'app-credentials', path: 'a/two.yaml' },
      ],
    });
    expect(() => new OpenClawSecrets(Testing.chart(), 'Secrets', twoWriters)).toThrow(
      new Error(
        'externalsecrets one-es and two-es both write secret app-credentials: with creationPolicy Owner they would ' +
          'fight over it; use one ExternalSecret per secret',
      ),
    );
    const twice = { ...TOKEN, parameterName: '/test/app/OTHER', envVars: [] };
    expect(() => new OpenClawSecrets(Testing.chart(), 'Secrets', props({ secrets: [TOKEN, twice] }))).toThrow(
      new Error(
        'secret app-credentials/APP_TOKEN is declared twice (parameters /test/app/APP_TOKEN and /test/app/OTHER): ' +
          'keep one declaration per secret key',
      ),
    );
    const orphan = { ...TOKEN, secretName: 'nobody-credentials' };
    expect(() => new OpenClawSecrets(Testing.chart(), 'Secrets', props({ secrets: [orphan] }))).toThrow(
      new Error(
        'secret nobody-credentials/APP_TOKEN targets secret nobody-credentials, which no ExternalSecret declaration ' +
          'writes (declared: app-credentials): add an externalSecrets entry for it or fix secretName',
      ),
    );
  });

  test('gives each ExternalSecret the keys of its own Secret; an orphan key names every Secret written', () => {
    const other = {
      ...TOKEN,
      secretName: 'db-credentials',
      key: 'DB_PASSWORD',
      parameterName: '/test/app/DB',
      envVars: ['DB_PASSWORD'],
    };
    const two = props({
      secrets: [TOKEN, other],
      externalSecrets: [
        { name: 'app-es', targetSecretName: 'app-credentials', path: 'a/app.yaml' },
        { name: 'db-es', targetSecretName: 'db-credentials', path: 'a/db.yaml' },
      ],
    });
    const secrets = new OpenClawSecrets(Testing.chart(), 'Secrets', two);
    expect(secrets.externalSecrets.map((e) => [e.name, e.keys])).toEqual([
      ['app-es', ['APP_TOKEN']],
      ['db-es', ['DB_PASSWORD']],
    ]);
    expect(secrets.envVars.map((e) => [e.name, e.value.toString()])).toEqual([
      ['APP_TOKEN', 'app-credentials/APP_TOKEN'],
      ['APP_TOKEN_ALIAS', 'app-credentials/APP_TOKEN'],
      ['DB_PASSWORD', 'db-credentials/DB_PASSWORD'],
    ]);
    const orphan = { ...TOKEN, secretName: 'nobody-credentials' };
    expect(() => new OpenClawSecrets(Testing.chart(), 'Secrets', { ...two, secrets: [orphan] })).toThrow(
      /\(declared: app-credentials, db-credentials\): add an externalSecrets entry for it or fix secretName$/,
    );
  });

  test('writes the comment above the first data entry and the sync-wave reason above the annotations', () => {
    const chart = Testing.chart();
    const written = new OpenClawExternalSecret(chart, 'C', {
      name: 'app-es',
      namespace: 'test',
      targetSecretName: 'app-credentials',
      store: { kind: 'ClusterSecretStore', name: 'parameterstore' },
      refreshInterval: '1h',
      secrets: [TOKEN],
      comment: 'Keys of the app.',
    });
    expect(manifestComments(written.resource)).toEqual([
      {
        path: ['metadata', 'annotations'],
        text:
          'sync-wave: ESO must have written every key before the Deployment (wave 1) rolls; a missing key would take ' +
          'the gateway down',
      },
      { path: ['spec', 'data', 0], text: 'Keys of the app.' },
    ]);
    const plain = new OpenClawExternalSecret(chart, 'D', {
      name: 'app-es',
      namespace: 'test',
      targetSecretName: 'app-credentials',
      store: { kind: 'ClusterSecretStore', name: 'parameterstore' },
      refreshInterval: '1h',
      secrets: [TOKEN],
      comment: '',
    });
    expect(manifestComments(plain.resource).map((c) => c.path)).toEqual([['metadata', 'annotations']]);
  });

  test('refuses a GENERATED secret whose parameter another state manages; an EXISTING one is fine', () => {
    const managedElsewhere = [
      { resource: 'aws_ssm_parameter.app_token', parameterName: '/test/app/APP_TOKEN', file: 'tf/ssm.tf' },
    ];
    expect(() => new OpenClawSecrets(Testing.chart(), 'Secrets', props({ managedElsewhere }))).toThrow(
      new Error(
        '[ssm-parameter-owned-elsewhere] secret app-credentials/APP_TOKEN is declared GENERATED, but /test/app/APP_TOKEN ' +
          'is already managed by aws_ssm_parameter.app_token in tf/ssm.tf: declare it SecretValueOwner.EXISTING (that ' +
          'state keeps the value) or choose another parameter name',
      ),
    );
    const existing = { ...TOKEN, owner: SecretValueOwner.EXISTING };
    expect(
      () => new OpenClawSecrets(Testing.chart(), 'Secrets', props({ secrets: [existing], managedElsewhere })),
    ).not.toThrow();
  });

  test('an ExternalSecret refuses keys of another Secret and an empty key list', () => {
    const chart = Testing.chart();
    const base = {
      name: 'app-es',
      namespace: 'test',
      targetSecretName: 'app-credentials',
      store: { kind: 'ClusterSecretStore' as const, name: 'parameterstore' },
      refreshInterval: '1h',
    };
    const foreign = { ...TOKEN, secretName: 'other', key: 'K' };
    expect(
      () => new OpenClawExternalSecret(chart, 'A', { ...base, secrets: [TOKEN, foreign, { ...foreign, key: 'L' }] }),
    ).toThrow(
      new Error(
        'externalsecret app-es: keys other/K, other/L target another secret than app-credentials: pass only the ' +
          'declarations of app-credentials',
      ),
    );
    expect(() => new OpenClawExternalSecret(chart, 'B', { ...base, secrets: [] })).toThrow(
      new Error(
        'externalsecret app-es: no keys declared for secret app-credentials: declare at least one secret or drop the ExternalSecret',
      ),
    );
    const waved = new OpenClawExternalSecret(chart, 'C', { ...base, secrets: [TOKEN], syncWave: -1 });
    expect((waved.resource.toJson() as { metadata: { annotations: unknown } }).metadata.annotations).toEqual({
      'argocd.argoproj.io/sync-wave': '-1',
    });
    const unchecked = new OpenClawExternalSecret(chart, 'D', {
      ...base,
      secrets: [{ ...TOKEN, parameterName: 'bad name' }],
    });
    expect(unchecked.node.validate()).toEqual([]);
  });
});
