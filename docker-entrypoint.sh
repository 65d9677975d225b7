#!/bin/sh
# With PORTAL_MIGRATE=1 (the web service), bring the database up to date before starting.
set -e
if [ "${PORTAL_MIGRATE:-0}" = "1" ]; then
    python manage.py migrate --noinput
    python manage.py load_reference_data
fi
exec "$@"
