#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit + route-handler tests (PGlite and PostgreSQL), e2e in Chromium,
# then two production instances as one cluster (reusing the build Playwright just made).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== typecheck"; npx tsc --noEmit
echo "== lint"; npx eslint --max-warnings=0 .
echo "== vitest"; npx vitest run
echo "== playwright"; npx playwright test
echo "== cluster"; npm run test:cluster
