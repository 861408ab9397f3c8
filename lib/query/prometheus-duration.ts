/**
 * Prometheus/LogQL duration strings (`5m`, `1h30m`, `500ms`, `7d`): the one grammar the Grafana
 * macro substitution, the alert thresholds, the alert `for` fields, the alert lookbacks and the
 * `verify` command share.
 */

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31536000,
};

/** A Prometheus duration: one or more `<integer><unit>` parts, units `ms`, `s`, `m`, `h`, `d`, `w`, `y`. */
export const PROMETHEUS_DURATION = /^(?:\d+(?:ms|s|m|h|d|w|y))+$/;

/**
 * Seconds of a Prometheus duration such as `1h30m`. Parts it does not understand count as 0, so
 * validate the format first where that matters (with {@link PROMETHEUS_DURATION} or
 * {@link parsePrometheusDuration}).
 */
export function durationToSeconds(duration: string): number {
  let total = 0;
  for (const match of duration.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) {
    total += Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
  }
  return total;
}

/** Seconds of `text` when it is a Prometheus duration; undefined otherwise. */
export function parsePrometheusDuration(text: string): number | undefined {
  return PROMETHEUS_DURATION.test(text) ? durationToSeconds(text) : undefined;
}
