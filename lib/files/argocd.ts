/** Argo CD annotation ordering the sync. */
export const SYNC_WAVE_ANNOTATION = 'argocd.argoproj.io/sync-wave';
