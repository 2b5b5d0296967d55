-- serve.table_freshness: one row per table of silver, gold and speed: its live row count, when it was last
-- committed and how many seconds ago (the speed layer's freshness), and the last batch run that wrote it, with the
-- run's mode (full or incremental).
SELECT layer, table_name, row_count, last_commit_at,
       CAST(unix_timestamp(current_timestamp()) - unix_timestamp(last_commit_at) AS BIGINT) AS seconds_since_commit,
       last_batch_run_at, last_batch_mode
FROM (${layer_tables})
