#!/usr/bin/env bash
# A private Dovecot beside the stack's, with its own files and port, for tests that must stop or kill their IMAP
# server without disturbing anyone else's (the stack's Dovecot is shared). Same config as the stack's
# (lib/imap.sh): user support / secret, plaintext auth, 127.0.0.1.
#
#   imap-instance.sh start HOME PORT   write the config under HOME, start Dovecot on PORT, wait for its greeting
#   imap-instance.sh stop HOME         TERM to the master (a clean stop), wait until it is gone
#   imap-instance.sh kill HOME         KILL to the master and its children (a crash), wait until they are gone
#   imap-instance.sh pid HOME          the master's pid; exit 1 when it does not run
#
# HOME must be short (Unix socket paths) and reachable by the vmail user, e.g. a 0755 folder under /tmp.
set -euo pipefail

# shellcheck source=lib/common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/common.sh"
# shellcheck source=lib/imap.sh
source "$STACK_DIR/lib/imap.sh"

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

(($# >= 2)) || usage
command=$1 home=$2
[[ $home == /* ]] || die "HOME must be an absolute path: $home"
imap_use_home "$home"

# The master and every process it forked (imap, imap-login, auth…): they all name the config in /proc/PID/cmdline
# only through the master, so take the master's process group (run_detached gave it its own session).
instance_pids() {
  local master=$1
  pgrep -s "$master" 2>/dev/null || true
}

case "$command" in
  start)
    (($# == 3)) || usage
    IMAP_PORT=$3
    [[ $IMAP_PORT =~ ^[0-9]+$ ]] || die "PORT must be a number: $IMAP_PORT"
    if imap_pid >/dev/null; then die "a Dovecot already runs from $home"; fi
    ! port_is_open "$IMAP_PORT" || die "port $IMAP_PORT is busy"
    imap_prepare
    imap_launch
    wait_until_healthy "dovecot ($home)" "$DOVECOT_LOG" imap_ready
    ;;
  stop)
    imap_stop
    ;;
  kill)
    master=$(imap_pid) || exit 0
    mapfile -t pids < <(instance_pids "$master")
    kill -KILL "${pids[@]}" 2>/dev/null || true
    for pid in "${pids[@]}"; do
      for ((i = 0; i < 100; i++)); do pid_alive "$pid" || break; sleep 0.05; done
    done
    ;;
  pid)
    imap_pid
    ;;
  *) usage ;;
esac
