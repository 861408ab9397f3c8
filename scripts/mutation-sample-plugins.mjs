/**
 * Stryker plugins for the sampled run of `npm run mutation -- --sample N` (see
 * scripts/mutation-sample.mjs), which mutates the sampled mutants' own locations
 * (`path:line:col-line:col`). A location also holds mutants that were not drawn: the other
 * mutants of the same node (a regex literal has dozens, a comparison several) and those of the
 * nodes nested inside it. Two plugins keep them from costing a test run:
 * - the ignorer `mutation-sample` skips nested nodes: a node that lies strictly inside a sampled
 *   location, is not itself one and holds none (Stryker reports their mutants as Ignored);
 * - the test runner `vitest-sample` is Stryker's vitest runner, except that it answers every
 *   mutant that was not drawn at once, without running a test, as an error "not in the mutation
 *   sample, not tested" (Stryker reports a RuntimeError, an error status outside every score).
 *   (A Stryker checker could stop them too, but a run with a checker adds a second test runner
 *   process once checking is done, which `--concurrency 1` is there to prevent.)
 * The sample comes from the JSON file named by MUTATION_SAMPLE_FILE (written by
 * scripts/mutation-sample.mjs); without that variable neither plugin takes anything out.
 */
import { readFileSync } from 'node:fs';
import {
  commonTokens,
  declareFactoryPlugin,
  declareValuePlugin,
  PluginKind,
  tokens,
} from '@stryker-mutator/api/plugin';
import { MutantRunStatus } from '@stryker-mutator/api/test-runner';
import { strykerPlugins as vitestPlugins } from '@stryker-mutator/vitest-runner';

export const NOT_SAMPLED = 'not in the mutation sample, not tested';

/** A mutant's identity as the instrumenter gives it (0-based lines and columns). */
export const mutantKey = (m) =>
  [
    m.fileName,
    m.location.start.line,
    m.location.start.column,
    m.location.end.line,
    m.location.end.column,
    m.mutatorName,
    m.replacement,
  ].join('\u0000');

let loaded;
function sample() {
  if (loaded === undefined) {
    const source = process.env.MUTATION_SAMPLE_FILE;
    loaded = source ? JSON.parse(readFileSync(source, 'utf8')).sample : undefined;
  }
  return loaded;
}

/** file name → sampled locations in Babel coordinates (1-based lines, 0-based columns) */
let byFile;
function sampledLocations(fileName) {
  if (byFile === undefined) {
    byFile = new Map();
    for (const { fileName: name, location } of sample() ?? []) {
      const loc = {
        start: { line: location.start.line + 1, column: location.start.column },
        end: { line: location.end.line + 1, column: location.end.column },
      };
      byFile.set(name, [...(byFile.get(name) ?? []), loc]);
    }
  }
  return byFile.get(fileName) ?? [];
}

const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);
const inside = (outer, inner) => before(outer.start, inner.start) && before(inner.end, outer.end);
const same = (a, b) => inside(a, b) && inside(b, a);

/** Stryker's vitest runner, answering the mutants outside the sample without running them. */
class SampleTestRunner {
  constructor(inner) {
    this.inner = inner;
    const drawn = sample();
    this.keys = drawn === undefined ? undefined : new Set(drawn.map(mutantKey));
  }
  capabilities() {
    return this.inner.capabilities();
  }
  async init() {
    await this.inner.init?.();
  }
  dryRun(options) {
    return this.inner.dryRun(options);
  }
  async mutantRun(options) {
    if (this.keys !== undefined && !this.keys.has(mutantKey(options.activeMutant))) {
      return { status: MutantRunStatus.Error, errorMessage: NOT_SAMPLED };
    }
    return this.inner.mutantRun(options);
  }
  async dispose() {
    await this.inner.dispose?.();
  }
}

const vitest = vitestPlugins.find((p) => p.kind === PluginKind.TestRunner && p.name === 'vitest');
function createSampleTestRunner(injector) {
  return new SampleTestRunner(injector.injectFunction(vitest.factory));
}
createSampleTestRunner.inject = tokens(commonTokens.injector);

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'mutation-sample', {
    shouldIgnore(path) {
      const loc = path.node.loc;
      const fileName = path.hub?.file?.opts?.filename;
      if (!loc || !fileName) return undefined;
      const sampled = sampledLocations(fileName);
      const nestedInSample = sampled.some((s) => inside(s, loc) && !same(s, loc));
      const holdsSample = sampled.some((s) => inside(loc, s));
      return nestedInSample && !holdsSample ? 'nested in a sampled location, not in the mutation sample' : undefined;
    },
  }),
  declareFactoryPlugin(PluginKind.TestRunner, 'vitest-sample', createSampleTestRunner),
];
