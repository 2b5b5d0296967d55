package io.olistlakehouse.bench.chaos;

import java.util.Arrays;
import java.util.Locale;

/**
 * The faults {@code bin/lakehouse chaos} can inject. A job fault is a kill -9 that the supervisor answers with a
 * restart; a platform fault takes one platform process away (kill -9) for an outage, then brings it back with
 * {@code up}'s own start-up. Bad input and schema evolution are no faults: they are sent once, and the audit expects
 * each record where the docs say it goes.
 */
public enum ChaosScenario {
  /** kill -9 of the replayer, the ingest, the speed job and the batch job, in a seeded order. */
  KILL,
  /** One Kafka node down for the outage, under the paced load. */
  BROKER,
  /** The S3 API down for the outage while the jobs run. */
  S3,
  /** The catalog server down for the outage while the jobs run. */
  CATALOG,
  /** Records bronze must dead-letter, duplicates, orphans and a late event, sent beside the replay: no fault. */
  BAD_INPUT,
  /** A compatible new contract version mid-stream (a new column in bronze), and an incompatible one refused. */
  EVOLUTION;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static ChaosScenario of(String label) {
    return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown chaos scenario '" + label + "'; known: "
            + Arrays.stream(values()).map(ChaosScenario::label).toList()));
  }
}
