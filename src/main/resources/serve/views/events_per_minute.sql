-- serve.events_per_minute: the events each bronze stream landed per minute, by the minute bronze committed them
-- (from each table's append snapshots; a row's kafka_timestamp is the replayed event time, years in the past).
SELECT stream, CAST(date_trunc('MINUTE', committed_at) AS TIMESTAMP) AS minute, sum(events) AS events
FROM (${bronze_stream_events})
GROUP BY stream, CAST(date_trunc('MINUTE', committed_at) AS TIMESTAMP)
