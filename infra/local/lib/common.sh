# shellcheck shell=bash
# Shared settings and helpers for infra/local/stack.sh. Sourced, not run.

# ---------------------------------------------------------------------------------------------
# Locations. Nothing here names the clone's folder: everything derives from this file's place.
# ---------------------------------------------------------------------------------------------
STACK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"      # <repo>/infra/local
REPO_ROOT="$(cd "$STACK_DIR/../.." && pwd)"
REPLIQUE_HOME="${REPLIQUE_HOME:-$REPO_ROOT/.local}"
REPLIQUE_CACHE="${REPLIQUE_CACHE:-${HOME:-/root}/.cache/replique}"   # shared by every clone

DATA_DIR="$REPLIQUE_HOME/data"
LOG_DIR="$REPLIQUE_HOME/logs"
RUN_DIR="$REPLIQUE_HOME/run"
ETC_DIR="$REPLIQUE_HOME/etc"
VENV_DIR="$REPLIQUE_HOME/venv"
# Alertmanager's bearer token for the review service's webhook (written once; both sides read it).
ALERTS_WEBHOOK_TOKEN_FILE="$RUN_DIR/alerts-webhook.token"

# ---------------------------------------------------------------------------------------------
# Ports (127.0.0.1 only) and timeouts.
# ---------------------------------------------------------------------------------------------
BIND_HOST=127.0.0.1
# While the stack runs, the ports it was started with are kept in $RUN_DIR/ports.env, so that
# `status`, `env` and `down` called without the same variables still see the real ports.
# Order: variable set in the environment > ports.env (stack running) > default.
PORT_VARS=(TEMPORAL_PORT TEMPORAL_UI_PORT PG_PORT KAFKA_PORT KAFKA_CONTROLLER_PORT IMAP_PORT SMTP_PORT PROMETHEUS_PORT ALERTMANAGER_PORT)
PORTS_FILE="$RUN_DIR/ports.env"
declare -A PORTS_FROM_ENV=() SAVED_PORTS=()
load_port_settings() {
  local var key value
  for var in "${PORT_VARS[@]}"; do [[ -n ${!var:-} ]] && PORTS_FROM_ENV[$var]=${!var}; done
  if [[ -f $PORTS_FILE ]]; then
    while IFS='=' read -r key value; do
      [[ " ${PORT_VARS[*]} " == *" $key "* && $value =~ ^[0-9]+$ ]] || continue
      SAVED_PORTS[$key]=$value
      [[ -n ${!key:-} ]] || printf -v "$key" '%s' "$value"
    done <"$PORTS_FILE"
  fi
}
save_port_settings() {
  local var
  for var in "${PORT_VARS[@]}"; do printf '%s=%s\n' "$var" "${!var}"; done >"$PORTS_FILE"
}
load_port_settings
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
PG_PORT="${PG_PORT:-5433}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
IMAP_PORT="${IMAP_PORT:-1143}"
SMTP_PORT="${SMTP_PORT:-2525}"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9490}"
ALERTMANAGER_PORT="${ALERTMANAGER_PORT:-9493}"
STACK_TIMEOUT="${STACK_TIMEOUT:-120}"     # seconds to wait for one component to become healthy
STACK_LOCK_TIMEOUT="${STACK_LOCK_TIMEOUT:-900}"   # seconds to wait for another stack.sh (cold install)
for port_var in "${PORT_VARS[@]}"; do
  [[ ${!port_var} =~ ^[0-9]+$ ]] || { echo "[stack] ERROR: $port_var must be a port number" >&2; exit 2; }
done

ALL_COMPONENTS=(temporal postgres kafka imap smtp alertmanager prometheus)

# ---------------------------------------------------------------------------------------------
# Output: progress goes to stderr, so that `stack.sh env` stays clean on stdout.
# ---------------------------------------------------------------------------------------------
say() { printf '[stack] %s\n' "$*" >&2; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }
elapsed_s() { local t0=$1; awk -v d="$(($(now_ms) - t0))" 'BEGIN { printf "%.1f", d / 1000 }'; }

ensure_layout() {
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$RUN_DIR" "$ETC_DIR" "$REPLIQUE_CACHE"
  chmod 755 "$REPLIQUE_HOME" "$DATA_DIR"
}

# One stack.sh at a time changes state (two test scripts may call `up` at once).
# The lock is fd 9: daemons are started without it (close_extra_fds) so that they do not keep it.
take_stack_lock() {
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/stack.lock"
  if ! flock -n 9; then
    say "another stack.sh is running; waiting for it (up to ${STACK_LOCK_TIMEOUT}s)"
    flock -w "$STACK_LOCK_TIMEOUT" 9 || die "timed out waiting for the lock $RUN_DIR/stack.lock"
  fi
  STACK_LOCKED=1
}

# ---------------------------------------------------------------------------------------------
# Processes and ports.
# ---------------------------------------------------------------------------------------------

# True when something accepts TCP connections on 127.0.0.1:PORT.
port_is_open() {
  local port=$1
  (exec 3<>"/dev/tcp/$BIND_HOST/$port") 2>/dev/null
}

