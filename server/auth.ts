import { createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const SCRYPT_KEY_LENGTH = 64;
const SCRYPT_COST = 16_384;

function scryptAsync(password: string, salt: Buffer, cost: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, SCRYPT_KEY_LENGTH, { N: cost, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** "scrypt$N$salt$hash", all that is needed to check a password later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT_COST);
  return `scrypt$${SCRYPT_COST}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !cost || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scryptAsync(password, Buffer.from(salt, "base64url"), Number(cost));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A fresh random session token for the client, and the only form the server keeps. */
export function newSessionToken(): { token: string; hashed: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hashed: hashSessionToken(token) };
}

export const hashSessionToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;
