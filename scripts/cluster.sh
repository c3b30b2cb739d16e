#!/usr/bin/env bash
# A high-availability PostgreSQL cluster on this machine, for tests, benchmarks and demos:
# 3 etcd members, 3 PostgreSQL 15 nodes under Patroni (synchronous_mode: an acknowledged commit
# is on two nodes), and HAProxy with one port for the primary and one for the replicas, chosen by
# Patroni's REST health checks. Everything listens on 127.0.0.1 only and lives in one directory
# that `up` creates and `down` removes. Needs Debian's patroni, etcd-server, haproxy and
# postgresql-15 (.ci/run installs them).
#
#   scripts/cluster.sh up        start and wait until a primary and a synchronous replica serve
#   scripts/cluster.sh down      stop everything and remove the directory
#   scripts/cluster.sh status    patronictl list
#   scripts/cluster.sh ctl ...   any patronictl command (e.g. ctl switchover --force)
#   scripts/cluster.sh env       the connection URLs, as shell assignments
#
# Ports: etcd 23790-23795, PostgreSQL 55431-55433,
# Patroni REST 58008-58010, HAProxy primary 55440, replicas 55441, HAProxy stats 55442.
set -euo pipefail

DIR="${LUODI_CLUSTER_DIR:-${TMPDIR:-/tmp}/luodi-cluster}"
PG_BIN="${LUODI_CLUSTER_PG_BIN:-/usr/lib/postgresql/15/bin}"
PASSWORD="${LUODI_CLUSTER_PASSWORD:-luodi-cluster-secret}"
ETCD_BASE=23790
PG_BASE=55431
REST_BASE=58008
PRIMARY_PORT=55440
REPLICA_PORT=55441
STATS_PORT=55442
NODES=(1 2 3)
SCOPE=luodi

# PostgreSQL refuses to run as root; Patroni, etcd and HAProxy run as the same unprivileged user.
if [ "$(id -u)" = 0 ]; then as_pg() { runuser -u postgres -- "$@"; }; else as_pg() { "$@"; }; fi

etcd_client() { echo $((ETCD_BASE + 2 * ($1 - 1))); }
etcd_peer() { echo $((ETCD_BASE + 2 * ($1 - 1) + 1)); }
pg_port() { echo $((PG_BASE + $1 - 1)); }
rest_port() { echo $((REST_BASE + $1 - 1)); }

etcd_hosts() {
  local hosts=()
  for n in "${NODES[@]}"; do hosts+=("127.0.0.1:$(etcd_client "$n")"); done
  (IFS=,; echo "${hosts[*]}")
}

log() { echo "[cluster] $*" >&2; }

