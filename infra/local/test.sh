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

# The real local LLM server for test/llm/llm-pipeline.test.ts (llama.cpp + SmolLM2-135M-Instruct, see
# infra/local/lib/llm.sh). REPLIQUE_LLM_TESTS=0 turns it off; 1 makes a missing install a failure. By default it is
# on: llama.cpp is compiled once per machine and cached in $REPLIQUE_CACHE (instant afterwards; 30–60 min on 2 cores
# the first time). A first build is given REPLIQUE_LLM_BUILD_BUDGET_MIN minutes (default 40, so a fresh machine stays
# inside CI's 90): past that it is stopped — it resumes where it was on the next run — and the llama.cpp test file
# is skipped (it says so). The replay-server LLM tests always run.
if [[ ${REPLIQUE_LLM_TESTS:-} != 0 ]]; then
  echo "[test] local LLM server (llama.cpp)"
  budget=$((${REPLIQUE_LLM_BUILD_BUDGET_MIN:-40} * 60))
  setsid bash infra/local/lib/llm.sh install </dev/null &
  llm_pid=$!
  deadline=$((SECONDS + budget))
  while kill -0 "$llm_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 2; done
  if kill -0 "$llm_pid" 2>/dev/null; then
    kill -TERM -- "-$llm_pid" 2>/dev/null || true
    wait "$llm_pid" 2>/dev/null || true
    echo "[test] WARNING: llama.cpp not built within ${REPLIQUE_LLM_BUILD_BUDGET_MIN:-40} min; it resumes next run; its test is skipped"
    [[ ${REPLIQUE_LLM_TESTS:-} == 1 ]] && exit 1
  elif ! wait "$llm_pid"; then
    echo "[test] WARNING: installing llama.cpp failed (log: .local/logs/install-llm.log); its test is skipped"
    [[ ${REPLIQUE_LLM_TESTS:-} == 1 ]] && exit 1
  fi
fi

# helm for the Helm chart's test (test/deploy/deploy-config.test.ts renders infra/helm/replique): built once per
# machine with Go (infra/helm/install-helm.sh, cached in $REPLIQUE_CACHE/bin). REPLIQUE_HELM_TESTS=0 turns it off, 1
# makes a missing helm a failure. A first build gets REPLIQUE_HELM_BUILD_BUDGET_MIN minutes (default 15): past that
# it stops (it resumes from Go's build cache next run) and the chart's tests are skipped (the test says so).
if [[ ${REPLIQUE_HELM_TESTS:-} != 0 ]]; then
  echo "[test] helm"
  setsid bash infra/helm/install-helm.sh </dev/null >"$REPLIQUE_HOME/logs/install-helm.log" 2>&1 &
  helm_pid=$!
  deadline=$((SECONDS + ${REPLIQUE_HELM_BUILD_BUDGET_MIN:-15} * 60))
  while kill -0 "$helm_pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 2; done
  if kill -0 "$helm_pid" 2>/dev/null; then
    kill -TERM -- "-$helm_pid" 2>/dev/null || true
    wait "$helm_pid" 2>/dev/null || true
    echo "[test] WARNING: helm not built within ${REPLIQUE_HELM_BUILD_BUDGET_MIN:-15} min; it resumes next run; the chart's tests are skipped"
    [[ ${REPLIQUE_HELM_TESTS:-} == 1 ]] && exit 1
  elif ! wait "$helm_pid"; then
    echo "[test] WARNING: installing helm failed (log: $REPLIQUE_HOME/logs/install-helm.log); the chart's tests are skipped"
    [[ ${REPLIQUE_HELM_TESTS:-} == 1 ]] && exit 1
  else
    export HELM="$(tail -n 1 "$REPLIQUE_HOME/logs/install-helm.log")"
  fi
fi

echo "[test] typecheck"
pnpm exec tsc -p tsconfig.json --noEmit

source infra/local/lib/browser.sh && ensure_chromium   # the review tool's browser test drives Debian's chromium
echo "[test] jest"
# CI reads a log file: no colour codes (jest and the libraries it prints through honour FORCE_COLOR=0).
[[ -n ${CI:-} ]] && export FORCE_COLOR=0
mkdir -p test/.artifacts
status=0
pnpm exec jest --ci --json --outputFile=test/.artifacts/jest.json "$@" || status=$?
node -e '
  const r = require("./test/.artifacts/jest.json");
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
' || true
exit "$status"
