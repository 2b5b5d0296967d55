package io.olistlakehouse.bronze;

/** Where a Kafka record was read, which every bronze row carries: topic, partition, offset and record timestamp. */
record KafkaCoordinates(String topic, int partition, long offset, long timestampMillis) {}
