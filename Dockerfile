# PéK container image. Layout and migrate-on-start: docs/decisions/0007-container-and-compose.md.
#
#   docker build -t pek .
#   docker run --env-file .env -p 3000:3000 pek              # migrates first when MIGRATE_ON_START=true
#   docker run --env-file .env pek pnpm db:migrate            # migrations only, as an explicit step
#
# Stages: base (node + pnpm) -> deps (all dependencies) -> build (prisma client + vite build)
#         -> runtime (production dependencies, the build output, and what `pnpm db:migrate` needs).

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
# corepack fails signature checks on our machines, and a "packageManager" field makes pnpm fetch a
# platform binary the registry does not serve: install pnpm 12 from npm (see shared/STACK-NOTES.md).
RUN npm i -g pnpm@12 && npm cache clean --force
WORKDIR /app

# ---------------------------------------------------------------------------------------------------
FROM base AS deps
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
# --ignore-scripts: a postinstall that runs `db:generate` needs the schema and scripts, which are not
# copied yet (that is what keeps this layer cached); the build stage runs it explicitly. The build
# scripts allowed in pnpm-workspace.yaml (esbuild) only optimise; tsx and vite work without them.
RUN pnpm install --frozen-lockfile --ignore-scripts

# ---------------------------------------------------------------------------------------------------
# Also the target of the `oidc` compose profile, which needs the dev dependencies and the sources.
FROM deps AS build
COPY . .
RUN pnpm db:generate && pnpm build

# ---------------------------------------------------------------------------------------------------
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    MIGRATE_ON_START=false

COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
# Production dependencies only. The store is removed in the same layer: node_modules holds the files.
RUN pnpm install --prod --frozen-lockfile --ignore-scripts \
 && rm -rf "$(pnpm store path)" /root/.cache /root/.local/share/pnpm \
 && npm i -g "tsx@$(node -p "require('./package.json').devDependencies.tsx")" \
 && npm cache clean --force
# `pnpm db:migrate` runs `tsx scripts/db-migrate.ts` from source until a bundled migrate script
# replaces it: tsx (a dev dependency, installed globally above at the version package.json pins),
# app.config.ts, scripts/, the migration runner in src/server/db/ and prisma/ stay in the image.
COPY tsconfig.json app.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY src/server/db ./src/server/db
COPY --from=build /app/dist ./dist

# Fails the build, not the first start, when the server bundle imports a package that is missing
# from the production dependencies (a dev dependency it needs at run time, for example).
RUN node --input-type=module -e "await import('/app/dist/server/server.js').catch((e) => { \
      console.error('dist/server/server.js does not load with production dependencies only:', e.message); \
      process.exit(1) })"

# Profile photos (PHOTO_STORAGE_DIR): a folder the node user owns, so a volume mounted here inherits that owner.
ENV PHOTO_STORAGE_DIR=/var/lib/pek/photos
RUN mkdir -p /var/lib/pek/photos && chown node:node /var/lib/pek/photos

USER node
EXPOSE 3000

# node's fetch: the slim image has no curl. /readyz answers 503 while the database is unreachable.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Migrations first when MIGRATE_ON_START=true (a failed migration stops the container), then `exec`
# so the server is PID 1's replacement and receives SIGTERM itself. Any other command (e.g.
# `pnpm db:migrate`) runs through the same entrypoint.
ENTRYPOINT ["/bin/sh", "-c", "if [ \"$MIGRATE_ON_START\" = true ]; then pnpm db:migrate || exit 1; fi; exec \"$@\"", "pek-entrypoint"]
CMD ["node", "scripts/start.mjs"]
