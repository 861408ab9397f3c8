/**
 * Type declarations for the `@grafana/grafana-foundation-sdk` subpath modules this project uses.
 *
 * The package publishes its modules only through `exports` subpaths (`/dashboard`, `/stat`, ...),
 * which TypeScript's `moduleResolution: "node"` (node10) does not read. At runtime Node, tsx and
 * vitest resolve the subpaths through `exports`; these declarations point the type checker at the
 * same files under `dist/`. Add a line when importing another subpath.
 */
declare module '@grafana/grafana-foundation-sdk/common' {
  export * from '@grafana/grafana-foundation-sdk/dist/common';
}
declare module '@grafana/grafana-foundation-sdk/dashboard' {
  export * from '@grafana/grafana-foundation-sdk/dist/dashboard';
}
declare module '@grafana/grafana-foundation-sdk/loki' {
  export * from '@grafana/grafana-foundation-sdk/dist/loki';
}
declare module '@grafana/grafana-foundation-sdk/prometheus' {
  export * from '@grafana/grafana-foundation-sdk/dist/prometheus';
}
declare module '@grafana/grafana-foundation-sdk/stat' {
  export * from '@grafana/grafana-foundation-sdk/dist/stat';
}
declare module '@grafana/grafana-foundation-sdk/timeseries' {
  export * from '@grafana/grafana-foundation-sdk/dist/timeseries';
}
