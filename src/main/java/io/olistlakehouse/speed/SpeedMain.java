package io.olistlakehouse.speed;

import io.olistlakehouse.streaming.StreamingMain;

/** The speed job's main class for spark-submit (jobs/speed.json): {@code [--once]}. */
public final class SpeedMain {

  private SpeedMain() {}

  public static void main(String[] args) throws Exception {
    StreamingMain.main(SpeedJob.LAYER, args);
  }
}
