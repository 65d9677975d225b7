# The portal's image: web (gunicorn), Celery worker and beat all run from it (docker-compose.yml).

# Front-end assets come from the npm registry, as in development (package.json and its lock file).
FROM node:20-bookworm-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_ENV=production \
    PORTAL_VAR_DIR=/app/var
# WeasyPrint's libraries, fonts that cover the six official languages, gettext for the catalogues.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
        fonts-noto-core fonts-noto-cjk gettext \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 portal
WORKDIR /app
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .
COPY --from=assets /app/node_modules ./node_modules
COPY manage.py docker-entrypoint.sh gunicorn.conf.py ./
COPY portal ./portal
COPY clusters ./clusters
COPY surveys ./surveys
COPY reports ./reports
COPY templates ./templates
COPY static ./static
COPY locale ./locale
# Build-time values only: the real SECRET_KEY and hosts come from the environment at run time.
RUN SECRET_KEY=build-only-key-build-only-key-build-only-key-build-only \
    ALLOWED_HOSTS=build DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    sh -c "python manage.py compilemessages --ignore node_modules && python manage.py collectstatic --noinput" \
    && mkdir -p /app/var/media && chown -R portal /app/var
USER portal
EXPOSE 8000
ENTRYPOINT ["/app/docker-entrypoint.sh"]
# Workers, timeouts, recycling, access log: gunicorn.conf.py (GUNICORN_WORKERS and others change them).
CMD ["gunicorn", "portal.wsgi:application", "--config", "gunicorn.conf.py"]
