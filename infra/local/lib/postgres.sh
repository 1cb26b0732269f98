# shellcheck shell=bash
# PostgreSQL 15 (Debian package binaries), a private cluster run as user postgres, trust auth.

PG_BIN=/usr/lib/postgresql/15/bin
PG_DATA="$DATA_DIR/pg"
PG_LOG="$LOG_DIR/postgres.log"
PG_DATABASE=replique

postgres_port_vars() { echo "PG_PORT"; }
postgres_ports() { echo "$PG_PORT"; }
postgres_port_label() { echo "$PG_PORT"; }
postgres_pid() { pid_from_file_if_ours "$PG_DATA/postmaster.pid" "$PG_DATA"; }

postgres_missing_packages() {
  [[ -x $PG_BIN/postgres && -x $PG_BIN/psql ]] || echo postgresql
}

postgres_install() { :; }

as_postgres() { runuser -u postgres -- "$@"; }

postgres_prepare() {
  require_reachable_by postgres "$DATA_DIR"
  require_short_socket_dir "$PG_DATA" ".s.PGSQL.$PG_PORT.lock"
  if [[ ! -s $PG_DATA/PG_VERSION ]]; then
    say "postgres: initdb $PG_DATA"
    rm -rf "$PG_DATA"
    mkdir -p "$PG_DATA"
    chown postgres:postgres "$PG_DATA"
    chmod 700 "$PG_DATA"
    as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
      >>"$LOG_DIR/postgres-initdb.log" 2>&1 || die "initdb failed (log: $LOG_DIR/postgres-initdb.log)"
  fi
  # After a hard kill, postmaster.pid and the socket lock name a dead pid, which postgres still
  # takes for alive while it is an unreaped zombie (or reused by another process); postgres_pid
  # already said that no server of ours runs on this folder, so they are stale.
  rm -f "$PG_DATA/postmaster.pid" "$PG_DATA"/.s.PGSQL.*.lock
  touch "$PG_LOG"
  chown postgres:postgres "$PG_LOG"
}

# Settings passed at each start, so PG_PORT changes apply without editing postgresql.conf.
# fsync/full_page_writes off: a throwaway dev/test cluster; a killed server still recovers,
# only an OS crash could lose data.
postgres_launch() {
  local opts="-p $PG_PORT -k $PG_DATA -c listen_addresses=$BIND_HOST"
  opts+=" -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=200"
  run_detached runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -o "$opts" \
    -w -t "$STACK_TIMEOUT" start </dev/null >>"$LOG_DIR/postgres-ctl.log" 2>&1 ||
    { tail -n 20 "$PG_LOG" >&2; die "pg_ctl start failed (logs: $PG_LOG, $LOG_DIR/postgres-ctl.log)"; }
}

postgres_ready() { "$PG_BIN/pg_isready" -q -h "$BIND_HOST" -p "$PG_PORT" -U postgres; }

postgres_psql() { "$PG_BIN/psql" -X -q -h "$BIND_HOST" -p "$PG_PORT" -U postgres "$@"; }

postgres_setup() {
  local exists
  exists=$(postgres_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'")
  if [[ $exists != 1 ]]; then
    say "postgres: creating database $PG_DATABASE"
    postgres_psql -d postgres -c "CREATE DATABASE $PG_DATABASE"
  fi
}

postgres_stop() {
  postgres_pid >/dev/null || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop </dev/null >>"$LOG_DIR/postgres-ctl.log" 2>&1 ||
    die "pg_ctl stop failed (log: $PG_LOG)"
}
