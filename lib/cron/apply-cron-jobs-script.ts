/**
 * `apply-cron-jobs.sh`: an idempotent POSIX shell script that upserts the declared cron jobs by
 * name inside the gateway container, through the gateway RPC (OpenClaw cannot read jobs from
 * openclaw.json, docs/FACTS.md (OpenClaw)).
 *
 * Run it with stdin attached (`-i`; without it `sh -s` reads nothing and silently does nothing):
 *
 *     kubectl exec -i -n openclaw deploy/openclaw -c openclaw -- sh -s < apply-cron-jobs.sh
 *
 * What it does:
 * 1. `openclaw gateway call cron.list --json --params '{"includeDisabled":true}'`;
 * 2. per declared job (sorted by name): if exactly one existing job has that name,
 *    `cron.update --params '{"id":"<id>","patch":<params>}'`, if none, `cron.add --params '<params>'`,
 *    if several, it stops with an error (it cannot know which one it owns);
 * 3. jobs with other names are never touched; nothing is ever removed.
 *
 * JSON handling uses `node -e` (the image has node, not necessarily jq). Job params are embedded
 * as single-quoted shell words ({@link shellSingleQuote}); node snippets contain no single quote.
 * The whole body is inside `main`, called on the last line, so `sh -s` has read the entire script
 * before anything runs, and every command's stdin is redirected so none can swallow the script.
 *
 * Verified against OpenClaw source (openclaw/openclaw via the code index): `cron.list` params
 * `{includeDisabled?: boolean}` with result `{jobs: CronJob[]}` (v2026.2.x handler); later
 * revisions page the result (`hasMore`, `nextOffset`), which the script detects and refuses
 * rather than risk duplicates. `cron.update` params `{id, patch}` (the `id` form is accepted by
 * every revision seen). `gateway call --json` prints the bare JSON result.
 *
 * Caveat (OpenClaw semantics): `cron.update` merges the patch into the job; a field removed from a
 * declaration (e.g. `delivery.to` after switching webhook → announce, or `description`) is kept.
 * The script prints a warning to stderr for such leftovers in `payload`, `delivery`, `description`
 * and `agentId`; remove the job (`cron.remove`) and re-run to drop them.
 *
 * Contains no secret: the webhook token lives in openclaw.json as `${OPENCLAW_CRON_WEBHOOK_TOKEN}`.
 */
import { sortedJobsForDelivery, toCronAddParams } from './cron-add-params';
import type { CronJobDeclaration } from './cron-job-declaration';
import { shellSingleQuote } from './shell-quote';

/** The command that runs the script at `scriptPath` in the gateway container (stdin attached). */
export function applyCronJobsCommand(scriptPath: string): string {
  return `kubectl exec -i -n openclaw deploy/openclaw -c openclaw -- sh -s < ${scriptPath}`;
}

/** The command documented for running the script, from the directory that holds it. */
export const APPLY_CRON_JOBS_COMMAND = applyCronJobsCommand('apply-cron-jobs.sh');

/** What the script header says besides the generated text: how to run it, and what validation noted. */
export interface ApplyCronJobsScriptHeader {
  /** The command that runs the script from the GitOps repo root ({@link applyCronJobsCommand}). */
  readonly command: string;
  /** Validation notes, one header line each (a line break inside one becomes a space). */
  readonly notes: readonly string[];
}

// Reads the RPC output on stdin (tolerating a heading line before the JSON) and checks the list.
const PARSE_LIST_JS = [
  'const t = require("fs").readFileSync(0, "utf8");',
  'const i = t.indexOf("{");',
  'if (i < 0) { console.error("apply-cron-jobs: cron.list printed no JSON: " + t.trim()); process.exit(1); }',
  'const r = JSON.parse(t.slice(i));',
  'if (!Array.isArray(r.jobs)) { console.error("apply-cron-jobs: cron.list ' +
    'result has no jobs array"); process.exit(1); }',
  'if (r.hasMore === true) { console.error("apply-cron-jobs: cron.list ' +
    'returned a partial page (hasMore); this script only handles the unpaged ' +
    'cron.list of OpenClaw 2026.2.x"); process.exit(1); }',
  'process.stdout.write(JSON.stringify(r.jobs));',
].join('\n');

// stdin: the jobs array; argv[1]: name. Prints the id of the job with that name, or nothing.
const FIND_ID_JS = [
  'const jobs = JSON.parse(require("fs").readFileSync(0, "utf8"));',
  'const name = process.argv[1];',
  'const hits = jobs.filter((j) => j && j.name === name);',
  'if (hits.length > 1) { console.error("apply-cron-jobs: " + hits.length ' +
    '+ " existing cron jobs are named " + JSON.stringify(name) + " (ids " + ' +
    'hits.map((j) => j.id).join(", ") + "); remove the extras with ' +
    'cron.remove and re-run"); process.exit(1); }',
  'if (hits.length === 1) process.stdout.write(String(hits[0].id));',
].join('\n');

