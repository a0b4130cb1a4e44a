// The public API, built on whichever initialised wasm-bindgen module the entry point (node.js / browser.js) hands
// over. Arguments go to the module as they are: it checks them, reads options as objects and the clock itself.
// Results come back as JS objects in an envelope ({ ok } or { error }); one marked `bigints` holds a number beyond
// what a JS number holds exactly (a claim of 2^64 - 1) as a BigInt, made a number here as JSON.parse would read it.

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

/** @typedef {{ ok?: unknown, error?: { code: string, message: string }, bigints?: true }} Envelope */

/**
 * Builds the API around an initialised wasm-bindgen module (its exports, as `import * as wasm`).
 * @param {{ inspect(input: unknown, options: unknown): Envelope, verify(input: unknown, keys: unknown, options: unknown): Envelope, parseKeys(keys: unknown, options: unknown): Envelope, describeClaim(name: unknown, options: unknown): Envelope, fetchIssuerKeys(source: unknown, options: unknown): Promise<Envelope>, codes(): Envelope, __wbg_reset_state(): void }} wasm
 */
export function api(wasm) {
  /**
   * Runs one call of the module and unwraps its envelope. A trap (out of memory, a bug) leaves a WebAssembly
   * instance damaged, so the module is re-instantiated before the error is reported: the next call works.
   */
  function call(run) {
    let envelope;
    try {
      envelope = run();
    } catch (e) {
      throw failure(e);
    }
    return unwrap(envelope);
  }

  function failure(e) {
    if (e instanceof WebAssembly.RuntimeError) {
      wasm.__wbg_reset_state();
      return new JwtlensError('ERR_INTERNAL', `the WebAssembly module failed (${e.message}) and was restarted; try again with a smaller input`);
    }
    return new JwtlensError('ERR_INTERNAL', `jwtlens failed: ${e?.message ?? e}`);
  }

  function unwrap(envelope) {
    if (!envelope) throw new JwtlensError('ERR_INTERNAL', 'the module returned no result');
    if (envelope.bigints) numbers(envelope);
    if (envelope.error) throw new JwtlensError(envelope.error.code, envelope.error.message);
    return envelope.ok;
  }

  /** Replaces every BigInt inside `value` by the nearest number, in place (JSON.parse rounds alike). */
  function numbers(value) {
    for (const key of Object.keys(value)) {
      const child = value[key];
      if (typeof child === 'bigint') value[key] = Number(child);
      else if (child !== null && typeof child === 'object') numbers(child);
    }
  }

  return {
    inspect: (input, options) => call(() => wasm.inspect(input, options)),
    verify: (input, keys, options) => call(() => wasm.verify(input, keys, options)),
    parseKeys: (keys, options) => call(() => wasm.parseKeys(keys, options)),
    describeClaim: (name, options) => call(() => wasm.describeClaim(name, options)),
    fetchIssuerKeys: async (source, options) => {
      let envelope;
      try {
        envelope = await wasm.fetchIssuerKeys(source, options);
      } catch (e) {
        throw failure(e);
      }
      return unwrap(envelope);
    },
    codes: () => call(() => wasm.codes()),
  };
}
