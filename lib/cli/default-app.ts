/**
 * The app for the default config (`config/lolice.ts`), loaded on demand: the CLIs call this only after
 * their arguments are valid, so `--help` and a usage error answer without loading cdk8s and cdktf.
 */
import type { OpenClawOpsConfig } from '../config/openclaw-ops-config';
import type { OpenClawOpsApp } from '../openclaw-ops-app';
import type { ImagesFile } from '../checkout/outside-change-placement';

/** The default config's images data file (repo-relative), which Renovate and `npm run adopt` edit. */
export const DEFAULT_IMAGES_FILE = 'config/lolice-images.json';

/** What {@link loadDefaultApp} returns. */
export interface DefaultApp {
  readonly config: OpenClawOpsConfig;
  readonly app: OpenClawOpsApp;
  /** The images data file the default config imports. */
  readonly imagesFile: ImagesFile;
}

/** Options of {@link loadDefaultApp}. */
export interface LoadDefaultAppOptions {
  /**
   * Where cdktf writes the arch stack.
   * @default the app's default (cdktf.out)
   */
  readonly terraformOutdir?: string;
}

/** Imports the default config and the app, then builds the app (which validates the config). */
export async function loadDefaultApp(options: LoadDefaultAppOptions = {}): Promise<DefaultApp> {
  const [{ loliceConfig }, { OpenClawOpsApp }, { default: images }] = await Promise.all([
    import('../../config/lolice'),
    import('../openclaw-ops-app'),
    import('../../config/lolice-images.json'),
  ]);
  const terraform = options.terraformOutdir === undefined ? {} : { terraformOutdir: options.terraformOutdir };
  return {
    config: loliceConfig,
    app: new OpenClawOpsApp({ config: loliceConfig, ...terraform }),
    imagesFile: { path: DEFAULT_IMAGES_FILE, images },
  };
}
