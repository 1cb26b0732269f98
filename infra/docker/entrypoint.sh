#!/bin/sh
# The image's entrypoint: the first argument names the process (see the Dockerfile). exec, so the process is PID 1's
# child-free replacement and receives SIGTERM itself (each main.ts stops cleanly on it).
set -eu
cd /app
process=${1:-worker}
[ $# -gt 0 ] && shift
case "$process" in
  # The worker's V8 flag goes on node's command line (services/src/worker/main.ts says why).
  worker) exec node_modules/.bin/tsx --no-regexp-tier-up services/src/worker/main.ts "$@" ;;
  starter | intake | review | kpi) exec node_modules/.bin/tsx "services/src/$process/main.ts" "$@" ;;
  replique) exec node_modules/.bin/tsx services/src/cli/main.ts "$@" ;;
  *) echo "usage: replique-entrypoint worker|starter|intake|review|kpi|replique [ARGS…]" >&2; exit 2 ;;
esac
