/**
 * What the rules find in one cron job: errors and notes, each prefixed with the job's label
 * (`cron job "<name>"`), and the webhook egress the job needs. Every rule file reports here.
 */
import type { WebhookEgressRequirement } from './webhook-egress-requirement';

/** The errors, notes and egress requirements of one job, in the order the rules report them. */
export class CronJobFindings {
  public readonly errors: string[] = [];
  public readonly notes: string[] = [];
  public readonly egress: WebhookEgressRequirement[] = [];

  /** @param label how messages name the job, e.g. `cron job "daily report"` */
  public constructor(private readonly label: string) {}

  /** A violated rule: the message says what was received, what was expected and the fix. */
  public error(message: string): void {
    this.errors.push(`${this.label}: ${message}`);
  }

  /** Behaviour worth knowing that is not an error. */
  public note(message: string): void {
    this.notes.push(`${this.label}: ${message}`);
  }
}
