/**
 * Stryker plugins for the sampled run of `npm run mutation -- --sample N` (see
 * scripts/mutation-sample.mjs), which mutates the sampled mutants' own locations
 * (`path:line:col-line:col`). A location also holds mutants that were not drawn: the other
 * mutants of the same node (a regex literal has dozens, a comparison several) and those of the
 * nodes nested inside it. Two plugins keep them from costing a test run:
 * - the ignorer `mutation-sample` skips nested nodes: a node that lies strictly inside a sampled
 *   location, is not itself one and holds none (Stryker reports their mutants as Ignored);
 * - the checker `mutation-sample` passes the sampled mutants and stops every other one before any
 *   test runs: Stryker reports it as a CompileError whose reason is "not in the mutation sample,
 *   not tested" (an error status, which is outside every score).
 * The sample comes from the JSON file named by MUTATION_SAMPLE_FILE (written by
 * scripts/mutation-sample.mjs); without that variable neither plugin takes anything out.
 */
import { readFileSync } from 'node:fs';
import { CheckStatus } from '@stryker-mutator/api/check';
import { declareClassPlugin, declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

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

class SampleChecker {
  keys = new Set((sample() ?? []).map(mutantKey));
  async init() {}
  async check(mutants) {
    const all = sample() === undefined;
    return Object.fromEntries(
      mutants.map((m) => [
        m.id,
        all || this.keys.has(mutantKey(m))
          ? { status: CheckStatus.Passed }
          : { status: CheckStatus.CompileError, reason: NOT_SAMPLED },
      ]),
    );
  }
}

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
  declareClassPlugin(PluginKind.Checker, 'mutation-sample', SampleChecker),
];
