// Browser and bundler entry point: loads the module with top-level await, so importers can call the API straight
// away. The glue fetches the .wasm next to it through `new URL(..., import.meta.url)`, which bundlers such as Vite
// rewrite and emit.
//
// The exports are defined here from the awaited API object, not re-exported from init.js: with
// `"sideEffects": false` a bundler may skip a module whose exports are all re-exports, and with it the await.
import { load } from './init.js';

const impl = await load();

export const { inspect, verify, parseKeys, sign, generateKey, describeClaim, describeClaims, fetchIssuerKeys, planIssuerKeys, createVerifier, codes, signSdJwt, dpopProof, encrypt } = impl;
export { JwtlensError } from './core.js';
/** Resolved: importing this module already waited for the WebAssembly module. */
export const ready = Promise.resolve();
