#!/usr/bin/env bash
# The main job: start the service on 127.0.0.1 with the demo school loaded from rules-samples and
# settled, and print the URLs of the OpenAPI UI, the demo settlement and the published accounts.
# The database is data/compensation.db; a second start reuses it. Stop with Ctrl-C.
# Usage: bash scripts/main.sh [--urls http://127.0.0.1:5080]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
root="$PWD"
mkdir -p data
dotnet build -c Release src/Api/Compensation.Api.csproj -v quiet -nologo
exec dotnet run -c Release --no-build --project src/Api -- serve \
  --Data:Sqlite "$root/data/compensation.db" \
  --Demo:Sample "$root/rules-samples/yongqiao-002-s1" "$@"
