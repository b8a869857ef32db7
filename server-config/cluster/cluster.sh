# The Payara cluster of issue #16, sourced by ./exchange for `up --cluster` / `start --cluster`:
# a DAS of its own (its own Payara copy under .work/cluster, so the single-node domain stays as
# it is), a deployment group of two instances on loopback, the EAR deployed to the group, and
# HAProxy (Debian's) on the traders' port in front of both. What was tried first, and its traps,
# is in ../shared/design/PLATFORM-NOTES.md ("A Payara cluster ... on one machine").

CLUSTER_DIR=$WORK/cluster
C_PAYARA=$CLUSTER_DIR/payara6
C_ASADMIN=$C_PAYARA/bin/asadmin
C_DOMAIN_DIR=$C_PAYARA/glassfish/domains/domain1
C_DAS_HTTP=${EXCHANGE_CLUSTER_DAS_HTTP_PORT:-18080}
C_GROUP=exchange-group
C_CONFIG=exchange-config
# instance name, HTTP port, Hazelcast port
C_INSTANCES=("inst1 28081 5901" "inst2 28082 5902")
C_DAS_HZ=4900
# The cluster's own state (issue #16): a MariaDB primary with a replica (the machine's MariaDB runs
# without a binary log, so it cannot be a primary), a RocketMQ broker group of two replicas with
# the controller in the name server, and Redis database 1. The single node's state stays as it was.
C_DB_PRIMARY=${EXCHANGE_CLUSTER_DB_PORT:-3307}
C_DB_REPLICA=${EXCHANGE_CLUSTER_DB_REPLICA_PORT:-3308}
C_REDIS_DB=1
C_CONTROLLER=9878
# component name, broker port (its HA port is the next one)
C_BROKERS=("broker-r0 10911" "broker-r1 10921")

# The DAS: its own domain, its listeners on loopback and its HTTP port off the traders' one.
setup_cluster_das() {
  if [ ! -x "$C_ASADMIN" ]; then
    log "unpacking Payara Server for the cluster"
    mkdir -p "$CLUSTER_DIR"
    unzip -q "$ROOT/server-config/target/dist/payara.zip" -d "$CLUSTER_DIR"
  fi
  [ -f "$CLUSTER_DIR/configured" ] && return
  local xml=$C_DOMAIN_DIR/config/domain.xml
  sed -i -e 's/address="0\.0\.0\.0"/address="127.0.0.1"/g' \
         -e 's/<network-listener port=/<network-listener address="127.0.0.1" port=/g' \
         -e 's/;AUTO_SERVER=TRUE//g' "$xml"
  # Only in the DAS's own config: its HTTP listener leaves 8080 to HAProxy.
  python3 - "$xml" "$C_DAS_HTTP" <<'PY'
import re, sys
path, port = sys.argv[1], sys.argv[2]
s = open(path).read()
start = s.index('<config name="server-config"')
end = s.index('</config>', start)
block = s[start:end]
block = re.sub(r'(<network-listener [^>]*name="http-listener-1"[^>]*)port="8080"', r'\1port="%s"' % port, block)
block = re.sub(r'(<network-listener [^>]*)port="8080"([^>]*name="http-listener-1")', r'\1port="%s"\2' % port, block)
open(path, 'w').write(s[:start] + block + s[end:])
PY
  cp "$ROOT/server-config/target/dist/mysql-connector-j.jar" "$C_DOMAIN_DIR/lib/"
  log "configuring the cluster's DAS, its instances' config and the deployment group (first start only)"
  "$C_ASADMIN" start-domain domain1 >"$WORK/logs/cluster-setup.log" 2>&1 || { cat "$WORK/logs/cluster-setup.log"; die "cluster DAS did not start"; }
  local file=$CLUSTER_DIR/cluster.asadmin
  cluster_asadmin_file >"$file"
  "$C_ASADMIN" multimode --file "$file" >>"$WORK/logs/cluster-setup.log" 2>&1 \
    || { cat "$WORK/logs/cluster-setup.log"; "$C_ASADMIN" stop-domain domain1 || true; die "cluster setup failed"; }
  "$C_ASADMIN" stop-domain domain1 >>"$WORK/logs/cluster-setup.log" 2>&1
  touch "$CLUSTER_DIR/configured"
}

