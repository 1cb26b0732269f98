# syntax=docker/dockerfile:1
# One image for every Réplique process. The first argument names it:
#   worker | starter | intake | review | kpi   the long-running processes (services/src/<name>/main.ts)
#   replique ARGS…                          the CLI (e.g. `replique user add --role senior alice`)
# Build from the repository root:  docker build -t replique:dev .
# NODE_IMAGE chooses the base: the public node:20-bookworm-slim by default; infra/containers/build-images.sh passes
# a locally built one on machines that reach no image registry. Configuration is environment only
# (services/src/config, documented in .env.example); infra/compose has a complete set, run for real by
# test/deploy/compose-stack.deploy.ts (docs/deploy.md).
ARG NODE_IMAGE=node:20-bookworm-slim
FROM ${NODE_IMAGE}

# Temporal's core bridge ships prebuilt glibc binaries: a Debian base, not Alpine.
ARG PNPM_VERSION=12.21.0
RUN npm install --global "pnpm@${PNPM_VERSION}" && npm cache clean --force

WORKDIR /app
# Manifests first: the dependency layer is rebuilt only when they change. Every workspace manifest is needed for a
# frozen install (the lockfile names them all), test/ included; test sources are not copied.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.json ./
COPY workflows/package.json workflows/
COPY activities/package.json activities/
COPY services/package.json services/
COPY test/package.json test/
# Fixes applied to dependencies at install (pnpm-workspace.yaml's patchedDependencies).
COPY patches patches
# The package store is a build cache (kept between builds, not in the image): a changed lockfile fetches only what
# is new.
RUN --mount=type=cache,id=replique-pnpm-store,target=/pnpm-store \
    pnpm install --frozen-lockfile --store-dir /pnpm-store

# The processes run the TypeScript sources through tsx (as on the dev stack); the worker bundles the workflows
# at start. Data files the processes read: policies, the intent model, the SQL migrations.
COPY workflows/src workflows/src
COPY activities/src activities/src
COPY services/src services/src
COPY policies policies
COPY ml/models ml/models
COPY infra/migrations infra/migrations
COPY infra/docker/entrypoint.sh /usr/local/bin/replique-entrypoint

ENV NODE_ENV=production \
    REPLIQUE_MIGRATIONS_DIR=/app/infra/migrations \
    REPLIQUE_INTENT_MODEL_FILE=/app/ml/models/intent-model.json \
    INTAKE_HTTP_HOST=0.0.0.0 \
    REVIEW_HTTP_HOST=0.0.0.0 \
    METRICS_HOST=0.0.0.0

USER node
EXPOSE 8081 8082 9461-9465
ENTRYPOINT ["/usr/local/bin/replique-entrypoint"]
CMD ["worker"]
