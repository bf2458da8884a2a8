import { createHash } from "node:crypto";

interface Attempts {
  /** When each failure in the window happened. */
  failures: number[];
  /** When each attempt still being checked began: it counts until it is known. */
  pending: number[];
}

/**
 * Failed sign-ins per key (the email) in a sliding window; memory only.
 *
 * Bounded whatever the clients send: a key is kept as its SHA-256 (a 1 MB
 * email costs 43 bytes), keys whose window has passed are dropped, and past
 * `maxKeys` the oldest key goes. An attempt counts from the moment it is let
 * through (`isBlocked`), so 40 wrong passwords sent at once meet the limit like
 * 40 sent one by one.
 */
export class LoginRateLimiter {
  private readonly attempts = new Map<string, Attempts>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  get size(): number {
    return this.attempts.size;
  }

  private static keyOf(key: string): string {
    return createHash("sha256").update(key).digest("base64url");
  }

  private prune(entry: Attempts): Attempts {
    const since = this.now() - this.windowMs;
    entry.failures = entry.failures.filter((t) => t > since);
    entry.pending = entry.pending.filter((t) => t > since);
    return entry;
  }

  private entry(key: string, create: boolean): Attempts | undefined {
    const hashed = LoginRateLimiter.keyOf(key);
    const found = this.attempts.get(hashed);
    if (found) return this.prune(found);
    if (!create) return undefined;
    if (this.attempts.size >= this.maxKeys) this.makeRoom();
    const fresh = { failures: [], pending: [] };
    this.attempts.set(hashed, fresh);
    return fresh;
  }

  private makeRoom(): void {
    for (const [hashed, entry] of this.attempts) {
      const { failures, pending } = this.prune(entry);
      if (failures.length === 0 && pending.length === 0) this.attempts.delete(hashed);
    }
    while (this.attempts.size >= this.maxKeys) {
      const oldest = this.attempts.keys().next().value;
      if (oldest === undefined) break;
      this.attempts.delete(oldest);
    }
  }

  /** True when the key has used up its attempts; otherwise lets one attempt through and counts it. */
  isBlocked(key: string): boolean {
    const entry = this.entry(key, true)!;
    if (entry.failures.length + entry.pending.length >= this.maxFailures) return true;
    entry.pending.push(this.now());
    return false;
  }

  /** The attempt let through failed. */
  recordFailure(key: string): void {
    const entry = this.entry(key, true)!;
    entry.pending.shift();
    entry.failures.push(this.now());
  }

  /** The attempt let through succeeded: the key starts afresh. */
  reset(key: string): void {
    this.attempts.delete(LoginRateLimiter.keyOf(key));
  }
}
