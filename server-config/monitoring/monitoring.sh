# Monitoring for ./exchange (issue #17), sourced by it: Debian's Prometheus, Alertmanager and the
# MariaDB and Redis exporters, bound to 127.0.0.1, with their data under .work/monitoring.
# Alertmanager notifies the dev services' sink (GET /alerts beside the mailbox).
M_DIR=$WORK/monitoring
M_PROMETHEUS_PORT=${EXCHANGE_PROMETHEUS_PORT:-9090}
M_ALERTMANAGER_PORT=${EXCHANGE_ALERTMANAGER_PORT:-9093}
M_MYSQLD_EXPORTER_PORT=${EXCHANGE_MYSQLD_EXPORTER_PORT:-9104}
M_REDIS_EXPORTER_PORT=${EXCHANGE_REDIS_EXPORTER_PORT:-9121}
M_PACKAGES=(prometheus prometheus-alertmanager prometheus-mysqld-exporter prometheus-redis-exporter)
M_PROCESSES=(prometheus alertmanager mysqld-exporter redis-exporter)

monitoring_installed() {
  command -v prometheus >/dev/null && command -v promtool >/dev/null && command -v prometheus-alertmanager >/dev/null \
    && command -v prometheus-mysqld-exporter >/dev/null && command -v prometheus-redis-exporter >/dev/null
}

# ensure_monitoring: installs the packages when missing; returns 1 (having said why) when it cannot.
ensure_monitoring() {
  monitoring_installed && return
  [ "$(id -u)" = 0 ] || { log "monitoring needs Debian's packages (as root: apt-get install ${M_PACKAGES[*]})"; return 1; }
  log "installing Prometheus, Alertmanager and the exporters (apt)"
  mkdir -p "$WORK/logs"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${M_PACKAGES[@]}") \
    >"$WORK/logs/apt-monitoring.log" 2>&1 || { tail -20 "$WORK/logs/apt-monitoring.log"; die "monitoring install failed"; }
}

# check_alert_rules: the alert rules' own examples (promtool test rules); part of ./exchange test.
check_alert_rules() {
  ensure_monitoring || die "the alert rules' examples need promtool"
  log "alert rules: promtool check and test"
  promtool check rules "$ROOT"/server-config/monitoring/rules/*.yml >/dev/null || die "alert rules do not load"
  (cd "$ROOT/server-config/monitoring/rules-test" && promtool test rules ./*.yml) || die "alert rule examples failed"
}

# start_monitoring "host:port,..." DB_PORT [required]: (re)starts all four with the exchange's
# instances as targets. Without the packages (and no root to install them) the exchange runs
# without monitoring, unless it is required (the tests).
start_monitoring() {
  local targets=$1 db_port=$2 required=${3:-} t quoted="" name port
  if ! ensure_monitoring; then
    [ -z "$required" ] || die "monitoring is required here"
    log "the exchange runs without monitoring"
    return 0
  fi
  stop_monitoring quiet
  # Debian's packages start their own services where systemd runs: ours would then fail to bind,
  # and a readiness check by port alone would find theirs, with the wrong configuration.
  for port in "$M_PROMETHEUS_PORT" "$M_ALERTMANAGER_PORT" "$M_MYSQLD_EXPORTER_PORT" "$M_REDIS_EXPORTER_PORT"; do
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null \
      || die "port $port is taken (a Prometheus service of the system? systemctl stop prometheus prometheus-alertmanager prometheus-mysqld-exporter prometheus-redis-exporter)"
  done
  mkdir -p "$M_DIR/prometheus-data" "$M_DIR/alertmanager-data" "$WORK/run" "$WORK/logs"
  for t in ${targets//,/ }; do quoted+="${quoted:+, }'$t'"; done
  sed -e "s#@ROOT@#$ROOT#g" -e "s#@EXCHANGE_TARGETS@#$quoted#" -e "s#@ALERTMANAGER_PORT@#$M_ALERTMANAGER_PORT#g" \
      -e "s#@PROMETHEUS_PORT@#$M_PROMETHEUS_PORT#g" -e "s#@MYSQLD_EXPORTER_PORT@#$M_MYSQLD_EXPORTER_PORT#g" \
      -e "s#@REDIS_EXPORTER_PORT@#$M_REDIS_EXPORTER_PORT#g" \
      "$ROOT/server-config/monitoring/prometheus.yml.in" >"$M_DIR/prometheus.yml"
  sed -e "s#@MAILBOX_PORT@#$MAILBOX_PORT#g" "$ROOT/server-config/monitoring/alertmanager.yml.in" >"$M_DIR/alertmanager.yml"
  promtool check config "$M_DIR/prometheus.yml" >"$WORK/logs/prometheus-check.log" 2>&1 \
    || { cat "$WORK/logs/prometheus-check.log"; die "the rendered Prometheus configuration is invalid"; }
  m_spawn alertmanager prometheus-alertmanager --config.file="$M_DIR/alertmanager.yml" \
    --storage.path="$M_DIR/alertmanager-data" --web.listen-address="127.0.0.1:$M_ALERTMANAGER_PORT" --cluster.listen-address=
  DATA_SOURCE_NAME="root:@(127.0.0.1:$db_port)/" m_spawn mysqld-exporter prometheus-mysqld-exporter \
    --web.listen-address="127.0.0.1:$M_MYSQLD_EXPORTER_PORT"
  m_spawn redis-exporter prometheus-redis-exporter -web.listen-address "127.0.0.1:$M_REDIS_EXPORTER_PORT" \
    -redis.addr "redis://${EXCHANGE_REDIS_HOST:-127.0.0.1}:${EXCHANGE_REDIS_PORT:-6379}"
  # Two days of dev history at most: it is for looking at the last runs, not for keeping.
  m_spawn prometheus prometheus --config.file="$M_DIR/prometheus.yml" --storage.tsdb.path="$M_DIR/prometheus-data" \
    --storage.tsdb.retention.time=2d --web.listen-address="127.0.0.1:$M_PROMETHEUS_PORT"
  for _ in $(seq 1 40); do
    curl -fs -o /dev/null "http://127.0.0.1:$M_PROMETHEUS_PORT/-/ready" && curl -fs -o /dev/null "http://127.0.0.1:$M_ALERTMANAGER_PORT/-/ready" \
      && { for name in "${M_PROCESSES[@]}"; do
             kill -0 "$(cat "$WORK/run/$name.pid")" 2>/dev/null || { tail -20 "$WORK/logs/$name.log" >&2; die "$name exited"; }
           done
           log "monitoring up: Prometheus :$M_PROMETHEUS_PORT, Alertmanager :$M_ALERTMANAGER_PORT (scraping $targets)"; return; }
    sleep 0.5
  done
  tail -20 "$WORK/logs/prometheus.log" "$WORK/logs/alertmanager.log" >&2
  die "Prometheus or Alertmanager did not become ready"
}

m_spawn() {
  local name=$1; shift
  nohup "$@" >"$WORK/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$WORK/run/$name.pid"
}

stop_monitoring() {
  local name pid stopped=""
  for name in "${M_PROCESSES[@]}"; do
    [ -f "$WORK/run/$name.pid" ] || continue
    pid=$(cat "$WORK/run/$name.pid")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
      stopped=yes
    fi
    rm -f "$WORK/run/$name.pid"
  done
  [ -n "$stopped" ] && [ "${1:-}" != quiet ] && log "monitoring stopped" || true
}