# The single node's domain settings, retargeted at the instances' config, then the group.
cluster_asadmin_file() {
  local members="127.0.0.1:$C_DAS_HZ"
  for i in "${C_INSTANCES[@]}"; do set -- $i; members="$members,127.0.0.1:$3"; done
  echo "copy-config default-config $C_CONFIG"
  sed -e "s#@WORK@#$WORK#g" -e "s#@DB_USER@#${EXCHANGE_DB_USER:-exchange}#g" \
      -e "s#@DB_PASSWORD@#${EXCHANGE_DB_PASSWORD:-exchange}#g" \
      -e "s#@DB_HOST@#127.0.0.1#g" -e "s#@DB_PORT@#$C_DB_PRIMARY#g" \
      -e "s#@DB_REPLICA_PORT@#$C_DB_REPLICA#g" -e "s#@DB_REPLICA_USER@#exchange_reader#g" -e "s#@DB_REPLICA_PASSWORD@#exchange_reader#g" \
      -e "s#@BTC_XPUB@#$(cat "$WORK/keys/btc-account.xpub")#g" -e "s#@ETH_XPUB@#$(cat "$WORK/keys/eth-account.xpub")#g" \
      "$ROOT/server-config/payara/domain.asadmin" \
    | grep -v '^set-hazelcast-configuration' \
    | sed -e "s#configs\.config\.server-config\.#configs.config.$C_CONFIG.#g" \
          -e "s#^create-jvm-options #create-jvm-options --target $C_CONFIG #" \
          -e "s#^delete-jvm-options #delete-jvm-options --target $C_CONFIG #"
  # The data grid: every member named, on loopback (with --interfaces alone the instances never
  # joined the DAS's grid: its discovery swaps a loopback address for the machine's real one).
  echo "set-hazelcast-configuration --clustermode tcpip --tcpipmembers $members --clustername exchange-cluster --interfaces 127.0.0.1 --dasbindaddress 127.0.0.1 --dasport $C_DAS_HZ"
  for l in http-listener-1 http-listener-2 admin-listener; do
    echo "set configs.config.$C_CONFIG.network-config.network-listeners.network-listener.$l.address=127.0.0.1"
  done
  echo "set configs.config.$C_CONFIG.iiop-service.iiop-listener.orb-listener-1.address=127.0.0.1"
  echo "set configs.config.$C_CONFIG.iiop-service.iiop-listener.SSL.address=127.0.0.1"
  echo "set configs.config.$C_CONFIG.iiop-service.iiop-listener.SSL_MUTUALAUTH.address=127.0.0.1"
  echo "set configs.config.$C_CONFIG.admin-service.jmx-connector.system.address=127.0.0.1"
  echo "create-deployment-group $C_GROUP"
  for i in "${C_INSTANCES[@]}"; do
    set -- $i
    echo "create-instance --node localhost-domain1 --config $C_CONFIG --systemproperties HTTP_LISTENER_PORT=$2:HZ_LISTENER_PORT=$3 $1"
    echo "add-instance-to-deployment-group --instance $1 --deploymentgroup $C_GROUP"
  done
  echo "create-resource-ref --target $C_GROUP jdbc/exchange"
  echo "create-resource-ref --target $C_GROUP jdbc/exchange-replica"
  # Jakarta Batch's job repository on the cluster's primary, not each instance's own H2 file: the
  # daily finance job runs where the engine leads, and after a takeover the new leader must see
  # (and restart) what the old one ran.
  echo "create-jdbc-connection-pool --datasourceclassname=com.mysql.cj.jdbc.MysqlDataSource --restype=javax.sql.DataSource --steadypoolsize=1 --maxpoolsize=8 --property user=${EXCHANGE_DB_USER:-exchange}:password=${EXCHANGE_DB_PASSWORD:-exchange}:serverName=127.0.0.1:portNumber=$C_DB_PRIMARY:databaseName=exchange_batch:useSSL=false:allowPublicKeyRetrieval=true:serverTimezone=UTC exchange-batch-pool"
  echo "create-jdbc-resource --connectionpoolid=exchange-batch-pool jdbc/exchange-batch"
  echo "create-resource-ref --target $C_GROUP jdbc/exchange-batch"
  echo "set-batch-runtime-configuration --target $C_CONFIG --datasourcelookupname jdbc/exchange-batch --schemaName exchange_batch"
  echo "create-jvm-options --target $C_CONFIG -Dexchange.redis.database=$C_REDIS_DB"
  echo "create-jvm-options --target $C_CONFIG -Dexchange.rocketmq.route-poll-ms=1000"
}

