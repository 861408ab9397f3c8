// Runs inside an installed OpenClaw release, with that release's Node (not the project's).
// usage: <release node> release-probe.mjs <request.json> <response.json>
// The request names the openclaw package folder and a batch of operations; the answers are written
// to the response file (stdout and stderr belong to OpenClaw's own logging).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [requestFile, responseFile] = process.argv.slice(2);
const request = JSON.parse(readFileSync(requestFile, 'utf8'));
const dist = join(request.packageDir, 'dist');

// The config loader is in a chunk the library entry (dist/index.js) imports; chunk file names and
// export names are minified per release, so find the chunk that exports createConfigIO by its source.
// (The CLI chunks import entry.js, which starts the CLI: never import those.)
async function loadCreateConfigIO() {
  const entry = readFileSync(join(dist, 'index.js'), 'utf8');
  const chunks = [...new Set([...entry.matchAll(/from "\.\/([\w.-]+\.js)"/g)].map((m) => m[1]))];
  for (const chunk of chunks) {
    const source = readFileSync(join(dist, chunk), 'utf8');
    const exported = /export \{[^}]*\bcreateConfigIO as (\w+)/.exec(source);
    if (exported) {
      const mod = await import(pathToFileURL(join(dist, chunk)).href);
      return mod[exported[1]];
    }
  }
  // Later releases (2026.9.x) load their chunks lazily from index.js: look at every top-level chunk
  // whose export list names createConfigIO (as itself or under a minified alias), smallest first, and
  // take the first whose export behaves like the loader (returns an object with readConfigFileSnapshot).
  const candidates = [];
  for (const file of readdirSync(dist)) {
    if (!/\.m?js$/.test(file) || /^(entry|cli|index)\b/.test(file)) continue;
    const source = readFileSync(join(dist, file), 'utf8');
    for (const clause of source.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const item of clause[1].split(',')) {
        const [local, alias] = item.trim().split(/\s+as\s+/);
        if (local === 'createConfigIO' || alias === 'createConfigIO') {
          candidates.push({ file, name: alias ?? local, size: source.length });
        }
      }
    }
  }
  candidates.sort((a, b) => a.size - b.size || a.file.localeCompare(b.file));
  for (const { file, name } of candidates) {
    const fn = (await import(pathToFileURL(join(dist, file)).href))[name];
    if (
      typeof fn === 'function' &&
      typeof fn({ configPath: join(dist, 'no-such-openclaw.json'), logger: silent })?.readConfigFileSnapshot ===
        'function'
    ) {
      return fn;
    }
  }
  throw new Error(`no chunk of ${dist} exports a createConfigIO (looked at ${candidates.length} candidate(s))`);
}

async function loadPluginSdk() {
  const pkg = JSON.parse(readFileSync(join(request.packageDir, 'package.json'), 'utf8'));
  const target = pkg.exports?.['./plugin-sdk'];
  const file = typeof target === 'string' ? target : (target?.default ?? target?.import);
  if (!file) throw new Error(`${request.packageDir}/package.json exports no "./plugin-sdk"`);
  return import(pathToFileURL(join(request.packageDir, file)).href);
}

const silent = { warn() {}, error() {}, info() {}, log() {}, debug() {}, trace() {} };
const issueList = (list) => (list ?? []).map((i) => ({ path: String(i.path ?? ''), message: String(i.message ?? '') }));

async function validateConfigs(files) {
  const createConfigIO = await loadCreateConfigIO();
  const results = [];
  for (const file of files) {
    const started = Date.now();
    try {
      const snapshot = await createConfigIO({ configPath: file, logger: silent }).readConfigFileSnapshot();
      results.push({
        file,
        valid: snapshot.valid === true,
        issues: issueList(snapshot.issues),
        warnings: issueList(snapshot.warnings),
        legacyIssues: issueList(snapshot.legacyIssues),
        ms: Date.now() - started,
      });
    } catch (error) {
      results.push({
        file,
        valid: false,
        issues: [{ path: '', message: `threw: ${error?.message ?? error}` }],
        warnings: [],
        legacyIssues: [],
        ms: Date.now() - started,
      });
    }
  }
  return results;
}

