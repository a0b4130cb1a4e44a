# Sourced by the other scripts: where the pinned tools live.
# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock. It is installed per user
# (outside the clone) so that fresh clones on the same machine, such as CI's, reuse it.
bindgen_version=$(cargo pkgid -p wasm-bindgen | sed 's/.*@//')
bindgen_root="${XDG_CACHE_HOME:-$HOME/.cache}/jwtlens/wasm-bindgen-$bindgen_version"
bindgen="$bindgen_root/bin/wasm-bindgen"