# mariadbd of the machine's MariaDB, without the machine's my.cnf, on its own data dir and port.
start_cluster_db() {
  local role=$1 port=$2 id=$3; shift 3
  local dir=$CLUSTER_DIR/mariadb/$role
  if [ -f "$dir/mariadbd.pid" ] && kill -0 "$(cat "$dir/mariadbd.pid")" 2>/dev/null; then return; fi
  command -v mariadbd >/dev/null || die "the cluster's database needs MariaDB's server (mariadbd)"
  local fresh=0
  if [ ! -d "$dir/data/mysql" ]; then
    mkdir -p "$dir"
    mariadb-install-db --no-defaults --user=root --datadir="$dir/data" --auth-root-authentication-method=normal \
      >"$WORK/logs/cluster-db-$role-install.log" 2>&1 || { cat "$WORK/logs/cluster-db-$role-install.log"; die "mariadb-install-db ($role) failed"; }
    fresh=1
  fi
  nohup mariadbd --no-defaults --user=root --datadir="$dir/data" --port="$port" --bind-address=127.0.0.1 \
    --socket="$dir/mariadbd.sock" --pid-file="$dir/mariadbd.pid" --log-error="$dir/error.log" \
    --server-id="$id" --gtid-strict-mode=1 --innodb-buffer-pool-size=128M --max-connections=300 "$@" \
    >/dev/null 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    c_sql "$role" -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.5
  done
  c_sql "$role" -e 'SELECT 1' >/dev/null 2>&1 || { tail -20 "$dir/error.log"; die "the cluster's $role database did not start"; }
  [ $fresh = 1 ] && touch "$dir/fresh"
  log "cluster database $role on :$port"
}

c_sql() { local role=$1; shift; mariadb --no-defaults -uroot -S "$CLUSTER_DIR/mariadb/$role/mariadbd.sock" "$@"; }

# The primary writes a row-based binary log with global transaction ids; the replica follows it
# read-only. Users are made on the primary, so the replica has them through replication.
start_cluster_dbs() {
  start_cluster_db primary "$C_DB_PRIMARY" 1 --log-bin=binlog --binlog-format=ROW
  if [ -f "$CLUSTER_DIR/mariadb/primary/fresh" ]; then
    local u=${EXCHANGE_DB_USER:-exchange} p=${EXCHANGE_DB_PASSWORD:-exchange}
    c_sql primary -e "CREATE DATABASE IF NOT EXISTS exchange; CREATE DATABASE IF NOT EXISTS exchange_batch;
      CREATE USER '$u'@'127.0.0.1' IDENTIFIED BY '$p'; CREATE USER '$u'@'localhost' IDENTIFIED BY '$p';
      GRANT ALL PRIVILEGES ON *.* TO '$u'@'127.0.0.1'; GRANT ALL PRIVILEGES ON *.* TO '$u'@'localhost';
      CREATE USER 'exchange_reader'@'127.0.0.1' IDENTIFIED BY 'exchange_reader';
      GRANT SELECT, SLAVE MONITOR ON *.* TO 'exchange_reader'@'127.0.0.1';
      CREATE USER 'replication'@'127.0.0.1' IDENTIFIED BY 'replication';
      GRANT REPLICATION SLAVE ON *.* TO 'replication'@'127.0.0.1';" || die "the cluster's primary: users"
    rm -f "$CLUSTER_DIR/mariadb/primary/fresh"
  fi
  start_cluster_replica
}

start_cluster_replica() {
  start_cluster_db replica "$C_DB_REPLICA" 2 --read-only=1 --relay-log=relay
  if [ -f "$CLUSTER_DIR/mariadb/replica/fresh" ]; then
    c_sql replica -e "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$C_DB_PRIMARY, MASTER_USER='replication',
      MASTER_PASSWORD='replication', MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1; START SLAVE;" || die "the cluster's replica: CHANGE MASTER"
    rm -f "$CLUSTER_DIR/mariadb/replica/fresh"
  fi
}

stop_cluster_db() {
  local pidf=$CLUSTER_DIR/mariadb/$1/mariadbd.pid
  [ -f "$pidf" ] || return 0
  local pid; pid=$(cat "$pidf")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    log "cluster database $1 stopped"
  fi
  rm -f "$pidf"
}