# Prints the pid in FILE when that process is alive and its command line mentions MARKER
# (a path under $REPLIQUE_HOME), so a recycled pid or another clone's process is never "ours".
pid_from_file_if_ours() {
  local file=$1 marker=$2 pid
  [[ -s $file ]] || return 1
  pid=$(head -n1 "$file" | tr -dc '0-9')
  [[ -n $pid ]] && pid_alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker" || return 1
  printf '%s\n' "$pid"
}

# Closes every inherited file descriptor above 2 (the stack lock, and any pipe of the caller:
# a daemon that keeps a caller's pipe open makes `$(stack.sh up)` or execSync hang forever).
close_extra_fds() {
  local fd
  for fd in "/proc/$BASHPID/fd/"*; do
    fd=${fd##*/}
    if ((fd > 2)); then eval "exec $fd>&-" 2>/dev/null || true; fi
  done
}

# Runs a command that leaves a daemon behind (pg_ctl start, dovecot): no inherited fds, own session.
run_detached() {
  ( close_extra_fds; exec setsid "$@" )
}

# Starts a daemon detached from the calling shell (own session, no tty, all stdio redirected,
# no other inherited fd) and writes its pid to PIDFILE. The process writes its own pid before
# exec, so it is exact.
spawn_daemon() {
  local pidfile=$1 logfile=$2; shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016
  ( close_extra_fds; exec nohup setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" ) \
    </dev/null >>"$logfile" 2>&1 &
  local i
  for i in $(seq 1 50); do [[ -s $pidfile ]] && return 0; sleep 0.05; done
  die "could not start $1 (no pid file $pidfile)"
}

# True while PID runs. A zombie counts as gone: our daemons are orphans, and this machine's
# init reaps orphans only every second or two, so `kill -0` alone would wait for that.
pid_alive() {
  local pid=$1 stat
  kill -0 "$pid" 2>/dev/null || return 1
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}

# Sends TERM to PID and waits for it to exit; KILL after GRACE seconds.
stop_pid() {
  local pid=$1 name=$2 grace=${3:-20} i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < grace * 20; i++)); do
    pid_alive "$pid" || return 0
    sleep 0.05
  done
  say "$name (pid $pid) did not stop in ${grace}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do pid_alive "$pid" || return 0; sleep 0.05; done
}

# Waits until PORT is closed (a process that exited may still hold it for a moment).
wait_port_closed() {
  local port=$1 i
  for ((i = 0; i < 100; i++)); do port_is_open "$port" || return 0; sleep 0.1; done
  return 1
}

# Polls CHECK (a function name plus args) until it succeeds; fails with the log's tail.
wait_until_healthy() {
  local name=$1 logfile=$2; shift 2
  local deadline=$(($(date +%s) + STACK_TIMEOUT))
  while ! "$@" >/dev/null 2>&1; do
    if (($(date +%s) >= deadline)); then
      say "$name: not healthy after ${STACK_TIMEOUT}s. Last lines of $logfile:"
      tail -n 20 "$logfile" >&2 2>/dev/null || true
      die "$name did not become healthy (timeout ${STACK_TIMEOUT}s)"
    fi
    sleep 0.2
  done
}

# Reads the first line a server sends on PORT (a greeting) and checks its prefix.
greeting_starts_with() (
  port=$1 prefix=$2 line=
  exec 3<>"/dev/tcp/$BIND_HOST/$port" || exit 1
  IFS= read -r -t 3 line <&3 || exit 1
  [[ $line == "$prefix"* ]]
)

# ---------------------------------------------------------------------------------------------
# Users, permissions, system packages.
# ---------------------------------------------------------------------------------------------

ensure_system_user() {
  local user=$1
  id -u "$user" >/dev/null 2>&1 && return 0
  say "creating system user $user"
  useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
}

# A daemon that drops to USER must be able to walk down to DIR.
require_reachable_by() {
  local user=$1 dir=$2
  runuser -u "$user" -- test -x "$dir" && return 0
  die "user $user cannot reach $dir (a parent folder is not world-searchable); run: chmod o+x on its parents, or set REPLIQUE_HOME elsewhere"
}

# A random secret in FILE (mode 600), made once: later calls keep it. For secrets two sides share, such as the
# alerts webhook token that Alertmanager sends and the review service checks (lib/monitoring.sh, services.sh).
ensure_secret_file() {
  local file=$1
  [[ -s $file ]] && return 0
  mkdir -p "$(dirname "$file")"
  (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$file")
}

# Unix socket paths are limited to 107 bytes; long clone paths would break them.
require_short_socket_dir() {
  local dir=$1 longest_name=$2
  local path="$dir/$longest_name"
  ((${#path} < 100)) || die "socket path too long (${#path} bytes): $path; set REPLIQUE_HOME to a shorter folder"
}

# Installs Debian packages in one apt-get run; services must not start as system daemons.
apt_install() {
  (($# > 0)) || return 0
  say "installing Debian packages: $* (apt-get, ~20 s)"
  local policy=/usr/sbin/policy-rc.d made_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && made_policy=1
  fi
  # postfix: we only want its smtp-sink test program, never a configured system MTA.
  echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections 2>/dev/null || true
  local rc=0
  {
    apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  } >>"$LOG_DIR/install-apt.log" 2>&1 || rc=$?
  ((made_policy)) && rm -f "$policy"
  ((rc == 0)) || { tail -n 20 "$LOG_DIR/install-apt.log" >&2; die "apt-get install $* failed (log: $LOG_DIR/install-apt.log)"; }
}
