-- The per-statement trigger of 0005 joined the transition table to generation_rollup_rows, a view over generations,
-- so it READ generations. Under SERIALIZABLE that read takes predicate locks on the table (a whole-relation lock
-- when the planner picks a sequential scan, as it may on a small or freshly analysed table), and two transactions
-- inserting generations at once each read what the other wrote: one was refused with 40001 and ran again
-- (lib/feedback/dashboard/rollups.test.ts caught it now and then). The transition table already holds every column
-- the view computes from, so the deltas are computed from it alone: the same expressions as the view (0003), no read
-- of generations, no conflict between concurrent reports. `npm run db:rollups -- --verify` and the rollup tests
-- compare the result with the raw rows.
CREATE OR REPLACE FUNCTION studio_generation_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  state rollup_backfills;
  everything boolean;
BEGIN
  SELECT * INTO state FROM rollup_backfills WHERE source = 'generations';
  everything := NOT FOUND OR state.done;
  IF NOT everything THEN
    SELECT * INTO state FROM rollup_backfills WHERE source = 'generations' FOR SHARE;
    everything := state.done;
  END IF;
  INSERT INTO generation_rollup_deltas (workspace_id, day, environment_id, prompt_id, version, model_id, generations, with_feedback, feedback_sum, feedback_sumsq, cost_sum, cost_count, latency_sum, latency_count, input_tokens, output_tokens)
  SELECT n.workspace_id, n.created_at / 86400000, coalesce(n.environment_id, ''), n.prompt_id, n.version, n.model_id,
         count(*),
         sum(CASE WHEN n.feedback_score IS NOT NULL THEN 1 ELSE 0 END),
         sum(coalesce(n.feedback_score, 0)),
         sum(coalesce(n.feedback_score * n.feedback_score, 0)),
         sum(coalesce(n.cost_usd, 0)),
         sum(CASE WHEN n.cost_usd IS NOT NULL THEN 1 ELSE 0 END),
         sum(coalesce(n.latency_ms, 0)),
         sum(CASE WHEN n.latency_ms IS NOT NULL THEN 1 ELSE 0 END),
         sum(coalesce(n.input_tokens, 0)),
         sum(coalesce(n.output_tokens, 0))
  FROM inserted n
  WHERE everything OR coalesce(n.id <= state.cursor, false)
  GROUP BY n.workspace_id, n.created_at / 86400000, coalesce(n.environment_id, ''), n.prompt_id, n.version, n.model_id;
  RETURN NULL;
END $$;
