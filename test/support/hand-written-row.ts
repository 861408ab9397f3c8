import type { DashboardRowSpec } from '../../lib/observability/dashboard/dashboard-queries';
import { METRICS } from '../../lib/telemetry/metric-catalog';

/**
 * A dashboard row whose one panel has a query typed by hand — by default the design document's
 * guess `openclaw_tokens`, a name Prometheus never stores (it is `openclaw_tokens_total`).
 */
export function handWrittenTokensRow(
  options: { readonly rowTitle?: string; readonly panelTitle?: string; readonly expr?: string } = {},
): DashboardRowSpec {
  return {
    title: options.rowTitle ?? 'Hand written',
    panels: [
      {
        title: options.panelTitle ?? 'Guessed tokens',
        kind: 'timeseries',
        unit: 'short',
        sources: [METRICS.tokens],
        note: 'typed by hand',
        targets: [{ expr: options.expr ?? 'sum(increase(openclaw_tokens[$__rate_interval]))', legend: 'tokens' }],
      },
    ],
  };
}