require() {
  local missing=()
  for tool in etcd patroni patronictl haproxy curl psql "$PG_BIN/postgres"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "missing: ${missing[*]} (apt-get install patroni etcd-server haproxy postgresql-15 curl)"
    exit 3
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_bg() { # name, command...: runs as postgres in the background, pid and log in $DIR
  local name=$1
  shift
  as_pg bash -c 'exec "$@" >>"'"$DIR/log/$name.log"'" 2>&1 & echo $! >"'"$DIR/run/$name.pid"'"' _ "$@"
}

wait_for() { # seconds, description, command...
  local seconds=$1 what=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      log "timed out waiting for $what; logs in $DIR/log"
      return 1
    fi
    sleep 0.3
  done
}

write_etcd() {
  local n=$1 initial=()
  for m in "${NODES[@]}"; do initial+=("etcd$m=http://127.0.0.1:$(etcd_peer "$m")"); done
  start_bg "etcd$n" etcd --name "etcd$n" --data-dir "$DIR/etcd$n" \
    --listen-client-urls "http://127.0.0.1:$(etcd_client "$n")" --advertise-client-urls "http://127.0.0.1:$(etcd_client "$n")" \
    --listen-peer-urls "http://127.0.0.1:$(etcd_peer "$n")" --initial-advertise-peer-urls "http://127.0.0.1:$(etcd_peer "$n")" \
    --initial-cluster "$(IFS=,; echo "${initial[*]}")" --initial-cluster-token "$SCOPE-$$" --initial-cluster-state new \
    --heartbeat-interval 100 --election-timeout 1000
}

write_patroni() {
  local n=$1
  cat >"$DIR/patroni$n.yml" <<EOF
scope: $SCOPE
name: pg$n
log:
  level: WARNING
restapi:
  listen: 127.0.0.1:$(rest_port "$n")
  connect_address: 127.0.0.1:$(rest_port "$n")
etcd3:
  hosts: $(etcd_hosts)
bootstrap:
  dcs:
    # Detect a dead primary within seconds (loop_wait + 2 * retry_timeout <= ttl).
    ttl: 10
    loop_wait: 1
    retry_timeout: 4
    # A crashed primary is not restarted in place: its synchronous replica takes over at once.
    primary_start_timeout: 0
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      remove_data_directory_on_rewind_failure: true
      remove_data_directory_on_diverged_timelines: true
      parameters:
        max_connections: 200
        wal_level: replica
        hot_standby: 'on'
        wal_log_hints: 'on'
        max_wal_senders: 10
        max_replication_slots: 10
        wal_keep_size: 256MB
        shared_buffers: 64MB
        fsync: 'on'
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - auth-host: scram-sha-256
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
postgresql:
  listen: 127.0.0.1:$(pg_port "$n")
  connect_address: 127.0.0.1:$(pg_port "$n")
  data_dir: $DIR/pg$n
  bin_dir: $PG_BIN
  pgpass: $DIR/run/pgpass$n
  authentication:
    superuser: {username: postgres, password: '$PASSWORD'}
    replication: {username: replicator, password: '$PASSWORD'}
    rewind: {username: postgres, password: '$PASSWORD'}
  parameters:
    unix_socket_directories: '$DIR/run'
tags:
  nofailover: false
  noloadbalance: false
EOF
}

write_haproxy() {
  {
    cat <<EOF
global
  maxconn 1000
defaults
  mode tcp
  retries 2
  timeout connect 2s
  # LISTEN connections and idle pooled ones stay open for long; keep-alive detects dead peers.
  timeout client 30m
  timeout server 30m
  timeout check 1s
  option clitcpka
  option srvtcpka
listen stats
  mode http
  bind 127.0.0.1:$STATS_PORT
  stats enable
  stats uri /
EOF
    for role in primary replica; do
      local port=$PRIMARY_PORT
      [ "$role" = replica ] && port=$REPLICA_PORT
      cat <<EOF
listen $role
  bind 127.0.0.1:$port
  balance roundrobin
  option httpchk GET /$role
  http-check expect status 200
  # A node that stops being $role has its client connections cut at once, so no client keeps
  # writing to a demoted primary.
  default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 1 on-marked-down shutdown-sessions
EOF
      for n in "${NODES[@]}"; do echo "  server pg$n 127.0.0.1:$(pg_port "$n") check port $(rest_port "$n")"; done
    done
  } >"$DIR/haproxy.cfg"
  start_bg haproxy haproxy -db -f "$DIR/haproxy.cfg"
}

rest_ok() { curl -fsS -o /dev/null "http://127.0.0.1:$1/$2"; }

cluster_json() {
  local n
  for n in "${NODES[@]}"; do curl -fsS "http://127.0.0.1:$(rest_port "$n")/cluster" 2>/dev/null && return 0; done
  return 1
}

# A leader and two streaming replicas, one of them synchronous.
healthy() {
  cluster_json | python3 -c '
import json, sys
members = json.load(sys.stdin)["members"]
leaders = [m for m in members if m["role"] == "leader" and m["state"] == "running"]
syncs = [m for m in members if m["role"] == "sync_standby" and m["state"] in ("running", "streaming")]
replicas = [m for m in members if m["role"] in ("replica", "sync_standby") and m["state"] in ("running", "streaming")]
sys.exit(0 if len(leaders) == 1 and len(syncs) >= 1 and len(replicas) == 2 else 1)'
}

through_haproxy() {
  PGPASSWORD="$PASSWORD" psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -Atc 'SELECT NOT pg_is_in_recovery()' | grep -qx t &&
    PGPASSWORD="$PASSWORD" psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -d postgres -Atc 'SELECT pg_is_in_recovery()' | grep -qx t
}

up() {
  require
  if [ -d "$DIR" ]; then
    log "$DIR exists: a cluster may be running (scripts/cluster.sh down first)"
    exit 1
  fi
  for port in $(etcd_client 1) $(etcd_peer 1) $(etcd_client 2) $(etcd_peer 2) $(etcd_client 3) $(etcd_peer 3) \
    $(pg_port 1) $(pg_port 2) $(pg_port 3) $(rest_port 1) $(rest_port 2) $(rest_port 3) $PRIMARY_PORT $REPLICA_PORT $STATS_PORT; do
    if port_in_use "$port"; then
      log "port $port is taken (a system etcd? systemctl stop etcd)"
      exit 1
    fi
  done
  mkdir -p "$DIR/log" "$DIR/run"
  chmod 755 "$DIR"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$DIR"
  trap 'log "start failed; cleaning up"; down >/dev/null 2>&1 || true' ERR
  for n in "${NODES[@]}"; do write_etcd "$n"; done
  for n in "${NODES[@]}"; do wait_for 30 "etcd$n" curl -fsS "http://127.0.0.1:$(etcd_client "$n")/health"; done
  log "etcd: 3 members up"
  for n in "${NODES[@]}"; do
    write_patroni "$n"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR/patroni$n.yml"
    chmod 600 "$DIR/patroni$n.yml"
    start_bg "patroni$n" patroni "$DIR/patroni$n.yml"
    # The first node bootstraps; the others clone from it once it leads.
    [ "$n" = 1 ] && wait_for 90 "the first primary" rest_ok "$(rest_port 1)" primary
  done
  wait_for 120 "a primary with two replicas, one synchronous" healthy
  write_haproxy
  wait_for 30 "HAProxy routing to the primary and the replicas" through_haproxy
  trap - ERR
  log "up: primary postgres://postgres:***@127.0.0.1:$PRIMARY_PORT, replicas 127.0.0.1:$REPLICA_PORT (dir $DIR)"
}

stop_pid() { # name, signal
  local file="$DIR/run/$1.pid"
  [ -f "$file" ] || return 0
  local pid
  pid=$(cat "$file")
  kill "-${2:-TERM}" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || { rm -f "$file"; return 0; }; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$file"
}

down() {
  [ -d "$DIR" ] || { log "nothing to stop ($DIR does not exist)"; return 0; }
  stop_pid haproxy KILL
  # Everything is thrown away, so nothing needs a clean shutdown: Patroni is killed first (so it
  # restarts nothing), then each PostgreSQL gets an immediate shutdown.
  for n in "${NODES[@]}"; do stop_pid "patroni$n" KILL & done
  wait
  local pids=()
  for n in "${NODES[@]}"; do
    if [ -f "$DIR/pg$n/postmaster.pid" ]; then
      pids+=("$(head -1 "$DIR/pg$n/postmaster.pid")")
      kill -QUIT "${pids[-1]}" 2>/dev/null || true
    fi
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  for n in "${NODES[@]}"; do stop_pid "etcd$n" KILL & done
  wait
  rm -rf "$DIR"
  log "down: stopped and removed $DIR"
}

patronictl_() { as_pg patronictl -c "$DIR/patroni1.yml" "$@"; }

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) patronictl_ list ;;
  ctl) shift; patronictl_ "$@" ;;
  env)
    echo "LUODI_CLUSTER_PRIMARY_URL=postgres://postgres:$PASSWORD@127.0.0.1:$PRIMARY_PORT"
    echo "LUODI_CLUSTER_REPLICA_URL=postgres://postgres:$PASSWORD@127.0.0.1:$REPLICA_PORT"
    echo "LUODI_CLUSTER_REST_PORTS=$(rest_port 1),$(rest_port 2),$(rest_port 3)"
    echo "LUODI_CLUSTER_DIR=$DIR"
    ;;
  *)
    echo "usage: $0 up|down|status|env|ctl <patronictl arguments>" >&2
    exit 2
    ;;
esac
