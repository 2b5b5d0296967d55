-- Each chart's question asked of the serving views over JDBC, named by the chart's file in superset/assets/charts.
-- DashboardsSampleIT compares Superset's chart-data answer with these, row for row: the chart's columns, then its
-- metrics, in the order of its query. A time grain is applied here as Superset applies it.
-- "-- wall clock: N" marks the answer's column N (from 0) as seconds since a commit, read from the wall clock at
-- query time: the two answers, read moments apart, agree on it within two minutes.

-- name: rank_by_category
SELECT revenue_rank, category, revenue, quantity FROM serve.category_rank ORDER BY revenue_rank LIMIT 100

-- name: rank_by_product
SELECT revenue_rank, product_id, category, portfolio_group, revenue, quantity, mean_price
FROM serve.product_rank WHERE revenue_rank <= 100

-- name: product_portfolio_matrix
SELECT product_id, portfolio_group, sum(quantity), max(mean_price), sum(revenue)
FROM serve.product_rank WHERE revenue_rank <= 1000 GROUP BY product_id, portfolio_group

-- name: sales_quantity_by_month
SELECT CAST(trunc(sales_period, 'MM') AS TIMESTAMP), portfolio_group, sum(quantity)
FROM serve.sales_by_month_group GROUP BY CAST(trunc(sales_period, 'MM') AS TIMESTAMP), portfolio_group

-- name: sales_by_month
SELECT CAST(trunc(sales_period, 'MM') AS TIMESTAMP), portfolio_group, sum(revenue)
FROM serve.sales_by_month_group GROUP BY CAST(trunc(sales_period, 'MM') AS TIMESTAMP), portfolio_group

-- name: review_distribution
SELECT review_score, portfolio_group, sum(reviews) FROM serve.review_score_by_group
GROUP BY review_score, portfolio_group

-- name: average_order_lead_days_by_month
SELECT CAST(trunc(purchase_month, 'MM') AS TIMESTAMP), avg(purchase_to_approval_days),
       avg(approval_to_carrier_days), avg(carrier_to_customer_days)
FROM serve.lead_days_by_month GROUP BY CAST(trunc(purchase_month, 'MM') AS TIMESTAMP)

-- name: delivery_status
SELECT order_id, priority, best_group, days_overdue, late_to_carrier, source, purchase_at, delivered_carrier_at,
       estimated_delivery_at, shipping_limit_at, product_count
FROM serve.delayed_orders ORDER BY urgency_rank LIMIT 100

-- name: order_detail
SELECT order_id, product_id, category, portfolio_group, seller_city, seller_state, customer_city, customer_state,
       sum(quantity), sum(amount)
FROM serve.delayed_order_detail WHERE urgency_rank <= 50
GROUP BY order_id, product_id, category, portfolio_group, seller_city, seller_state, customer_city, customer_state

-- name: order_location_customers
SELECT customer_state_iso, count(DISTINCT order_id) FROM serve.delayed_order_detail GROUP BY customer_state_iso

-- name: order_location_sellers
SELECT seller_state_iso, count(DISTINCT order_id) FROM serve.delayed_order_detail GROUP BY seller_state_iso

-- name: events_per_minute_by_stream
SELECT minute, stream, sum(events) FROM serve.events_per_minute GROUP BY minute, stream

-- name: speed_layer_freshness
-- wall clock: 0
SELECT max(seconds_since_commit) FROM serve.table_freshness WHERE layer = 'speed' AND table_name = 'order_delivery'

-- name: dead_letters_and_late_events_by_reason
SELECT reason, kind, sum(events) FROM serve.rejected_events GROUP BY reason, kind

-- name: last_runs_and_row_counts
-- wall clock: 6
SELECT layer, table_name, row_count, last_batch_run_at, last_batch_mode, last_commit_at, seconds_since_commit
FROM serve.table_freshness
