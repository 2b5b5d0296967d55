package io.olistlakehouse.testing;

import io.olistlakehouse.spark.SparkSessionFactory;
import org.apache.spark.sql.SparkSession;

/** One Spark session for the integration tests of a run, built by the project's own factory. */
public final class TestSpark {

  private TestSpark() {}

  public static SparkSession session() {
    return SparkSessionFactory.create(TestPlatform.shared().config(), "lakehouse-it");
  }
}
