# shellcheck shell=bash
# The review tool's browser test drives Debian's chromium through playwright-core (never a downloaded browser).
# Sourced, not run: `source infra/local/lib/browser.sh && ensure_chromium`. Idempotent.

ensure_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  local sudo=''
  [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo='sudo'
  echo "[browser] installing chromium (apt)" >&2
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium >/dev/null 2>&1; then
    $sudo apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium >/dev/null
  fi
  [[ -x /usr/bin/chromium ]]
}
