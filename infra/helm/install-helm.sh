#!/usr/bin/env bash
# Installs helm, pinned, for the chart's tests (test/deploy/deploy-config.test.ts renders the chart with it):
# `go install` from the Go module proxy into $REPLIQUE_CACHE/bin (default ~/.cache/replique/bin), shared by clones.
# Prints the binary's path. Idempotent: instant when that version is there. The first build took 33 min on a 2-core
# machine shared with other builds (load ~18); an interrupted one resumes from Go's build cache (a relink: ~1 min).
# Exit 3 when there is no Go toolchain.
set -euo pipefail
HELM_VERSION=v3.22.0
bin_dir="${REPLIQUE_CACHE:-${HOME:-/root}/.cache/replique}/bin"
helm="$bin_dir/helm"
if [[ -x $helm ]]; then
  # `helm version` of a go-installed helm says only "v3.22": read the module version from the binary.
  if ! command -v go >/dev/null 2>&1 || go version -m "$helm" | grep -qP "^\s+mod\s+helm.sh/helm/v3\s+$HELM_VERSION\s"; then
    echo "$helm"
    exit 0
  fi
fi
command -v go >/dev/null 2>&1 || { echo "install-helm: no Go toolchain (go); helm not installed" >&2; exit 3; }
mkdir -p "$bin_dir"
GOBIN="$bin_dir" GOFLAGS=-mod=mod nice -n 10 go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" >&2
"$helm" version --short >&2
echo "$helm"
