/**
 * Test-run setup: promtool and the Prometheus server (Debian's `prometheus` package, 2.42 on
 * bookworm) for the rule and live-query tests. Installs the package when either is missing and
 * the run is root; otherwise fails with the one command to run.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import { aptInstall, canAptInstall } from './apt';
import { findTool, setupError, type ToolName, type ToolResolverOptions } from './tool-path';

const TOOLS: readonly ToolName[] = ['promtool', 'prometheus'];

/** Where the package's init script records the server it started. */
const PACKAGE_PID_FILES = ['/run/prometheus/prometheus.pid', '/var/run/prometheus/prometheus.pid'];

/** Options of {@link provisionPrometheus}. */
export interface ProvisionPrometheusOptions extends ToolResolverOptions {
  /**
   * Whether installing with apt-get is allowed.
   * @default root with /usr/bin/apt-get
   */
  readonly canInstall?: boolean;
  /** Progress lines. @default stderr */
  readonly log?: (line: string) => void;
}

/** Stops the server the package's own service started, if any: only the PID from its pid file. */
function stopPackagedServer(): void {
  for (const file of PACKAGE_PID_FILES) {
    let pid: number;
    try {
      pid = Number(readFileSync(file, 'utf8').trim());
      if (!Number.isInteger(pid) || pid <= 1 || !readlinkSync(`/proc/${pid}/exe`).endsWith('/prometheus')) continue;
    } catch {
      continue;
    }
    process.kill(pid, 'SIGTERM');
  }
}

/** Makes promtool and prometheus resolvable; returns the tools it had to install. */
export function provisionPrometheus(options: ProvisionPrometheusOptions = {}): ToolName[] {
  const missing = TOOLS.filter((tool) => findTool(tool, options) === undefined);
  if (missing.length === 0) return [];
  if (!(options.canInstall ?? canAptInstall())) {
    throw setupError(
      `${missing.join(' and ')} not found: run "sudo apt-get update && sudo apt-get install -y prometheus" ` +
        '(or set PROMTOOL_PATH and PROMETHEUS_PATH), then npm test again',
    );
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  log(
    `provision: ${missing.join(' and ')} missing; installing Debian's prometheus package (its service is not started)`,
  );
  aptInstall(['prometheus']);
  stopPackagedServer();
  const still = TOOLS.filter((tool) => findTool(tool, options) === undefined);
  if (still.length > 0) {
    throw setupError(
      `${still.join(' and ')} still not found after apt-get install prometheus: check PATH and /usr/bin`,
    );
  }
  return missing;
}

/** vitest globalSetup entry. */
export default function setup(): void {
  provisionPrometheus();
}
