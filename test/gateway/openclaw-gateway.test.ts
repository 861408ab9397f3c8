import { Chart, Testing } from 'cdk8s';
import { loliceConfig } from '../../config/lolice';
import { GatewayEnv } from '../../lib/gateway/gateway-env';
import { OpenClawGateway } from '../../lib/gateway/openclaw-gateway';
import { OpenClawConfig } from '../../lib/openclaw/openclaw-config';
import { OpenClawVersion } from '../../lib/openclaw/openclaw-version';
import { OpenClawSecrets } from '../../lib/secrets/openclaw-secrets';
import { SecretValueOwner } from '../../lib/secrets/secret-declaration';

interface DeploymentJson {
  kind: string;
  spec: {
    template: {
      spec: {
        containers: Array<{ name: string; env?: unknown[]; volumeMounts?: Array<{ name: string; mountPath: string }> }>;
        volumes: Array<{ name: string }>;
      };
    };
  };
}

function fixture() {
  const chart = Testing.chart();
  const secrets = new OpenClawSecrets(chart, 'Secrets', {
    namespace: 'openclaw',
    store: { kind: 'ClusterSecretStore', name: 'parameterstore' },
    refreshInterval: '1h',
    externalSecrets: [
      { name: 'openclaw-es', targetSecretName: 'openclaw-credentials', path: 'argoproj/openclaw/external-secret.yaml' },
    ],
    secrets: [
      {
        secretName: 'openclaw-credentials',
        key: 'GATEWAY_TOKEN',
        parameterName: '/lolice/openclaw/GATEWAY_TOKEN',
        owner: SecretValueOwner.EXISTING,
        description: 'fake',
        envVars: ['OPENCLAW_GATEWAY_TOKEN'],
      },
    ],
    ssmPrefix: '/lolice/openclaw/',
  });
  const env = new GatewayEnv({ secret: secrets.envVars, literal: [{ name: 'TZ', value: 'Asia/Tokyo' }] });
  const config = new OpenClawConfig(chart, 'Config', {
    path: 'apps/openclaw/configmap-openclaw.yaml',
    namespace: 'openclaw',
    document: { gateway: { auth: { token: '${OPENCLAW_GATEWAY_TOKEN}' } } },
    version: OpenClawVersion.parse('2026.2.19'),
    env,
    requireOtelMetrics: false,
  });
  return { chart, env, config };
}

function deploymentOf(gateway: OpenClawGateway): DeploymentJson {
  const deployment = (Testing.synth(Chart.of(gateway.deployment)) as DeploymentJson[]).find(
    (o) => o.kind === 'Deployment',
  );
  if (deployment === undefined) throw new Error('no Deployment synthesized');
  return deployment;
}

/** lolice's pod without its env comments (the fixture's env has no NODE_OPTIONS). */
const pod = { ...loliceConfig.gatewayPod, gateway: { ...loliceConfig.gatewayPod.gateway, envComments: undefined } };

describe('OpenClawGateway', () => {
  test('container openclaw reads secret env through secretKeyRef, then the literal env', () => {
    const { chart, env, config } = fixture();
    const construct = new OpenClawGateway(chart, 'Gateway', {
      path: 'apps/openclaw/deployment.yaml',
      namespace: 'openclaw',
      image: loliceConfig.image,
      env,
      config,
      pod,
    });
    const gateway = deploymentOf(construct).spec.template.spec.containers.find((c) => c.name === 'openclaw');
    expect(gateway?.env).toEqual([
      {
        name: 'OPENCLAW_GATEWAY_TOKEN',
        valueFrom: { secretKeyRef: { name: 'openclaw-credentials', key: 'GATEWAY_TOKEN' } },
      },
      { name: 'TZ', value: 'Asia/Tokyo' },
    ]);
  });

  test('adds a sidecar handed in through props, with its volumes and its mount in container openclaw', () => {
    const { chart, env, config } = fixture();
    const gateway = new OpenClawGateway(chart, 'Gateway', {
      path: 'apps/openclaw/deployment.yaml',
      namespace: 'openclaw',
      image: loliceConfig.image,
      env,
      config,
      pod,
      sidecars: [
        {
          container: { name: 'reader', image: 'busybox:1.36' },
          volumes: [{ name: 'shared', emptyDir: {} }],
          gatewayMounts: [{ name: 'shared', mountPath: '/shared' }],
        },
      ],
    });
    const spec = deploymentOf(gateway).spec.template.spec;
    expect(spec.containers.at(-1)?.name).toBe('reader');
    expect(spec.volumes.at(-1)?.name).toBe('shared');
    expect(spec.containers.find((c) => c.name === 'openclaw')?.volumeMounts).toContainEqual({
      name: 'shared',
      mountPath: '/shared',
    });
  });

  test('fails on two sidecars with one name', () => {
    const { chart, env, config } = fixture();
    const sidecar = { container: { name: 'reader', image: 'busybox:1.36' } };
    expect(
      () =>
        new OpenClawGateway(chart, 'Gateway', {
          path: 'apps/openclaw/deployment.yaml',
          namespace: 'openclaw',
          image: loliceConfig.image,
          env,
          config,
          pod,
          sidecars: [sidecar, sidecar],
        }),
    ).toThrow(/deployment openclaw already has a sidecar named "reader": choose another name/);
  });
});

describe('GatewayEnv', () => {
  test('fails when a secret env var is also a literal', () => {
    const { env } = fixture();
    expect(
      () => new GatewayEnv({ secret: env.secret, literal: [{ name: 'OPENCLAW_GATEWAY_TOKEN', value: 'x' }] }),
    ).toThrow(
      /env var OPENCLAW_GATEWAY_TOKEN of container openclaw is declared twice \(by secret openclaw-credentials\/GATEWAY_TOKEN and by the literal env list\)/,
    );
  });

  test('resolves where each var comes from', () => {
    const { env } = fixture();
    expect(env.sourceOf('OPENCLAW_GATEWAY_TOKEN')).toBe('openclaw-credentials/GATEWAY_TOKEN');
    expect(env.sourceOf('TZ')).toBe('literal:Asia/Tokyo');
    expect(env.sourceOf('MISSING')).toBeUndefined();
  });
});
