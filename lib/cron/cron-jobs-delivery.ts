/**
 * Delivery of the declared cron jobs to lolice. OpenClaw cannot read jobs from openclaw.json
 * (docs/FACTS.md (OpenClaw)), so the jobs go into the GitOps tree as a declaration record
 * (`cron-jobs.json`, the exact `cron.add` params by name) plus an idempotent upsert script
 * (`apply-cron-jobs.sh`) that a person runs in the gateway container. Neither file is a Kubernetes
 * object: lolice's kustomization lists its resources explicitly, so Argo CD never applies them.
 */
import { Construct } from 'constructs';
import { applyCronJobsCommand, applyCronJobsScript } from './apply-cron-jobs-script';
import { cronJobsDocument } from './cron-add-params';
import type { CronJobDeclaration } from './cron-job-declaration';
import { validateCronJobs, type CronValidationContext } from './validate-cron-jobs';
import type { WebhookEgressRequirement } from './webhook-egress-requirement';
import { GitOpsTextFile } from '../files/lolice-tree';
import { DEFAULT_EXTERNAL_EGRESS_PORTS } from '../endpoints/network-peers';

/** File name of the jobs document. */
export const CRON_JOBS_DOCUMENT_FILE = 'cron-jobs.json';

/** File name of the apply script. */
export const APPLY_CRON_JOBS_SCRIPT_FILE = 'apply-cron-jobs.sh';

/** Props of {@link CronJobsDelivery}. */
export interface CronJobsDeliveryProps {
  /** The declared jobs. */
  readonly jobs: readonly CronJobDeclaration[];
  /**
   * What validation knows about the deployment; leave `externalEgressPorts` unset when the gateway
   * NetworkPolicy is generated from {@link CronJobsDelivery.egressRequirements}.
   */
  readonly context: CronValidationContext;
  /**
   * The internet ports the gateway opens without any webhook; a webhook on another port gets a
   * note saying its port is opened for it.
   * @default [80, 443]
   */
  readonly defaultExternalEgressPorts?: readonly number[];
  /** Repo-relative directory of `cron-jobs.json` and `apply-cron-jobs.sh` (the config's `paths.cronJobsDir`). */
  readonly directory: string;
}

/**
 * Validates the declared cron jobs against the graph (errors become synth failures through
 * `node.addValidation`, each naming the job, the rule and the fix) and writes the jobs document
 * and the apply script. With no jobs, nothing is written.
 */
export class CronJobsDelivery extends Construct {
  /** The declared jobs. */
  public readonly jobs: readonly CronJobDeclaration[];
  /**
   * Behaviour worth knowing that is not an error (stagger, default zone, opened ports); also in the
   * script header, one line each.
   */
  public readonly notes: readonly string[];
  /** Egress the webhook jobs need. */
  public readonly egressRequirements: readonly WebhookEgressRequirement[];
  /** The jobs document (absent when no job is declared or the jobs cannot be rendered). */
  public readonly jobsDocument?: GitOpsTextFile;
  /** The apply script (absent when no job is declared or the jobs cannot be rendered). */
  public readonly applyScript?: GitOpsTextFile;
  /** The command that applies the jobs, run from the GitOps repo root. */
  public readonly applyCommand: string;
  /** What the jobs were validated against (version, token, open ports, channels, services). */
  public readonly validationContext: CronValidationContext;

  private readonly errors: string[];

  constructor(scope: Construct, id: string, props: CronJobsDeliveryProps) {
    super(scope, id);
    const directory = props.directory.replace(/\/+$/, '');
    this.jobs = props.jobs;
    this.validationContext = props.context;
    const result = validateCronJobs(props.jobs, props.context);
    this.errors = [...result.errors];
    this.egressRequirements = result.egressRequirements;

    const defaults = props.defaultExternalEgressPorts ?? DEFAULT_EXTERNAL_EGRESS_PORTS;
    const portNotes = result.egressRequirements
      .filter((r) => r.kind === 'external' && !defaults.includes(r.port))
      .map(
        (r) =>
          `cron job "${r.jobName}": webhook port ${r.port} is not a default ` +
          `internet egress port (${defaults.join(', ')}); the gateway ` +
          `NetworkPolicy opens TCP ${r.port} to the internet (minus private ` +
          `ranges) for it`,
      );
    const receiverNotes = result.egressRequirements
      .filter((r) => r.kind === 'in-cluster')
      .map(
        (r) =>
          `cron job "${r.jobName}": the gateway NetworkPolicy allows egress to its ` +
          `receiver pods in namespace ${r.namespace} on TCP ${r.port}; the ` +
          `receiver's own NetworkPolicy must allow ingress from the gateway`,
      );
    this.notes = [...result.notes, ...portNotes, ...receiverNotes];
    this.applyCommand = applyCronJobsCommand(`${directory}/${APPLY_CRON_JOBS_SCRIPT_FILE}`);

    if (props.jobs.length > 0) {
      let rendered: { document: string; script: string } | undefined;
      try {
        rendered = {
          document: cronJobsDocument(props.jobs),
          script: applyCronJobsScript(props.jobs, { command: this.applyCommand, notes: this.notes }),
        };
      } catch (error) {
        // Duplicate or empty names: validateCronJobs reports them. A value JSON cannot carry (NaN,
        // Infinity, a function, a bigint) in a field no rule reads: reported here. Nothing is written.
        if (result.errors.length === 0) {
          this.errors.push(`cron jobs cannot be rendered: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (rendered !== undefined) {
        this.jobsDocument = new GitOpsTextFile(this, 'JobsDocument', {
          path: `${directory}/${CRON_JOBS_DOCUMENT_FILE}`,
          content: rendered.document,
        });
        this.applyScript = new GitOpsTextFile(this, 'ApplyScript', {
          path: `${directory}/${APPLY_CRON_JOBS_SCRIPT_FILE}`,
          content: rendered.script,
        });
      }
    }

    this.node.addValidation({ validate: () => [...this.errors] });
  }
}
