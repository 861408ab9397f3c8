/**
 * Where an outside change (a field changed in the checkout since the last synth) belongs in the
 * config, and how it is reported. Image tags are placed in the images data file (an object of
 * named {@link ImageReference}s, one per line) that the config imports, so `npm run adopt` can
 * write them and Renovate can bump them; openclaw.json values are named by their config path
 * (`config.openclawConfig.…`) for the person to set; anything else is listed as not placeable.
 */
import type { ImageReference } from '../core/image-reference';
import type { FieldValue, OutsideChange } from './synth-record';

/** The images data file: its repo-relative path and its entries by name. */
export interface ImagesFile {
  readonly path: string;
  readonly images: Readonly<Record<string, ImageReference>>;
}

/** Where a change goes. */
export type Placement =
  | {
      readonly kind: 'image';
      /** The entry of the images file. */
      readonly name: string;
      /** The entry's new value. */
      readonly image: ImageReference;
    }
  | { readonly kind: 'config-path'; readonly configPath: string }
  | { readonly kind: 'none' };

/** `repo:tag` split at the tag's colon (a registry port stays in the repository). */
export function parseImage(text: string): ImageReference | undefined {
  const colon = text.lastIndexOf(':');
  if (colon <= text.lastIndexOf('/') || text.includes('@')) return undefined;
  return { repository: text.slice(0, colon), tag: text.slice(colon + 1) };
}

/** Where `change` belongs in the config. */
export function placeChange(change: OutsideChange, imagesFile: ImagesFile): Placement {
  if (/\.image$/.test(change.path) && typeof change.checkout === 'string' && typeof change.config === 'string') {
    const found = parseImage(change.checkout);
    const names = Object.entries(imagesFile.images)
      .filter(([, image]) => `${image.repository}:${image.tag}` === change.config)
      .map(([name]) => name);
    if (found !== undefined && names.length === 1 && names[0] !== undefined) {
      return { kind: 'image', name: names[0], image: found };
    }
  }
  const json = /^data\['[^']+\.json'\]\.(.+)$/.exec(change.path);
  if (json?.[1] !== undefined && change.object.startsWith('ConfigMap/')) {
    return { kind: 'config-path', configPath: `config.openclawConfig.${json[1]}` };
  }
  return { kind: 'none' };
}

function show(value: FieldValue | undefined): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** How to make the config say what the checkout says. */
export function placementHint(placement: Placement, imagesFile: ImagesFile): string {
  switch (placement.kind) {
    case 'image': {
      const old = imagesFile.images[placement.name];
      const field = old?.repository === placement.image.repository ? 'tag' : 'repository and tag';
      return `set ${placement.name} ${field} in ${imagesFile.path} (npm run adopt does it)`;
    }
    case 'config-path':
      return `set ${placement.configPath} in the config`;
    case 'none':
      return 'no config path holds it: revert it in the checkout, or synth with --overwrite to replace it';
  }
}

/** One line per change: file, object, field, checkout value, config value, where to set it. */
export function formatOutsideChange(change: OutsideChange, imagesFile: ImagesFile): string {
  return (
    `${change.file}: ${change.object} ${change.path}: checkout ${show(change.checkout)}, ` +
    `config ${show(change.config)}: ${placementHint(placeChange(change, imagesFile), imagesFile)}`
  );
}

/** The images file with `placements` applied, in its format (one entry per line). */
export function writeImagesFile(
  images: Readonly<Record<string, ImageReference>>,
  placements: readonly Extract<Placement, { kind: 'image' }>[],
): string {
  const next: Record<string, ImageReference> = { ...images };
  for (const placement of placements) next[placement.name] = placement.image;
  const lines = Object.entries(next).map(
    ([name, image]) =>
      `  ${JSON.stringify(name)}: { "repository": ${JSON.stringify(image.repository)}, ` +
      `"tag": ${JSON.stringify(image.tag)} }`,
  );
  return `{\n${lines.join(',\n')}\n}\n`;
}
