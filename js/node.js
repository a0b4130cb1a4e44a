// Node entry point (ESM, and `require` on Node >= 20.19, which loads ES modules without top-level await).
// Reads the .wasm next to the glue and instantiates it synchronously, so no init call is needed. Serves both
// `jwtlens` and `jwtlens/init` in Node. It loads jwtlens-node: the full module built for speed rather than size
// (scripts/build.sh), as nothing here travels over a network; the same code as the browsers' jwtlens_bg.wasm.
import { readFileSync } from 'node:fs';
import * as wasm from '../dist/wasm/jwtlens-node.js';
import { api } from './core.js';

wasm.initSync({ module: readFileSync(new URL('../dist/wasm/jwtlens-node_bg.wasm', import.meta.url)) });

export const { inspect, verify, parseKeys, sign, generateKey, describeClaim, describeClaims, fetchIssuerKeys, planIssuerKeys, createVerifier, codes, signSdJwt, dpopProof, encrypt } = api(wasm);
export { JwtlensError } from './core.js';
/** Resolved: in Node the module is ready on import. */
export const ready = Promise.resolve();
/** Nothing to do in Node; kept so that code written for `jwtlens/init` runs unchanged. */
export const init = () => ready;
