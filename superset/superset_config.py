"""Superset's settings for Olist Lakehouse.

`bin/lakehouse up --with superset` points SUPERSET_CONFIG_PATH here and sets the variables read below from
configs/lakehouse.properties (superset.* keys); the secret key is generated on the first start and kept under the
work directory, never in the repository.
"""
import os

SECRET_KEY = os.environ["SUPERSET_SECRET_KEY"]
# The metadata database (users, dashboards, charts) lives in the work directory, like every platform process's state.
SQLALCHEMY_DATABASE_URI = "sqlite:///" + os.path.join(os.environ["SUPERSET_HOME"], "superset.db")
# Local HTTP without TLS: Talisman's HTTPS redirects and strict CSP would break the plain-HTTP UI.
TALISMAN_ENABLED = False
# Operators go from a delayed order to its products and places by clicking: cross-filters on.
FEATURE_FLAGS = {"DASHBOARD_CROSS_FILTERS": True}
# No internet here: no map tiles and no telemetry pixel.
SCARF_ANALYTICS = False

# No result cache: the dashboards must show what the lakehouse serves now (a batch run or a speed commit changes the
# answers, and nothing would expire a cached one). Superset's default too; stated here because it is a decision.
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
