import * as YAML from 'yaml';
import { OpenClawOpsApp } from '../../lib/openclaw-ops-app';
import { loliceConfig } from '../../config/lolice';
import { configVariant } from '../support/openclaw-ops-harness';
import { refusalOf } from '../misconfigurations/refuse';
import type { OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';

const DEPLOYMENT = 'argoproj/openclaw/deployment-openclaw.yaml';

function deploymentText(config: OpenClawOpsConfig): string {
  const tree = new OpenClawOpsApp({ config }).renderLolice();
  const text = tree.get(DEPLOYMENT);
  if (text === undefined) throw new Error(`${DEPLOYMENT} was not rendered`);
  return text;
}

function images(text: string): Record<string, string> {
  const doc = YAML.parse(text) as {
    spec: {
      template: {
        spec: {
          initContainers: { name: string; image: string }[];
          containers: typeof doc.spec.template.spec.initContainers;
        };
      };
    };
  };
  const pod = doc.spec.template.spec;
  return Object.fromEntries([...pod.initContainers, ...pod.containers].map((c) => [c.name, c.image]));
}

const build = (config: OpenClawOpsConfig) => new OpenClawOpsApp({ config });

describe('gateway pod from the config', () => {
  test('a sidecar image bump in the config changes that image line and nothing else', () => {
    const before = deploymentText(loliceConfig);
    const bumped = configVariant((draft) => {
      const board = draft.gatewayPod.sidecars.find((c) => c.name === 'board-server');
      if (board === undefined) throw new Error('no board-server in the default config');
      board.image = { ...board.image, tag: '1.30-alpine' };
    });
    const after = deploymentText(bumped);
    expect(images(after)['board-server']).toBe('nginxinc/nginx-unprivileged:1.30-alpine');
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual(['          image: nginxinc/nginx-unprivileged:1.30-alpine']);
  });

  test("a pod without sidecars has only container openclaw and the tool's own sidecar", () => {
    const config = configVariant((draft) => {
      draft.gatewayPod.sidecars = [];
    });
    expect(Object.keys(images(deploymentText(config)))).toEqual([
      'init-config',
      'init-dotfiles',
      'openclaw',
      'cron-run-log',
    ]);
  });

  test('fails on an unknown pod key, naming the closest real one', () => {
    const config = configVariant((draft) => {
      (draft.gatewayPod as unknown as Record<string, unknown>).sidecar = [];
    });
    expect(refusalOf(config, build)).toMatch(
      /config\.gatewayPod\.sidecar: received unknown key "sidecar".*rename it to "sidecars"/,
    );
  });

  test('fails on a volume with two sources', () => {
    const config = configVariant((draft) => {
      draft.gatewayPod.volumes[0] = { name: 'docker-certs', emptyDir: {}, openclawConfigMap: true };
    });
    expect(refusalOf(config, build)).toMatch(
      /config\.gatewayPod\.volumes\[0\].*received sources emptyDir, openclawConfigMap, expected exactly one of/,
    );
  });

  test('fails when the pod has no state volume for the run-log shipper', () => {
    const config = configVariant((draft) => {
      draft.gatewayPod.volumes = draft.gatewayPod.volumes.filter((v) => v.name !== 'data');
    });
    expect(refusalOf(config, build)).toMatch(/the pod has no volume "data".*add it to gatewayPod\.volumes/);
  });
});
