# shellcheck shell=bash
# Prometheus 2.42 and Alertmanager 0.25 from Debian (`prometheus`, `prometheus-alertmanager`; promtool and amtool come
# with them), as two private instances on loopback: config generated at each start under $ETC_DIR, data under
# $DATA_DIR. The packages' own system services are never used (apt_install denies them).
#
# Prometheus scrapes the processes' /metrics ports and loads the repo's rule files (infra/monitoring/rules/*.yml, not
# the *.test.yml promtool tests); Alertmanager sends every alert to the review tool's notice board (webhook, with the
# bearer token in $ALERTS_WEBHOOK_TOKEN_FILE) and by mail to the leads (the stack's smtp-sink by default).
# Settings (read at each start; `stack.sh restart prometheus alertmanager` applies a change):
#   REPLIQUE_METRICS_TARGETS    host:port,... scraped as job `replique` (default the five processes, 9461-9465)
#   PROMETHEUS_SCRAPE_INTERVAL, PROMETHEUS_EVAL_INTERVAL   (15s, 15s)    PROMETHEUS_RETENTION (15d)
#   ALERT_WEBHOOK_URL           (http://127.0.0.1:$REVIEW_HTTP_PORT/hooks/alertmanager, REVIEW_HTTP_PORT default 8082)
#   ALERT_MAIL_TO, ALERT_MAIL_FROM (leads@replique.local, alerts@replique.local)   ALERT_SMARTHOST (127.0.0.1:$SMTP_PORT)
#   ALERT_GROUP_WAIT, ALERT_GROUP_INTERVAL, ALERT_REPEAT_INTERVAL   (30s, 5m, 4h)

PROM_CONF="$ETC_DIR/prometheus.yml"
PROM_DATA="$DATA_DIR/prometheus"
PROM_PIDFILE="$RUN_DIR/prometheus.pid"
AM_CONF="$ETC_DIR/alertmanager.yml"
AM_DATA="$DATA_DIR/alertmanager"
AM_PIDFILE="$RUN_DIR/alertmanager.pid"
MONITORING_RULES_DIR="$REPO_ROOT/infra/monitoring/rules"

REPLIQUE_METRICS_TARGETS="${REPLIQUE_METRICS_TARGETS:-127.0.0.1:9461,127.0.0.1:9462,127.0.0.1:9463,127.0.0.1:9464,127.0.0.1:9465}"
PROMETHEUS_SCRAPE_INTERVAL="${PROMETHEUS_SCRAPE_INTERVAL:-15s}"
PROMETHEUS_EVAL_INTERVAL="${PROMETHEUS_EVAL_INTERVAL:-15s}"
PROMETHEUS_RETENTION="${PROMETHEUS_RETENTION:-15d}"
ALERT_WEBHOOK_URL="${ALERT_WEBHOOK_URL:-http://$BIND_HOST:${REVIEW_HTTP_PORT:-8082}/hooks/alertmanager}"
ALERT_MAIL_TO="${ALERT_MAIL_TO:-leads@replique.local}"
ALERT_MAIL_FROM="${ALERT_MAIL_FROM:-alerts@replique.local}"
ALERT_SMARTHOST="${ALERT_SMARTHOST:-$BIND_HOST:$SMTP_PORT}"
ALERT_GROUP_WAIT="${ALERT_GROUP_WAIT:-30s}"
ALERT_GROUP_INTERVAL="${ALERT_GROUP_INTERVAL:-5m}"
ALERT_REPEAT_INTERVAL="${ALERT_REPEAT_INTERVAL:-4h}"

http_ok() { curl -fsS -o /dev/null --max-time 2 "$1"; }

# --- prometheus -------------------------------------------------------------------------------------------------
prometheus_port_vars() { echo "PROMETHEUS_PORT"; }
prometheus_ports() { echo "$PROMETHEUS_PORT"; }
prometheus_port_label() { echo "$PROMETHEUS_PORT"; }
prometheus_pid() { pid_from_file_if_ours "$PROM_PIDFILE" "$PROM_CONF"; }
prometheus_missing_packages() { command -v prometheus >/dev/null && command -v promtool >/dev/null || echo prometheus; }
prometheus_install() { :; }

