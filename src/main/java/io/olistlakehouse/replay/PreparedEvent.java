package io.olistlakehouse.replay;

import io.olistlakehouse.contracts.BronzeStream;

/** An event serialized for Kafka, with what the publisher tracks about it (clock, orders replayed). */
record PreparedEvent(BronzeStream stream, String topic, byte[] key, byte[] value, long eventTime,
    boolean opensOrder) {}
