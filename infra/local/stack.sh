#!/usr/bin/env bash
# Réplique local stack: Temporal, PostgreSQL, Kafka, IMAP (Dovecot), SMTP sink (smtp-sink), Alertmanager, Prometheus.
# Everything listens on 127.0.0.1; data, logs, pids and generated config live in $REPLIQUE_HOME
# (default <repo>/.local). See infra/local/README.md.
#
#   stack.sh up [COMPONENT...]      install what is missing, start what is not running, wait for health
#   stack.sh down [COMPONENT...]    stop (data kept)
#   stack.sh restart COMPONENT...   stop + start, data kept (fault tests)
#   stack.sh status [COMPONENT...]  one line per component; exit 3 when one is down
#   stack.sh reset                  down + delete $REPLIQUE_HOME/data (venv and jars kept)
#   stack.sh env                    `export` lines for eval "$(bash infra/local/stack.sh env)"
#
# Components: temporal postgres kafka imap smtp alertmanager prometheus
#   (aliases: pg, dovecot, sink, mail = imap smtp, am, prom, monitoring = alertmanager prometheus)
set -euo pipefail
STACK_LOCKED=""      # set once this process holds the lock (never taken from the environment)

LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib"
# shellcheck source=lib/common.sh
source "$LIB_DIR/common.sh"
for component_file in temporal postgres kafka imap smtp monitoring; do
  # shellcheck source=/dev/null
  source "$LIB_DIR/$component_file.sh"
done

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# Maps arguments (with aliases) to component names, in start order, without duplicates.
resolve_components() {
  local -A wanted=()
  local arg c
  (($# == 0)) && set -- all
  for arg in "$@"; do
    case "$arg" in
      all) for c in "${ALL_COMPONENTS[@]}"; do wanted[$c]=1; done ;;
      temporal) wanted[temporal]=1 ;;
      postgres | postgresql | pg) wanted[postgres]=1 ;;
      kafka) wanted[kafka]=1 ;;
      imap | dovecot) wanted[imap]=1 ;;
      smtp | sink | smtp-sink) wanted[smtp]=1 ;;
      mail) wanted[imap]=1 wanted[smtp]=1 ;;
      alertmanager | am) wanted[alertmanager]=1 ;;
      prometheus | prom) wanted[prometheus]=1 ;;
      monitoring) wanted[alertmanager]=1 wanted[prometheus]=1 ;;
      *) die "unknown component '$arg' (known: ${ALL_COMPONENTS[*]}, mail, all)" ;;
    esac
  done
  for c in "${ALL_COMPONENTS[@]}"; do [[ -n ${wanted[$c]:-} ]] && echo "$c"; done
  return 0
}

# Sets COMPONENTS from the arguments (dies on an unknown name).
set_components() {
  local list
  list=$(resolve_components "$@")
  mapfile -t COMPONENTS <<<"$list"
}

# The first port of COMPONENT that answers while the component is not ours.
busy_port_of() {
  local c=$1 port
  for port in $("${c}_ports"); do
    if port_is_open "$port"; then echo "$port"; return 0; fi
  done
  return 1
}

# Installs what the components need: one apt-get run for Debian packages, while pip (Temporal)
# and Maven (Kafka) downloads run in the background.
install_components() {
  local c pkg packages=() bg_pids=() bg_names=() after_apt=() i
  for c in "$@"; do
    local missing
    missing=$("${c}_missing_packages")
    for pkg in $missing; do [[ " ${packages[*]} " == *" $pkg "* ]] || packages+=("$pkg"); done
    if [[ -z $missing ]]; then
      ( set -euo pipefail; "${c}_install" ) >>"$LOG_DIR/install-$c.log" 2>&1 9>&- &
      bg_pids+=($!) bg_names+=("$c")
    else
      after_apt+=("$c")
    fi
  done
  apt_install "${packages[@]}"
  for c in "${after_apt[@]}"; do
    ( set -euo pipefail; "${c}_install" ) >>"$LOG_DIR/install-$c.log" 2>&1 ||
      { tail -n 20 "$LOG_DIR/install-$c.log" >&2; die "installing $c failed (log: $LOG_DIR/install-$c.log)"; }
  done
  for i in "${!bg_pids[@]}"; do
    if ! wait "${bg_pids[$i]}"; then
      c=${bg_names[$i]}
      tail -n 20 "$LOG_DIR/install-$c.log" >&2
      die "installing $c failed (log: $LOG_DIR/install-$c.log)"
    fi
  done
}

