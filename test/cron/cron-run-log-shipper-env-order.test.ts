/**
 * The shipper sidecar's environment is sorted by name whatever the order of the shared settings in
 * lib/telemetry/loki-streams.ts (here declared out of order), so the Deployment's YAML does not
 * change when they are reordered. The shipper is imported fresh after vi.resetModules(), so the mock
 * is in place even when the worker already loaded lib/ for another file.
 */
import { vi } from 'vitest';
import { loliceConfig } from '../../config/lolice';

vi.mock('../../lib/telemetry/loki-streams', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../lib/telemetry/loki-streams')>();
  return {
    ...actual,
    RUN_LOG_SHIPPER_ENV: {
      RUN_LOG_DIR: '/home/node/.openclaw/cron/runs',
      POLL_INTERVAL_MS: '2000',
      GATEWAY_LOG_DIR: '/tmp/openclaw',
      A_SETTING: 'a',
    },
  };
});

it('lists the environment sorted by name', async () => {
  vi.resetModules();
  try {
    const { Testing } = await import('cdk8s');
    const { CronRunLogShipper } = await import('../../lib/cron/cron-run-log-shipper');
    const shipper = new CronRunLogShipper(Testing.chart(), 'Shipper', {
      path: 'apps/openclaw/configmap-run-log-shipper.yaml',
      image: loliceConfig.image,
      namespace: 'openclaw',
    });
    const sorted = ['A_SETTING', 'GATEWAY_LOG_DIR', 'POLL_INTERVAL_MS', 'RUN_LOG_DIR', 'STATE_FILE'];
    expect(shipper.container.env?.map((e) => e.name)).toEqual(sorted);
    expect(Object.keys(shipper.env)).toEqual(sorted);
  } finally {
    vi.resetModules();
  }
});
