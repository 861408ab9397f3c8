// TEST-ONLY: a long-lived client of the real OpenClaw gateway, run with the release's Node:
//   node gateway-rpc-client.mjs <openclaw package dir>
// It uses OpenClaw's own `callGateway` (the function behind `openclaw gateway call`, same scopes as
// the CLI) from the library side of the bundle, so each call costs milliseconds instead of a CLI
// start. Protocol: one JSON request per stdin line {id, method, params, timeoutMs, expectFinal};
// one JSON response per stdout line {id, ok:true, result} or {id, ok:false, error}. First line:
// {ready:true}. Connection settings come from OPENCLAW_CONFIG_PATH / OPENCLAW_STATE_DIR, as for
// the CLI. Never import the CLI chunks (dist/entry.js): importing them starts the CLI.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const packageDir = process.argv[2];
if (!packageDir) {
  process.stderr.write('gateway-rpc-client: usage: node gateway-rpc-client.mjs <openclaw package dir>\n');
  process.exit(2);
}
const dist = join(packageDir, 'dist');
const write = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

function findCallGateway() {
  // export names are minified per release: find the chunk that exports callGateway without
  // importing the CLI entry
  for (const file of readdirSync(dist)
    .filter((name) => name.endsWith('.js'))
    .sort()) {
    const source = readFileSync(join(dist, file), 'utf8');
    const exported = /export \{[^}]*\bcallGateway as (\w+)/.exec(source);
    if (exported && !source.includes('from "./entry.js"')) return { file, name: exported[1] };
  }
  return undefined;
}

const found = findCallGateway();
if (!found) {
  write({ ready: false, error: `no library chunk exporting callGateway in ${dist}` });
  process.exit(1);
}
const callGateway = (await import(pathToFileURL(join(dist, found.file)).href))[found.name];
write({ ready: true, chunk: found.file });

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() === '') return;
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    write({ id: null, ok: false, error: `not JSON: ${line.slice(0, 200)}` });
    return;
  }
  callGateway({
    method: request.method,
    params: request.params,
    timeoutMs: request.timeoutMs ?? 30000,
    expectFinal: request.expectFinal === true,
    mode: 'cli',
    clientName: 'cli',
  }).then(
    (result) => write({ id: request.id, ok: true, result: result ?? null }),
    (error) => write({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
lines.on('close', () => process.exit(0));
