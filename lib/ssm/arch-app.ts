/**
 * The Terraform app of the arch side. Every `cdktf` import of lib/ lives under lib/ssm/, so moving
 * off cdktf (archived upstream) touches this folder only.
 */
import { mkdirSync } from 'node:fs';
import { App } from 'cdktf';

/** The cdktf app that holds the arch stack. */
export type ArchApp = App;

/** A cdktf app writing to `outdir` (created with its parents; cdktf's own mkdir is not recursive). */
export function createArchApp(outdir: string): ArchApp {
  mkdirSync(outdir, { recursive: true });
  return new App({ outdir });
}
