#!/usr/bin/env bash
# Réplique's own processes on the local stack, as daemons: intake (HTTP + IMAP), starter, worker, review, codec-server, kpi.
# Logs in $REPLIQUE_HOME/logs/<service>.log, pids in $REPLIQUE_HOME/run/<service>.pid.
#
#   services.sh up | down | status | tokens
set -euo pipefail
LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib"
# shellcheck source=lib/common.sh
source "$LIB_DIR/common.sh"
cd "$REPO_ROOT"

SERVICES=(worker starter intake review codec-server kpi)
TOKENS_FILE="$RUN_DIR/tokens.env"
TSX="$REPO_ROOT/node_modules/.bin/tsx"

say() { printf '[services] %s\n' "$*" >&2; }

ensure_tokens() {
  ensure_layout
  if [[ ! -s $TOKENS_FILE ]]; then
    (umask 077; {
      echo "INTAKE_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
      echo "REVIEW_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    } >"$TOKENS_FILE")
  fi
  # The key of the reply links (also added to a tokens file written before them).
  grep -q '^REPLY_LINK_SECRET=' "$TOKENS_FILE" || (umask 077; echo "REPLY_LINK_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" >>"$TOKENS_FILE")
  # The Temporal payload key (the first of the list encrypts; add a new one in front to rotate) and the codec server's token.
  grep -q '^TEMPORAL_PAYLOAD_KEYS=' "$TOKENS_FILE" || (umask 077; echo "TEMPORAL_PAYLOAD_KEYS=local-$(date +%Y%m%d):$(head -c 32 /dev/urandom | base64 -w0)" >>"$TOKENS_FILE")
  # The key encryption key of the customer text at rest (docs/privacy.md; rotate: a new one first, then `replique keys rotate`).
  grep -q '^DATA_KEKS=' "$TOKENS_FILE" || (umask 077; echo "DATA_KEKS=local-kek-$(date +%Y%m%d):$(head -c 32 /dev/urandom | base64 -w0)" >>"$TOKENS_FILE")
  grep -q '^CODEC_SERVER_TOKEN=' "$TOKENS_FILE" || (umask 077; echo "CODEC_SERVER_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" >>"$TOKENS_FILE")
  # The shop's feeds (PUT /shop/crm/* on the review service, orders included; `replique orders replay` uses it too).
  grep -q '^SHOP_FEED_TOKEN=' "$TOKENS_FILE" || (umask 077; echo "SHOP_FEED_TOKEN=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')" >>"$TOKENS_FILE")
  set -a
  # shellcheck source=/dev/null
  source "$TOKENS_FILE"
  set +a
  # Alertmanager's token for the notice board's webhook: one file that both sides read (lib/monitoring.sh).
  ensure_secret_file "$ALERTS_WEBHOOK_TOKEN_FILE"
  ALERTS_WEBHOOK_TOKEN=$(<"$ALERTS_WEBHOOK_TOKEN_FILE")
  export ALERTS_WEBHOOK_TOKEN
}

service_env() {
  eval "$(bash "$STACK_DIR/stack.sh" env)"
  export REPLIQUE_SHOP_FILE="${REPLIQUE_SHOP_FILE:-$REPO_ROOT/../shared/fixtures/shop.json}"
  export INTAKE_IMAP_ENABLED=true IMAP_POLL_INTERVAL_MS="${IMAP_POLL_INTERVAL_MS:-5000}"
  export REVIEW_HTTP_PORT="${REVIEW_HTTP_PORT:-8082}" INTAKE_HTTP_PORT="${INTAKE_HTTP_PORT:-8081}"
  export REPLY_LINK_BASE_URL="${REPLY_LINK_BASE_URL:-http://127.0.0.1:$REVIEW_HTTP_PORT}"
}

service_pid() { pid_from_file_if_ours "$RUN_DIR/$1.pid" "services/src/$1/main.ts"; }

services_up() {
  ensure_tokens
  service_env
  local s
  for s in "${SERVICES[@]}"; do
    if service_pid "$s" >/dev/null; then
      say "$s: already running (pid $(service_pid "$s"))"
      continue
    fi
    # The worker's V8 flag on node's command line (services/src/worker/main.ts says why).
    local flags=()
    [[ $s == worker ]] && flags=(--no-regexp-tier-up)
    spawn_daemon "$RUN_DIR/$s.pid" "$LOG_DIR/$s.log" "$TSX" "${flags[@]}" "services/src/$s/main.ts"
    say "$s: started (pid $(head -n1 "$RUN_DIR/$s.pid"), log $LOG_DIR/$s.log)"
    # The worker migrates and seeds the database; the others wait for it.
    [[ $s == worker ]] && wait_for_log "$LOG_DIR/$s.log" 'worker started' "$s"
  done
  wait_for_http "http://127.0.0.1:$REVIEW_HTTP_PORT/healthz" review
}

wait_for_log() {
  local file=$1 text=$2 name=$3 i
  for ((i = 0; i < 600; i++)); do
    grep -q "$text" "$file" 2>/dev/null && return 0
    service_pid "$name" >/dev/null || { tail -n 20 "$file" >&2; die "$name exited during start"; }
    sleep 0.2
  done
  tail -n 20 "$file" >&2
  die "$name did not start within 120 s"
}

wait_for_http() {
  local url=$1 name=$2 i
  for ((i = 0; i < 300; i++)); do
    curl -fsS "$url" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  die "$name did not answer on $url"
}

services_down() {
  local s pid
  for s in "${SERVICES[@]}"; do
    if pid=$(service_pid "$s"); then
      stop_pid "$pid" "$s"
      say "$s: stopped"
    fi
    rm -f "$RUN_DIR/$s.pid"
  done
}

services_status() {
  local s pid rc=0
  for s in "${SERVICES[@]}"; do
    if pid=$(service_pid "$s"); then printf '%-8s up     pid %s\n' "$s" "$pid"
    else printf '%-8s down\n' "$s"; rc=3; fi
  done
  return $rc
}

case "${1:-}" in
  up) services_up ;;
  down) services_down ;;
  status) services_status ;;
  tokens) ensure_tokens; cat "$TOKENS_FILE" ;;
  *) sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
