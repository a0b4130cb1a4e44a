#!/usr/bin/env bash
# Builds the npm package's WebAssembly: cargo (release profile, tuned for size in Cargo.toml) -> wasm-bindgen at the
# version locked in Cargo.lock -> wasm-opt from npm's binaryen (Debian's breaks modules) -> dist/wasm/.
# The hand-written loaders in js/ import dist/wasm/jwtlens.js. Skips the slow steps when the .wasm is unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

# Every cargo invocation of this project's scripts takes the same lock, so two never compete for the 2 cores.
flock /tmp/jwtlens-build.lock cargo build --quiet --release --target wasm32-unknown-unknown -p jwtlens

raw=target/wasm32-unknown-unknown/release/jwtlens.wasm
out=dist/wasm
if [ -f "$out/.source.wasm" ] && cmp -s "$raw" "$out/.source.wasm" && [ -f "$out/jwtlens_bg.wasm" ]; then
  exit 0
fi
source scripts/env.sh
rm -rf "$out" && mkdir -p "$out"
# The `web` target serves browsers, bundlers (Vite builds it with no plugin) and Node (js/node.js passes the bytes).
# --experimental-reset-state-function: the glue gets __wbg_reset_state(), with which js/core.js re-instantiates the
# module after a trap (a trapped instance keeps the failed call's heap and stack pointer, so later calls fail too).
"$bindgen" --target web --no-typescript --experimental-reset-state-function --out-dir "$out" --out-name jwtlens "$raw"
node_modules/.bin/wasm-opt -Oz "$out/jwtlens_bg.wasm" -o "$out/jwtlens_bg.wasm"
cp "$raw" "$out/.source.wasm"
node scripts/size.mjs
