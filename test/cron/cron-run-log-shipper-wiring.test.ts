import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { loliceConfig } from '../../config/lolice';
import { CronRunLogShipper } from '../../lib/cron/cron-run-log-shipper';
import type { AlertingConfig } from '../../lib/observability/alerting/alerting-config';
import { RUN_LOG_SHIPPER_COMMAND, RUN_LOG_SHIPPER_CONTAINER } from '../../lib/telemetry/loki-streams';
import { buildApp, configVariant, K8sObject, parseYamlDocuments } from '../support/openclaw-ops-harness';
import { KUBERNETES_MODELS, validateModel } from '../support/validate-model';
import { LOLICE_PATHS } from '../../config/lolice-paths';

interface Container {
  name: string;
  image: string;
  command?: string[];
  env?: Array<{ name: string; value?: string }>;
  securityContext?: Record<string, unknown>;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean; subPath?: string }>;
}
interface PodSpec {
  containers: Container[];
  volumes: Array<{ name: string; [key: string]: unknown }>;
}

function renderWith(options: NonNullable<AlertingConfig['runLogShipper']> = {}): ReadonlyMap<string, string> {
  // the app builds the shipper with the options of config.alerting.runLogShipper
  const app = buildApp(
    configVariant((c) => {
      c.alerting = { ...c.alerting, runLogShipper: { ...options } };
    }),
  );
  return app.renderLolice();
}

function podSpec(tree: ReadonlyMap<string, string>): PodSpec {
  const [deployment] = parseYamlDocuments(tree.get('argoproj/openclaw/deployment-openclaw.yaml') ?? '');
  return (deployment as unknown as { spec: { template: { spec: PodSpec } } }).spec.template.spec;
}

const container = (spec: PodSpec, name: string): Container => {
  const found = spec.containers.find((c) => c.name === name);
  if (!found) throw new Error(`no container ${name}`);
  return found;
};

