/**
 * The bundles leave parts of three libraries out (scripts/lean-libraries.mjs). The tests run the
 * sources with the whole libraries, so these check that what the bundles keep is enough: every
 * runtime name lib/ takes from the Grafana SDK, and every name the kept SDK modules take from each
 * other, is still exported; and the built bundle holds what the rules say.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/openclaw-ops-harness';
import { sdkIndexForV1 } from '../../scripts/lean-libraries.mjs';

const SDK = '@grafana/grafana-foundation-sdk';
const SDK_DIST = path.join(REPO_ROOT, 'node_modules', ...SDK.split('/'), 'dist');
const requireFromRepo = createRequire(path.join(REPO_ROOT, 'package.json'));

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The names each SDK package is asked for by lib/: named imports, and `ns.Name` under `import * as ns`. */
function namesLibTakes(): Map<string, Set<string>> {
  const byPackage = new Map<string, Set<string>>();
  const add = (pkg: string, name: string): void => {
    byPackage.set(pkg, (byPackage.get(pkg) ?? new Set()).add(name));
  };
  for (const file of tsFiles(path.join(REPO_ROOT, 'lib'))) {
    const text = fs.readFileSync(file, 'utf8');
    const named = /import\s+\{([^}]*)\}\s+from\s+'@grafana\/grafana-foundation-sdk\/([a-z0-9]+)'/g;
    for (const [, list, pkg] of text.matchAll(named)) {
      for (const spec of (list as string).split(',')) {
        const name = spec
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0];
        if (name) add(pkg as string, name);
      }
    }
    const namespace = /import\s+\*\s+as\s+(\w+)\s+from\s+'@grafana\/grafana-foundation-sdk\/([a-z0-9]+)'/g;
    for (const [, alias, pkg] of text.matchAll(namespace)) {
      for (const [, name] of text.matchAll(new RegExp(`\\b${alias}\\.(\\w+)`, 'g'))) add(pkg as string, name as string);
    }
  }
  return byPackage;
}

/** The runtime exports of an SDK package: of its whole index, or of the modules the bundle keeps. */
function exportsOf(pkg: string, kept: boolean): Set<string> {
  const index = path.join(SDK_DIST, pkg, 'index.js');
  const modules = kept
    ? [...sdkIndexForV1(index).text.matchAll(/require\("\.\/([^"]+)"\)/g)].map((m) => m[1] as string)
    : [];
  const objects = kept
    ? modules.map((m) => requireFromRepo(path.join(SDK_DIST, pkg, `${m}.js`)))
    : [requireFromRepo(index)];
  return new Set(objects.flatMap((o) => Object.keys(o as object)));
}

describe('the libraries the bundles leave parts out of', () => {
  it('the SDK packages lib/ uses still export every runtime name lib/ and the kept modules take from them', () => {
    const wanted = namesLibTakes();
    expect([...wanted.keys()].sort()).toEqual(['common', 'dashboard', 'loki', 'prometheus', 'stat', 'timeseries']);
    const checked = new Set<string>();
    const missing: string[] = [];
    const pending = [...wanted.keys()];
    for (let pkg = pending.pop(); pkg !== undefined; pkg = pending.pop()) {
      if (checked.has(pkg)) continue;
      checked.add(pkg);
      const whole = exportsOf(pkg, false);
      const kept = exportsOf(pkg, true);
      // lib/'s runtime names (a type-only name is in neither set)
      for (const name of wanted.get(pkg) ?? []) {
        if (whole.has(name) && !kept.has(name)) missing.push(`lib/ takes ${pkg}.${name}`);
      }
      // what each kept module takes from other packages: `const ns = tslib_1.__importStar(require("../other"))`
      const index = path.join(SDK_DIST, pkg, 'index.js');
      for (const [, module] of sdkIndexForV1(index).text.matchAll(/require\("\.\/([^"]+)"\)/g)) {
        const source = fs.readFileSync(path.join(SDK_DIST, pkg, `${module}.js`), 'utf8');
        for (const [, alias, other] of source.matchAll(/const (\w+) = [\w.]*\(?require\("\.\.\/([a-z0-9]+)"\)/g)) {
          const otherWhole = exportsOf(other as string, false);
          const otherKept = exportsOf(other as string, true);
          // (a name the whole package does not export either is a local of the same name, not an import)
          for (const [, name] of source.matchAll(new RegExp(`\\b${alias}\\.(\\w+)`, 'g'))) {
            if (otherWhole.has(name as string) && !otherKept.has(name as string)) {
              missing.push(`${pkg}/${module} takes ${other}.${name}`);
            }
          }
          pending.push(other as string);
        }
      }
    }
    expect(missing).toEqual([]);
    // the walk went through the kept modules' own imports (common and dashboard, which lib/ uses too)
    // and reached no v2 dashboard package
    expect([...checked].sort()).toEqual(['common', 'dashboard', 'loki', 'prometheus', 'stat', 'timeseries']);
  });

  it('an SDK package index loses exactly the modules that need a v2 dashboard schema', () => {
    const index = path.join(SDK_DIST, 'timeseries', 'index.js');
    const { text, dropped } = sdkIndexForV1(index);
    expect(dropped.sort()).toEqual(['visualizationBuilder.gen', 'visualizationV2Builder.gen']);
    expect(text).toContain('require("./panelBuilder.gen")');
    expect(text).not.toContain('visualization');
    // the dashboard package itself needs no v2 schema: its index is unchanged
    const dashboard = path.join(SDK_DIST, 'dashboard', 'index.js');
    expect(sdkIndexForV1(dashboard)).toEqual({ text: fs.readFileSync(dashboard, 'utf8'), dropped: [] });
  });

  it('the built synth bundle holds one yaml (while cdk8s ships the same version), English zod messages only, and no v2 dashboard builders', () => {
    const bundle = fs.readFileSync(path.join(REPO_ROOT, 'build', 'cli', 'synth-snapshot.bundle.js'), 'utf8');
    const versionOf = (dir: string): string =>
      (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, dir, 'package.json'), 'utf8')) as { version: string }).version;
    const sameYaml = versionOf('node_modules/yaml') === versionOf('node_modules/cdk8s/node_modules/yaml');
    expect(bundle).toContain('node_modules/yaml/dist/index.js');
    expect(bundle.includes('node_modules/cdk8s/node_modules/yaml/')).toBe(!sameYaml);
    expect(bundle).toContain('node_modules/zod/v4/locales/en.js');
    expect(bundle).not.toContain('node_modules/zod/v4/locales/de.js');
    expect(bundle).toContain(`${SDK}/dist/timeseries/panelBuilder.gen.js`);
    expect(bundle).not.toContain(`${SDK}/dist/dashboardv2`);
  });
});