async function classifyHosts(hosts) {
  const sdk = await loadPluginSdk();
  for (const name of ['isBlockedHostnameOrIp', 'isPrivateIpAddress', 'isBlockedHostname']) {
    if (typeof sdk[name] !== 'function') throw new Error(`openclaw/plugin-sdk exports no function ${name}`);
  }
  return hosts.map((host) => ({
    host,
    blocked: sdk.isBlockedHostnameOrIp(host),
    privateIp: sdk.isPrivateIpAddress(host),
    blockedName: sdk.isBlockedHostname(host),
  }));
}

// The schema the gateway answers `config.schema` with (draft-07 JSON Schema, plugin and channel
// schemas merged, uiHints marking sensitive paths), built in-process from the config named by
// OPENCLAW_CONFIG_PATH. From 2026.4.x a chunk exports loadGatewayRuntimeConfigSchema (the handler's own
// builder). 2026.2.x keeps the builder (loadSchemaWithPlugins) private in the gateway CLI chunk, which
// also imports entry.js (that starts the CLI): a module hook re-exports the builder from that chunk and
// leaves out entry.js's CLI start, in memory only; the builder itself runs unchanged.
async function loadSchemaBuilder() {
  const files = readdirSync(dist).filter((file) => /\.m?js$/.test(file));
  for (const file of files) {
    const source = readFileSync(join(dist, file), 'utf8');
    if (!source.includes('loadGatewayRuntimeConfigSchema')) continue;
    for (const clause of source.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const item of clause[1].split(',')) {
        const [local, alias] = item.trim().split(/\s+as\s+/);
        if (local === 'loadGatewayRuntimeConfigSchema') {
          const fn = (await import(pathToFileURL(join(dist, file)).href))[alias ?? local];
          if (typeof fn === 'function') return { fn, via: `${file}#loadGatewayRuntimeConfigSchema` };
        }
      }
    }
  }
  const gatewayChunk = files.find(
    (file) =>
      /^gateway-cli-/.test(file) && readFileSync(join(dist, file), 'utf8').includes('function loadSchemaWithPlugins('),
  );
  if (!gatewayChunk)
    throw new Error(
      `no chunk of ${dist} builds the config schema (loadGatewayRuntimeConfigSchema / loadSchemaWithPlugins)`,
    );
  // Re-export only the bindings the chunk has (2026.2.17 has no fetchWithSsrFGuard there).
  const chunkSource = readFileSync(join(dist, gatewayChunk), 'utf8');
  const reexports = [
    ['loadSchemaWithPlugins', '__openclawOpsLoadSchema'],
    ['validateScheduleTimestamp', '__openclawOpsValidateScheduleTimestamp'],
    ['resolveCronWebhookTarget', '__openclawOpsResolveCronWebhookTarget'],
    ['fetchWithSsrFGuard', '__openclawOpsFetchWithSsrFGuard'],
  ]
    .filter(([local]) => new RegExp(`\\b${local}\\b`).test(chunkSource))
    .map(([local, alias]) => `${local} as ${alias}`)
    .join(', ');
  const { register } = await import('node:module');
  const hooks = `
    export async function load(url, context, next) {
      const result = await next(url, context);
      if (url === ${JSON.stringify(pathToFileURL(join(dist, gatewayChunk)).href)}) {
        return {
          ...result,
          source:
            String(result.source) +
            ${JSON.stringify(`\nexport { ${reexports} };\n`)},
        };
      }
      if (url === ${JSON.stringify(pathToFileURL(join(dist, 'entry.js')).href)}) {
        const text = String(result.source);
        const start = 'if (!ensureExperimentalWarningSuppressed()) {';
        if (!text.includes(start)) throw new Error('entry.js: CLI start not found');
        return { ...result, source: text.replace(start, 'if (false) {') };
      }
      return result;
    }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
  const mod = await import(pathToFileURL(join(dist, gatewayChunk)).href);
  return {
    fn: mod.__openclawOpsLoadSchema,
    via: `${gatewayChunk}#loadSchemaWithPlugins`,
    validateScheduleTimestamp: mod.__openclawOpsValidateScheduleTimestamp,
    resolveCronWebhookTarget: mod.__openclawOpsResolveCronWebhookTarget,
    fetchWithSsrFGuard: mod.__openclawOpsFetchWithSsrFGuard,
  };
}