# RocketMQ in controller mode: the name server runs the controller, both brokers are replicas of
# broker-a, each with its own store; the controller elects the master.
start_cluster_broker() {
  local name=$1 port=$2 wait=${3:-wait}
  EXCHANGE_CONTROLLER_ADDR=127.0.0.1:$C_CONTROLLER EXCHANGE_BROKER_PORT=$port \
    EXCHANGE_BROKER_STORE=$CLUSTER_DIR/rocketmq/$name start_java "$name" Broker 384m "$wait"
}

start_cluster_messaging() {
  # The single node's name server and broker hold the same ports.
  stop_java broker
  stop_java namesrv
  EXCHANGE_CONTROLLER_PORT=$C_CONTROLLER EXCHANGE_CONTROLLER_STORE=$CLUSTER_DIR/rocketmq/controller \
    start_java namesrv-controller NameServer 192m
  # Both at once: a replica that was not in the in-sync set when the group stopped is never elected
  # alone (no unclean election), so it waits for the other; each is ready once a master is elected.
  for b in "${C_BROKERS[@]}"; do start_cluster_broker $b nowait; done
  for b in "${C_BROKERS[@]}"; do set -- $b; pid_alive "$1" && [ -f "$WORK/run/$1.ready" ] || await_java "$1"; done
}

# A new cluster state: empty databases and broker stores together (the databases are projections
# of the journal in the broker), Redis database 1 flushed.
start_cluster_infra() {
  if [ ! -d "$CLUSTER_DIR/mariadb/primary/data/mysql" ]; then
    rm -rf "$CLUSTER_DIR/rocketmq" "$CLUSTER_DIR/mariadb"
    redis-cli -n "$C_REDIS_DB" flushdb >/dev/null 2>&1 || true
  fi
  start_cluster_dbs
  start_cluster_messaging
}

stop_cluster_infra() {
  for b in "${C_BROKERS[@]}"; do set -- $b; stop_java "$1"; done
  stop_java namesrv-controller
  stop_cluster_db replica
  stop_cluster_db primary
}

start_cluster() {
  command -v haproxy >/dev/null || install_haproxy
  # The single node's domain holds the traders' port: one or the other runs.
  "$ASADMIN" stop-domain domain1 >/dev/null 2>&1 && log "single-node Payara stopped" || true
  start_cluster_infra
  setup_cluster_das
  if ! curl -fs -o /dev/null "http://127.0.0.1:4848" 2>/dev/null; then
    log "starting the cluster's DAS"
    # The instances it starts inherit its environment: the first operator's password among it.
    EXCHANGE_ADMIN_PASSWORD=$(cat "$WORK/keys/admin-password") "$C_ASADMIN" start-domain domain1 >"$WORK/logs/cluster-start.log" 2>&1 || { cat "$WORK/logs/cluster-start.log"; die "cluster DAS did not start"; }
  fi
  log "starting the deployment group ($C_GROUP)"
  EXCHANGE_ADMIN_PASSWORD=$(cat "$WORK/keys/admin-password") \
    "$C_ASADMIN" start-deployment-group "$C_GROUP" >>"$WORK/logs/cluster-start.log" 2>&1 \
    || { tail -40 "$WORK/logs/cluster-start.log"; die "the deployment group did not start"; }
  start_haproxy
  deploy_cluster
}

deploy_cluster() {
  local ear=$ROOT/exchange-ear/target/exchange.ear sum
  sum=$(sha256sum "$ear" | cut -d' ' -f1)
  if [ "$(cat "$CLUSTER_DIR/deployed.sha" 2>/dev/null)" = "$sum" ] && "$C_ASADMIN" list-applications "$C_GROUP" 2>/dev/null | grep -q '^exchange '; then
    log "exchange.ear unchanged since its last deploy to the group"
  else
    log "deploying exchange.ear to $C_GROUP"
    "$C_ASADMIN" deploy --force=true --target "$C_GROUP" --name exchange "$ear" >"$WORK/logs/cluster-deploy.log" 2>&1 \
      || { cat "$WORK/logs/cluster-deploy.log"; die "deploy to the group failed"; }
    echo "$sum" >"$CLUSTER_DIR/deployed.sha"
  fi
  for i in "${C_INSTANCES[@]}"; do
    set -- $i
    for _ in $(seq 1 180); do curl -fs -o /dev/null "http://127.0.0.1:$2/health/ready" && break; sleep 1; done
    curl -fs -o /dev/null "http://127.0.0.1:$2/health/ready" && log "$1 ready on :$2" || die "$1 not ready on :$2 (see $C_PAYARA/glassfish/nodes/localhost-domain1/$1/logs/server.log)"
  done
  await_ready 30 && log "the cluster answers on :$HTTP_PORT" || die "HAProxy does not answer on :$HTTP_PORT"
}

