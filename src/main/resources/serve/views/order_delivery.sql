-- serve.order_delivery: the merged Lambda view, one row per order.
-- The batch row is used when the batch layer has processed all of the order's events; otherwise the speed row is.
-- "All of its events" is judged by updated_at, the time of the row's latest fact (its latest event, or the estimate
-- an overdue order passed): a speed row that is later than the batch row has seen something the batch has not, so
-- batch precedence never hides a newer speed update. An order only one layer knows comes from that layer. Until a
-- layer has created its table (no batch run yet, say), an empty relation with the same columns stands in for it.
-- One pass over each table: a full outer join, each side packed as a struct of the same columns, the newer one kept.
SELECT picked.*, source
FROM (
  SELECT CASE WHEN source = 'speed' THEN speed_row ELSE batch_row END AS picked, source
  FROM (
    SELECT struct(${delivery_columns_s}) AS speed_row, struct(${delivery_columns_b}) AS batch_row,
           CASE WHEN b.order_id IS NULL OR s.updated_at > b.updated_at THEN 'speed' ELSE 'batch' END AS source
    FROM ${speed_delivery} s
    FULL OUTER JOIN ${batch_delivery} b ON b.order_id = s.order_id
  )
)
