#!/usr/bin/env bash
# Removes every container, volume and the network of one Compose project (what `podman-compose down -v` removes,
# and the network it leaves behind), and the SMTP peer's folder of test/deploy/compose-stack.deploy.ts, for a run
# that was stopped before its own clean-up:
#   bash infra/containers/remove-project.sh PROJECT
set -uo pipefail
project=${1:?usage: remove-project.sh PROJECT}
label="com.docker.compose.project=$project"
podman ps -aq --filter "label=$label" | xargs -r podman rm -f -t 5 >/dev/null
podman volume ls -q --filter "label=$label" | xargs -r podman volume rm -f >/dev/null
podman network rm -f "${project}_default" >/dev/null 2>&1
rm -rf "${TMPDIR:-/tmp}/replique-compose-mail-$project-"*
exit 0
