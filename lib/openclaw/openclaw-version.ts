/**
 * An OpenClaw release version, `YYYY.M.D` (e.g. `2026.2.19`).
 *
 * Version-specific rules (the SSRF guard on cron webhooks, `hooks.token` vs gateway token, the
 * OTel module-state fix) are expressed as comparisons against the constants below.
 */
export class OpenClawVersion {
  /** Stagger, webhook delivery mode and cron usage telemetry first shipped here. */
  public static readonly V2026_2_17 = new OpenClawVersion(2026, 2, 17);
  /** SSRF guard on cron webhooks; hooks.token must differ from the gateway token; OTel metrics fixed. */
  public static readonly V2026_2_19 = new OpenClawVersion(2026, 2, 19);

  /**
   * Parses `YYYY.M.D`, optionally prefixed with `v` (e.g. `v2026.2.19`). The last part is a release
   * number within the month, not always a day: npm has 2026.6.33 – 2026.6.35 and 2026.7.33 – 2026.7.35.
   */
  public static parse(text: string): OpenClawVersion {
    const match = /^v?(\d{4})\.(\d{1,2})\.(\d{1,3})$/.exec(text.trim());
    if (!match) {
      throw new Error(`openclaw version "${text}" is not a release version: expected YYYY.M.D such as "2026.2.19"`);
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1) {
      throw new Error(
        `openclaw version "${text}" is not a release version (month 1-12, release number from 1): ` +
          'expected YYYY.M.D such as "2026.2.19"',
      );
    }
    return new OpenClawVersion(year, month, day);
  }

  private constructor(
    public readonly year: number,
    public readonly month: number,
    public readonly day: number,
  ) {}

  /** Negative when this version is older than `other`, 0 when equal, positive when newer. */
  public compare(other: OpenClawVersion): number {
    return this.year - other.year || this.month - other.month || this.day - other.day;
  }

  public isAtLeast(other: OpenClawVersion): boolean {
    return this.compare(other) >= 0;
  }

  public toString(): string {
    return `${this.year}.${this.month}.${this.day}`;
  }
}
