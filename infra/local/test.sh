#!/usr/bin/env bash
# The one test command (`pnpm test`, and what .ci/run calls): installs what is missing, brings the local stack up,
# typechecks, runs every jest project (unit + integration through the real stack), and prints one summary line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

PNPM_VERSION=12.21.0
if ! command -v pnpm >/dev/null 2>&1; then
  echo "[test] installing pnpm $PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi
echo "[test] pnpm install"
pnpm install --frozen-lockfile --reporter=append-only 2>&1 | tail -n 3

echo "[test] local stack"
bash infra/local/stack.sh up
eval "$(bash infra/local/stack.sh env)"

echo "[test] typecheck"
pnpm exec tsc -p tsconfig.json --noEmit

source infra/local/lib/browser.sh && ensure_chromium   # the review tool's browser test drives Debian's chromium
echo "[test] jest"
mkdir -p test/.artifacts
status=0
pnpm exec jest --ci --json --outputFile=test/.artifacts/jest.json "$@" || status=$?
node -e '
  const r = require("./test/.artifacts/jest.json");
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
' || true
exit "$status"
