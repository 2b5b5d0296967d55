-- Trino dialect of serve/views/order_detail.sql (same rule; see that file).
SELECT o.order_id, o.product_id, o.category, g.portfolio_group, o.seller_id, o.customer_id, o.quantity,
       o.unit_price, o.amount, o.freight, o.purchase_at, o.delivered_customer_at
FROM ${gold}.fact_order_detail o
LEFT JOIN product_group g ON g.product_id = o.product_id
