-- Trino dialect of serve/views/order_delivery.sql (same rule; see that file).
WITH speed_newer AS (
  SELECT s.order_id, s.status, s.purchase_at, s.approved_at, s.delivered_carrier_at, s.delivered_customer_at,
         s.estimated_delivery_at, s.shipping_limit_at, s.purchase_to_approval_days, s.approval_to_carrier_days,
         s.carrier_to_customer_days, s.carrier_delivery_delay_days, s.customer_delivery_delay_days, s.overdue,
         s.updated_at
  FROM ${speed}.order_delivery s
  LEFT JOIN ${gold}.fact_order_lead_days b ON b.order_id = s.order_id
  WHERE b.order_id IS NULL OR s.updated_at > b.updated_at
)
SELECT order_id, status, purchase_at, approved_at, delivered_carrier_at, delivered_customer_at, estimated_delivery_at,
       shipping_limit_at, purchase_to_approval_days, approval_to_carrier_days, carrier_to_customer_days,
       carrier_delivery_delay_days, customer_delivery_delay_days, overdue, updated_at,
       CAST('speed' AS varchar) AS source
FROM speed_newer
UNION ALL
SELECT b.order_id, b.status, b.purchase_at, b.approved_at, b.delivered_carrier_at, b.delivered_customer_at,
       b.estimated_delivery_at, b.shipping_limit_at, b.purchase_to_approval_days, b.approval_to_carrier_days,
       b.carrier_to_customer_days, b.carrier_delivery_delay_days, b.customer_delivery_delay_days, b.overdue,
       b.updated_at, CAST('batch' AS varchar) AS source
FROM ${gold}.fact_order_lead_days b
WHERE NOT EXISTS (SELECT 1 FROM speed_newer n WHERE n.order_id = b.order_id)