// A cron webhook POST as the gateway makes it after a run: resolveCronWebhookTarget (the gateway's
// URL normalization of delivery.to), then fetchWithSsrFGuard with the gateway's arguments. DNS is a
// stub answering every name with a benchmarking-range address the guard calls public, and fetch is
// a stub that records the call: nothing is resolved or sent. "posted" = the stub fetch was reached.
async function webhookPosts(urls) {
  const { resolveCronWebhookTarget, fetchWithSsrFGuard } = await loadSchemaBuilder();
  if (typeof resolveCronWebhookTarget !== 'function' || typeof fetchWithSsrFGuard !== 'function') {
    throw new Error('this release exposes no resolveCronWebhookTarget / fetchWithSsrFGuard');
  }
  const lookupFn = async () => [{ address: '198.18.0.1', family: 4 }];
  const results = [];
  for (const url of urls) {
    const target = resolveCronWebhookTarget({ delivery: { mode: 'webhook', to: url } });
    if (!target) {
      results.push({ outcome: 'skipped', reason: 'delivery.to must be a valid http(s) URL' });
      continue;
    }
    let posted = false;
    const fetchImpl = async () => {
      posted = true;
      return new Response('ok', { status: 200 });
    };
    try {
      const guarded = await fetchWithSsrFGuard({
        url: target.url,
        init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' },
        fetchImpl,
        lookupFn,
      });
      await guarded.release();
      results.push({ outcome: posted ? 'posted' : 'failed', reason: '' });
    } catch (error) {
      const blocked = error?.name === 'SsrFBlockedError' || /blocked/i.test(String(error?.message));
      results.push({ outcome: blocked ? 'blocked' : 'failed', reason: String(error?.message ?? error).slice(0, 200) });
    }
  }
  return results;
}

// cron.add's limits on a one-shot instant, as the gateway's cron.add handler applies them
// (validateScheduleTimestamp; 2026.2.x layout, the same module hook as above).
async function cronTimestamps(cases) {
  const { validateScheduleTimestamp } = await loadSchemaBuilder();
  if (typeof validateScheduleTimestamp !== 'function')
    throw new Error('this release exposes no validateScheduleTimestamp');
  return cases.map(({ at, now }) => {
    const verdict = validateScheduleTimestamp({ kind: 'at', at }, now);
    return { ok: verdict.ok === true, message: verdict.message ?? '' };
  });
}

async function configSchema() {
  const { fn, via } = await loadSchemaBuilder();
  const built = await fn();
  return { via, schema: built.schema, uiHints: built.uiHints, version: built.version };
}

const answers = [];
for (const op of request.operations) {
  if (op.kind === 'validate-configs') answers.push({ kind: op.kind, results: await validateConfigs(op.files) });
  else if (op.kind === 'classify-hosts') answers.push({ kind: op.kind, results: await classifyHosts(op.hosts) });
  else if (op.kind === 'webhook-posts') answers.push({ kind: op.kind, results: await webhookPosts(op.urls) });
  else if (op.kind === 'cron-timestamps') answers.push({ kind: op.kind, results: await cronTimestamps(op.cases) });
  else if (op.kind === 'config-schema') answers.push({ kind: op.kind, result: await configSchema() });
  else throw new Error(`unknown probe operation ${JSON.stringify(op.kind)}`);
}
writeFileSync(responseFile, JSON.stringify({ answers }));
process.exit(0);
