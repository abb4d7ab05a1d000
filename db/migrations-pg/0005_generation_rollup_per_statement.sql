-- Generations arrive in batches (db/group-commit.ts: one INSERT of every report that came in together). The row
-- trigger of 0003/0004 ran a PL/pgSQL function per row, with three statements each (the backfill gate, the view,
-- the delta insert): about a third of what Postgres spent storing a generation. One trigger per statement instead
-- reads the statement's rows from its transition table and appends ONE delta per bucket, summed, so a batch of
-- fifty reports to one prompt adds one delta row instead of fifty, for the fold to add up later.
-- Deletes and feedback updates keep the row triggers: they come one row at a time.
DROP TRIGGER generations_rollup_insert ON generations;
--> statement-breakpoint
CREATE FUNCTION studio_generation_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  state rollup_backfills;
  everything boolean;
BEGIN
  -- studio_rollup_live, once for the statement instead of once a row: while a backfill is under way, the rows past
  -- its cursor are left for it to count.
  SELECT * INTO state FROM rollup_backfills WHERE source = 'generations';
  everything := NOT FOUND OR state.done;
  IF NOT everything THEN
    SELECT * INTO state FROM rollup_backfills WHERE source = 'generations' FOR SHARE;
    everything := state.done;
  END IF;
  INSERT INTO generation_rollup_deltas (workspace_id, day, environment_id, prompt_id, version, model_id, generations, with_feedback, feedback_sum, feedback_sumsq, cost_sum, cost_count, latency_sum, latency_count, input_tokens, output_tokens)
  SELECT v.workspace_id, v.day, v.environment_id, v.prompt_id, v.version, v.model_id, sum(v.generations), sum(v.with_feedback), sum(v.feedback_sum), sum(v.feedback_sumsq), sum(v.cost_sum), sum(v.cost_count), sum(v.latency_sum), sum(v.latency_count), sum(v.input_tokens), sum(v.output_tokens)
  FROM inserted n JOIN generation_rollup_rows v ON v.generation_id = n.id
  WHERE everything OR coalesce(n.id <= state.cursor, false)
  GROUP BY v.workspace_id, v.day, v.environment_id, v.prompt_id, v.version, v.model_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER generations_rollup_insert AFTER INSERT ON generations
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION studio_generation_rollup_inserted();
