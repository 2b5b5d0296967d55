package io.olistlakehouse.bench.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakSampleTest {

  @Test
  void aMetricIsSummedOverItsLabelsAndOtherMetricsAreLeftOut() {
    List<String> metrics = List.of(
        "# HELP lakehouse_stream_consumer_lag_records Records behind the log end",
        "# TYPE lakehouse_stream_consumer_lag_records gauge",
        "lakehouse_stream_consumer_lag_records{topic=\"order_status\"} 120.0",
        "lakehouse_stream_consumer_lag_records{topic=\"payment\"} 30.0",
        "lakehouse_stream_consumer_lag_records_total 999.0",
        "lakehouse_stream_caught_up_timestamp_seconds 1.7651E9");
    assertEquals(150.0, SoakSample.sum(metrics, "lakehouse_stream_consumer_lag_records"));
    assertEquals(1.7651E9, SoakSample.sum(metrics, "lakehouse_stream_caught_up_timestamp_seconds"));
    assertEquals(0.0, SoakSample.sum(metrics, "lakehouse_stream_late_events"));
  }

  @Test
  void totalsAddUpEveryEntry() {
    assertEquals(7, SoakSample.total(Map.of("a", 3L, "b", 4L)));
  }
}
