-- The queries the dashboards send (Sales Detail and Delivery Monitor), one per chart, each over a serving view.
-- `bin/lakehouse bench serve` times them through JDBC. Each starts with "-- name: <chart>". ${selected_orders} is
-- what a cross-filter sends: the ids of the orders selected in Delivery Status (the bench takes the first ten). Every
-- query spells out its order (a view's own ORDER BY is not kept by every engine when the view is a subquery).

-- name: rank_by_category
SELECT revenue_rank, category, revenue, quantity FROM serve.category_rank ORDER BY revenue_rank, category

-- name: rank_by_product
SELECT revenue_rank, product_id, category, portfolio_group, revenue, quantity, mean_price
FROM serve.product_rank ORDER BY revenue_rank, product_id LIMIT 100

-- name: portfolio_matrix
SELECT product_id, portfolio_group, quantity, mean_price, revenue
FROM serve.product_rank ORDER BY revenue_rank, product_id LIMIT 1000

-- name: quantity_by_month_and_group
SELECT sales_period, portfolio_group, quantity FROM serve.sales_by_month_group ORDER BY sales_period, portfolio_group

-- name: sales_by_month_and_group
SELECT sales_period, portfolio_group, revenue FROM serve.sales_by_month_group ORDER BY sales_period, portfolio_group

-- name: review_distribution
SELECT portfolio_group, review_score, reviews FROM serve.review_score_by_group ORDER BY portfolio_group, review_score

-- name: lead_days_by_month
SELECT purchase_month, purchase_to_approval_days, approval_to_carrier_days, carrier_to_customer_days
FROM serve.lead_days_by_month ORDER BY purchase_month

-- name: delivery_status
SELECT order_id, priority, best_group, days_overdue, late_to_carrier, source, purchase_at, delivered_carrier_at,
       estimated_delivery_at
FROM serve.delayed_orders ORDER BY priority, days_overdue DESC, order_id LIMIT 100

-- name: order_detail
SELECT order_id, product_id, category, portfolio_group, quantity, amount
FROM serve.order_detail WHERE order_id IN (${selected_orders})

-- name: order_location_by_state
SELECT customer_state, count(DISTINCT order_id) AS orders, avg(customer_lat) AS lat, avg(customer_lng) AS lng
FROM serve.order_location GROUP BY customer_state ORDER BY customer_state
