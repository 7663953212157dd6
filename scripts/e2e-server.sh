#!/usr/bin/env bash
# The studio as `npm start` runs it, with a fresh data dir and a fast emulator, for Playwright.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATA_DIR="${E2E_DATA_DIR:-$PWD/data/e2e-${PORT:-3100}}"
rm -rf "$DATA_DIR"
export EMULATOR_PORT="${E2E_EMULATOR_PORT:-3110}"
export EMULATOR_TIME_SCALE="${EMULATOR_TIME_SCALE:-0.05}"
unset PIXAPI_KEY DATABASE_URL
export STUDIO_IGNORE_DOTENV=1
# No ADMIN_EMAILS: e2e/global-setup.ts makes the e2e admin the first account, as a real studio's owner would.
unset ADMIN_EMAILS
# Every e2e test signs up (and in) its own user from 127.0.0.1: far more than the
# defaults of 20 sign-ups an hour and 40 sign-ins per 15 minutes per address.
export RATE_LIMIT_SIGNUPS_PER_HOUR="${RATE_LIMIT_SIGNUPS_PER_HOUR:-100000}"
export RATE_LIMIT_SIGNINS_PER_IP="${RATE_LIMIT_SIGNINS_PER_IP:-100000}"
exec npx tsx scripts/start.ts