# The configuration: infra/monitoring/render-config.sh, shared with the Compose stack's monitoring image.
render_monitoring_config() {
  REPLIQUE_METRICS_TARGETS="$REPLIQUE_METRICS_TARGETS" ALERTMANAGER_TARGET="$BIND_HOST:$ALERTMANAGER_PORT" \
    MONITORING_RULES_DIR="$MONITORING_RULES_DIR" PROMETHEUS_SCRAPE_INTERVAL="$PROMETHEUS_SCRAPE_INTERVAL" \
    PROMETHEUS_EVAL_INTERVAL="$PROMETHEUS_EVAL_INTERVAL" ALERT_WEBHOOK_URL="$ALERT_WEBHOOK_URL" \
    ALERTS_WEBHOOK_TOKEN_FILE="$ALERTS_WEBHOOK_TOKEN_FILE" ALERT_SMARTHOST="$ALERT_SMARTHOST" \
    ALERT_MAIL_FROM="$ALERT_MAIL_FROM" ALERT_MAIL_TO="$ALERT_MAIL_TO" ALERT_GROUP_WAIT="$ALERT_GROUP_WAIT" \
    ALERT_GROUP_INTERVAL="$ALERT_GROUP_INTERVAL" ALERT_REPEAT_INTERVAL="$ALERT_REPEAT_INTERVAL" \
    bash "$REPO_ROOT/infra/monitoring/render-config.sh" "$1"
}

prometheus_write_config() { render_monitoring_config prometheus >"$PROM_CONF"; }

prometheus_prepare() {
  mkdir -p "$PROM_DATA"
  prometheus_write_config
  promtool check config "$PROM_CONF" >>"$LOG_DIR/prometheus.log" 2>&1 ||
    { tail -n 20 "$LOG_DIR/prometheus.log" >&2; die "prometheus: $PROM_CONF or a rule file is invalid (promtool check config)"; }
}

prometheus_launch() {
  spawn_daemon "$PROM_PIDFILE" "$LOG_DIR/prometheus.log" prometheus \
    --config.file="$PROM_CONF" --storage.tsdb.path="$PROM_DATA" --storage.tsdb.retention.time="$PROMETHEUS_RETENTION" \
    --web.listen-address="$BIND_HOST:$PROMETHEUS_PORT" --web.enable-lifecycle
}

prometheus_ready() { http_ok "http://$BIND_HOST:$PROMETHEUS_PORT/-/ready"; }
prometheus_setup() { :; }
prometheus_stop() {
  local pid
  pid=$(prometheus_pid) || return 0
  stop_pid "$pid" prometheus 30
}

# --- alertmanager -----------------------------------------------------------------------------------------------
alertmanager_port_vars() { echo "ALERTMANAGER_PORT"; }
alertmanager_ports() { echo "$ALERTMANAGER_PORT"; }
alertmanager_port_label() { echo "$ALERTMANAGER_PORT"; }
alertmanager_pid() { pid_from_file_if_ours "$AM_PIDFILE" "$AM_CONF"; }
alertmanager_missing_packages() { command -v prometheus-alertmanager >/dev/null && command -v amtool >/dev/null || echo prometheus-alertmanager; }
alertmanager_install() { :; }

# One receiver, `leads`: the notice board (webhook) and a mail. Alerts are grouped by name; resolved ones are sent too.
alertmanager_write_config() { render_monitoring_config alertmanager >"$AM_CONF"; }

alertmanager_prepare() {
  mkdir -p "$AM_DATA"
  ensure_secret_file "$ALERTS_WEBHOOK_TOKEN_FILE"
  alertmanager_write_config
  amtool check-config "$AM_CONF" >>"$LOG_DIR/alertmanager.log" 2>&1 ||
    { tail -n 20 "$LOG_DIR/alertmanager.log" >&2; die "alertmanager: $AM_CONF is invalid (amtool check-config)"; }
}

# --cluster.listen-address= (empty): a single instance, no gossip port.
alertmanager_launch() {
  spawn_daemon "$AM_PIDFILE" "$LOG_DIR/alertmanager.log" prometheus-alertmanager \
    --config.file="$AM_CONF" --storage.path="$AM_DATA" \
    --web.listen-address="$BIND_HOST:$ALERTMANAGER_PORT" --cluster.listen-address=
}

alertmanager_ready() { http_ok "http://$BIND_HOST:$ALERTMANAGER_PORT/-/ready"; }
alertmanager_setup() { :; }
alertmanager_stop() {
  local pid
  pid=$(alertmanager_pid) || return 0
  stop_pid "$pid" alertmanager 20
}