# Polls COMPONENT's health check; fails early when its process is gone.
wait_component_healthy() {
  local c=$1 log="$LOG_DIR/$1.log"
  [[ $c == smtp ]] && log=$SMTP_LOG
  [[ $c == imap ]] && log=$DOVECOT_LOG
  local t0 deadline
  t0=$(date +%s)
  deadline=$((t0 + STACK_TIMEOUT))
  until "${c}_ready" >/dev/null 2>&1; do
    if ! "${c}_pid" >/dev/null && (($(date +%s) - t0 >= 3)); then
      say "$c: process exited. Last lines of $log:"
      tail -n 20 "$log" >&2 2>/dev/null || true
      die "$c failed to start"
    fi
    if (($(date +%s) >= deadline)); then
      say "$c: not healthy after ${STACK_TIMEOUT}s. Last lines of $log:"
      tail -n 20 "$log" >&2 2>/dev/null || true
      die "$c did not become healthy within ${STACK_TIMEOUT}s (STACK_TIMEOUT)"
    fi
    sleep 0.2
  done
}

cmd_up() {
  local components c pid port t0
  set_components "$@"
  components=("${COMPONENTS[@]}")
  t0=$(now_ms)
  [[ -n $STACK_LOCKED ]] || take_stack_lock
  ensure_layout

  local to_start=() to_wait=() busy=() var
  for c in "${components[@]}"; do
    if pid=$("${c}_pid"); then
      for var in $("${c}_port_vars"); do
        [[ -z ${PORTS_FROM_ENV[$var]:-} || -z ${SAVED_PORTS[$var]:-} ||
          ${PORTS_FROM_ENV[$var]} == "${SAVED_PORTS[$var]}" ]] ||
          die "$c already runs with $var=${SAVED_PORTS[$var]} (asked ${PORTS_FROM_ENV[$var]}): use 'stack.sh restart $c' to change it"
      done
      if "${c}_ready" >/dev/null 2>&1; then
        say "$c already up (pid $pid, port $("${c}_port_label"))"
      else
        say "$c is running (pid $pid) but not healthy yet: waiting for it"
        to_wait+=("$c")
      fi
    elif port=$(busy_port_of "$c"); then
      busy+=("$c: port $port busy (not ours)")
    else
      to_start+=("$c")
    fi
  done
  if ((${#busy[@]})); then
    for c in "${busy[@]}"; do say "$c"; done
    die "cannot start: port(s) held by another process; stop it or choose other ports (e.g. TEMPORAL_PORT=...)"
  fi

  if ((${#to_start[@]})); then
    if [[ -f $PORTS_FILE ]]; then
      # keep the recorded ports of components that stay up; take the asked ones for the others
      for c in "${to_start[@]}"; do
        for var in $("${c}_port_vars"); do SAVED_PORTS[$var]=${!var}; done
      done
      for var in "${PORT_VARS[@]}"; do [[ -z ${SAVED_PORTS[$var]:-} ]] || printf -v "$var" '%s' "${SAVED_PORTS[$var]}"; done
    fi
    save_port_settings
    install_components "${to_start[@]}"
    say "installed/checked prerequisites at +$(elapsed_s "$t0") s"
    for c in "${to_start[@]}"; do
      "${c}_prepare"
      say "$c: starting on port $("${c}_port_label")"
      "${c}_launch"
    done
  fi
  for c in "${to_start[@]}" "${to_wait[@]}"; do
    wait_component_healthy "$c"
    say "$c: up (pid $("${c}_pid"), healthy at +$(elapsed_s "$t0") s)"
  done
  for c in "${components[@]}"; do "${c}_setup"; done

  if ((${#to_start[@]} + ${#to_wait[@]})); then
    say "up: ${to_start[*]:+started ${to_start[*]}}${to_start[*]:+${to_wait[*]:+; }}${to_wait[*]:+waited for ${to_wait[*]}} in $(elapsed_s "$t0") s"
  else
    say "everything is already up (${components[*]}) — nothing to do ($(elapsed_s "$t0") s)"
  fi
}

cmd_down() {
  local components c t0 i
  set_components "$@"
  components=("${COMPONENTS[@]}")
  [[ -n $STACK_LOCKED ]] || take_stack_lock
  for ((i = ${#components[@]} - 1; i >= 0; i--)); do     # reverse start order
    c=${components[$i]}
    t0=$(now_ms)
    if "${c}_pid" >/dev/null; then
      "${c}_stop"
      say "$c stopped ($(elapsed_s "$t0") s)"
    else
      say "$c was not running"
    fi
  done
  local any_running=""
  for c in "${ALL_COMPONENTS[@]}"; do "${c}_pid" >/dev/null && any_running=1; done
  [[ -n $any_running ]] || rm -f "$PORTS_FILE"
}

cmd_restart() {
  (($# > 0)) || die "usage: stack.sh restart COMPONENT... (data is kept)"
  take_stack_lock
  cmd_down "$@"
  cmd_up "$@"
}

cmd_status() {
  local components c pid port state note all_up=0
  set_components "$@"
  components=("${COMPONENTS[@]}")
  for c in "${components[@]}"; do
    note=""
    if pid=$("${c}_pid"); then
      if "${c}_ready" >/dev/null 2>&1; then state=up; else state=unhealthy all_up=3; fi
    elif port=$(busy_port_of "$c"); then
      state=down pid=- all_up=3 note="  (port $port busy: not ours)"
    else
      state=down pid=- all_up=3
    fi
    printf '%-12s %-9s port %-24s pid %s%s\n' "$c" "$state" "$("${c}_port_label")" "$pid" "$note"
  done
  return "$all_up"
}

cmd_reset() {
  take_stack_lock
  cmd_down all
  say "deleting $DATA_DIR (venv and Kafka jars kept)"
  rm -rf "$DATA_DIR"
  rm -f "$RUN_DIR"/*.pid "$RUN_DIR"/*.opts "$RUN_DIR"/kafka.log-offset
}

cmd_env() {
  local var
  local -a pairs=(
    REPLIQUE_HOME "$REPLIQUE_HOME"
    TEMPORAL_ADDRESS "$BIND_HOST:$TEMPORAL_PORT"
    TEMPORAL_NAMESPACE default
    TEMPORAL_UI_URL "http://$BIND_HOST:$TEMPORAL_UI_PORT"
    TEMPORAL_CLI "$TEMPORAL_CLI"
    TEMPORAL_TEST_SERVER "$TEMPORAL_TEST_SERVER"
    DATABASE_URL "postgres://postgres@$BIND_HOST:$PG_PORT/$PG_DATABASE"
    KAFKA_BROKERS "$BIND_HOST:$KAFKA_PORT"
    IMAP_HOST "$BIND_HOST"
    IMAP_PORT "$IMAP_PORT"
    IMAP_USER "$IMAP_USER"
    IMAP_PASSWORD "$IMAP_PASSWORD"
    SMTP_HOST "$BIND_HOST"
    SMTP_PORT "$SMTP_PORT"
    SMTP_SINK_DIR "$SMTP_SINK_DIR"
    PROMETHEUS_URL "http://$BIND_HOST:$PROMETHEUS_PORT"
    ALERTMANAGER_URL "http://$BIND_HOST:$ALERTMANAGER_PORT"
  )
  for ((var = 0; var < ${#pairs[@]}; var += 2)); do
    printf 'export %s=%q\n' "${pairs[$var]}" "${pairs[$((var + 1))]}"
  done
}

main() {
  (($# > 0)) || usage
  local cmd=$1
  shift
  case "$cmd" in
    up | start) cmd_up "$@" ;;
    down | stop) cmd_down "$@" ;;
    restart) cmd_restart "$@" ;;
    status) cmd_status "$@" ;;
    reset) (($# == 0)) || die "reset takes no component (it deletes all data)"; cmd_reset ;;
    env) cmd_env ;;
    -h | --help | help) usage ;;
    *) say "unknown command '$cmd'"; usage ;;
  esac
}

main "$@"
