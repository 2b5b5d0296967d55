-- Trino dialect of serve/views/lead_days_by_month.sql (same rule; see that file).
SELECT date_trunc('month', CAST(purchase_at AS DATE)) AS purchase_month, count(*) AS orders,
       avg(purchase_to_approval_days) AS purchase_to_approval_days,
       avg(approval_to_carrier_days) AS approval_to_carrier_days,
       avg(carrier_to_customer_days) AS carrier_to_customer_days
FROM order_delivery
GROUP BY date_trunc('month', CAST(purchase_at AS DATE))
