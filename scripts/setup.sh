#!/usr/bin/env bash
# Installs what a fresh machine lacks for building and testing jwtlens. Every step is a no-op when done already.
#   - the wasm32-unknown-unknown Rust target (rustup);
#   - wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock (where: scripts/env.sh);
#   - npm packages from package-lock.json (binaryen's wasm-opt, test and bench tools).
# Usage: scripts/setup.sh [--browser]   (--browser also installs Debian's chromium for browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must match the crate exactly, or the generated glue and the .wasm disagree.
source scripts/env.sh
if [ ! -x "$bindgen" ]; then
  echo "setup: installing wasm-bindgen-cli $bindgen_version into $bindgen_root (about 3 minutes, once per machine)"
  # Not --locked: the CLI's own Cargo.lock names a crate version that the crates.io mirror of this project's
  # machines lacks, so a locked install fails there; the CLI's version itself is pinned by --version.
  flock /tmp/jwtlens-build.lock cargo install wasm-bindgen-cli --version "$bindgen_version" --root "$bindgen_root" --quiet
fi

# npm ci runs when node_modules was not installed from this exact package-lock.json.
stamp=node_modules/.jwtlens-lock.sha256
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(sha256sum package-lock.json | cut -d' ' -f1)" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  sha256sum package-lock.json | cut -d' ' -f1 > "$stamp"
fi

if [ "${1:-}" = "--browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium for browser tests"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
