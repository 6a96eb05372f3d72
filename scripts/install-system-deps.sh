#!/usr/bin/env bash
# Installs the system packages the tests need when they are missing: Debian's Chromium and Xvfb for the
# end-to-end tests, a C compiler, make and python3, with which npm ci builds the removal addon, and
# Prometheus for the /metrics test.
# Playwright's own browser download is never used: this project drives /usr/bin/chromium.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v Xvfb >/dev/null 2>&1 || need+=(xvfb)
command -v cc >/dev/null 2>&1 || need+=(gcc)
command -v make >/dev/null 2>&1 || need+=(make)
command -v python3 >/dev/null 2>&1 || need+=(python3)
# Debian's Prometheus server: the /metrics test scrapes serve with a real one it starts itself.
[ -x /usr/bin/prometheus ] || need+=(prometheus)
# util-linux's `script`: the CLI tests run headroom under a real pseudo-terminal (colour, progress).
command -v script >/dev/null 2>&1 || need+=(bsdutils)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "install-system-deps: please install ${need[*]} (Debian/Ubuntu: apt-get install ${need[*]})" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: no apt-get here; please install ${need[*]} with your package manager" >&2
  exit 1
fi
echo "install-system-deps: installing ${need[*]}"
$sudo apt-get update -qq
# No package installed here may start a system service (prometheus would listen on :9090 for good):
# policy-rc.d answering 101 tells Debian's maintainer scripts not to start one. Removed afterwards.
guard=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
  guard=/usr/sbin/policy-rc.d
  printf '#!/bin/sh\nexit 101\n' | $sudo tee "$guard" >/dev/null
  $sudo chmod 755 "$guard"
  trap '$sudo rm -f "$guard"' EXIT
fi
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
