# PéK container image. Why it looks like this: docs/decisions/0007-container-and-compose.md; how to
# run it: docs/operations.md.
#
#   docker build -t pek .                                   # --build-arg SOURCEMAPS=true adds source maps
#   docker run --rm --env-file .env pek migrate             # apply pending migrations, then exit
#   docker run --env-file .env -p 3000:3000 pek             # serve (MIGRATE_ON_START=true: migrate first)
#
# Stages: pnpm (node + pnpm 12) -> deps (all dependencies) -> build (Prisma client, vite build)
#         pnpm -> prod-deps (production dependencies only)
#         runtime = plain node + prod-deps' node_modules + the build output. No pnpm, no dev
#         dependencies, no TypeScript sources, no source maps unless SOURCEMAPS=true.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS pnpm
# corepack fails signature checks on our machines, and a "packageManager" field makes pnpm fetch a
# platform binary the registry does not serve: install pnpm 12 from npm (see shared/STACK-NOTES.md).
RUN npm i -g pnpm@12 && npm cache clean --force
WORKDIR /app

# ---------------------------------------------------------------------------------------------------
FROM pnpm AS deps
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
# --ignore-scripts: a postinstall that runs `db:generate` needs the schema and scripts, which are not
# copied yet (that is what keeps this layer cached); the build stage runs it explicitly. The build
# scripts allowed in pnpm-workspace.yaml (esbuild) only optimise; tsx and vite work without them.
RUN pnpm install --frozen-lockfile --ignore-scripts

# ---------------------------------------------------------------------------------------------------
# Also the image of the compose `oidc` profile, which needs the dev dependencies and the sources.
FROM deps AS build
# true: the bundles get source maps (read them with NODE_OPTIONS=--enable-source-maps at run time).
ARG SOURCEMAPS=false
COPY . .
# `pnpm build` = the app (dist/client, dist/server) + the operator scripts (dist/db-migrate.mjs).
RUN pnpm db:generate && SOURCEMAPS="$SOURCEMAPS" pnpm build

# ---------------------------------------------------------------------------------------------------
FROM pnpm AS prod-deps
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm install --prod --frozen-lockfile --ignore-scripts

# ---------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    MIGRATE_ON_START=false \
    PHOTO_STORAGE_DIR=/var/lib/pek/photos
WORKDIR /app

# package.json: "type": "module" for dist/server/server.js. The migrations are data the migrate
# script reads; start.mjs serves dist/. Nothing else of the sources.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY prisma/migrations ./prisma/migrations
COPY scripts/start.mjs scripts/docker-entrypoint.sh ./scripts/
COPY --from=build /app/dist ./dist

# Fails the build, not the first start, when the server bundle imports a package that is missing
# from the production dependencies (a dev dependency it needs at run time, for example).
RUN node --input-type=module -e "await import('/app/dist/server/server.js').catch((e) => { \
      console.error('dist/server/server.js does not load with production dependencies only:', e.message); \
      process.exit(1) })"

# Profile photos: a folder the node user owns, so a volume mounted here inherits that owner.
RUN mkdir -p /var/lib/pek/photos && chown node:node /var/lib/pek/photos

USER node
EXPOSE 3000

# node's fetch: the slim image has no curl. /readyz answers 503 while the database is unreachable.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# `migrate` runs the migrations and exits; anything else runs after them when MIGRATE_ON_START=true.
ENTRYPOINT ["/app/scripts/docker-entrypoint.sh"]
# The heap settings of scripts/server-node-flags.mjs.
CMD ["node", "--max-semi-space-size=32", "--heap-growing-percent=100", "scripts/start.mjs"]
