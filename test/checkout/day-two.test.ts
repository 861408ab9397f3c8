/**
 * Day two in a lolice checkout: synth records what it wrote and lists the generated files in the
 * kustomizations (kubectl kustomize builds the result); a Renovate-style image bump made in the
 * checkout is refused by the next synth (one line naming file, object, field, both values and the
 * config path), kept by adopting it into the images file, and replaced only with --overwrite.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loliceConfig } from '../../config/lolice';
import images from '../../config/lolice-images.json';
import type { ImageReference } from '../../lib/config/openclaw-ops-config';
import { diffCheckouts, isCheckoutDiffEmpty } from '../../lib/checkout/checkout-diff';
import { formatImageOverride, imageOverrides } from '../../lib/checkout/argocd-image-override';
import { addKustomizationEntries } from '../../lib/checkout/kustomization-entries';
import {
  formatOutsideChange,
  placeChange,
  writeImagesFile,
  type ImagesFile,
} from '../../lib/checkout/outside-change-placement';
import { outsideChanges, parseSynthRecord, SYNTH_RECORD_PATH } from '../../lib/checkout/synth-record';
import { synthesize } from '../../lib/checkout/synthesize';
import { kustomizeBuild, liveLoliceCopy } from '../support/live-tree';
import {
  buildApp,
  configVariant,
  makeTempDir,
  readTree,
  removeTempDirs,
  REPO_ROOT,
  runMain,
} from '../support/openclaw-ops-harness';
import { cliBundle } from '../support/provision/cli-bundle';

afterAll(removeTempDirs);

const DEPLOYMENT = 'argoproj/openclaw/deployment-openclaw.yaml';
const OLD_BOARD = 'nginxinc/nginx-unprivileged:1.29-alpine';
const NEW_BOARD = 'nginxinc/nginx-unprivileged:1.30-alpine';
const IMAGES_FILE: ImagesFile = { path: 'config/lolice-images.json', images };

/** A copy of the live lolice tree that is a git work tree (a `.git` folder is what synth looks for). */
function checkout(): string {
  const root = liveLoliceCopy(makeTempDir('day-two'));
  fs.mkdirSync(path.join(root, '.git'));
  return root;
}

/** What `npm run diff` compares the checkout with. */
function generated(app: ReturnType<typeof buildApp>) {
  return { lolice: app.renderLolice(), arch: app.renderArch(), archConfig: app.config.arch };
}

