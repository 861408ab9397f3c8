#!/usr/bin/env node
// run-log-shipper: follows OpenClaw's cron run logs (and, optionally, the cron warnings in the
// gateway's JSON file log) and prints every new record once to stdout as one JSON line, so that
// Grafana Alloy (container stdout via the kube API) ships it to Loki. Dependency-free; runs with
// the node binary of the OpenClaw image: `node /opt/run-log-shipper/run-log-shipper.mjs [--once]`.
//
// Output lines (`| json` in LogQL flattens nested objects: usage.input_tokens -> usage_input_tokens):
//   {"kind":"cron_run", ...the run-log record..., "jobId": "<record jobId or file name>"}
//   {"kind":"gateway_log","time":...,"level":"warn","module":"cron","msg":"cron: webhook delivery failed","jobId":...,"err":...,"webhookOrigin":...}
//
// Environment:
//   RUN_LOG_DIR       directory of <jobId>.jsonl files     (default /home/node/.openclaw/cron/runs)
//   GATEWAY_LOG_DIR   directory of openclaw-YYYY-MM-DD.log (default: unset = not followed). The
//                     gateway writes `cron: webhook delivery failed|blocked by SSRF guard` ONLY to
//                     this file log (tslog type "hidden"), never to stdout; share /tmp/openclaw
//                     through an emptyDir to follow it.
//   STATE_FILE        JSON state, written atomically       (default /home/node/.openclaw/cron/run-log-shipper.state.json)
//   POLL_INTERVAL_MS  polling period in ms, an integer >= 100 (default 2000); below the floor the
//                     shipper refuses to start (a typo such as 2 for 2 s would spin on the volume)
//
// Delivery is at-least-once across crashes (a record is printed before the state is saved) and
// exactly-once across clean restarts (SIGTERM saves the state). Without a state file every record
// still on disk is shipped again (Loki stamps it with the time it is read, not its `ts`).
//
// Rotation: OpenClaw prunes a run log by writing its last N lines to a tmp file and renaming it
// over the original (new inode, smaller size). The state keeps, per file, the inode, the byte
// offset, hashes of the last lines consumed and the highest `ts`. A rewrite is a new inode, a
// smaller size, or a last consumed line that is no longer at the saved offset; after it the shipper
// finds the last consumed line in the new file and ships only what follows it (falling back to
// `ts` > highest shipped `ts` when that line was pruned away).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const RUN_LOG_DIR = process.env.RUN_LOG_DIR || '/home/node/.openclaw/cron/runs';
const GATEWAY_LOG_DIR = process.env.GATEWAY_LOG_DIR || '';
const STATE_FILE = process.env.STATE_FILE || '/home/node/.openclaw/cron/run-log-shipper.state.json';
const MIN_POLL_INTERVAL_MS = 100;
const POLL_INTERVAL_TEXT = process.env.POLL_INTERVAL_MS || '2000';
const POLL_INTERVAL_MS = Number(POLL_INTERVAL_TEXT);
const ONCE = process.argv.includes('--once');
const TAIL_HASHES = 16;
const MAX_READ_BYTES = 8 * 1024 * 1024;
const GATEWAY_LOG_NAME = /^openclaw-\d{4}-\d{2}-\d{2}\.log$/;
const GATEWAY_LEVELS = new Set(['WARN', 'ERROR', 'FATAL']);
const GATEWAY_FIELDS = ['jobId', 'err', 'reason'];

const warn = (message) => process.stderr.write(`run-log-shipper: ${message}\n`);
const hashLine = (line) => crypto.createHash('sha256').update(line).digest('hex').slice(0, 16);

/** A run-log line becomes a `cron_run` record; the jobId defaults to the file name. */
function toRunRecord(parsed, filePath) {
  const jobId = typeof parsed.jobId === 'string' && parsed.jobId ? parsed.jobId : path.basename(filePath, '.jsonl');
  return { ...parsed, kind: 'cron_run', jobId };
}

