-- When each user was last seen, as Coder's users carry it (the members tab's Status column says it).
ALTER TABLE users ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now();
