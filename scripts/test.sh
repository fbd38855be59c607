#!/usr/bin/env bash
# Runs every test of the solution and ends with one line "N passed, N failed".
# Exits non-zero if the build fails or any test fails.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
results="TestResults/run-$$"
rm -rf "$results"
dotnet test Compensation.sln -c Release --nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
rc=$?

# The service's tests once more, on a real PostgreSQL server on loopback.
if postgres=$(bash scripts/postgres.sh); then
  COMPENSATION_TEST_POSTGRES="$postgres" dotnet test tests/Compensation.Api.Tests -c Release --no-build --nologo \
    --logger "trx;LogFilePrefix=postgres" --logger "console;verbosity=minimal" --results-directory "$results"
  pg_rc=$?
  [ "$rc" -eq 0 ] && rc=$pg_rc
else
  echo "PostgreSQL could not be started: the service's tests did not run on it"
  rc=1
fi
passed=0
failed=0
shopt -s nullglob
trx_files=("$results"/*.trx)
for trx in "${trx_files[@]}"; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "${#trx_files[@]}" -eq 0 ]; then
  echo "no test results: the build or the test run failed before any test ran"
  [ "$rc" -eq 0 ] && rc=1
fi
if [ "$failed" -gt 0 ] && [ "$rc" -eq 0 ]; then rc=1; fi
if [ "$passed" -eq 0 ] && [ "$rc" -eq 0 ]; then
  echo "no test passed"
  rc=1
fi
echo "$passed passed, $failed failed"
exit "$rc"
