# shellcheck shell=bash
# SMTP peer: Postfix's `smtp-sink` test server. Accepts every message and writes each one to its
# own file under $SMTP_SINK_DIR (its -d option). The postfix MTA itself is never configured/started.
#
# Fault injection: SMTP_SINK_OPTS holds extra smtp-sink options (split on spaces; use commas
# inside a list), applied when the sink starts: `SMTP_SINK_OPTS="-f RCPT" stack.sh restart smtp`.
#   -f CMD,...   hard reject (500 5.3.0) those commands, e.g. -f RCPT, -f DATA, -f .  (end of data)
#   -r CMD,...   soft reject (450 4.3.0)      -B/-b TEXT  replace the hard/soft reply text
#   -Q CMD,...   reply 421 and disconnect     -q CMD,...  disconnect without a reply
#   -A SECS      abort with 550 SECS after the DATA reply
#   -w SECS      delay the DATA reply         -W CMD:SECS[:ODDS]  delay the reply to CMD
# (Not -R: in smtp-sink that is chroot, not a rejection.)  `man smtp-sink` has the rest.

SMTP_SINK_DIR="$DATA_DIR/smtp-out"
SMTP_LOG="$LOG_DIR/smtp-sink.log"
SMTP_PIDFILE="$RUN_DIR/smtp.pid"
SMTP_OPTS_FILE="$RUN_DIR/smtp.opts"
SMTP_SINK_OPTS="${SMTP_SINK_OPTS:-}"
# strftime template + smtp-sink appends a random hex id: 20261125-160826.0de877fa
SMTP_SINK_TEMPLATE="%Y%m%d-%H%M%S."

smtp_sink_bin() {
  local candidate
  for candidate in /usr/sbin/smtp-sink /usr/lib/postfix/sbin/smtp-sink; do
    [[ -x $candidate ]] && { echo "$candidate"; return 0; }
  done
  return 1
}

smtp_port_vars() { echo "SMTP_PORT"; }
smtp_ports() { echo "$SMTP_PORT"; }
smtp_port_label() {
  local opts=""
  [[ -s $SMTP_OPTS_FILE ]] && opts=" (opts: $(<"$SMTP_OPTS_FILE"))"
  echo "$SMTP_PORT$opts"
}
smtp_pid() { pid_from_file_if_ours "$SMTP_PIDFILE" "$SMTP_SINK_DIR/"; }

smtp_missing_packages() {
  smtp_sink_bin >/dev/null || echo postfix
  command -v swaks >/dev/null || echo swaks
}

smtp_install() { :; }

smtp_prepare() { mkdir -p "$SMTP_SINK_DIR"; }

smtp_launch() {
  local bin opts=()
  bin=$(smtp_sink_bin) || die "smtp-sink not found"
  read -r -a opts <<<"$SMTP_SINK_OPTS"
  printf '%s' "$SMTP_SINK_OPTS" >"$SMTP_OPTS_FILE"
  ((${#opts[@]})) && say "smtp: starting smtp-sink with fault options: $SMTP_SINK_OPTS"
  # -u root: smtp-sink insists on -u when started as root; it keeps root to write the dump files.
  spawn_daemon "$SMTP_PIDFILE" "$SMTP_LOG" \
    "$bin" -u root "${opts[@]}" -d "$SMTP_SINK_DIR/$SMTP_SINK_TEMPLATE" "$BIND_HOST:$SMTP_PORT" 100
}

# With fault options the greeting itself may be a refusal, so then only the port is checked.
smtp_ready() {
  if [[ -n $SMTP_SINK_OPTS ]]; then port_is_open "$SMTP_PORT"; else greeting_starts_with "$SMTP_PORT" 220; fi
}

smtp_setup() {
  local running
  running=$(cat "$SMTP_OPTS_FILE" 2>/dev/null || true)
  [[ $running == "$SMTP_SINK_OPTS" ]] ||
    say "smtp: running with options '${running}', not SMTP_SINK_OPTS='${SMTP_SINK_OPTS}': use 'stack.sh restart smtp'"
}

smtp_stop() {
  local pid
  pid=$(smtp_pid) || return 0
  stop_pid "$pid" smtp-sink 10
  rm -f "$SMTP_OPTS_FILE"
}