// stdin: the jobs array; argv[1]: id, argv[2]: params. Prints {id, patch}; warns about leftovers.
const UPDATE_PARAMS_JS = [
  'const jobs = JSON.parse(require("fs").readFileSync(0, "utf8"));',
  'const id = process.argv[1];',
  'const patch = JSON.parse(process.argv[2]);',
  'const cur = jobs.find((j) => j && j.id === id) || {};',
  'const left = [];',
  'for (const k of ["description", "agentId"]) if (cur[k] !== undefined && ' +
    'cur[k] !== null && !(k in patch)) left.push(k);',
  'for (const part of ["payload", "delivery"]) {',
  '  const have = cur[part], want = patch[part];',
  '  if (!have || !want || typeof have !== "object") continue;',
  '  if (part === "payload" && have.kind !== want.kind) continue;',
  '  for (const k of Object.keys(have)) if (have[k] !== undefined && ' +
    'have[k] !== null && !(k in want)) left.push(part + "." + k);',
  '}',
  'if (left.length) console.error("apply-cron-jobs: warning: cron job " + ' +
    'JSON.stringify(patch.name) + " keeps undeclared " + left.join(", ") + " ' +
    '(cron.update merges); remove it with cron.remove and re-run to drop ' +
    'them");',
  'process.stdout.write(JSON.stringify({ id: id, patch: patch }));',
].join('\n');

/**
 * The `apply-cron-jobs.sh` script for `jobs` (validate them first with `validateCronJobs`), with
 * `header`'s command and notes in its comment header. Deterministic: jobs sorted by name, params
 * keys sorted. Every header line is a comment: a line break in a note or the command would
 * otherwise start a line the shell runs, so it becomes a space.
 * @throws when a job name is empty or repeated
 */
export function applyCronJobsScript(jobs: readonly CronJobDeclaration[], header: ApplyCronJobsScriptHeader): string {
  const sorted = sortedJobsForDelivery(jobs);
  const calls = sorted.map(
    (job) => `  upsert ${shellSingleQuote(job.name)} ${shellSingleQuote(JSON.stringify(toCronAddParams(job)))}`,
  );
  const lines = [
    '#!/bin/sh',
    '# apply-cron-jobs.sh: generated by openclaw-ops from the cron job declarations; do not edit.',
    `# Upserts ${sorted.length} cron job(s) by name: cron.update for names that exist, cron.add for new ones.`,
    '# Jobs with other names are never touched and nothing is removed. Run with stdin attached:',
    `#   ${APPLY_CRON_JOBS_COMMAND}`,
    '# From the GitOps repo root:',
    `#   ${oneLine(header.command)}`,
    ...(header.notes.length === 0
      ? ['# Validation notes: none.']
      : ['# Validation notes:', ...header.notes.map((note) => `#   - ${oneLine(note)}`)]),
    'set -eu',
    '',
    'OPENCLAW="${OPENCLAW_BIN:-openclaw}"',
    `PARSE_LIST_JS=${shellSingleQuote(PARSE_LIST_JS)}`,
    `FIND_ID_JS=${shellSingleQuote(FIND_ID_JS)}`,
    `UPDATE_PARAMS_JS=${shellSingleQuote(UPDATE_PARAMS_JS)}`,
    '',
    '# rpc METHOD PARAMS_JSON: prints the JSON result; fails when the call fails',
    'rpc() {',
    '  "$OPENCLAW" gateway call "$1" --json --params "$2" </dev/null',
    '}',
    '',
    '# upsert NAME PARAMS_JSON',
    'upsert() {',
    '  id=$(printf \'%s\' "$EXISTING_JOBS" | node -e "$FIND_ID_JS" "$1")',
    '  if [ -n "$id" ]; then',
    '    update=$(printf \'%s\' "$EXISTING_JOBS" | node -e "$UPDATE_PARAMS_JS" "$id" "$2")',
    '    rpc cron.update "$update" >/dev/null',
    '    printf \'cron job %s: updated (id %s)\\n\' "$1" "$id"',
    '  else',
    '    rpc cron.add "$2" >/dev/null',
    '    printf \'cron job %s: added\\n\' "$1"',
    '  fi',
    '}',
    '',
    'main() {',
    '  listed=$(rpc cron.list \'{"includeDisabled":true}\')',
    '  EXISTING_JOBS=$(printf \'%s\' "$listed" | node -e "$PARSE_LIST_JS")',
    ...calls,
    '}',
    '',
    'main',
    '',
  ];
  return lines.join('\n');
}

/** `text` on one line: each line break, with the blanks around it, becomes one space. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
