"""Loads the project's DAG folder into an Airflow DagBag and prints, as JSON, its import errors and each DAG's tasks
(operator, main class, arguments, upstream task ids). Run with Airflow's venv and the project's Airflow settings."""
import json

from airflow import settings
from airflow.dag_processing.dagbag import BundleDagBag

# As the DAG processor loads the dags-folder bundle: the folder is on sys.path, so lakehouse_plan imports.
bag = BundleDagBag(dag_folder=settings.DAGS_FOLDER, bundle_path=settings.DAGS_FOLDER)
report = {"import_errors": {path: str(error) for path, error in bag.import_errors.items()}, "dags": {}}
for dag_id, dag in bag.dags.items():
    report["dags"][dag_id] = {
        "max_active_runs": dag.max_active_runs,
        "catchup": dag.catchup,
        "tasks": {
            task.task_id: {
                "operator": type(task).__name__,
                "java_class": getattr(task, "_java_class", None),
                "application": getattr(task, "application", None),
                "application_args": getattr(task, "application_args", None),
                "retries": task.retries,
                "upstream": sorted(task.upstream_task_ids),
            }
            for task in dag.tasks
        },
    }
print(json.dumps(report))
