// Users and their sessions (api_keys, which keep only a hash of each token).
import type { Queryable } from "./database";

export interface UserRow {
  id: string;
  username: string;
  email: string;
  name: string;
  avatar_url: string;
  hashed_password: string;
  site_roles: string[];
  status: "active" | "suspended" | "dormant";
  created_at: Date;
  last_seen_at: Date;
}

export interface Actor {
  id: string;
  username: string;
}

export class Users {
  constructor(private readonly db: Queryable) {}

  async byEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.db.query<UserRow>("SELECT * FROM users WHERE lower(email) = lower($1)", [email]);
    return row;
  }

  /** By username or id, as Coder's `{user}` path parameter. */
  async byName(nameOrId: string): Promise<Actor | undefined> {
    const [row] = await this.db.query<Actor>("SELECT id, username FROM users WHERE username = $1 OR id::text = $1", [
      nameOrId,
    ]);
    return row;
  }

  async bySession(hashedSecret: string): Promise<UserRow | undefined> {
    const [row] = await this.db.query<UserRow>(
      `SELECT u.* FROM api_keys k JOIN users u ON u.id = k.user_id
       WHERE k.hashed_secret = $1 AND k.expires_at > now() AND u.status = 'active'`,
      [hashedSecret],
    );
    return row;
  }

  async createSession(userId: string, hashedSecret: string, expiresAt: Date): Promise<void> {
    await this.db.query("INSERT INTO api_keys (hashed_secret, user_id, expires_at) VALUES ($1, $2, $3)", [
      hashedSecret,
      userId,
      expiresAt,
    ]);
  }

  async deleteSession(hashedSecret: string): Promise<void> {
    await this.db.query("DELETE FROM api_keys WHERE hashed_secret = $1", [hashedSecret]);
  }
}
