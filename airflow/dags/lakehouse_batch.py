"""lakehouse_batch: the batch layer (silver, then gold) as Airflow tasks; see docs/airflow.md."""
from lakehouse_plan import build

DOC = """
The batch layer, bronze -> silver -> gold, one SparkSubmitOperator of the application jar per task
(`airflow.batch.tasks`: one per job, or one per dependency level). The graph follows the jobs' `depends_on`.

**What a run's logical date means.** Nothing about the data: every job is snapshot-incremental. A run reads what its
sources committed since the snapshot ids its own last commit recorded, whatever the date, and records the new ones
in the same commit. The logical date only names the run.

**Catchup is off.** Missed intervals hold no data of their own: the next run covers them all. A **backfill**
(`airflow backfill create`) runs the DAG once per date, one after another (`max_active_runs=1`); the first run
catches up, later ones find little or nothing new. Clearing a succeeded task reruns it with nothing new to read: it
commits nothing. To recompute a table from scratch, run `bin/lakehouse batch --only JOB --full`.
"""

dag = build("lakehouse_batch", DOC)
