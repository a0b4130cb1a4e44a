// The public API, built on whichever initialised wasm-bindgen module the entry point (node.js / browser.js) hands
// over. Arguments go to the module as they are: it checks them, reads options as objects and the clock itself.
// Results come back as JSON text of an envelope ({ ok } or { error }), parsed here once (docs/DESIGN.md says why
// not JS objects).

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

// Restarts per glue module (keyed by its reset function), shared by every api() over the same glue.
const restarts = new WeakMap();

/** @typedef {string} Envelope JSON text of `{ ok: result }` or `{ error: { code, message } }` */

/**
 * Builds the API around an initialised wasm-bindgen module (its exports, as `import * as wasm`).
 * @param {{ inspect(input: unknown, options: unknown): Envelope, verify(input: unknown, keys: unknown, options: unknown): Envelope, parseKeys(keys: unknown, options: unknown): Envelope, describeClaim(name: unknown, options: unknown): Envelope, describeClaims(names: unknown, options: unknown): Envelope, fetchIssuerKeys(source: unknown, options: unknown): Promise<Envelope>, planIssuerKeys(source: unknown, options: unknown): Envelope, sign(payload: unknown, key: unknown, options: unknown): Envelope, signSdJwt(payload: unknown, key: unknown, options: unknown, holderKey: unknown): Envelope, dpopProof(key: unknown, options: unknown): Envelope, generateKey(alg: unknown): Envelope, Verifier: new (options: unknown) => { keys(): Envelope, verify(input: unknown, options: unknown): Envelope, inspect(input: unknown, options: unknown): Envelope, free(): void }, codes(): Envelope, encrypt(plaintext: unknown, key: unknown, options: unknown): Envelope, __wbg_reset_state(): void }} wasm
 */
export function api(wasm) {
  /** How often this glue's module restarted: a verifier made before a restart holds memory of the old instance. */
  const generation = () => restarts.get(wasm.__wbg_reset_state) ?? 0;

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
      restarts.set(wasm.__wbg_reset_state, generation() + 1);
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

  /** The wasm Verifier for `options`, or a JwtlensError for bad options (the constructor throws the envelope's text). */
  function prepared(options) {
    try {
      return new wasm.Verifier(options);
    } catch (e) {
      if (typeof e === 'string') unwrap(e);
      throw failure(e);
    }
  }

  // Frees a verifier's memory when its wrapper is garbage-collected without free() (unless the module restarted since).
  const registry = new FinalizationRegistry(({ inner, made }) => {
    if (made === generation()) inner.free();
  });

  /**
   * Keys read once, kept in wasm memory: `verify(input, options?)` and `inspect(input, options?)` as often as
   * needed, `keys` the key set read. `free()` (or `using`) releases the memory; otherwise it goes with the object.
   */
  class Verifier {
    #options;
    #inner;
    #made;
    #keys;

    constructor(options) {
      this.#inner = prepared(options);
      this.#made = generation();
      this.#options = options;
      registry.register(this, { inner: this.#inner, made: this.#made }, this);
    }

    /** The wasm verifier, made again after a module restart; an error after free(). */
    #live() {
      if (!this.#inner) throw new JwtlensError('ERR_INVALID_ARGUMENT', 'this verifier was freed');
      if (this.#made !== generation()) {
        registry.unregister(this);
        this.#inner = prepared(this.#options);
        this.#made = generation();
        registry.register(this, { inner: this.#inner, made: this.#made }, this);
      }
      return this.#inner;
    }

    /** The keys read at creation, with their findings. */
    get keys() {
      this.#keys ??= call(() => this.#live().keys());
      return this.#keys;
    }

    verify(input, options) {
      return call(() => this.#live().verify(input, options));
    }

    inspect(input, options) {
      return call(() => this.#live().inspect(input, options));
    }

    /** Releases the keys' memory; the verifier cannot be used afterwards. Safe to call twice. */
    free() {
      if (!this.#inner) return;
      registry.unregister(this);
      if (this.#made === generation()) this.#inner.free();
      this.#inner = null;
      this.#options = null;
    }

    [Symbol.dispose ?? Symbol.for('Symbol.dispose')]() {
      this.free();
    }
  }

  return {
    createVerifier: (options) => new Verifier(options),
    inspect: (input, options) => call(() => wasm.inspect(input, options)),
    verify: (input, keys, options) => call(() => wasm.verify(input, keys, options)),
    parseKeys: (keys, options) => call(() => wasm.parseKeys(keys, options)),
    describeClaim: (name, options) => call(() => wasm.describeClaim(name, options)),
    describeClaims: (names, options) => call(() => wasm.describeClaims(names, options)),
    fetchIssuerKeys: async (source, options) => {
      let envelope;
      try {
        envelope = await wasm.fetchIssuerKeys(source, options);
      } catch (e) {
        throw failure(e);
      }
      return unwrap(envelope);
    },
    planIssuerKeys: (source, options) => call(() => wasm.planIssuerKeys(source, options)),
    sign: (payload, key, options) => call(() => wasm.sign(payload, key, options)),
    signSdJwt: (payload, key, options, holderKey) => call(() => wasm.signSdJwt(payload, key, options, holderKey)),
    dpopProof: (key, options) => call(() => wasm.dpopProof(key, options)),
    encrypt: (plaintext, key, options) => call(() => wasm.encrypt(plaintext, key, options)),
    generateKey: (alg) => call(() => wasm.generateKey(alg)),
    codes: () => call(() => wasm.codes()),
  };
}
