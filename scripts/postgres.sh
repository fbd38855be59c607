#!/usr/bin/env bash
# Starts the machine's PostgreSQL server on loopback (installed by scripts/setup.sh) for the tests,
# and prints a connection string without a database. Idempotent.
set -euo pipefail
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  service postgresql start >/dev/null 2>&1 || pg_ctlcluster "$(pg_lsclusters -h | awk 'NR==1{print $1}')" main start
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres';\"" >/dev/null
echo "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres"
