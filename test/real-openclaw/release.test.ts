import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenClawRelease } from '../../lib/openclaw/release/ensure-release';
import { BUNDLED_PLUGIN_IDS } from '../../lib/openclaw/validate-config';
import { realOpenClawRelease, RELEASE_INSTALL_TIMEOUT_MS, REAL_OPENCLAW_VERSION } from '../support/real-openclaw';

let release: OpenClawRelease;
beforeAll(async () => {
  release = await realOpenClawRelease();
}, RELEASE_INSTALL_TIMEOUT_MS);

describe('the installed real OpenClaw release', () => {
  it('is the pinned openclaw version', () => {
    const pkg = JSON.parse(readFileSync(join(release.packageDir, 'package.json'), 'utf8')) as { version: string };
    expect(pkg.version).toBe(REAL_OPENCLAW_VERSION);
    expect(release.openclawEntry).toBe(join(release.packageDir, 'openclaw.mjs'));
  });

  it('bundles exactly the plugins the config rules know as bundled (the ids of its extensions)', () => {
    const extensions = join(release.packageDir, 'extensions');
    const ids = readdirSync(extensions)
      .map((dir) => join(extensions, dir, 'openclaw.plugin.json'))
      .filter((manifest) => existsSync(manifest))
      .map((manifest) => (JSON.parse(readFileSync(manifest, 'utf8')) as { id: string }).id)
      .sort();
    expect(ids.length).toBeGreaterThan(30);
    expect([...BUNDLED_PLUGIN_IDS]).toEqual(ids);
  });

  it("runs on its own Node 22, not the project's Node", () => {
    const result = spawnSync(release.nodeBinary, ['-p', 'process.versions.node'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^22\./);
    expect(release.nodeVersion).toBe(`v${result.stdout.trim()}`);
  });

  it('has the OpenTelemetry packages the bundled diagnostics-otel plugin imports', () => {
    const result = spawnSync(
      release.nodeBinary,
      [
        '-e',
        [
          'for (const m of ["@opentelemetry/sdk-node", "@opentelemetry/exporter-metrics-otlp-http", "@opentelemetry/sdk-metrics"])',
          '  require.resolve(m);',
        ].join('\n'),
      ],
      { cwd: release.root, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
