"""Runs one query through PyHive (the driver behind Superset's hive:// URIs) and prints the rows as JSON.

usage: pyhive_query.py HOST PORT USER PASSWORD QUERY   (an empty PASSWORD connects without authentication)
"""
import json
import sys

from pyhive import hive


def main():
    host, port, user, password, query = sys.argv[1:6]
    if password:
        conn = hive.connect(host=host, port=int(port), username=user, password=password, auth="CUSTOM")
    else:
        conn = hive.connect(host=host, port=int(port), username=user)
    cursor = conn.cursor()
    cursor.execute(query)
    columns = [d[0] for d in cursor.description]
    print(json.dumps({"columns": columns, "rows": [[str(v) for v in row] for row in cursor.fetchall()]}))


if __name__ == "__main__":
    main()
