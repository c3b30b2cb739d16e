#!/bin/sh
# Run once by Patroni on the node that creates the cluster: Luodi's own role and database.
set -eu
psql "$1" -v ON_ERROR_STOP=1 -v password="$LUODI_DB_PASSWORD" <<'SQL'
CREATE ROLE luodi LOGIN PASSWORD :'password';
CREATE DATABASE luodi OWNER luodi;
SQL
