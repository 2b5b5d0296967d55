-- serve.delayed_order_detail: what an operator looks at once an order is delayed: one row per delayed order and
-- order line (product and seller), with the order's priority, the product's latest portfolio group, and the
-- customer's and the seller's place. A state is also given as its ISO 3166-2 code (BR-SP), the key of Superset's
-- country map of Brazil.
SELECT d.order_id, d.priority, d.urgency_rank, d.best_group, d.days_overdue, o.product_id, o.category,
       o.portfolio_group, o.quantity, o.amount, o.seller_id, l.customer_city, l.customer_state,
       concat('BR-', l.customer_state) AS customer_state_iso, l.customer_lat, l.customer_lng, l.seller_city,
       l.seller_state, concat('BR-', l.seller_state) AS seller_state_iso, l.seller_lat, l.seller_lng
FROM ${serve}.delayed_orders d
JOIN ${serve}.order_detail o ON o.order_id = d.order_id
LEFT JOIN ${serve}.order_location l ON l.order_id = o.order_id AND l.seller_id = o.seller_id
