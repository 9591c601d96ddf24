# Source this file to start throw-away PostgreSQL and Redis servers on loopback.
# It exports DATABASE_URL, CELERY_BROKER_URL and REDIS_URL and stops both servers on exit.
# Ports can be moved with CI_PG_PORT / CI_REDIS_PORT.

services_install() {
  local missing=()
  [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  # Voice-note tests speak their notes at test time (tests/voice/speech.py).
  command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
  if [ -n "${WITH_BROWSER:-}" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "services: installing ${missing[*]} from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

services_start() {
  services_install
  local pg_port=${CI_PG_PORT:-5433} redis_port=${CI_REDIS_PORT:-6390}
  local pgbin=/usr/lib/postgresql/15/bin
  SERVICES_PGDATA=$(mktemp -d /tmp/clinicbot-pg.XXXXXX)
  SERVICES_REDIS_DIR=$(mktemp -d /tmp/clinicbot-redis.XXXXXX)
  chown postgres:postgres "$SERVICES_PGDATA"
  runuser -u postgres -- "$pgbin/initdb" -D "$SERVICES_PGDATA" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$SERVICES_PGDATA" -l "$SERVICES_PGDATA/server.log" -w \
    -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $SERVICES_PGDATA -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  SERVICES_PG_PID=$(head -1 "$SERVICES_PGDATA/postmaster.pid")
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qc \
    "CREATE ROLE app LOGIN PASSWORD 'app' CREATEDB SUPERUSER;" >/dev/null
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE app OWNER app;" >/dev/null
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$SERVICES_REDIS_DIR" --pidfile "$SERVICES_REDIS_DIR/redis.pid" \
    --logfile "$SERVICES_REDIS_DIR/redis.log"
  for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  SERVICES_REDIS_PID=$(cat "$SERVICES_REDIS_DIR/redis.pid")
  export DATABASE_URL="postgres://app:app@127.0.0.1:$pg_port/app"
  export CELERY_BROKER_URL="redis://127.0.0.1:$redis_port/0"
  export REDIS_URL="redis://127.0.0.1:$redis_port/1"
  trap services_stop EXIT
  echo "services: PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port"
}

services_stop() {
  [ -n "${SERVICES_PG_PID:-}" ] && kill -INT "$SERVICES_PG_PID" 2>/dev/null
  [ -n "${SERVICES_REDIS_PID:-}" ] && kill -TERM "$SERVICES_REDIS_PID" 2>/dev/null
  for _ in $(seq 1 50); do
    kill -0 "${SERVICES_PG_PID:-0}" 2>/dev/null || kill -0 "${SERVICES_REDIS_PID:-0}" 2>/dev/null || break
    sleep 0.1
  done
  rm -rf "${SERVICES_PGDATA:-/nonexistent}" "${SERVICES_REDIS_DIR:-/nonexistent}"
}
