#!/usr/bin/env bash
# The main job: start the service on 127.0.0.1 with the demo school loaded from rules-samples and
# settled, and print the URLs of the OpenAPI UI, the demo settlement and the published accounts.
# The database is data/compensation.db; a second start reuses it. Stop with Ctrl-C.
# Usage: bash scripts/main.sh [--postgres] [--urls http://127.0.0.1:5080] [--Setting value ...]
# --postgres starts this machine's PostgreSQL server (as scripts/postgres.sh does) and uses its database
# "compensation". Given --Data:Provider postgres with a connection string to 127.0.0.1 or localhost, the
# local server is started too, so the README's district command works on a machine where it is stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
root="$PWD"
mkdir -p data
args=()
postgres=0
for arg in "$@"; do
  if [ "$arg" = --postgres ]; then postgres=1; else args+=("$arg"); fi
done
if [ "$postgres" = 1 ]; then
  connection="$(bash scripts/postgres.sh)"
  args=(--Data:Provider postgres --ConnectionStrings:Postgres "$connection;Database=compensation" "${args[@]}")
elif printf '%s\n' "${args[@]}" | grep -qix postgres && printf '%s\n' "${args[@]}" | grep -qiE 'Host=(127\.0\.0\.1|localhost)(;|$)'; then
  bash scripts/postgres.sh >/dev/null
fi
dotnet build -c Release src/Api/Compensation.Api.csproj -v quiet -nologo
exec dotnet run -c Release --no-build --project src/Api -- serve \
  --Data:Sqlite "$root/data/compensation.db" \
  --Demo:Sample "$root/rules-samples/yongqiao-002-s1" "${args[@]}"
