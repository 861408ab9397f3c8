/**
 * The run-log shipper's sidecar for each choice of state storage and file log: exactly the pod
 * volumes, mounts and gateway mounts it hands to the Deployment, nothing for an option left off.
 */
import { Testing } from 'cdk8s';
import { Quantity } from 'cdk8s-plus-28/lib/imports/k8s';
import { loliceConfig } from '../../config/lolice';
import { CronRunLogShipper, type CronRunLogShipperProps } from '../../lib/cron/cron-run-log-shipper';

function shipper(options: Pick<CronRunLogShipperProps, 'stateStorage' | 'followGatewayFileLog'>): CronRunLogShipper {
  return new CronRunLogShipper(Testing.chart(), 'Shipper', {
    path: 'apps/openclaw/configmap-run-log-shipper.yaml',
    image: loliceConfig.image,
    namespace: 'openclaw',
    ...options,
  });
}

const SCRIPT_VOLUME = { name: 'cron-run-log-shipper', configMap: { name: 'cron-run-log-shipper', defaultMode: 0o444 } };
const SCRIPT_MOUNT = { name: 'cron-run-log-shipper', mountPath: '/opt/run-log-shipper', readOnly: true };
const RUN_LOGS_MOUNT = { name: 'data', mountPath: '/home/node/.openclaw', readOnly: true };

describe('CronRunLogShipper sidecar', () => {
  it('defaults (PVC state, file log followed): the script and the shared /tmp/openclaw, no state volume', () => {
    const { sidecar, container } = shipper({});
    expect(sidecar.container).toBe(container);
    expect(container.name).toBe('cron-run-log');
    expect(sidecar.volumes).toEqual([
      SCRIPT_VOLUME,
      { name: 'openclaw-tmp', emptyDir: { sizeLimit: Quantity.fromString('1Gi') } },
    ]);
    expect(sidecar.gatewayMounts).toEqual([{ name: 'openclaw-tmp', mountPath: '/tmp/openclaw' }]);
    expect(container.volumeMounts).toEqual([
      RUN_LOGS_MOUNT,
      { name: 'data', mountPath: '/var/lib/cron-run-log-shipper', subPath: 'cron-run-log-shipper' },
      SCRIPT_MOUNT,
      { name: 'openclaw-tmp', mountPath: '/tmp/openclaw', readOnly: true },
    ]);
  });

  it('PVC state without the file log: only the script volume, no gateway mount', () => {
    const { sidecar, container } = shipper({ stateStorage: 'pvc', followGatewayFileLog: false });
    expect(sidecar.volumes).toEqual([SCRIPT_VOLUME]);
    expect(sidecar.gatewayMounts).toEqual([]);
    expect(container.volumeMounts).toEqual([
      RUN_LOGS_MOUNT,
      { name: 'data', mountPath: '/var/lib/cron-run-log-shipper', subPath: 'cron-run-log-shipper' },
      SCRIPT_MOUNT,
    ]);
    expect(container.env?.map((e) => e.name)).toEqual(['POLL_INTERVAL_MS', 'RUN_LOG_DIR', 'STATE_FILE']);
  });

  it('emptyDir state without the file log: the script and the state emptyDir', () => {
    const { sidecar, container } = shipper({ stateStorage: 'emptyDir', followGatewayFileLog: false });
    expect(sidecar.volumes).toEqual([SCRIPT_VOLUME, { name: 'cron-run-log-shipper-state', emptyDir: {} }]);
    expect(sidecar.gatewayMounts).toEqual([]);
    expect(container.volumeMounts).toEqual([
      RUN_LOGS_MOUNT,
      { name: 'cron-run-log-shipper-state', mountPath: '/var/lib/cron-run-log-shipper' },
      SCRIPT_MOUNT,
    ]);
  });
});
