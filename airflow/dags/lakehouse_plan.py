"""Builds a DAG of SparkSubmitOperators from the plan Java writes (bin/lakehouse airflow, or up --with airflow).

The plan ($LAKEHOUSE_AIRFLOW_PLAN, written by io.olistlakehouse.airflow.AirflowPlan) holds each task's
spark-submit exactly as `bin/lakehouse submit` builds it, so this module knows no path, host or job of its own.
"""
import json
import os
from datetime import timedelta
from pathlib import Path

import pendulum
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator
from airflow.sdk import DAG


def load_plan():
    return json.loads(Path(os.environ["LAKEHOUSE_AIRFLOW_PLAN"]).read_text())


def build(dag_id, doc_md, catchup=False):
    plan = load_plan()
    spec = plan["dags"][dag_id]
    dag = DAG(
        dag_id,
        schedule=spec["schedule"],
        start_date=pendulum.parse(spec["start_date"], tz="UTC"),
        catchup=catchup,
        max_active_runs=1,
        doc_md=doc_md,
        tags=["lakehouse"],
        default_args={
            "retries": spec["retries"],
            "retry_delay": timedelta(seconds=spec["retry_delay_seconds"]),
            "pool": spec["pool"],
        },
    )
    with dag:
        tasks = {}
        for task in spec["tasks"]:
            tasks[task["task_id"]] = SparkSubmitOperator(
                task_id=task["task_id"],
                conn_id=plan["spark_conn_id"],
                application=task["application"],
                java_class=task["java_class"],
                name=task["name"],
                driver_memory=task["driver_memory"],
                conf=task["conf"],
                application_args=task["application_args"],
                doc_md="Runs " + ", ".join(task.get("jobs", [task["task_id"]])),
            )
        for task in spec["tasks"]:
            for upstream in task["upstream"]:
                tasks[upstream] >> tasks[task["task_id"]]
    return dag
