// What the bundles leave out of three libraries, because synth's startup snapshot holds every module
// a bundle evaluates, and a run deserialises it all (docs/performance.md: about 1 MB less snapshot):
//
// 1. The Grafana foundation SDK's panel and query packages (`timeseries`, `stat`, `prometheus`,
//    `loki`, …) each re-export builders for three dashboard schemas: v1 (`dashboard`), v2beta1 and
//    v2. The app writes v1 dashboards. A package's index keeps the modules that do not require
//    `../dashboardv2` or `../dashboardv2beta1`; those two schemas' packages are then never loaded.
// 2. zod's `locales` namespace keeps English, the locale zod itself configures and the config
//    check's messages are written against; the other 46 languages are left out.
// 3. cdk8s ships its own copy of `yaml`; when it is the same version as the app's, the bundles
//    hold one copy.
//
// The tests run the sources with the whole libraries; test/cli/lean-libraries.test.ts checks that
// every name lib/ imports from the SDK is still exported by what the bundle keeps.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A module of the SDK that needs a v2 dashboard schema (it requires that package's index). */
const NEEDS_V2_DASHBOARD = /require\("\.\.\/dashboardv2(?:beta1)?"\)/;
/** One re-export line of an SDK package index: `tslib_1.__exportStar(require("./panelBuilder.gen"), exports);`. */
const RE_EXPORT = /require\("\.\/([^"]+)"\)/;

/**
 * The text of an SDK package index (`…/grafana-foundation-sdk/dist/<package>/index.js`) without the
 * re-exports of modules that need a v2 dashboard schema.
 * @param {string} indexFile
 * @returns {{ text: string, dropped: string[] }}
 */
export function sdkIndexForV1(indexFile) {
  const dir = dirname(indexFile);
  const dropped = [];
  const kept = readFileSync(indexFile, 'utf8')
    .split('\n')
    .filter((line) => {
      const reExport = RE_EXPORT.exec(line);
      if (!reExport) return true;
      const needsV2 = NEEDS_V2_DASHBOARD.test(readFileSync(join(dir, `${reExport[1]}.js`), 'utf8'));
      if (needsV2) dropped.push(reExport[1]);
      return !needsV2;
    });
  return { text: kept.join('\n'), dropped };
}

/** The installed version of a package (its package.json beside `dir`). */
function versionAt(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

/**
 * The esbuild plugin.
 * @param {string} root the repository (its node_modules)
 */
export function leanLibraries(root) {
  const appYaml = join(root, 'node_modules', 'yaml');
  const cdk8sYaml = join(root, 'node_modules', 'cdk8s', 'node_modules', 'yaml');
  return {
    name: 'lean-libraries',
    setup(build) {
      build.onLoad({ filter: /[\\/]grafana-foundation-sdk[\\/]dist[\\/][a-z0-9]+[\\/]index\.js$/ }, (args) => ({
        contents: sdkIndexForV1(args.path).text,
        loader: 'js',
      }));
      build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
        contents: 'export { default as en } from "./en.js";\n',
        loader: 'js',
      }));
      build.onResolve({ filter: /^yaml$/ }, (args) => {
        if (!/[\\/]node_modules[\\/]cdk8s[\\/]/.test(args.importer)) return undefined;
        if (versionAt(cdk8sYaml) !== versionAt(appYaml)) return undefined; // cdk8s keeps its own
        return { path: join(appYaml, 'dist', 'index.js') };
      });
    },
  };
}
