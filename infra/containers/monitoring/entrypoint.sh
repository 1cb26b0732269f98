#!/bin/bash
# `prometheus` or `alertmanager`: writes its configuration (replique-render-config, from the environment) under
# /tmp, checks it (promtool / amtool) and runs it in the foreground, data in /var/lib/replique-monitoring/<name>.
# Alertmanager's webhook token comes from ALERTS_WEBHOOK_TOKEN (Compose's .env) and goes to a file only it reads.
set -euo pipefail
data=/var/lib/replique-monitoring
conf=/tmp/replique-monitoring
mkdir -p "$conf" && chmod 700 "$conf"
case "${1:-prometheus}" in
  prometheus)
    export MONITORING_RULES_DIR=${MONITORING_RULES_DIR:-/etc/replique/rules}
    replique-render-config prometheus >"$conf/prometheus.yml"
    promtool check config "$conf/prometheus.yml" >&2
    mkdir -p "$data/prometheus"
    exec prometheus --config.file="$conf/prometheus.yml" --storage.tsdb.path="$data/prometheus" \
      --storage.tsdb.retention.time="${PROMETHEUS_RETENTION:-15d}" --web.listen-address=0.0.0.0:9090
    ;;
  alertmanager)
    [[ ${#ALERTS_WEBHOOK_TOKEN} -ge 16 ]] || { echo "alertmanager: ALERTS_WEBHOOK_TOKEN must be set (16+ characters)" >&2; exit 2; }
    (umask 077 && printf '%s' "$ALERTS_WEBHOOK_TOKEN" >"$conf/webhook.token")
    unset ALERTS_WEBHOOK_TOKEN
    export ALERTS_WEBHOOK_TOKEN_FILE="$conf/webhook.token"
    replique-render-config alertmanager >"$conf/alertmanager.yml"
    amtool check-config "$conf/alertmanager.yml" >&2
    mkdir -p "$data/alertmanager"
    # --cluster.listen-address= (empty): a single instance, no gossip port.
    exec prometheus-alertmanager --config.file="$conf/alertmanager.yml" --storage.path="$data/alertmanager" \
      --web.listen-address=0.0.0.0:9093 --cluster.listen-address=
    ;;
  *) echo "usage: replique-monitoring prometheus|alertmanager" >&2; exit 2 ;;
esac
