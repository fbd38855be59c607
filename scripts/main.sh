#!/usr/bin/env bash
# The main job: settle a sample school's term and print its summary.
# Usage: bash scripts/main.sh [sample-folder]   (default: rules-samples/yongqiao-002-s1)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
sample="${1:-rules-samples/yongqiao-002-s1}"
mkdir -p out
dotnet build -c Release src/Api/Compensation.Api.csproj -v quiet -nologo
dotnet run -c Release --no-build --project src/Api -- settle "$sample" --out "out/$(basename "$sample").settlement.json"
