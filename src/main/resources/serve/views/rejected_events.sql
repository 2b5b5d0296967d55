-- serve.rejected_events: what the pipeline kept aside instead of dropping, per kind, stream and reason: records
-- bronze could not decode (its dead-letter table) and events the speed layer received after their allowed
-- lateness (its late_events table). A kind with none has one row, reason '(none)' and 0 events, so a healthy
-- pipeline shows zero rather than no data.
WITH rejected AS (
  SELECT 'dead letter' AS kind, stream, reason, count(*) AS events, max(kafka_timestamp) AS last_seen_at
  FROM ${dead_letters}
  GROUP BY stream, reason
  UNION ALL
  SELECT 'late event' AS kind, stream, reason, count(*) AS events, max(event_time) AS last_seen_at
  FROM ${late_events}
  GROUP BY stream, reason
)
SELECT kind, stream, reason, events, last_seen_at FROM rejected
UNION ALL
SELECT k.kind, CAST(NULL AS STRING) AS stream, '(none)' AS reason, CAST(0 AS BIGINT) AS events,
       CAST(NULL AS TIMESTAMP) AS last_seen_at
FROM (SELECT 'dead letter' AS kind UNION ALL SELECT 'late event' AS kind) k
WHERE NOT EXISTS (SELECT 1 FROM rejected r WHERE r.kind = k.kind)
