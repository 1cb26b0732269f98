#!/usr/bin/env bash
# The main job (`pnpm demo [DIR]`): on a fresh machine, installs and starts the local stack and Réplique's services,
# delivers the sample inbox into the IMAP mailbox, waits until every email is answered, suppressed or waiting for
# a person, prints the table, and leaves the Temporal UI and the review API running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

command -v pnpm >/dev/null 2>&1 || npm install -g pnpm@12.21.0 >/dev/null
pnpm install --frozen-lockfile --reporter=append-only 2>&1 | tail -n 1
bash infra/local/stack.sh up
bash infra/local/services.sh up
eval "$(bash infra/local/stack.sh env)"
# shellcheck source=/dev/null
source "$REPLIQUE_HOME/run/tokens.env"

# The review tool's demo accounts (`reviewer`, `senior`): created once, passwords appended to tokens.env.
node_modules/.bin/tsx services/src/cli/main.ts user demo --file "$REPLIQUE_HOME/run/tokens.env" >/dev/null
# Exported: the demo's Temporal client decrypts the workflows' answers with TEMPORAL_PAYLOAD_KEYS.
set -a
# shellcheck source=/dev/null
source "$REPLIQUE_HOME/run/tokens.env"
set +a
# Customer text a database kept in clear from before encryption at rest is sealed once (idempotent: a no-op after).
node_modules/.bin/tsx services/src/cli/main.ts keys seal-existing | tail -n 1
node_modules/.bin/tsx services/src/demo/main.ts "$@"

review_port="${REVIEW_HTTP_PORT:-8082}"
cat <<MSG

Running on loopback:
  Temporal UI     $TEMPORAL_UI_URL/namespaces/default/workflows
  Review tool     http://127.0.0.1:$review_port/   (log in as reviewer / \$REVIEW_REVIEWER_PASSWORD or senior / \$REVIEW_SENIOR_PASSWORD)
  Review API      http://127.0.0.1:$review_port/api/reviews   (Authorization: Bearer \$REVIEW_TOKEN)
  Codec server    http://127.0.0.1:${CODEC_SERVER_PORT:-8083}/session   (Temporal payloads are encrypted: enter \$CODEC_SERVER_TOKEN there, then
                  in the Temporal UI's Codec Server setting give this address with "include cross-origin credentials")
  Tokens          $REPLIQUE_HOME/run/tokens.env
  Sent replies    $SMTP_SINK_DIR

Approve a waiting email (WORKFLOW from the table; EMAIL_KEY from /api/reviews):
  source $REPLIQUE_HOME/run/tokens.env
  curl -s -H "Authorization: Bearer \$REVIEW_TOKEN" http://127.0.0.1:$review_port/api/reviews
  curl -s -X POST -H "Authorization: Bearer \$REVIEW_TOKEN" -H 'content-type: application/json' \\
       -d '{"action":"approve","reviewer":"alice"}' http://127.0.0.1:$review_port/api/emails/EMAIL_KEY/decision
or with the temporal CLI (an update answers; a signal does not; the codec flags encrypt what it sends and decrypt
what it shows):
  export TEMPORAL_CODEC_ENDPOINT=http://127.0.0.1:${CODEC_SERVER_PORT:-8083} TEMPORAL_CODEC_AUTH="Bearer \$CODEC_SERVER_TOKEN"
  $TEMPORAL_CLI workflow update execute --workflow-id WORKFLOW --name decide \\
       --input '{"decisionId":"cli-1","action":"approve","reviewer":"alice"}'
  $TEMPORAL_CLI workflow signal --workflow-id WORKFLOW --name reviewDecision \\
       --input '{"decisionId":"cli-2","action":"reject","reviewer":"alice"}'
Stop everything: bash infra/local/services.sh down && pnpm stack down
MSG
