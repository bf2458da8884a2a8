-- Sign-in attempts still counting against their limits, shared by every server
-- on this database (server/rateLimit.ts): one row per attempt and key, the key
-- a SHA-256 of what it limits (an account from one client, or a client).
CREATE TABLE sign_in_attempts (
  id bigserial PRIMARY KEY,
  key text NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX sign_in_attempts_key ON sign_in_attempts (key, attempted_at);
CREATE INDEX sign_in_attempts_time ON sign_in_attempts (attempted_at);
