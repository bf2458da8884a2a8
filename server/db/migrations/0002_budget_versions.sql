-- A version for each budget, from one sequence, so that a budget deleted and
-- set again never reuses a version a client may still hold.
CREATE SEQUENCE group_ai_budget_versions;
ALTER TABLE group_ai_budgets ADD COLUMN version bigint NOT NULL DEFAULT nextval('group_ai_budget_versions');
