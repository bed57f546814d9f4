#!/usr/bin/env bash
# The server's build bundles the dashboard with npm (ClientApp/); install Node.js and npm from Debian when missing.
set -euo pipefail
if command -v npm >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
npm --version