describe('the cron run-log shipper in lolice', () => {
  const tree = renderWith();
  const spec = podSpec(tree);
  const sidecar = container(spec, RUN_LOG_SHIPPER_CONTAINER);

  it('ships the script in ConfigMap cron-run-log-shipper, byte for byte', () => {
    const [configMap] = parseYamlDocuments(tree.get(LOLICE_PATHS.runLogShipperConfigMap) ?? '');
    expect(configMap?.metadata).toMatchObject({ name: 'cron-run-log-shipper', namespace: 'openclaw' });
    const data = (configMap as unknown as { data: Record<string, string> }).data;
    expect(data['run-log-shipper.mjs']).toBe(
      fs.readFileSync(path.join(__dirname, '..', '..', 'sidecar', 'run-log-shipper.mjs'), 'utf8'),
    );
    // the file opens with what it is and where it must be listed
    expect(tree.get(LOLICE_PATHS.runLogShipperConfigMap)?.split('\n')[0]).toBe(
      '# The cron run-log shipper script (sidecar/run-log-shipper.mjs of openclaw-ops), run by sidecar ' +
        'cron-run-log of Deployment openclaw. Add this file to kustomization.yaml resources.',
    );
  });

  it('runs the OpenClaw image with node, hardened, with small resources', () => {
    const gateway = container(spec, 'openclaw');
    expect(sidecar.image).toBe(gateway.image);
    expect(sidecar.command).toEqual([...RUN_LOG_SHIPPER_COMMAND]);
    expect(sidecar.command).toEqual(['node', '/opt/run-log-shipper/run-log-shipper.mjs']);
    expect(sidecar.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsGroup: 1000,
      runAsNonRoot: true,
      runAsUser: 1000,
    });
    expect(sidecar.resources).toEqual({
      limits: { cpu: '100m', memory: '128Mi' },
      requests: { cpu: '10m', memory: '32Mi' },
    });
  });

  it('reads the PVC read-only and keeps its state on a PVC subPath (survives pod replacement)', () => {
    expect(sidecar.volumeMounts).toEqual([
      { name: 'data', mountPath: '/home/node/.openclaw', readOnly: true },
      { name: 'data', mountPath: '/var/lib/cron-run-log-shipper', subPath: 'cron-run-log-shipper' },
      { name: 'cron-run-log-shipper', mountPath: '/opt/run-log-shipper', readOnly: true },
      { name: 'openclaw-tmp', mountPath: '/tmp/openclaw', readOnly: true },
    ]);
    const env = Object.fromEntries((sidecar.env ?? []).map((e) => [e.name, e.value]));
    expect(env).toEqual({
      GATEWAY_LOG_DIR: '/tmp/openclaw',
      POLL_INTERVAL_MS: '2000',
      RUN_LOG_DIR: '/home/node/.openclaw/cron/runs',
      STATE_FILE: '/var/lib/cron-run-log-shipper/state.json',
    });
    // every writable path of the sidecar is a mount that is not read-only
    const writable = (sidecar.volumeMounts ?? []).filter((m) => m.readOnly !== true).map((m) => m.mountPath);
    expect(writable.some((dir) => env.STATE_FILE?.startsWith(`${dir}/`))).toBe(true);
  });

  it('shares /tmp/openclaw with the gateway so the cron warnings of the file log reach Loki', () => {
    expect(container(spec, 'openclaw').volumeMounts).toContainEqual({
      name: 'openclaw-tmp',
      mountPath: '/tmp/openclaw',
    });
    expect(spec.volumes).toContainEqual({ name: 'openclaw-tmp', emptyDir: { sizeLimit: '1Gi' } });
    expect(spec.volumes).toContainEqual({
      name: 'cron-run-log-shipper',
      configMap: { name: 'cron-run-log-shipper', defaultMode: 0o444 },
    });
  });

  it('emptyDir state and no file log when asked (documented trade-off: duplicates after a pod replacement)', () => {
    const other = podSpec(renderWith({ stateStorage: 'emptyDir', followGatewayFileLog: false }));
    const shipper = container(other, RUN_LOG_SHIPPER_CONTAINER);
    expect(shipper.volumeMounts).toContainEqual({
      name: 'cron-run-log-shipper-state',
      mountPath: '/var/lib/cron-run-log-shipper',
    });
    expect((shipper.env ?? []).map((e) => e.name)).not.toContain('GATEWAY_LOG_DIR');
    expect(container(other, 'openclaw').volumeMounts?.some((m) => m.name === 'openclaw-tmp')).toBe(false);
    expect(other.volumes).toContainEqual({ name: 'cron-run-log-shipper-state', emptyDir: {} });
  });

  it('validates the Deployment and the ConfigMap against the Kubernetes schemas', () => {
    const objects: K8sObject[] = [
      ...parseYamlDocuments(tree.get('argoproj/openclaw/deployment-openclaw.yaml') ?? ''),
      ...parseYamlDocuments(tree.get(LOLICE_PATHS.runLogShipperConfigMap) ?? ''),
    ];
    for (const object of objects) {
      const factory = KUBERNETES_MODELS.get(`${object.apiVersion}/${object.kind}`);
      expect(factory, object.kind).toBeDefined();
      validateModel(factory?.(object));
    }
  });

  it('fails on a missing script file and on an unknown state storage', () => {
    const chart = Testing.chart();
    const image = loliceConfig.image;
    expect(
      () =>
        new CronRunLogShipper(chart, 'X', {
          path: 'apps/openclaw/configmap-run-log-shipper.yaml',
          image,
          namespace: 'openclaw',
          scriptFile: '/nonexistent/run-log-shipper.mjs',
        }),
    ).toThrow(/cannot read the script \/nonexistent\/run-log-shipper\.mjs/);
    expect(
      () =>
        new CronRunLogShipper(chart, 'Y', {
          path: 'apps/openclaw/configmap-run-log-shipper.yaml',
          image,
          namespace: 'openclaw',
          stateStorage: 'hostPath' as never,
        }),
    ).toThrow(/received stateStorage "hostPath", expected "pvc" or "emptyDir"/);
  });

  it('says the whole refusal: what was received, what is expected and where to fix it', () => {
    const chart = Testing.chart();
    const props = {
      path: 'apps/openclaw/configmap-run-log-shipper.yaml',
      image: loliceConfig.image,
      namespace: 'openclaw',
    };
    expect(() => new CronRunLogShipper(chart, 'X', { ...props, stateStorage: 'hostPath' as never })).toThrow(
      'cron run-log shipper: received stateStorage "hostPath", expected "pvc" or "emptyDir"; set stateStorage ' +
        '(alerting.runLogShipper.stateStorage in the config) to one of them',
    );
    let message = '';
    try {
      new CronRunLogShipper(chart, 'Y', { ...props, scriptFile: '/nonexistent/run-log-shipper.mjs' });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toMatch(
      /^cron run-log shipper: cannot read the script \/nonexistent\/run-log-shipper\.mjs \(ENOENT: [^)]*\): expected the file sidecar\/run-log-shipper\.mjs; run synth from a full checkout$/,
    );
  });

  it('labels its ConfigMap as the cron run-log shipper of openclaw', () => {
    const chart = Testing.chart();
    const shipper = new CronRunLogShipper(chart, 'X', {
      path: 'apps/openclaw/configmap-run-log-shipper.yaml',
      image: loliceConfig.image,
      namespace: 'openclaw',
    });
    expect(shipper.configMap.toJson().metadata.labels).toEqual({
      'app.kubernetes.io/name': 'openclaw',
      'app.kubernetes.io/component': 'cron-run-log-shipper',
    });
  });
});
