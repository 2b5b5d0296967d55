"""lakehouse_maintenance: Iceberg table maintenance of every layer's tables; see docs/airflow.md."""
from lakehouse_plan import build

DOC = """
Table maintenance (`bin/lakehouse maintain`), one task per namespace (bronze, silver, gold, speed), one after the
other: rewrite small data files, rewrite manifests, expire old snapshots (keeping the retention window and the
snapshots the jobs' incremental reads and exactly-once checks need), remove orphan files. Thresholds and retention
are the `maintain.*` settings. Rows never change; a step that loses a commit race with a running job is retried by
the next run.
"""

dag = build("lakehouse_maintenance", DOC)
