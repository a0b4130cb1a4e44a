// The public API, built on whichever initialised wasm-bindgen module the entry point (node.js / browser.js) hands
// over. Arguments go to the module as they are: it checks them, reads options as objects and the clock itself.
// Results come back as JSON text and are parsed here once (see docs/DESIGN.md for why).

/** Thrown for misuse of the API (never for a bad token, which yields findings). `code` is stable. */
export class JwtlensError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'JwtlensError';
    this.code = code;
  }
}

/**
 * Builds the API around an initialised wasm-bindgen module (its exports, as `import * as wasm`).
 * @param {{ inspectJson(input: unknown, options: unknown): string, verifyJson(input: unknown, keys: unknown, options: unknown): string, parseKeysJson(keys: unknown, options: unknown): string, describeClaimJson(name: unknown, options: unknown): string, fetchIssuerKeysJson(source: unknown, options: unknown): Promise<string>, codesJson(): string, __wbg_reset_state(): void }} wasm
 */
export function api(wasm) {
  /**
   * Runs one call of the module and unwraps its envelope. A trap (out of memory, a bug) leaves a WebAssembly
   * instance damaged, so the module is re-instantiated before the error is reported: the next call works.
   */
  function call(run) {
    let json;
    try {
      json = run();
    } catch (e) {
      throw failure(e);
    }
    return unwrap(json);
  }

  function failure(e) {
    if (e instanceof WebAssembly.RuntimeError) {
      wasm.__wbg_reset_state();
      return new JwtlensError('ERR_INTERNAL', `the WebAssembly module failed (${e.message}) and was restarted; try again with a smaller input`);
    }
    return new JwtlensError('ERR_INTERNAL', `jwtlens failed: ${e?.message ?? e}`);
  }

  function unwrap(json) {
    let envelope;
    try {
      envelope = JSON.parse(json);
    } catch (e) {
      throw new JwtlensError('ERR_INTERNAL', `the result could not be read (${e.message})`);
    }
    if (envelope.error) throw new JwtlensError(envelope.error.code, envelope.error.message);
    return envelope.ok;
  }

  return {
    inspect: (input, options) => call(() => wasm.inspectJson(input, options)),
    verify: (input, keys, options) => call(() => wasm.verifyJson(input, keys, options)),
    parseKeys: (keys, options) => call(() => wasm.parseKeysJson(keys, options)),
    describeClaim: (name, options) => call(() => wasm.describeClaimJson(name, options)),
    fetchIssuerKeys: async (source, options) => {
      let json;
      try {
        json = await wasm.fetchIssuerKeysJson(source, options);
      } catch (e) {
        throw failure(e);
      }
      return unwrap(json);
    },
    codes: () => call(() => wasm.codesJson()),
  };
}