/** A tslog file-log line becomes a `gateway_log` record when it is a cron warning or error. */
function toGatewayRecord(parsed) {
  const meta = parsed._meta && typeof parsed._meta === 'object' ? parsed._meta : {};
  if (!GATEWAY_LEVELS.has(meta.logLevelName)) return null;
  let name = {};
  try { name = JSON.parse(typeof meta.name === 'string' ? meta.name : '{}') ?? {}; } catch { return null; }
  if (name.module !== 'cron') return null;
  const record = { kind: 'gateway_log', time: parsed.time ?? meta.date, level: String(meta.logLevelName).toLowerCase(), module: 'cron' };
  const words = [];
  for (const key of Object.keys(parsed).filter((k) => /^\d+$/.test(k)).sort((a, b) => a - b)) {
    const arg = parsed[key];
    if (typeof arg === 'string' && arg !== meta.name) words.push(arg);
    if (arg && typeof arg === 'object') {
      for (const field of GATEWAY_FIELDS) if (typeof arg[field] === 'string') record[field] = arg[field];
      // only the origin: a webhook path may carry a token, the shipper never prints it
      if (typeof arg.webhookUrl === 'string') {
        try { record.webhookOrigin = new URL(arg.webhookUrl).origin; } catch { /* not a url */ }
      }
    }
  }
  record.msg = words.join(' ');
  return record;
}

function loadState() {
  try {
    const state = JSON.parse(fs.readFileSync(STATE_FILE, 'utf8'));
    if (state && state.version === 1 && state.files && typeof state.files === 'object') return state;
    warn(`ignoring state file ${STATE_FILE}: expected {"version":1,"files":{...}}`);
  } catch (err) {
    if (err.code !== 'ENOENT') warn(`ignoring unreadable state file ${STATE_FILE}: ${err.message}`);
  }
  return { version: 1, files: {} };
}

