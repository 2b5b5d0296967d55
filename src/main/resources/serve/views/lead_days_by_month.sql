-- serve.lead_days_by_month: per purchase month, the mean days from purchase to approval, approval to carrier and
-- carrier to customer, over the orders that reached each step (from the merged order_delivery).
SELECT CAST(trunc(purchase_at, 'MM') AS DATE) AS purchase_month, count(*) AS orders,
       avg(purchase_to_approval_days) AS purchase_to_approval_days,
       avg(approval_to_carrier_days) AS approval_to_carrier_days,
       avg(carrier_to_customer_days) AS carrier_to_customer_days
FROM ${serve}.order_delivery
GROUP BY CAST(trunc(purchase_at, 'MM') AS DATE)
