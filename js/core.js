// The public API, built on whichever initialised wasm-bindgen module the entry point (node.js / browser.js) hands
// over. Results cross from Rust as JSON text and are parsed here once (see docs/DESIGN.md for why).

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

function unwrap(json) {
  const envelope = JSON.parse(json);
  if (envelope.error) throw new JwtlensError(envelope.error.code, envelope.error.message);
  return envelope.ok;
}

function checkString(name, value) {
  if (typeof value !== 'string') {
    throw new JwtlensError('ERR_INVALID_ARGUMENT', `${name} must be a string, got ${value === null ? 'null' : typeof value}`);
  }
}

function checkOptions(options) {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new JwtlensError('ERR_INVALID_ARGUMENT', 'options must be an object');
  }
  return options;
}

/** Evaluation time default: the caller's clock, in seconds (the Rust core never reads a clock). */
function nowSeconds() {
  return Date.now() / 1000;
}

/** Options with `now` defaulted to the caller's clock; a `Date` becomes seconds. `now: null` means "no time". */
function timed(options) {
  const opts = { now: nowSeconds(), ...checkOptions(options) };
  if (opts.now instanceof Date) opts.now = opts.now.getTime() / 1000;
  return opts;
}

/**
 * Builds the API around an initialised wasm-bindgen module (its exports, as `import * as wasm`).
 * @param {{ inspectJson(input: string, options: string): string, verifyJson(input: string, keys: string, options: string): string, parseKeysJson(text: string, options: string): string, signJson(payload: string, key: string, options: string): string, generateKeyJson(alg: string): string, describeClaimJson(name: string, options: string): string, codesJson(): string }} wasm
 */
export function api(wasm) {
  function inspect(input, options) {
    checkString('input', input);
    if (options?.keys !== undefined) checkString('options.keys', options.keys);
    return unwrap(wasm.inspectJson(input, JSON.stringify(timed(options))));
  }

  function verify(input, keys, options) {
    checkString('input', input);
    checkString('keys', keys);
    return unwrap(wasm.verifyJson(input, keys, JSON.stringify(timed(options))));
  }

  function parseKeys(text, options) {
    checkString('text', text);
    return unwrap(wasm.parseKeysJson(text, JSON.stringify(timed(options))));
  }

  function sign(payload, key, options) {
    // JSON text is signed byte for byte; an object is written with JSON.stringify (compact, in its own key order).
    if (typeof payload !== 'string') {
      if (payload === null || typeof payload !== 'object') {
        throw new JwtlensError('ERR_INVALID_ARGUMENT', `payload must be JSON text or an object, got ${payload === null ? 'null' : typeof payload}`);
      }
      payload = JSON.stringify(payload);
    }
    checkString('key', key);
    return unwrap(wasm.signJson(payload, key, JSON.stringify(timed(options))));
  }

  function generateKey(alg) {
    checkString('alg', alg);
    return unwrap(wasm.generateKeyJson(alg));
  }

  function describeClaim(name, options) {
    checkString('name', name);
    return unwrap(wasm.describeClaimJson(name, JSON.stringify(checkOptions(options))));
  }

  function codes() {
    return unwrap(wasm.codesJson());
  }

  return { inspect, verify, parseKeys, sign, generateKey, describeClaim, codes };
}
