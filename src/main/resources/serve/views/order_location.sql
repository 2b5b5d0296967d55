-- serve.order_location: for each order and seller, the customer's and the seller's coordinates, city and state.
-- Coordinates outside Brazil (Olist's geolocation has some) are kept, flagged by *_in_brazil.
SELECT DISTINCT o.order_id, o.customer_id, c.city AS customer_city, c.state AS customer_state,
       c.lat AS customer_lat, c.lng AS customer_lng, c.geo_in_brazil AS customer_in_brazil,
       o.seller_id, s.city AS seller_city, s.state AS seller_state, s.lat AS seller_lat, s.lng AS seller_lng,
       s.geo_in_brazil AS seller_in_brazil
FROM ${gold}.fact_order_detail o
LEFT JOIN ${gold}.dim_user_location c ON c.user_type = 'customer' AND c.user_id = o.customer_id
LEFT JOIN ${gold}.dim_user_location s ON s.user_type = 'seller' AND s.user_id = o.seller_id
