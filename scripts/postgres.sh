#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the ledger tests.
#
#   eval "$(bash scripts/postgres.sh)"        # installs PostgreSQL (apt-get) if missing, starts a server,
#                                             # prints `export AIDLEDGER_TEST_POSTGRES_URL=...` lines
#   bash scripts/postgres.sh stop DATADIR     # stops it and removes its data directory
#
# The server trusts local connections and lives in a fresh temporary directory, so it never touches
# a PostgreSQL the machine already runs. initdb refuses to run as root: as root it runs as `postgres`.
set -euo pipefail

# The newest installed server: a directory with initdb (the client package alone has the directory, not the server).
pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  done
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "stop" ]; then
  data=${2:?usage: postgres.sh stop DATADIR}
  as_owner "$(pg_bin)/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data"
  exit 0
fi

if [ -z "$(pg_bin)" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres.sh: PostgreSQL is not installed and installing it needs root (apt-get install postgresql)" >&2
    exit 1
  fi
  echo "postgres.sh: installing PostgreSQL with apt-get" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
bin=$(pg_bin)

data=$(mktemp -d /tmp/aidledger-pg.XXXXXX)
chmod 700 "$data"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$data"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

as_owner "$bin/initdb" -D "$data" -U aidledger --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off" start >/dev/null

echo "postgres.sh: PostgreSQL running on 127.0.0.1:$port (data in $data)" >&2
echo "export AIDLEDGER_TEST_POSTGRES_URL=postgresql+psycopg://aidledger@127.0.0.1:$port/postgres"
echo "export AIDLEDGER_TEST_POSTGRES_DIR=$data"
