/**
 * Argo CD Image Updater's write-back for kustomize apps: it does not edit the manifests, it writes
 * `.argocd-source-<app>.yaml` next to the app's kustomization (`kustomize.images`, entries
 * `name=newName:newTag`), and Argo CD applies it as a kustomize image override. The image that
 * really runs is then the override's, not the manifest's; `npm run diff` says so.
 */
import { posix } from 'node:path';
import { parse } from 'yaml';

/** An image the checkout overrides for a generated container. */
export interface ImageOverride {
  /** The override file, repo-relative. */
  readonly file: string;
  /** The image as the generated manifest writes it. */
  readonly manifest: string;
  /** The image that runs. */
  readonly runs: string;
}

function imageName(image: string): string {
  const at = image.indexOf('@');
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const colon = withoutDigest.lastIndexOf(':');
  return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, colon) : withoutDigest;
}

/** What one `kustomize.images` entry (`name=newName:newTag` or `name:newTag`) makes of `image`. */
function applyEntry(entry: string, image: string): string | undefined {
  const eq = entry.indexOf('=');
  const name = eq >= 0 ? entry.slice(0, eq) : imageName(entry);
  if (imageName(image) !== name) return undefined;
  const replacement = eq >= 0 ? entry.slice(eq + 1) : entry;
  return replacement.includes(':') && imageName(replacement) !== replacement
    ? replacement
    : `${replacement}:${image.slice(imageName(image).length + 1)}`;
}

/**
 * The overrides of the images in `generated` (repo-relative path → content) found in
 * `.argocd-source-*.yaml` files of the checkout: `listDir(dir)` lists a checkout folder's file
 * names (empty when absent), `read(file)` reads one.
 */
export function imageOverrides(
  generated: ReadonlyMap<string, string>,
  listDir: (dir: string) => readonly string[],
  read: (file: string) => string | undefined,
): ImageOverride[] {
  const overrides: ImageOverride[] = [];
  const dirs = [...new Set([...generated.keys()].map((file) => posix.dirname(file)))].sort();
  for (const dir of dirs) {
    const sources = listDir(dir)
      .filter((name) => /^\.argocd-source-.+\.ya?ml$/.test(name))
      .sort();
    if (sources.length === 0) continue;
    const images = new Set<string>();
    for (const [file, text] of generated) {
      if (posix.dirname(file) !== dir) continue;
      for (const found of text.matchAll(/^\s*(?:- )?image: (\S+)$/gm)) images.add(found[1] as string);
    }
    for (const name of sources) {
      const file = posix.join(dir, name);
      const value = parse(read(file) ?? '') as { kustomize?: { images?: unknown } } | null;
      const entries = value?.kustomize?.images;
      if (!Array.isArray(entries)) continue;
      for (const image of [...images].sort()) {
        for (const entry of entries) {
          if (typeof entry !== 'string') continue;
          const runs = applyEntry(entry, image);
          if (runs !== undefined && runs !== image) overrides.push({ file, manifest: image, runs });
        }
      }
    }
  }
  return overrides;
}

/** One line per override. */
export function formatImageOverride(override: ImageOverride): string {
  return (
    `runs ${override.runs}, not ${override.manifest}: Argo CD Image Updater overrides it in ` +
    `${override.file} (the manifest's tag is only the fallback)`
  );
}
