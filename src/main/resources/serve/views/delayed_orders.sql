-- serve.delayed_orders: in-progress orders that are overdue or were handed to the carrier after their shipping
-- limit, from the merged order_delivery. Each carries its products with their latest portfolio group, and
-- priority = the rank of its best group (Star Products 1 .. Question Marks 4, no group yet 5). days_overdue counts
-- from the estimate to the lakehouse's event-time clock (the latest fact of any order; the data is historical, so
-- the wall clock would make every open order years late). Sorted by priority, then the most overdue first;
-- urgency_rank numbers the rows in that order (what a dashboard sorts by).
-- The clock is read from the two layers' tables (the merged view's latest updated_at is the later of theirs), so
-- the merged view is computed once.
WITH delayed AS (
  SELECT d.*, greatest(0, datediff(c.event_clock, d.estimated_delivery_at)) AS days_overdue
  FROM ${serve}.order_delivery d
  CROSS JOIN (
    SELECT max(t) AS event_clock FROM (
      SELECT max(updated_at) AS t FROM ${speed_delivery}
      UNION ALL
      SELECT max(updated_at) AS t FROM ${batch_delivery})
  ) c
  WHERE d.status = 'in_progress' AND (d.overdue OR d.delivered_carrier_at > d.shipping_limit_at)
),
products AS (
  SELECT DISTINCT o.order_id, o.product_id, o.category, g.portfolio_group, coalesce(g.group_rank, 5) AS group_rank
  FROM delayed d
  JOIN ${gold}.fact_order_detail o ON o.order_id = d.order_id
  LEFT JOIN ${serve}.product_group g ON g.product_id = o.product_id
),
ranked AS (
  SELECT d.order_id, d.status, d.source, d.purchase_at, d.approved_at, d.delivered_carrier_at,
         d.estimated_delivery_at, d.shipping_limit_at, d.overdue,
         coalesce(d.delivered_carrier_at > d.shipping_limit_at, false) AS late_to_carrier, d.days_overdue,
         coalesce(min(p.group_rank), 5) AS priority,
         sort_array(collect_list(named_struct('product_id', p.product_id, 'category', p.category,
           'portfolio_group', p.portfolio_group))) AS products
  FROM delayed d
  LEFT JOIN products p ON p.order_id = d.order_id
  GROUP BY d.order_id, d.status, d.source, d.purchase_at, d.approved_at, d.delivered_carrier_at,
           d.estimated_delivery_at, d.shipping_limit_at, d.overdue, d.days_overdue
)
SELECT order_id, priority, row_number() OVER (ORDER BY priority, days_overdue DESC, order_id) AS urgency_rank,
       CASE priority WHEN 1 THEN 'Star Products' WHEN 2 THEN 'Volume Drivers' WHEN 3 THEN 'Niche Gems'
         WHEN 4 THEN 'Question Marks' ELSE 'no group yet' END AS best_group,
       days_overdue, overdue, late_to_carrier, status, source, purchase_at, approved_at, delivered_carrier_at,
       estimated_delivery_at, shipping_limit_at, size(products) AS product_count, products
FROM ranked
ORDER BY priority, days_overdue DESC, order_id
