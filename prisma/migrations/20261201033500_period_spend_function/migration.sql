-- A user's held and settled spend in [period_start, period_end): the budget check of the
-- submit's one-statement write (lib/db/queries/generations.ts createGenerationWithHold).
-- VOLATILE on purpose: that write first locks the user's row (FOR UPDATE), and a volatile
-- function runs its query on a fresh snapshot, taken after the lock was granted, so it sees
-- the hold of a concurrent submit that committed while this one waited. The same sum written
-- inline would read the statement's own snapshot, taken before the wait, and two concurrent
-- submits could both fit. Its FROM and aggregate keep it from being inlined into the caller.
-- (No semicolon in the body: the migration runner splits statements on them.)
CREATE FUNCTION "studio_period_spend_milli"("uid" TEXT, "period_start" TIMESTAMPTZ(3), "period_end" TIMESTAMPTZ(3))
RETURNS BIGINT
LANGUAGE sql
VOLATILE
AS $$
  SELECT COALESCE(SUM(e."amount_milli"), 0)
  FROM "usage_entries" e
  WHERE e."user_id" = "uid" AND e."status" IN ('held', 'settled')
    AND e."created_at" >= "period_start" AND e."created_at" < "period_end"
$$;
