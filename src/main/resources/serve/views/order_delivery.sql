-- serve.order_delivery: the merged Lambda view, one row per order.
-- The batch row is used when the batch layer has processed all of the order's events; otherwise the speed row is.
-- "All of its events" is judged by updated_at, the time of the row's latest fact (its latest event, or the estimate
-- an overdue order passed): a speed row that is later than the batch row has seen something the batch has not, so
-- batch precedence never hides a newer speed update. An order only one layer knows comes from that layer. Until a
-- layer has created its table (no batch run yet, say), an empty relation with the same columns stands in for it.
WITH speed_newer AS (
  SELECT ${delivery_columns_s}
  FROM ${speed_delivery} s
  LEFT JOIN ${batch_delivery} b ON b.order_id = s.order_id
  WHERE b.order_id IS NULL OR s.updated_at > b.updated_at
)
SELECT ${delivery_columns}, 'speed' AS source FROM speed_newer
UNION ALL
SELECT ${delivery_columns_b}, 'batch' AS source
FROM ${batch_delivery} b
LEFT ANTI JOIN speed_newer n ON n.order_id = b.order_id
