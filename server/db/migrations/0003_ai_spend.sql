-- AI spend per user, per charged group, per UTC day. The charged group is the
-- one whose budget governed the user when the spend happened (the Everyone
-- group, whose id is the organization's, when none did).
CREATE TABLE ai_user_daily_spend (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  day date NOT NULL,
  spend_micros bigint NOT NULL DEFAULT 0 CHECK (spend_micros >= 0),
  PRIMARY KEY (user_id, group_id, day)
);
CREATE INDEX ai_user_daily_spend_group_day ON ai_user_daily_spend (group_id, day);

-- A per-user budget that beats every group; its spend is charged to group_id.
CREATE TABLE user_ai_budget_overrides (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  spend_limit_micros bigint NOT NULL CHECK (spend_limit_micros BETWEEN 0 AND 1000000000000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
