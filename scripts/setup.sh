#!/usr/bin/env bash
# Create .venv and install detente with its pinned dependencies (spaCy pipeline included).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip==25.3
.venv/bin/pip install --quiet -c requirements.lock -e ".[test]"
