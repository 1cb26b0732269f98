#!/usr/bin/env bash
# The one test command (`pnpm test`, and what .ci/run calls): installs what is missing, brings the local stack up,
# typechecks, runs the jest projects (unit + integration through the real stack, then the Compose stack in containers)
# and prints one summary line.
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

# Runs an installer in the background for at most MINUTES. A build still running then is stopped (the installers
# resume where they were on the next run). Its output goes to LOG ("-": to this one's). Returns 0 when it succeeded,
# 1 otherwise, after a warning naming WHAT.
install_within_budget() {
  local what=$1 minutes=$2 log=$3; shift 3
  if [[ $log == - ]]; then setsid "$@" </dev/null & else setsid "$@" </dev/null >"$log" 2>&1 & fi
  local pid=$! deadline=$((SECONDS + minutes * 60))
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 2; done
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "[test] WARNING: $what not built within $minutes min; it resumes next run; its tests are skipped"
    return 1
  fi
  wait "$pid" && return 0
  echo "[test] WARNING: installing $what failed (logs: $REPLIQUE_HOME/logs); its tests are skipped"
  return 1
}

# The real local LLM server for test/llm/ (llama.cpp + SmolLM2-135M-Instruct, see infra/local/lib/llm.sh).
# REPLIQUE_LLM_TESTS=0 turns it off; 1 makes a missing install a failure, and is the default under CI (CI=true): the
# llama.cpp tests must run there, never be skipped. Elsewhere a build that does not finish in time skips them (it says
# so). llama.cpp is compiled once per machine and build options (a portable x86-64-v3 build, never the host's CPU)
# and cached in $REPLIQUE_CACHE: instant afterwards. Measured first portable build on 2 cores (AMD EPYC): 13.6 min of
# CPU, so ~7 min on a quiet machine, 41 min wall while nine other jobs shared it (load ~14); the earlier native
# build took 410 s on a quiet Intel Xeon. REPLIQUE_LLM_BUILD_BUDGET_MIN (default 40) bounds it so a fresh machine
# stays inside CI's 90 min.
if [[ -n ${CI:-} && -z ${REPLIQUE_LLM_TESTS:-} ]]; then export REPLIQUE_LLM_TESTS=1; fi
if [[ ${REPLIQUE_LLM_TESTS:-} != 0 ]]; then
  echo "[test] local LLM server (llama.cpp)"
  install_within_budget llama.cpp "${REPLIQUE_LLM_BUILD_BUDGET_MIN:-40}" - bash infra/local/lib/llm.sh install || [[ ${REPLIQUE_LLM_TESTS:-} != 1 ]] || exit 1
fi

# helm for the Helm chart's test (test/deploy/deploy-config.test.ts renders infra/helm/replique): built once per
# machine with Go (infra/helm/install-helm.sh, cached in $REPLIQUE_CACHE/bin). REPLIQUE_HELM_TESTS=0 turns it off, 1
# makes a missing helm a failure. A first build gets REPLIQUE_HELM_BUILD_BUDGET_MIN minutes (default 15); past that
# the chart's tests are skipped (the test says so).
if [[ ${REPLIQUE_HELM_TESTS:-} != 0 ]]; then
  echo "[test] helm"
  helm_log="$REPLIQUE_HOME/logs/install-helm.log"
  if install_within_budget helm "${REPLIQUE_HELM_BUILD_BUDGET_MIN:-15}" "$helm_log" bash infra/helm/install-helm.sh; then
    HELM="$(tail -n 1 "$helm_log")"
    export HELM
  elif [[ ${REPLIQUE_HELM_TESTS:-} == 1 ]]; then
    exit 1
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
rm -f test/.artifacts/jest.json test/.artifacts/jest-deploy.json
pnpm exec jest --ci --selectProjects unit integration --json --outputFile=test/.artifacts/jest.json "$@" || status=$?

# The Compose stack for real (infra/containers/test-deploy.sh = `pnpm test:deploy`, docs/deploy.md): podman from
# Debian, every image built here, the stack up, an email answered, an approval through the review API, down.
# Measured on 2 shared cores: ~10 min on a machine where nothing is built yet, ~3 min afterwards (images cached).
# REPLIQUE_DEPLOY_TESTS=0 turns it off; 1 makes a skip a failure. It starts only before minute
# REPLIQUE_DEPLOY_START_BY_MIN (default 55) of this run and gets REPLIQUE_DEPLOY_BUDGET_MIN (default 25) minutes, so
# a slow first install earlier in the run cannot push CI past its 90 minutes (it says so when it is skipped).
if [[ ${REPLIQUE_DEPLOY_TESTS:-} != 0 && -z $* ]]; then
  if ((SECONDS < ${REPLIQUE_DEPLOY_START_BY_MIN:-55} * 60)) && [[ $(id -u) == 0 ]]; then
    echo "[test] compose stack (pnpm test:deploy)"
    export REPLIQUE_DEPLOY_PROJECT="rqdeploy$$"
    timeout --kill-after=30 "$((${REPLIQUE_DEPLOY_BUDGET_MIN:-25} * 60))" bash infra/containers/test-deploy.sh \
      --json --outputFile=test/.artifacts/jest-deploy.json || { deploy_status=$?; status=1; }
    if [[ ${deploy_status:-0} == 124 ]]; then
      echo "[test] the compose stack test ran out of its ${REPLIQUE_DEPLOY_BUDGET_MIN:-25} min; removing what it started"
      bash infra/containers/remove-project.sh "$REPLIQUE_DEPLOY_PROJECT" || true
    fi
  else
    echo "[test] WARNING: the compose stack test is skipped (past minute ${REPLIQUE_DEPLOY_START_BY_MIN:-55} of this run, or not root)"
    [[ ${REPLIQUE_DEPLOY_TESTS:-} == 1 ]] && status=1
  fi
fi

node -e '
  const fs = require("fs");
  const runs = ["jest.json", "jest-deploy.json"].map((f) => "./test/.artifacts/" + f).filter((f) => fs.existsSync(f)).map((f) => require(f));
  const sum = (key) => runs.reduce((n, r) => n + r[key], 0);
  const skipped = sum("numPendingTests") + sum("numTodoTests");
  console.log(`jest: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${skipped} skipped`);
  const retried = runs.flatMap((r) => r.testResults).flatMap((file) => file.assertionResults
    .filter((t) => (t.invocations ?? 1) > 1).map((t) => `${file.name.replace(process.cwd() + "/", "")}: ${t.fullName} (${t.status} after ${t.invocations} runs)`));
  if (retried.length) console.log(`jest: retried ${retried.length}:\n  ` + retried.join("\n  "));
' || true
exit "$status"
