#!/usr/bin/env bash
# Makes sure the PostgreSQL server binaries (initdb, pg_ctl) exist for the cluster tests, which start their
# own throwaway server (temporary data directory, loopback port) and stop it afterwards.
# Installs Debian's `postgresql` package when they are missing. Never starts a system-wide server.
set -euo pipefail

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

bin=$(find_bin || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "ensure-postgres: installing postgresql" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # policy-rc.d keeps the package from starting a system cluster we do not need.
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bin=$(find_bin)
fi

if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  # PostgreSQL refuses to run as root; the tests run it as this user.
  useradd --system --no-create-home --shell /usr/sbin/nologin postgres
fi

echo "ensure-postgres: $("$bin/postgres" --version) in $bin"
