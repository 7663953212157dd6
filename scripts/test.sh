#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit + route-handler tests (PGlite and PostgreSQL), then e2e in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint --max-warnings=0 .
echo "== vitest"; npx vitest run
echo "== playwright"; npx playwright test
