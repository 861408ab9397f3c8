// TEST-ONLY preload for the real OpenClaw gateway and CLI: `node --import <this file> ...`.
// Keeps every packet on loopback, fail-closed:
// - the reserved name in LOOPBACK_PRELOAD_HOST (e.g. cron-receiver.test; `.test` never resolves in
//   real DNS) resolves to a stand-in address that OpenClaw's SSRF guard accepts, and every connect to
//   that name or address is sent to 127.0.0.1 instead; only this preload can resolve the name;
// - every other name resolves only if it is a loopback name (localhost); anything else fails with
//   ENOTFOUND, and every DNS query over the network fails;
// - every TCP connect to a host that is not loopback (after the redirect) is refused.
// Each process appends JSON lines to LOOPBACK_PRELOAD_REPORT: {event:"active"} once at load, then
// {event:"redirect"} and {event:"refused"} per connect, so a test can prove the preload was active.
import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const HOST = (process.env.LOOPBACK_PRELOAD_HOST ?? '').toLowerCase();
const REPORT = process.env.LOOPBACK_PRELOAD_REPORT ?? '';
// TEST-NET-style stand-in from the benchmarking range: the guard calls it public, and no connect
// ever goes there (the connect hook below rewrites it to 127.0.0.1 first).
const STAND_IN = '198.18.0.1';
const LOOPBACK = '127.0.0.1';

function report(event, fields = {}) {
  if (REPORT === '') return;
  try {
    appendFileSync(REPORT, `${JSON.stringify({ event, pid: process.pid, ...fields })}\n`);
  } catch {
    // the report is best effort; the blocking below does not depend on it
  }
}

function isLoopbackHost(host) {
  const h = String(host)
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '::ffff:127.0.0.1') return true;
  return net.isIPv4(h) && h.startsWith('127.');
}

function notFound(hostname) {
  const error = new Error(`getaddrinfo ENOTFOUND ${hostname} (loopback-only test preload)`);
  error.code = 'ENOTFOUND';
  error.hostname = hostname;
  return error;
}

const originalLookup = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  const all = typeof options === 'object' && options !== null && options.all === true;
  const name = String(hostname).toLowerCase();
  if (HOST !== '' && name === HOST) {
    process.nextTick(() => (all ? cb(null, [{ address: STAND_IN, family: 4 }]) : cb(null, STAND_IN, 4)));
    return {};
  }
  if (isLoopbackHost(name)) return originalLookup.apply(this, arguments);
  report('refused', { kind: 'lookup', host: name });
  process.nextTick(() => cb(notFound(hostname)));
  return {};
};
const originalPromiseLookup = dns.promises.lookup;
dns.promises.lookup = async function lookup(hostname, options) {
  const all = typeof options === 'object' && options !== null && options.all === true;
  const name = String(hostname).toLowerCase();
  if (HOST !== '' && name === HOST) return all ? [{ address: STAND_IN, family: 4 }] : { address: STAND_IN, family: 4 };
  if (isLoopbackHost(name)) return originalPromiseLookup.apply(this, arguments);
  report('refused', { kind: 'lookup', host: name });
  throw notFound(hostname);
};

// DNS queries over the network (c-ares): refuse them all.
const RESOLVE_METHODS = [
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCaa',
  'resolveCname',
  'resolveMx',
  'resolveNaptr',
  'resolveNs',
  'resolvePtr',
  'resolveSoa',
  'resolveSrv',
  'resolveTxt',
  'reverse',
];
for (const method of RESOLVE_METHODS) {
  const refuseCallback = function (hostname, ...rest) {
    const cb = rest.find((arg) => typeof arg === 'function');
    report('refused', { kind: 'resolve', host: String(hostname) });
    process.nextTick(() => cb?.(notFound(hostname)));
    return {};
  };
  const refusePromise = async function (hostname) {
    report('refused', { kind: 'resolve', host: String(hostname) });
    throw notFound(hostname);
  };
  if (typeof dns[method] === 'function') dns[method] = refuseCallback;
  if (typeof dns.Resolver?.prototype?.[method] === 'function') dns.Resolver.prototype[method] = refuseCallback;
  if (typeof dns.promises[method] === 'function') dns.promises[method] = refusePromise;
  if (typeof dns.promises.Resolver?.prototype?.[method] === 'function')
    dns.promises.Resolver.prototype[method] = refusePromise;
}

function connectTarget(args) {
  const first = args[0];
  const options = Array.isArray(first) ? first[0] : first;
  if (options !== null && typeof options === 'object') {
    if (typeof options.path === 'string') return { kind: 'path' };
    return { kind: 'options', host: options.host ?? 'localhost', port: options.port };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { kind: 'path' };
  return { kind: 'positional', host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const target = connectTarget(args);
  if (target.kind === 'path') return originalConnect.apply(this, args);
  const host = String(target.host).toLowerCase();
  if (host === HOST || host === STAND_IN) {
    report('redirect', { host, port: Number(target.port) });
    if (target.kind === 'positional') {
      args[1] = LOOPBACK;
    } else if (Array.isArray(args[0])) {
      // net.connect() passes its normalized argument array (marked with a private symbol): edit it in place
      args[0][0] = { ...args[0][0], host: LOOPBACK, lookup: undefined };
    } else {
      args[0] = { ...args[0], host: LOOPBACK, lookup: undefined };
    }
    return originalConnect.apply(this, args);
  }
  if (isLoopbackHost(host)) return originalConnect.apply(this, args);
  report('refused', { kind: 'connect', host, port: Number(target.port) });
  const error = new Error(`connect ECONNREFUSED ${host}:${target.port} (loopback-only test preload)`);
  error.code = 'ECONNREFUSED';
  process.nextTick(() => this.destroy(error));
  return this;
};

// `import { lookup } from 'node:dns'` bindings (OpenClaw's SSRF guard) see the patches only now.
syncBuiltinESMExports();
report('active', { host: HOST, argv: process.argv.slice(1, 4) });
