/**
 * The real Renovate (npm `renovate`, installed by test/support/provision/renovate.ts) over the
 * project's `renovate.json` and config, offline: `renovate --platform=local --dry-run=extract`.
 * Every image synth writes is extracted with the tag synth writes, and the replacement Renovate
 * makes (its `replaceString` with the new value in place of the current one, the regex manager's
 * default) gives a synth whose only change is that image.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import images from '../../config/lolice-images.json';
import type { ImageReference, OpenClawOpsConfig } from '../../lib/config/openclaw-ops-config';
import { buildApp, configVariant, makeTempDir, removeTempDirs, REPO_ROOT } from '../support/openclaw-ops-harness';
import { ensureRenovate } from '../support/provision/renovate';

afterAll(removeTempDirs);

interface ExtractedDep {
  readonly depName: string;
  readonly currentValue: string;
  readonly replaceString: string;
}

interface ExtractedFile {
  readonly packageFile: string;
  readonly deps: readonly ExtractedDep[];
}

/** Runs the real Renovate in a copy of renovate.json and config/; returns what it extracted. */
function extract(): ExtractedFile[] {
  const { node, entry } = ensureRenovate();
  const repo = makeTempDir('renovate-repo');
  fs.copyFileSync(path.join(REPO_ROOT, 'renovate.json'), path.join(repo, 'renovate.json'));
  fs.cpSync(path.join(REPO_ROOT, 'config'), path.join(repo, 'config'), { recursive: true });
  const home = makeTempDir('renovate-home');
  const result = spawnSync(node, [entry, '--platform=local', '--dry-run=extract'], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      PATH: `${path.dirname(node)}:/usr/bin:/bin`,
      HOME: home,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      RENOVATE_BASE_DIR: path.join(home, 'renovate'),
      // Extraction needs no network; any request Renovate still tried would go to a closed loopback port.
      HTTP_PROXY: 'http://127.0.0.1:9',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: '',
    },
  });
  expect(result.status, result.stderr + result.stdout.slice(-2000)).toBe(0);
  const lines = result.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { msg?: string; packageFiles?: { regex?: ExtractedFile[] } });
  const extracted = lines.find((line) => line.msg === 'Extracted dependencies');
  expect(extracted, 'renovate logged no "Extracted dependencies"').toBeDefined();
  return extracted?.packageFiles?.regex ?? [];
}

/** Every `image:` synth writes for `config`, by file and line. */
function writtenImages(config?: OpenClawOpsConfig): string[] {
  const written: string[] = [];
  for (const text of buildApp(config).renderLolice().values()) {
    for (const found of text.matchAll(/^\s*(?:- )?image: (\S+)$/gm)) written.push(found[1] as string);
  }
  return written;
}

/** The default config with the images of an edited images file (every container of an image follows it). */
function withImages(next: Record<string, ImageReference>): OpenClawOpsConfig {
  const nameOf = (image: ImageReference) =>
    Object.keys(images).find((key) => JSON.stringify(images[key as keyof typeof images]) === JSON.stringify(image));
  return configVariant((draft) => {
    const top = nameOf(draft.image);
    if (top !== undefined) draft.image = { ...(next[top] as ImageReference) };
    for (const container of [...draft.gatewayPod.initContainers, ...draft.gatewayPod.sidecars]) {
      const name = nameOf(container.image);
      if (name !== undefined) container.image = { ...(next[name] as ImageReference) };
    }
  });
}

describe('the real Renovate over renovate.json', () => {
  const files = extract();
  const imagesFile = files.find((file) => file.packageFile === 'config/lolice-images.json');

  test('extracts every image synth writes, with the tag synth writes', () => {
    expect(imagesFile).toBeDefined();
    const extracted = (imagesFile?.deps ?? []).map((dep) => `${dep.depName}:${dep.currentValue}`);
    expect([...new Set(writtenImages())].sort()).toEqual([...new Set(extracted)].sort());
  });

  test("applying Renovate's replacement to the config changes that image and nothing else in synth", () => {
    const text = fs.readFileSync(path.join(REPO_ROOT, 'config', 'lolice-images.json'), 'utf8');
    const before = buildApp().renderLolice();
    for (const dep of imagesFile?.deps ?? []) {
      const newValue = `${dep.currentValue}.1`;
      expect(text.split(dep.replaceString)).toHaveLength(2);
      const edited = text.replace(dep.replaceString, dep.replaceString.replace(dep.currentValue, newValue));
      const after = buildApp(withImages(JSON.parse(edited) as Record<string, ImageReference>)).renderLolice();
      const oldImage = `${dep.depName}:${dep.currentValue}`;
      const newImage = `${dep.depName}:${newValue}`;
      let changedLines = 0;
      for (const [file, content] of before) {
        const next = after.get(file) ?? '';
        const oldLines = content.split('\n');
        const newLines = next.split('\n');
        expect(newLines.length, file).toBe(oldLines.length);
        oldLines.forEach((line, i) => {
          if (line === newLines[i]) return;
          changedLines += 1;
          expect(line, `${file}:${i + 1}`).toMatch(new RegExp(`image: ${oldImage.replace(/[.]/g, '\\.')}$`));
          expect(newLines[i], `${file}:${i + 1}`).toBe(line.replace(oldImage, newImage));
        });
      }
      expect(changedLines, dep.depName).toBe(writtenImages().filter((image) => image === oldImage).length);
    }
  });
});
