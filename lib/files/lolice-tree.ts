import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import { Document, isMap, isSeq, Node, YAMLMap, YAMLSeq } from 'yaml';
import { assertRepoRelativeYamlPath, GitOpsFileChart } from './gitops-file-chart';
import { orderManifestKeys } from './key-order';
import { inRenderPass, manifestJson } from './manifest-json';
import { manifestComments } from './yaml-comments';
import { documentCommentBefore, emitYamlDocument, nodeCommentBefore, YamlComment } from './yaml-emitter';
import { applyLoliceYamlStyle, LOLICE_YAML_STYLES } from './yaml-style';
import { compareText } from '../core/compare-text';

export interface GitOpsTextFileProps {
  /** Path of the file relative to the repo root. */
  readonly path: string;
  /** The whole content. A trailing newline is added when missing. */
  readonly content: string;
}

/**
 * A non-Kubernetes file of the GitOps tree (a kustomize Component, a jobs document, a script).
 */
export class GitOpsTextFile extends Construct {
  public readonly path: string;
  public readonly content: string;

  constructor(scope: Construct, id: string, props: GitOpsTextFileProps) {
    super(scope, id);
    const segments = props.path.split('/');
    if (props.path.startsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..')) {
      throw new Error(
        `gitops text file path "${props.path}" is not a clean repo-relative ` +
          `path: expected e.g. "apps/openclaw/cron-jobs.json"`,
      );
    }
    this.path = props.path;
    this.content = props.content.endsWith('\n') ? props.content : `${props.content}\n`;
  }
}

/** The rendered lolice tree: repo-relative path → file content. Sorted by path. */
export type RenderedTree = ReadonlyMap<string, string>;

/**
 * Renders every {@link GitOpsFileChart} and {@link GitOpsTextFile} of a cdk8s app to file contents,
 * running the app's validations first (any `node.addValidation` failure throws here).
 */
export function renderLoliceTree(app: App): RenderedTree {
  return inRenderPass(() => {
    validateApp(app);
    return renderLoliceFiles(app);
  });
}

/**
 * Renders the files of every {@link GitOpsFileChart} and {@link GitOpsTextFile} under `scope`
 * without running any validation (use {@link renderLoliceTree} for what is written to disk).
 */
export function renderLoliceFiles(scope: Construct): RenderedTree {
  const files = new Map<string, string>();
  const add = (path: string, content: string, owner: string): void => {
    if (files.has(path)) {
      throw new Error(`two constructs write ${path} (the second is ${owner}): give each file one owner`);
    }
    files.set(path, content);
  };

  for (const construct of scope.node.findAll()) {
    if (GitOpsFileChart.isGitOpsFileChart(construct)) {
      assertRepoRelativeYamlPath(construct.path);
      add(construct.path, renderChart(construct), construct.node.path);
    } else if (construct instanceof GitOpsTextFile) {
      add(construct.path, construct.content, construct.node.path);
    }
  }
  return new Map([...files.entries()].sort(([a], [b]) => compareText(a, b)));
}

/**
 * Writes a rendered tree under `outdir`. Only the files of the tree are written; nothing is
 * deleted, so pointing it at a checkout of lolice never removes files the tool does not own.
 */
export function writeTree(tree: RenderedTree, outdir: string): void {
  for (const [path, content] of tree) {
    const target = join(outdir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

/**
 * Runs every `node.addValidation` of the app once, like cdk8s does on synth (same message
 * format). `Chart.toJson()` would re-run the whole app's validations for every chart.
 */
function validateApp(app: App): void {
  const errors: string[] = [];
  for (const construct of app.node.findAll()) {
    for (const error of construct.node.validate()) {
      errors.push(`[${construct.node.path}] ${error}`);
    }
  }
  if (errors.length > 0) {
    throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
  }
}

/** A manifest of a chart with the comments its object asked for. */
export interface ChartDocument {
  readonly manifest: unknown;
  readonly comments: readonly YamlComment[];
}

function renderChart(chart: GitOpsFileChart): string {
  return chartDocuments(chart)
    .map(
      ({ manifest, comments }) =>
        emitYamlDocument(manifest, comments, LOLICE_YAML_STYLES) ?? libraryYamlDocument(manifest, comments, chart.path),
    )
    .join('---\n');
}

/** The documents of a chart's file, in the order they are written. */
export function chartDocuments(chart: GitOpsFileChart): ChartDocument[] {
  // The objects of this chart (not of nested charts), in construct-tree order. No object of the
  // lolice tree declares dependencies, so this is the order cdk8s' own synth would use.
  const apiObjects = chart.node
    .findAll()
    .filter((c): c is ApiObject => c instanceof ApiObject && Chart.of(c) === chart);
  const manifests: unknown[] = apiObjects.map((apiObject) => orderManifestKeys(manifestJson(apiObject)));
  const byIdentity = new Map<string, ApiObject>();
  for (const apiObject of apiObjects) {
    byIdentity.set(
      identity(apiObject.kind, apiObject.metadata.name ?? '', apiObject.metadata.namespace ?? ''),
      apiObject,
    );
  }

  return manifests.map((manifest) => {
    const apiObject = byIdentity.get(manifestIdentity(manifest));
    return { manifest, comments: apiObject ? manifestComments(apiObject) : [] };
  });
}

/**
 * A manifest written through the `yaml` library's document model: what {@link emitYamlDocument}
 * writes directly for the values it takes, and the path for the rest.
 */
export function libraryYamlDocument(manifest: unknown, comments: readonly YamlComment[], file: string): string {
  const document = new Document(manifest);
  for (const comment of comments) attachComment(document, comment.path, comment.text, file);
  applyLoliceYamlStyle(document);
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

function identity(kind: string, name: string, namespace: string): string {
  return `${kind}/${namespace}/${name}`;
}

function manifestIdentity(manifest: unknown): string {
  const object = manifest as { kind?: string; metadata?: { name?: string; namespace?: string } };
  return identity(object.kind ?? '', object.metadata?.name ?? '', object.metadata?.namespace ?? '');
}

function attachComment(document: Document, path: readonly (string | number)[], text: string, file: string): void {
  if (path.length === 0) {
    document.commentBefore = documentCommentBefore(document.commentBefore ?? undefined, text);
    return;
  }
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1];
  const parent: unknown = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true);
  let target: Node | undefined;
  if (isMap(parent)) {
    const pair = (parent as YAMLMap).items.find((item) => (item.key as { value?: unknown } | null)?.value === last);
    target = pair?.key as Node | undefined;
  } else if (isSeq(parent) && typeof last === 'number') {
    target = (parent as YAMLSeq).items[last] as Node | undefined;
  }
  if (!target) {
    throw new Error(
      `comment path ${JSON.stringify(path)} does not exist in ${file}: fix the path passed to addManifestComment`,
    );
  }
  target.commentBefore = nodeCommentBefore(target.commentBefore ?? undefined, text);
}
