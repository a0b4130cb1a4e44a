#!/usr/bin/env bash
# Builds the npm package's WebAssembly: cargo (release profiles, Cargo.toml) -> wasm-bindgen at the version locked in
# Cargo.lock -> wasm-opt from npm's binaryen (Debian's breaks modules) -> dist/wasm/.
# Three modules from the one crate:
# - jwtlens-decoder (the `decoder` feature: decoding and diagnosis only), which the page loads first;
# - jwtlens (everything), which browsers load for keys, verification, signing and JWE;
# - jwtlens-node (everything again, the jwtlens crate at opt-level 2 instead of "z": profile release-node), which
#   only Node loads (js/node.js). Bytes that travel to browsers are tuned for size; the copy a server or the CLI
#   reads from disk is tuned for speed (docs/DESIGN.md, "Two builds of the full module").
# The hand-written loaders in js/ import their glue. Skips the slow steps for a module whose .wasm is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
out=dist/wasm
mkdir -p "$out"

# build <name> <cargo profile> [cargo feature] [extra cargo flag]: one module into dist/wasm/<name>.js and
# <name>_bg.wasm.
build() {
  local name=$1 profile=$2 features=${3:-} extra=${4:-}
  # Every cargo invocation of this project's scripts takes the same lock, so two never compete for the 2 cores.
  flock /tmp/jwtlens-build.lock cargo build --quiet --profile "$profile" --target wasm32-unknown-unknown -p jwtlens \
    ${features:+--features "$features"} $extra
  local raw=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/jwtlens.wasm
  if [ -f "$out/.$name.source.wasm" ] && cmp -s "$raw" "$out/.$name.source.wasm" && [ -f "$out/${name}_bg.wasm" ]; then
    return 0
  fi
  cp "$raw" "$out/.$name.source.wasm"
  rm -f "$out/$name.js" "$out/${name}_bg.wasm"
  # The `web` target serves browsers, bundlers (Vite builds it with no plugin) and Node (js/node.js passes the
  # bytes). --experimental-reset-state-function: the glue gets __wbg_reset_state(), with which js/core.js
  # re-instantiates the module after a trap (a trapped instance keeps the failed call's heap and stack pointer).
  "$bindgen" --target web --no-typescript --experimental-reset-state-function --out-dir "$out" --out-name "$name" \
    "$out/.$name.source.wasm"
  node_modules/.bin/wasm-opt -Oz "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
}

build jwtlens release
# Node's copy: the same code and features; only the jwtlens crate's opt-level differs (Cargo.toml: release-node).
build jwtlens-node release-node
# The decoder-only module leaves out the default `jwe` feature (decryption): a JWE still shows its header there.
build jwtlens-decoder release decoder --no-default-features
node scripts/size.mjs
