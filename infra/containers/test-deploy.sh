#!/usr/bin/env bash
# `pnpm test:deploy`: the Compose stack for real. Prepares podman (setup.sh: packages, containers.conf, the base
# image), builds the images (build-images.sh; cached: seconds when nothing changed), then runs the deploy jest
# project (test/deploy/compose-stack.deploy.ts: up, an email answered, an approval through the review API, down).
# Runs as root. Extra arguments go to jest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
t0=$SECONDS
# The app image of this checkout: another clone on the machine building its own at the same time cannot swap it
# under this test (the server images come from the same files everywhere).
export APP_TAG="test-$(pwd | sha256sum | cut -c1-12)"
export REPLIQUE_IMAGE="localhost/replique:$APP_TAG"
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
