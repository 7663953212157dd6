# syntax=docker/dockerfile:1
# Pixapi Studio. Targets:
#   runtime (default)  the studio: Next standalone output served by scripts/serve.mjs, non-root, ffmpeg
#   migrate            one-shot: applies database migrations (run before the studio starts)
#   emulator           the local Pixapi for demos and tests (ffmpeg + the fonts it renders with)
ARG NODE_VERSION=20.20

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# postinstall generates the Prisma client from the schema.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
# Every build also emits .next/standalone (server code and only the node_modules files it needs).
RUN npx next build

FROM build AS migrate
USER node
CMD ["npx", "tsx", "scripts/migrate.ts"]

FROM build AS emulator
USER root
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*
USER node
ENV EMULATOR_PORT=4010
EXPOSE 4010
CMD ["npx", "tsx", "emulator/main.ts"]

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends ffmpeg \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /data && chown node:node /data
WORKDIR /app
# NEXT_MANUAL_SIG_HANDLE: SIGTERM is handled by the studio (drain, release leases, close DB).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 NEXT_MANUAL_SIG_HANDLE=1 \
    PORT=3000 DATA_DIR=/data
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# The standalone files are served by scripts/serve.mjs, not Next's generated server.js: it
# stamps each request with the TCP peer address (x-studio-peer), which per-IP limits and
# TRUSTED_PROXIES need. `npm run test:cluster` runs this same layout. Listens on all interfaces.
COPY --from=build --chown=node:node /app/scripts/serve.mjs ./scripts/serve.mjs
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "scripts/serve.mjs"]
