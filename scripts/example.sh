#!/usr/bin/env bash
# Set up, then code the bundled example article.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/detente code examples/embassy-closures.md --date 2025-03-14
