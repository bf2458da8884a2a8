CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  display_name text NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE,
  email text NOT NULL UNIQUE,
  name text NOT NULL DEFAULT '',
  avatar_url text NOT NULL DEFAULT '',
  hashed_password text NOT NULL,
  site_roles text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'active',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organization_members (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  roles text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, user_id)
);

-- As in Coder, an organization's Everyone group has the organization's id and
-- its members are the organization's members.
CREATE TABLE groups (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL,
  display_name text NOT NULL DEFAULT '',
  avatar_url text NOT NULL DEFAULT '',
  quota_allowance integer NOT NULL DEFAULT 0 CHECK (quota_allowance >= 0),
  source text NOT NULL DEFAULT 'user',
  UNIQUE (organization_id, name)
);

CREATE TABLE group_members (
  group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user_id ON group_members (user_id);

CREATE TABLE group_ai_budgets (
  group_id uuid PRIMARY KEY REFERENCES groups (id) ON DELETE CASCADE,
  spend_limit_micros bigint NOT NULL CHECK (spend_limit_micros BETWEEN 0 AND 1000000000000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Only a hash of each session token is kept.
CREATE TABLE api_keys (
  hashed_secret text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);

CREATE TABLE audit_logs (
  id uuid PRIMARY KEY,
  time timestamptz NOT NULL DEFAULT clock_timestamp(),
  seq bigserial NOT NULL,
  user_id uuid NOT NULL,
  username text NOT NULL,
  organization_id uuid NOT NULL,
  action text NOT NULL,
  resource_type text NOT NULL,
  resource_id uuid NOT NULL,
  resource_target text NOT NULL,
  diff jsonb NOT NULL,
  description text NOT NULL,
  status_code integer NOT NULL
);
CREATE INDEX audit_logs_newest ON audit_logs (seq DESC);
