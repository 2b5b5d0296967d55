-- Trino dialect of serve/views/delayed_orders.sql (same rule; see that file).
SELECT order_id, priority, row_number() OVER (ORDER BY priority, days_overdue DESC, order_id) AS urgency_rank,
       CAST(CASE priority WHEN 1 THEN 'Star Products' WHEN 2 THEN 'Volume Drivers' WHEN 3 THEN 'Niche Gems'
         WHEN 4 THEN 'Question Marks' ELSE 'no group yet' END AS varchar) AS best_group,
       days_overdue, overdue, late_to_carrier, status, source, purchase_at, approved_at, delivered_carrier_at,
       estimated_delivery_at, shipping_limit_at, CAST(cardinality(products) AS integer) AS product_count, products
FROM (
  WITH delayed AS (
    SELECT d.*,
           CAST(greatest(0, coalesce(date_diff('day', CAST(d.estimated_delivery_at AS DATE),
             CAST(c.event_clock AS DATE)), 0)) AS integer) AS days_overdue
    FROM order_delivery d
    CROSS JOIN (SELECT max(updated_at) AS event_clock FROM order_delivery) c
    WHERE d.status = 'in_progress' AND (d.overdue OR d.delivered_carrier_at > d.shipping_limit_at)
  ),
  products AS (
    SELECT DISTINCT o.order_id, o.product_id, o.category, g.portfolio_group, coalesce(g.group_rank, 5) AS group_rank
    FROM ${gold}.fact_order_detail o
    LEFT JOIN product_group g ON g.product_id = o.product_id
    WHERE o.order_id IN (SELECT order_id FROM delayed)
  )
  SELECT d.order_id, d.status, d.source, d.purchase_at, d.approved_at, d.delivered_carrier_at,
         d.estimated_delivery_at, d.shipping_limit_at, d.overdue,
         coalesce(d.delivered_carrier_at > d.shipping_limit_at, false) AS late_to_carrier, d.days_overdue,
         coalesce(min(p.group_rank), 5) AS priority,
         array_agg(CAST(ROW(p.product_id, p.category, p.portfolio_group)
             AS ROW(product_id varchar, category varchar, portfolio_group varchar))
           ORDER BY p.product_id NULLS FIRST, p.category NULLS FIRST, p.portfolio_group NULLS FIRST) AS products
  FROM delayed d
  LEFT JOIN products p ON p.order_id = d.order_id
  GROUP BY d.order_id, d.status, d.source, d.purchase_at, d.approved_at, d.delivered_carrier_at,
           d.estimated_delivery_at, d.shipping_limit_at, d.overdue, d.days_overdue
) ranked
ORDER BY priority, days_overdue DESC, order_id
