#!/usr/bin/env bash
# Runs every test: Rust core (unit, vector suites, property test), then the package in Node, then the browser
# tests in headless Chromium. Installs what a fresh machine lacks first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser

echo "== rustfmt and clippy (host and wasm32), warnings are errors"
cargo fmt --all -- --check
flock /tmp/jwtlens-build.lock cargo clippy --quiet --workspace --all-targets --locked -- -D warnings
flock /tmp/jwtlens-build.lock cargo clippy --quiet -p jwtlens --lib --target wasm32-unknown-unknown --locked -- -D warnings
flock /tmp/jwtlens-build.lock cargo clippy --quiet -p jwtlens --lib --target wasm32-unknown-unknown --features decoder --locked -- -D warnings
flock /tmp/jwtlens-build.lock cargo clippy --quiet -p jwtlens --lib --target wasm32-unknown-unknown --no-default-features --features decoder --locked -- -D warnings

echo "== cargo test (Rust core, vectors, property test)"
flock /tmp/jwtlens-build.lock cargo test --workspace --locked

echo "== build the wasm package"
bash scripts/build.sh
node scripts/build-page.mjs

# Each Node suite runs in seconds; a hung process (a deadlock in Node itself was seen once) fails the run after
# 10 minutes instead of holding CI until its own limit.
suite() { timeout -k 10 600 node --test "$@" || { s=$?; [ "$s" -ne 124 ] || echo "timed out after 600 s: node --test $*"; exit "$s"; }; }

echo "== Node tests (package imported by name)"
suite tests/js/

echo "== browser tests (headless Chromium): the page"
suite --test-concurrency=1 tests/browser/

echo "== the packed package in a scratch project: Node ESM/CJS, tsc --strict, Vite build + dev, plain page, publint, attw"
suite --test-concurrency=1 tests/package/

echo "== the jwtlens command from the packed tarball: flags, targets, keys, --json, --lines (memory, throughput), colour"
suite --test-concurrency=1 tests/cli/
