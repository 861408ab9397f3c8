/**
 * The "declared once" rule: every name (secret key, env var, Secret written by an
 * ExternalSecret, ...) has one owner. The first claim wins; a second one throws the message
 * `duplicate(name, firstOwner, secondOwner)` builds.
 */
export class DeclaredOnce {
  private readonly owners = new Map<string, string>();

  constructor(private readonly duplicate: (name: string, first: string, second: string) => string) {}

  /** Records `owner` as the owner of `name`; throws when `name` already has one. */
  public claim(name: string, owner: string): void {
    const first = this.owners.get(name);
    if (first !== undefined) {
      throw new Error(this.duplicate(name, first, owner));
    }
    this.owners.set(name, owner);
  }

  /** Whether `name` was claimed. */
  public has(name: string): boolean {
    return this.owners.has(name);
  }

  /** Every claimed name, in claim order. */
  public names(): string[] {
    return [...this.owners.keys()];
  }
}
