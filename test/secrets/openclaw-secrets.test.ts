import { Chart, Testing } from 'cdk8s';
import { OpenClawSecrets, type OpenClawSecretsProps } from '../../lib/secrets/openclaw-secrets';
import { SecretValueOwner, type SecretDeclaration } from '../../lib/secrets/secret-declaration';
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
