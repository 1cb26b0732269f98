#!/usr/bin/env bash
# Runs llama-server (the arguments) as a child and says, in its log, how it ended when a signal killed it. A build
# with instructions this CPU refuses dies of SIGILL at the first matrix product, with no word of its own: this line
# is what lets `llm.sh start` tell that apart from any other failure. TERM and INT are passed on to the server.
"$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null' TERM INT
status=0
while :; do
  wait "$child" && status=0 || status=$?
  kill -0 "$child" 2>/dev/null || break   # wait also returns when a trapped signal arrives
done
if ((status > 128)); then
  echo "[llm-run] llama-server ended by signal $(kill -l $((status - 128)) 2>/dev/null || echo $((status - 128)))"
fi
exit "$status"
