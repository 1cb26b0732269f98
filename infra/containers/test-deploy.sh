#!/usr/bin/env bash
# `pnpm test:deploy`: the Compose stack for real. Prepares podman (setup.sh: packages, containers.conf, the base
# image), builds the images (build-images.sh; cached: seconds when nothing changed), then runs the deploy jest
# project (test/deploy/compose-stack.deploy.ts: up, an email answered, an approval through the review API, down).
# Runs as root. Extra arguments go to jest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
t0=$SECONDS
echo "[test:deploy] podman and the base image"
bash infra/containers/setup.sh
echo "[test:deploy] images"
bash infra/containers/build-images.sh
echo "[test:deploy] jest (deploy project), $((SECONDS - t0)) s so far"
[[ -n ${CI:-} ]] && export FORCE_COLOR=0
status=0
pnpm exec jest --selectProjects deploy --ci "$@" || status=$?
echo "[test:deploy] done in $((SECONDS - t0)) s"
exit "$status"
