# shellcheck shell=bash
# Prometheus (with promtool) and Alertmanager from Debian, for the alert rules' tests (infra/monitoring/).
# Sourced, not run: `source infra/local/lib/monitoring.sh && ensure_monitoring_packages`. Idempotent: nothing happens
# when both are installed. The packages' own system services are not used: tests run private instances.

ensure_monitoring_packages() {
  command -v promtool >/dev/null 2>&1 && command -v prometheus-alertmanager >/dev/null 2>&1 && return 0
  local sudo=''
  [[ $(id -u) -ne 0 ]] && command -v sudo >/dev/null 2>&1 && sudo='sudo'
  echo "[monitoring] installing prometheus and prometheus-alertmanager (apt)" >&2
  # RUNLEVEL=1: invoke-rc.d does not start the packages' system services (on the default ports) where it would.
  if ! DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 $sudo apt-get install -y -q prometheus prometheus-alertmanager >/dev/null 2>&1; then
    $sudo apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 $sudo apt-get install -y -q prometheus prometheus-alertmanager >/dev/null
  fi
  command -v promtool >/dev/null 2>&1
}