install_haproxy() {
  [ "$(id -u)" = 0 ] || die "the cluster needs Debian's haproxy: apt-get install haproxy"
  log "installing haproxy (apt)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy) >"$WORK/logs/apt-haproxy.log" 2>&1 \
    || { tail -20 "$WORK/logs/apt-haproxy.log"; die "haproxy install failed"; }
}

# One address in front of both instances. Both serve traders (/api/engine/serves answers 200 where
# the engine leads, and on the standby while another live member leads: its engine calls are
# forwarded there); WebSocket upgrades pass through (tunnel timeout). A takeover is quick to see:
# the first refused connection of live traffic marks a dead instance down at once (observe
# layer4), and a server that is down is checked every 250 ms and up after one good check.
# With one check a second, two to fall and two to rise, traders waited 3.7 s after a kill.
# Retries: a read (GET, HEAD) is retried on another server whatever went wrong; anything else only
# when its connection failed before the request was sent. An order whose server died after reading
# it may be on the journal already: sent again it would be a second order (HAProxy retries any
# method it is told to), so the trader gets the error and decides, as with Binance's -1007.
start_haproxy() {
  mkdir -p "$WORK/run"
  local cfg=$CLUSTER_DIR/haproxy.cfg
  {
    cat <<CFG
global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout tunnel 1h
  retries 2
  option redispatch
frontend traders
  bind 127.0.0.1:$HTTP_PORT
  use_backend reads if METH_GET || METH_HEAD
  default_backend writes
CFG
    for b in reads writes; do
      echo "backend $b"
      echo "  balance roundrobin"
      if [ "$b" = reads ]; then
        echo "  retry-on conn-failure empty-response response-timeout 502 503"
      else
        echo "  retry-on conn-failure"
      fi
      echo "  option httpchk"
      echo "  http-check send meth GET uri /api/engine/serves ver HTTP/1.1 hdr Host localhost"
      for i in "${C_INSTANCES[@]}"; do
        set -- $i
        echo "  server $1 127.0.0.1:$2 check inter 1s fastinter 250ms downinter 250ms fall 2 rise 1 observe layer4 error-limit 1 on-error mark-down"
      done
    done
  } >"$cfg"
  if [ -f "$WORK/run/haproxy.pid" ] && kill -0 "$(cat "$WORK/run/haproxy.pid")" 2>/dev/null; then
    haproxy -D -f "$cfg" -p "$WORK/run/haproxy.pid" -sf "$(cat "$WORK/run/haproxy.pid")"
  else
    haproxy -D -f "$cfg" -p "$WORK/run/haproxy.pid"
  fi
  log "HAProxy on :$HTTP_PORT in front of ${#C_INSTANCES[@]} instances"
}

cluster_running() { pid_alive namesrv-controller; }

stop_cluster() {
  if [ -f "$WORK/run/haproxy.pid" ]; then
    kill "$(cat "$WORK/run/haproxy.pid")" 2>/dev/null && log "HAProxy stopped" || true
    rm -f "$WORK/run/haproxy.pid"
  fi
  if [ -x "$C_ASADMIN" ] && curl -fs -o /dev/null "http://127.0.0.1:4848" 2>/dev/null && [ -f "$CLUSTER_DIR/configured" ] \
     && "$C_ASADMIN" list-deployment-groups 2>/dev/null | grep -q "$C_GROUP"; then
    "$C_ASADMIN" stop-deployment-group "$C_GROUP" >/dev/null 2>&1 && log "deployment group stopped" || true
    "$C_ASADMIN" stop-domain domain1 >/dev/null 2>&1 && log "cluster DAS stopped" || true
  fi
  stop_cluster_infra
}

# The instances' own HTTP ports, for Prometheus: each is scraped itself, not through HAProxy.
cluster_metrics_targets() {
  local i out=""
  for i in "${C_INSTANCES[@]}"; do
    set -- $i
    out+="${out:+,}127.0.0.1:$2"
  done
  printf '%s' "$out"
}
