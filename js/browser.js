// Browser and bundler entry point. Fetches and compiles the .wasm next to the glue (bundlers such as Vite rewrite
// the `new URL(..., import.meta.url)` inside the glue and emit the file) with top-level await, so importers can
// call the API straight away.
import init, { inspectJson, codesJson } from '../dist/wasm/jwtlens.js';
import { api } from './core.js';

/** Resolved once the module is ready (already resolved when the import finishes). */
export const ready = init().then(() => undefined);
await ready;

export const { inspect, codes } = api({ inspectJson, codesJson });
export { JwtlensError } from './core.js';
