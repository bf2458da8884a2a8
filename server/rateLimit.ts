// Sign-in guessing, limited in the database so that every server on it shares
// the count: guesses spread over several servers meet the same limit as on
// one. Two limits, as Coder keys its own by client: an account from one client
// (10 failures a minute), so that a stranger's guesses do not lock the owner
// out from where they sign in, and a client over all accounts (60 attempts a
// minute), so that one client cannot try a password on every account.
import { createHash } from "node:crypto";
import type { Database } from "./db/database";

export interface SignInLimits {
  /** Failed attempts an account may have from one client in the window. */
  perAccountAndClient: number;
  /** Attempts, failed or not yet known, one client may make in the window. */
  perClient: number;
  windowMs: number;
}

export const SIGN_IN_LIMITS: SignInLimits = { perAccountAndClient: 10, perClient: 60, windowMs: 60_000 };

/** One attempt let through: it counts until it is known to have succeeded. */
export interface SignInAttempt {
  /** The password was right: the account starts afresh from this client, and this attempt stops counting. */
  succeeded(): Promise<void>;
}

/** A key is kept as its SHA-256: a 1 MB email costs 43 bytes. */
const keyOf = (text: string) => createHash("sha256").update(text).digest("base64url");

export class SignInLimiter {
  constructor(
    private readonly db: Database,
    readonly limits: SignInLimits = SIGN_IN_LIMITS,
  ) {}

  /**
   * Lets one attempt through and counts it under both keys, or answers
   * undefined when either has used up its attempts. Each key is locked for the
   * check and the count, so 40 wrong passwords sent at once, to one server or
   * to several, meet the limit like 40 sent one by one.
   */
  async begin(account: string, client: string): Promise<SignInAttempt | undefined> {
    const { perAccountAndClient, perClient, windowMs } = this.limits;
    const accountKey = keyOf(`account\u0000${account.toLowerCase()}\u0000${client}`);
    const clientKey = keyOf(`client\u0000${client}`);
    const window = `${windowMs} milliseconds`;
    const ids = await this.db.transaction(async (tx) => {
      for (const key of [accountKey, clientKey].sort())
        await tx.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 7001))", [key]);
      // Expired attempts go as new ones come: the table holds at most a window's worth.
      await tx.query("DELETE FROM sign_in_attempts WHERE attempted_at < clock_timestamp() - $1::interval", [window]);
      const counts = await tx.query<{ key: string; n: number }>(
        `SELECT key, count(*)::int AS n FROM sign_in_attempts
         WHERE key = ANY($1::text[]) AND attempted_at >= clock_timestamp() - $2::interval GROUP BY key`,
        [[accountKey, clientKey], window],
      );
      const count = (key: string) => counts.find((r) => r.key === key)?.n ?? 0;
      if (count(accountKey) >= perAccountAndClient || count(clientKey) >= perClient) return undefined;
      return tx.query<{ id: string }>("INSERT INTO sign_in_attempts (key) VALUES ($1), ($2) RETURNING id::text AS id", [
        accountKey,
        clientKey,
      ]);
    });
    if (!ids) return undefined;
    return {
      succeeded: async () => {
        await this.db.query("DELETE FROM sign_in_attempts WHERE key = $1 OR id = ANY($2::bigint[])", [
          accountKey,
          ids.map((r) => r.id),
        ]);
      },
    };
  }

  /** How many attempts are held: bounded by the window, whatever the clients send. */
  async size(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sign_in_attempts");
    return row?.n ?? 0;
  }
}
