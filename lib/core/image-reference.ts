/**
 * Where a container image comes from. Argo CD Image Updater overrides the tag in lolice
 * (`.argocd-source-openclaw.yaml`), so the tag here is only what the manifest says.
 */
export interface ImageReference {
  readonly repository: string;
  readonly tag: string;
}
