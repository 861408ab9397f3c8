'use strict';
// Runs a CLI bundle as the main module with a V8 code cache beside it, so a run after the first skips
// parsing and compiling the 4 MB bundle (about a fifth of a synth's CPU time). The cache is an
// optimisation only: it is keyed by the bundle's content hash (V8 itself checks only the source length,
// its version and its flags, and rejects on a mismatch, in which case it is rewritten), written
// atomically, and any error reading or writing it is ignored. Node 22 has module.enableCompileCache();
// Node 20, which the project supports, does not.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

/**
 * @param {string} bundle absolute path of the bundle
 * @param {string} hash content hash of the bundle (written by scripts/build.mjs)
 */
function runMain(bundle, hash) {
  const cacheFile = `${bundle.replace(/\.js$/, '')}.${hash}.v8cache`;
  const source = fs.readFileSync(bundle, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const mod = new Module(bundle, null);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  const req = (id) => mod.require(id);
  req.main = mod;
  req.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  req.cache = Module._cache;
  process.mainModule = mod;
  if (cachedData === undefined || script.cachedDataRejected === true) {
    // After a run that did the work (not --help, not a usage error: exit 2), so the cache also holds
    // the functions compiled lazily while it ran.
    const helpOnly = process.argv.includes('--help') || process.argv.includes('-h');
    process.once('exit', (code) => {
      if (code !== 2 && !helpOnly) writeCache(cacheFile, script);
    });
  }
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, bundle, path.dirname(bundle));
  mod.loaded = true;
}

function writeCache(cacheFile, script) {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, script.createCachedData());
    fs.renameSync(temp, cacheFile);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}

module.exports = { runMain };
