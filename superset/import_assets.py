"""Imports the asset bundle (a ZIP of superset/assets) into Superset, overwriting what is there.

`superset import-dashboards` overwrites only the dashboards: a chart or dataset that already exists keeps its old
definition, so an edited chart would never reach a running Superset. Superset's ImportAssetsCommand (what
POST /api/v1/assets/import/ runs) overwrites databases, datasets, charts and dashboards, matched by UUID, and
raises on any validation error; this script runs it in Superset's app context and exits non-zero when it fails.

usage: python import_assets.py BUNDLE.zip USERNAME   (with SUPERSET_CONFIG_PATH and SUPERSET_HOME set)
"""
import sys
from zipfile import ZipFile


def main(bundle_path, username):
    from superset.app import create_app

    app = create_app()
    with app.app_context():
        from superset import security_manager
        from superset.commands.importers.v1.assets import ImportAssetsCommand
        from superset.commands.importers.v1.utils import get_contents_from_bundle
        from superset.utils.core import override_user

        user = security_manager.find_user(username=username)
        if user is None:
            raise SystemExit(f"no Superset user {username!r}")
        with ZipFile(bundle_path) as bundle:
            contents = get_contents_from_bundle(bundle)
        with override_user(user):
            ImportAssetsCommand(contents).run()
        print(f"imported {len(contents)} files")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])  # an error propagates: its traceback, with Superset's messages, and exit 1
