import { AtomicWriteIo, FileSet, writeFilesAtomically } from './atomic-write';
import type { RenderedTree } from './lolice-tree';

/** Renders each side (running its validations) without writing anything. */
export interface SideRenderers {
  renderLolice(): RenderedTree;
  renderArch(): RenderedTree;
}

/** Where `synth` writes. */
export interface SynthesizeOptions {
  /** The lolice tree's root (repo-relative paths below it). */
  readonly loliceOut: string;
  /** The cdktf outdir (`manifest.json`, `stacks/<stack>/cdk.tf.json`). */
  readonly terraformOut: string;
  /**
   * One side only.
   *
   * @default - both
   */
  readonly only?: 'lolice' | 'arch';
}

/** What was written. */
export interface SynthesizeResult {
  readonly loliceFiles?: number;
  readonly archFiles?: number;
}

/**
 * Renders and validates both sides first, then writes every file of both at once
 * ({@link writeFilesAtomically}): a failure anywhere leaves both output folders untouched. Only
 * the generated files are written; nothing is deleted.
 */
export function synthesize(app: SideRenderers, options: SynthesizeOptions, io?: AtomicWriteIo): SynthesizeResult {
  const lolice = options.only === 'arch' ? undefined : app.renderLolice();
  const arch = options.only === 'lolice' ? undefined : app.renderArch();
  const sets: FileSet[] = [];
  if (lolice !== undefined) sets.push({ root: options.loliceOut, files: lolice });
  if (arch !== undefined) sets.push({ root: options.terraformOut, files: arch });
  writeFilesAtomically(sets, io);
  return { loliceFiles: lolice?.size, archFiles: arch?.size };
}
