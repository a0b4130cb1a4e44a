// Node entry point (ESM, and `require` on Node >= 20.19, which loads ES modules without top-level await).
// Reads the .wasm next to the glue and instantiates it synchronously, so no init call is needed.
import { readFileSync } from 'node:fs';
import { initSync, inspectJson, codesJson } from '../dist/wasm/jwtlens.js';
import { api } from './core.js';

initSync({ module: readFileSync(new URL('../dist/wasm/jwtlens_bg.wasm', import.meta.url)) });

export const { inspect, codes } = api({ inspectJson, codesJson });
export { JwtlensError } from './core.js';
/** Resolved once the module is ready; in Node it already is. */
export const ready = Promise.resolve();
