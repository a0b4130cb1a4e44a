#!/usr/bin/env bash
# Builds the wasm with the `boundary-bench` feature (extra exports that cross the JS boundary both ways) into
# target/boundary-bench/, then prints the figures of scripts/bench-boundary.mjs. The package's own build is untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
flock /tmp/jwtlens-build.lock cargo build --quiet --release --target wasm32-unknown-unknown -p jwtlens \
  --features boundary-bench --target-dir target/boundary-bench
source scripts/env.sh
out=target/boundary-bench/pkg
rm -rf "$out" && mkdir -p "$out"
"$bindgen" --target web --no-typescript --out-dir "$out" --out-name bench \
  target/boundary-bench/wasm32-unknown-unknown/release/jwtlens.wasm
node_modules/.bin/wasm-opt -Oz "$out/bench_bg.wasm" -o "$out/bench_bg.wasm"
node scripts/bench-boundary.mjs
