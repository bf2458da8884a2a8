-- The AI client that sent each request (Claude Code, Cursor, …; empty when
-- unknown), for the per-user report's client filter; and an index by user and
-- time, so the export and the report can read one batch of users at a time.
ALTER TABLE ai_usage ADD COLUMN client text NOT NULL DEFAULT '';
CREATE INDEX ai_usage_user_created ON ai_usage (user_id, created_at);