function saveState(state) {
  const tmp = `${STATE_FILE}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
    fs.writeFileSync(tmp, `${JSON.stringify(state)}\n`);
    fs.renameSync(tmp, STATE_FILE);
  } catch (err) {
    warn(`cannot save state to ${STATE_FILE}: ${err.message}`);
  }
}

/** The matching files of `dir`, or null when the directory cannot be listed (missing, unmounted). */
function listFiles(dir, accept) {
  try {
    return fs.readdirSync(dir).filter(accept).sort().map((name) => path.join(dir, name));
  } catch (err) {
    if (err.code !== 'ENOENT') warn(`cannot list ${dir}: ${err.message}`);
    return null;
  }
}

/** Index of the line after the last consumed one, or -1 when it is not in `lines`. */
function findResumeIndex(hashes, tail) {
  if (tail.length === 0) return -1;
  for (let i = hashes.length - 1; i >= 0; i--) {
    let match = true;
    for (let j = 0; j < tail.length && i - j >= 0 && match; j++) match = hashes[i - j] === tail[tail.length - 1 - j];
    if (match) return i + 1;
  }
  return -1;
}

/** Reads the complete new lines of one file, prints the new records and returns the new file state. */
function followFile(filePath, previous, convert) {
  let fd;
  try { fd = fs.openSync(filePath, 'r'); } catch (err) {
    if (err.code !== 'ENOENT') warn(`cannot open ${filePath}: ${err.message}`);
    return previous;
  }
  try {
    const stat = fs.fstatSync(fd);
    const prior = previous ?? { ino: stat.ino, offset: 0, tail: [], lastLen: 0, lastTs: null };
    let rewritten = prior.ino !== stat.ino || stat.size < prior.offset;
    if (!rewritten && stat.size > prior.offset && prior.lastLen > 0) {
      // same inode, grown: check that the last consumed line is still where it was
      const check = Buffer.alloc(prior.lastLen);
      fs.readSync(fd, check, 0, prior.lastLen, prior.offset - prior.lastLen);
      rewritten = hashLine(check.subarray(0, prior.lastLen - 1).toString('utf8')) !== prior.tail.at(-1);
    }
    const start = rewritten ? 0 : prior.offset;
    const length = Math.min(stat.size - start, MAX_READ_BYTES);
    if (length <= 0) return rewritten ? previous : prior;
    const buffer = Buffer.alloc(length);
    const read = fs.readSync(fd, buffer, 0, length, start);
    const end = buffer.subarray(0, read).lastIndexOf(0x0a);
    if (end < 0) {
      if (read < MAX_READ_BYTES) return rewritten ? previous : prior; // partial line: wait for its newline
      warn(`skipping a line longer than ${MAX_READ_BYTES} bytes in ${filePath}`);
      return { ...prior, ino: stat.ino, offset: start + read, lastLen: 0 };
    }
    const lines = buffer.subarray(0, end).toString('utf8').split('\n');
    const hashes = lines.map(hashLine);
    let first = 0;
    let tsFloor = null;
    let shipped = null;
    if (rewritten && previous) {
      const resume = findResumeIndex(hashes, prior.tail);
      if (resume >= 0) first = resume;
      else {
        // the last consumed line is gone (pruned or truncated): skip the lines known to be shipped and
        // the ones older than the newest shipped `ts`; ship the rest, including records of that same
        // millisecond and records without `ts` (a duplicate is better than a lost record)
        tsFloor = prior.lastTs;
        shipped = new Set(prior.tail);
      }
    }
    let lastTs = prior.lastTs;
    let out = '';
    let byteOffset = start;
    lines.forEach((line, index) => {
      const lineStart = byteOffset;
      byteOffset += Buffer.byteLength(line) + 1;
      if (index < first || line.trim() === '') return;
      let parsed;
      try { parsed = JSON.parse(line); } catch { parsed = null; }
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
        warn(`skipping malformed line at byte ${lineStart} of ${filePath}`);
        return;
      }
      const ts = typeof parsed.ts === 'number' ? parsed.ts : null;
      if (shipped !== null && shipped.has(hashes[index])) return;
      if (tsFloor !== null && ts !== null && ts < tsFloor) return;
      if (ts !== null && (lastTs === null || ts > lastTs)) lastTs = ts;
      const record = convert(parsed, filePath);
      if (record) out += `${JSON.stringify(record)}\n`;
    });
    if (out) process.stdout.write(out);
    const tail = [...(rewritten ? [] : prior.tail), ...hashes].slice(-TAIL_HASHES);
    return { ino: stat.ino, offset: start + end + 1, tail, lastLen: Buffer.byteLength(lines.at(-1)) + 1, lastTs };
  } finally {
    fs.closeSync(fd);
  }
}

function pollOnce(state) {
  const runLogs = listFiles(RUN_LOG_DIR, (name) => name.endsWith('.jsonl'));
  const gatewayLogs = GATEWAY_LOG_DIR ? listFiles(GATEWAY_LOG_DIR, (name) => GATEWAY_LOG_NAME.test(name)) : [];
  const sources = [
    ...(runLogs ?? []).map((file) => [file, toRunRecord]),
    ...(gatewayLogs ?? []).map((file) => [file, toGatewayRecord]),
  ];
  const files = {};
  // A directory that cannot be listed for one poll (not mounted yet, being recreated) keeps the
  // state of its files: forgetting it would ship every record again when the directory is back.
  for (const [dir, listed] of [[RUN_LOG_DIR, runLogs], [GATEWAY_LOG_DIR, gatewayLogs]]) {
    if (dir && listed === null) {
      const base = path.dirname(path.join(dir, '_'));
      for (const [file, fileState] of Object.entries(state.files)) if (path.dirname(file) === base) files[file] = fileState;
    }
  }
  for (const [file, convert] of sources) {
    let previous = state.files[file];
    // a large backlog is read in several chunks of MAX_READ_BYTES
    for (let next = followFile(file, previous, convert); next && next !== previous; next = followFile(file, previous, convert)) previous = next;
    if (previous) files[file] = previous;
  }
  const changed = JSON.stringify(files) !== JSON.stringify(state.files);
  state.files = files; // files that disappeared are forgotten
  return changed;
}

function main() {
  if (!/^\d+$/.test(POLL_INTERVAL_TEXT) || POLL_INTERVAL_MS < MIN_POLL_INTERVAL_MS) {
    warn(
      `POLL_INTERVAL_MS=${JSON.stringify(POLL_INTERVAL_TEXT)} is refused: expected an integer number of milliseconds >= ${MIN_POLL_INTERVAL_MS} ` +
        '(a smaller value spins on the volume; the unit is ms, so 2 s is 2000): set POLL_INTERVAL_MS to e.g. 2000 or unset it',
    );
    process.exit(2);
  }
  const state = loadState();
  if (pollOnce(state) || ONCE) saveState(state);
  if (ONCE) return;
  const timer = setInterval(() => {
    try {
      if (pollOnce(state)) saveState(state);
    } catch (err) {
      warn(`poll failed: ${err.stack || err.message}`);
    }
  }, POLL_INTERVAL_MS);
  const stop = () => {
    clearInterval(timer);
    saveState(state);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
