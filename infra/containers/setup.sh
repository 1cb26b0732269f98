#!/usr/bin/env bash
# Makes this machine able to build and run the Compose stack with Debian's podman, and builds the base image every
# other image starts from. Idempotent: a second run changes nothing and takes about a second. Run as root.
#
#   bash infra/containers/setup.sh        # packages, /etc/containers/containers.conf, localhost/debian:bookworm
#
# Why each step (verified on these machines, see docs/deploy.md "Compose on podman"):
# - podman, podman-compose, runc, debootstrap from Debian's apt (no other container engine is reachable);
# - containers.conf: runc (crun refuses the hybrid cgroup layout here), the cgroupfs manager and the file events
#   logger (no systemd session), and default ulimits at or below this shell's hard limits (podman's defaults are
#   higher and root lacks CAP_SYS_RESOURCE, so every `run` fails without them);
# - no image registry is reachable: the base image `debian:bookworm` is made with debootstrap from the Debian mirror
#   this machine's apt already uses, with this machine's CA certificates (HTTPS through an intercepting proxy works
#   in builds), and imported. A machine that reaches Docker Hub does not need this script (docker pulls
#   debian:bookworm itself), only infra/containers/build-images.sh.
set -euo pipefail

say() { printf '[containers] %s\n' "$*" >&2; }
die() { printf '[containers] ERROR: %s\n' "$*" >&2; exit 1; }
[[ $(id -u) == 0 ]] || die "run as root (podman here runs rootful)"

BASE_IMAGE=localhost/debian:bookworm
SUITE=bookworm
CONF=/etc/containers/containers.conf
MARK='# Written by replique infra/containers/setup.sh'
CACHE="${REPLIQUE_CACHE:-${HOME:-/root}/.cache/replique}/containers"

ensure_packages() {
  local missing=() cmd pkg
  for pair in podman:podman podman-compose:podman-compose runc:runc debootstrap:debootstrap; do
    cmd=${pair%%:*} pkg=${pair##*:}
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
}

write_containers_conf() {
  local nofile nproc
  nofile=$(ulimit -Hn) nproc=$(ulimit -Hu)
  [[ $nofile == unlimited ]] && nofile=65536
  [[ $nproc == unlimited ]] && nproc=32768
  # Capped: on these VMs runc could not set nproc above ~32k even under a higher hard limit.
  ((nofile > 65536)) && nofile=65536
  ((nproc > 32768)) && nproc=32768
  local want
  want=$(cat <<CONF
$MARK (it rewrites this file while this line is here).
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
)
  if [[ -f $CONF ]] && ! grep -qF "$MARK" "$CONF"; then
    # Someone else's file: leave it, but say what it lacks.
    grep -q '^ *runtime *= *"runc"' "$CONF" && grep -q cgroupfs "$CONF" && grep -q default_ulimits "$CONF" ||
      say "WARNING: $CONF is not ours and may lack runtime=runc, cgroup_manager=cgroupfs, default_ulimits"
    return 0
  fi
  [[ -f $CONF && $(<"$CONF") == "$want" ]] && return 0
  mkdir -p "$(dirname "$CONF")"
  printf '%s\n' "$want" >"$CONF"
  say "wrote $CONF (nofile $nofile, nproc $nproc)"
}

# The Debian mirror this machine's apt uses (deb822 sources or a one-line sources.list).
debian_mirror() {
  local uri
  uri=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n 1)
  [[ -n $uri ]] || uri=$(grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '$3 == "'"$SUITE"'" {print $2}' | head -n 1)
  [[ -n $uri ]] || uri=http://deb.debian.org/debian
  echo "$uri"
}

build_base_image() {
  if podman image exists "$BASE_IMAGE"; then
    podman image exists docker.io/library/debian:bookworm || podman tag "$BASE_IMAGE" docker.io/library/debian:bookworm
    return 0
  fi
  local mirror security rootfs t0=$SECONDS
  mirror=$(debian_mirror)
  security=${mirror%/debian}/debian-security
  rootfs="$CACHE/rootfs.$$"
  mkdir -p "$CACHE"
  rm -rf "$CACHE"/rootfs.*
  say "debootstrap --variant=minbase $SUITE from $mirror (about a minute)"
  nice -n 10 debootstrap --variant=minbase "$SUITE" "$rootfs" "$mirror" >"$CACHE/debootstrap.log" 2>&1 ||
    die "debootstrap failed (log: $CACHE/debootstrap.log)"
  cat >"$rootfs/etc/apt/sources.list" <<LIST
deb $mirror $SUITE main
deb $mirror $SUITE-updates main
deb $security $SUITE-security main
LIST
  # Smaller layers in every image built from it, as Docker's debian image does.
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$rootfs/etc/apt/apt.conf.d/90replique-no-recommends"
  # This machine's CA certificates, kept where update-ca-certificates (package ca-certificates) keeps them too.
  mkdir -p "$rootfs/etc/ssl/certs" "$rootfs/usr/local/share/ca-certificates"
  cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/ca-certificates.crt"
  cp -a /usr/local/share/ca-certificates/. "$rootfs/usr/local/share/ca-certificates/" 2>/dev/null || true
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -cf "$CACHE/base.tar" .
  rm -rf "$rootfs"
  podman import -q --change 'CMD ["bash"]' "$CACHE/base.tar" "$BASE_IMAGE" >/dev/null
  rm -f "$CACHE/base.tar"
  podman tag "$BASE_IMAGE" docker.io/library/debian:bookworm
  say "base image $BASE_IMAGE (also debian:bookworm) in $((SECONDS - t0)) s"
}

ensure_packages
write_containers_conf
build_base_image