function read(root: string, file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

function runAdopt(args: readonly string[]) {
  return spawnSync(process.execPath, [cliBundle('adopt'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    timeout: 60_000,
  });
}

describe('kustomization entries', () => {
  test("adds entries after the last item in the list's own style, keeping comments and the rest", () => {
    const text = 'kind: Kustomization\nresources:\n  # the app\n  - a.yaml # first\n  - b.yaml\n\nimages: []\n';
    expect(addKustomizationEntries(text, 'k.yaml', 'resources', ['c.yaml'])).toBe(
      'kind: Kustomization\nresources:\n  # the app\n  - a.yaml # first\n  - b.yaml\n  - c.yaml\n\nimages: []\n',
    );
  });

  test("appends a missing list in the file's list style, after a map item's continuation lines", () => {
    const text = 'resources:\n- a.yaml\npatches:\n- target:\n    kind: Deployment\n  path: p.yaml\n';
    expect(addKustomizationEntries(text, 'k.yaml', 'components', ['components/x'])).toBe(
      `${text}components:\n- components/x\n`,
    );
  });

  test('leaves a file that already lists the entry as it is', () => {
    const text = 'resources:\n- a.yaml\n';
    expect(addKustomizationEntries(text, 'k.yaml', 'resources', ['a.yaml'])).toBe(text);
  });

  test('leaves a flow list as it is (npm run diff names the entry to add)', () => {
    expect(addKustomizationEntries('resources: [a.yaml]\n', 'k.yaml', 'resources', ['b.yaml'])).toBeUndefined();
  });
});

describe('day two in a lolice checkout', () => {
  const root = checkout();
  const first = runMain(['--only', 'lolice', '--lolice-out', root]);

  test('the first synth writes, records what it wrote and completes the kustomizations', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(fs.existsSync(path.join(root, SYNTH_RECORD_PATH))).toBe(true);
    expect(read(root, 'argoproj/openclaw/kustomization.yaml')).toContain(
      '  - networkpolicy.yaml\n  - configmap-cron-run-log-shipper.yaml\n\nconfigMapGenerator:',
    );
    expect(read(root, 'argoproj/prometheus-operator/kustomization.yaml')).toMatch(
      /- openclaw-rules\.yaml\npatchesStrategicMerge:[\s\S]*\ncomponents:\n- components\/openclaw-alerting\n- components\/openclaw-app-dashboard\n$/,
    );
    const diff = diffCheckouts(generated(buildApp()), { lolice: root });
    expect(diff.lolice.unlisted).toEqual([]);
    expect(isCheckoutDiffEmpty(diff)).toBe(true);
  });

  test('kubectl kustomize builds both apps with the generated objects in them', () => {
    const openclaw = kustomizeBuild(path.join(root, 'argoproj/openclaw'));
    expect(openclaw).toMatch(/kind: ConfigMap\nmetadata:\n(.*\n)*? {2}name: cron-run-log-shipper\n/);
    const operator = kustomizeBuild(path.join(root, 'argoproj/prometheus-operator'));
    expect(operator).toContain('kind: PrometheusRule');
    expect(operator).toContain('grafana-dashboard-openclaw-app');
  });

  test('an image bump made in the checkout is refused, one line per change, and nothing is written', () => {
    const bumped = checkout();
    expect(runMain(['--only', 'lolice', '--lolice-out', bumped]).status).toBe(0);
    fs.writeFileSync(path.join(bumped, DEPLOYMENT), read(bumped, DEPLOYMENT).replace(OLD_BOARD, NEW_BOARD));
    const before = readTree(bumped);
    const refused = runMain(['--only', 'lolice', '--lolice-out', bumped]);
    expect(refused.status).toBe(1);
    const lines = refused.stderr.split('\n').filter((line) => line.startsWith('  argoproj/'));
    expect(lines).toEqual([
      `  ${DEPLOYMENT}: Deployment/openclaw/openclaw spec.template.spec.containers[name=board-server].image: ` +
        `checkout "${NEW_BOARD}", config "${OLD_BOARD}": set boardServer tag in config/lolice-images.json ` +
        '(npm run adopt does it)',
    ]);
    expect(readTree(bumped)).toEqual(before);

    // Adopting it: the placement the adopt command writes, then a synth from that config.
    const record = parseSynthRecord(read(bumped, SYNTH_RECORD_PATH));
    const changes = outsideChanges(record, buildApp().renderLolice(), (file) =>
      fs.existsSync(path.join(bumped, file)) ? read(bumped, file) : undefined,
    );
    const placements = changes.map((change) => placeChange(change, IMAGES_FILE));
    expect(placements).toEqual([
      { kind: 'image', name: 'boardServer', image: { repository: 'nginxinc/nginx-unprivileged', tag: '1.30-alpine' } },
    ]);
    const imagesText = writeImagesFile(
      images,
      placements.filter((p) => p.kind === 'image'),
    );
    expect(imagesText).toBe(
      fs.readFileSync(path.join(REPO_ROOT, IMAGES_FILE.path), 'utf8').replace('"1.29-alpine"', '"1.30-alpine"'),
    );
    const adopted = JSON.parse(imagesText) as Record<string, ImageReference>;
    const config = configVariant((draft) => {
      for (const container of [...draft.gatewayPod.initContainers, ...draft.gatewayPod.sidecars]) {
        const name = Object.keys(images).find(
          (key) => JSON.stringify(images[key as keyof typeof images]) === JSON.stringify(container.image),
        );
        if (name !== undefined) container.image = { ...(adopted[name] as ImageReference) };
      }
    });
    const deployment = read(bumped, DEPLOYMENT);
    synthesize(buildApp(config), { loliceOut: bumped, terraformOut: makeTempDir('day-two-arch'), only: 'lolice' });
    expect(read(bumped, DEPLOYMENT)).toBe(deployment);
    expect(isCheckoutDiffEmpty(diffCheckouts(generated(buildApp(config)), { lolice: bumped }))).toBe(true);
  });

  test('an openclaw.json value changed in the checkout is refused with its config path', () => {
    const edited = checkout();
    synthesize(buildApp(), { loliceOut: edited, terraformOut: makeTempDir('day-two-arch'), only: 'lolice' });
    const file = 'argoproj/openclaw/configmap-openclaw.yaml';
    fs.writeFileSync(path.join(edited, file), read(edited, file).replace('"every": "30m"', '"every": "45m"'));
    const changes = outsideChanges(parseSynthRecord(read(edited, SYNTH_RECORD_PATH)), buildApp().renderLolice(), (f) =>
      fs.existsSync(path.join(edited, f)) ? read(edited, f) : undefined,
    );
    expect(changes.map((change) => formatOutsideChange(change, IMAGES_FILE))).toEqual([
      `${file}: ConfigMap/openclaw/openclaw-config data['openclaw.json'].agents.defaults.heartbeat.every: ` +
        'checkout "45m", config "30m": set config.openclawConfig.agents.defaults.heartbeat.every in the config',
    ]);
  });

  test('--overwrite replaces the change made in the checkout', () => {
    const bumped = checkout();
    expect(runMain(['--only', 'lolice', '--lolice-out', bumped]).status).toBe(0);
    const synthesized = read(bumped, DEPLOYMENT);
    fs.writeFileSync(path.join(bumped, DEPLOYMENT), synthesized.replace(OLD_BOARD, NEW_BOARD));
    expect(runMain(['--only', 'lolice', '--lolice-out', bumped, '--overwrite']).status).toBe(0);
    expect(read(bumped, DEPLOYMENT)).toBe(synthesized);
  });

  test('a change in the config is written over what synth wrote before', () => {
    const changed = checkout();
    synthesize(buildApp(), { loliceOut: changed, terraformOut: makeTempDir('day-two-arch'), only: 'lolice' });
    const config = configVariant((draft) => {
      const board = draft.gatewayPod.sidecars.find((c) => c.name === 'board-server');
      if (board) board.image = { repository: 'nginxinc/nginx-unprivileged', tag: '1.30-alpine' };
    });
    synthesize(buildApp(config), { loliceOut: changed, terraformOut: makeTempDir('day-two-arch'), only: 'lolice' });
    expect(read(changed, DEPLOYMENT)).toContain(NEW_BOARD);
  });

  test('adopt: nothing to adopt after a plain synth (exit 0); a checkout without a record is refused (exit 2)', () => {
    const none = runAdopt(['--lolice', root]);
    expect(none.stdout).toContain('nothing to adopt');
    expect(none.status).toBe(0);
    const fresh = runAdopt(['--lolice', liveLoliceCopy(makeTempDir('day-two-fresh'))]);
    expect(fresh.status).toBe(2);
    expect(fresh.stderr).toContain('has no .openclaw-ops/synth-record.json, expected the record of a synth into it');
  });
});

test('the default config carries the images of the images file', () => {
  expect(loliceConfig.image).toEqual(images.openclaw);
});

describe('Argo CD Image Updater override', () => {
  test('diff names the image that runs when the checkout has an .argocd-source file', () => {
    const generated = new Map([
      [
        'app/deployment.yaml',
        'spec:\n  containers:\n    - name: a\n      image: ghcr.io/x/app:1\n    - image: nginx:1.29\n',
      ],
    ]);
    const files: Record<string, string> = {
      'app/.argocd-source-app.yaml': 'kustomize:\n  images:\n  - ghcr.io/x/app=ghcr.io/x/app:2\n',
    };
    const overrides = imageOverrides(
      generated,
      (dir) =>
        Object.keys(files)
          .filter((f) => f.startsWith(`${dir}/`))
          .map((f) => f.slice(dir.length + 1)),
      (file) => files[file],
    );
    expect(overrides).toEqual([
      { file: 'app/.argocd-source-app.yaml', manifest: 'ghcr.io/x/app:1', runs: 'ghcr.io/x/app:2' },
    ]);
    expect(formatImageOverride(overrides[0]!)).toBe(
      'runs ghcr.io/x/app:2, not ghcr.io/x/app:1: Argo CD Image Updater overrides it in ' +
        "app/.argocd-source-app.yaml (the manifest's tag is only the fallback)",
    );
  });
});
