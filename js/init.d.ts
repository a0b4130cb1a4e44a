// Types for `jwtlens/init`: the same API as `jwtlens`, plus `init()`, for environments without top-level await.
export * from './index.js';

/** What `init` can load the WebAssembly module from; by default the `.wasm` next to the glue. */
export type InitSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/** Loads the WebAssembly module once; later calls return the same promise. Call and await before the API. */
export declare function init(source?: InitSource): Promise<void>;
