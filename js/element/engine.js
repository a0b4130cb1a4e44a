// The decoder shared by every <jwt-lens> of a page: the decoder-only module on the main thread first, the full one
// (keys, verification, signing) once needed or when the page is idle, and a Worker for big pastes and RSA key
// generation (worker.js). `configure()` says where the modules and the Worker come from.
import { loadDecoder } from '../decoder.js';
import { createSession } from './session.js';

/** Inputs longer than this (UTF-16 units) are decoded in the Worker; shorter ones at once on the main thread. */
const MAIN_THREAD_LIMIT = 64 * 1024;

export const config = { wasm: undefined, decoder: undefined, worker: undefined, offline: false };

/**
 * Where the element gets its WebAssembly modules and Worker. Call before the first <jwt-lens> connects.
 * `wasm`: the full module (keys, verification, signing) as a compiled WebAssembly.Module, its bytes, or a URL
 * (default: the .wasm next to the glue).
 * `decoder`: the decoder-only module, loaded first so that a paste is decoded while the full one loads (same forms;
 * default: next to its glue), or `false` to load only the full module (a single-file page that has it inline).
 * `worker`: a function returning a Worker running js/element/worker.js, or `false` to decode everything on the
 * main thread (big pastes then block the page while they decode).
 * `offline`: true where the page allows no connection at all (connect-src 'none', as the single-file build): the
 * key box then names the issuer's key URL to open instead of offering to fetch it.
 */
export function configure(options = {}) {
  Object.assign(config, options);
}

function defaultWorker() {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}

/** The decoder shared by every element of the page: the main-thread module, and a Worker for big pastes. */
export class Engine {
  #worker = null;
  #workerReady = null;
  #workerBroken = false;
  #calls = new Map();
  #next = 0;
  /** Where the last result lives: 'main' or 'worker'. */
  #last = 'main';

  constructor() {
    this.ready = this.#init();
  }

  #full = null;

  async #init() {
    let source = config.wasm;
    if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) source = await WebAssembly.compile(source);
    this.module = source instanceof WebAssembly.Module ? source : undefined;
    this.source = source;
    if (config.decoder === false) {
      await this.full();
    } else {
      this.api = await loadDecoder(config.decoder);
      this.main = createSession(this.api);
    }
  }

  /**
   * The full module (keys, verification, signing, fetching), loaded once, on first need or when the page is idle
   * after its first answer; from then on every call uses it. `fullApi` is set once it is loaded.
   */
  full() {
    // Its glue is imported here, not at the top: the page's first script then does not carry it (7.3 KiB brotli of
    // 33, fetched while the decoder downloads), and bundlers make it a chunk of its own.
    this.#full ??= import('../init.js').then(({ load }) => load(this.source)).then((api) => {
      this.api = this.fullApi = api;
      // The session keeps its last result: a paste answered by the decoder module still has its report and its
      // "show all" after the full module arrives.
      if (this.main) this.main.use(api);
      else this.main = createSession(api);
      return api;
    });
    return this.#full;
  }

  usesWorker(input) {
    return input.length > MAIN_THREAD_LIMIT && !this.#workerBroken && config.worker !== false;
  }

  #startWorker() {
    if (this.#worker) return this.#workerReady;
    try {
      const worker = (config.worker ?? defaultWorker)();
      worker.onmessage = (e) => {
        const call = this.#calls.get(e.data.id);
        if (!call) return;
        this.#calls.delete(e.data.id);
        if (e.data.error) call.reject(Object.assign(new Error(e.data.error.message), { code: e.data.error.code }));
        else call.resolve(e.data.ok);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        this.#brokenWorker(new Error(`the Worker failed: ${e.message || 'it could not start'}`));
      };
      this.#worker = worker;
      this.#workerReady = this.#call('init', { wasm: this.module });
      this.#workerReady.catch(() => this.#brokenWorker(new Error('the Worker could not load the WebAssembly module')));
    } catch (e) {
      this.#brokenWorker(e);
    }
    return this.#workerReady;
  }

  #brokenWorker(error) {
    this.#workerBroken = true;
    this.#worker?.terminate();
    for (const call of this.#calls.values()) call.reject(Object.assign(error, { workerBroken: true }));
    this.#calls.clear();
  }

  #call(type, data = {}) {
    if (this.#workerBroken) return Promise.reject(Object.assign(new Error('no Worker'), { workerBroken: true }));
    const id = ++this.#next;
    return new Promise((resolve, reject) => {
      this.#calls.set(id, { resolve, reject });
      this.#worker.postMessage({ id, type, ...data });
    });
  }

  async run(input, options, limits) {
    await this.ready;
    if ((options.keys !== undefined || options.decryptionKeys !== undefined) && !this.fullApi) await this.full();
    if (this.usesWorker(input)) {
      try {
        await this.#startWorker();
        const v = await this.#call('run', { input, options, limits });
        this.#last = 'worker';
        return v;
      } catch (e) {
        if (!e.workerBroken) throw e;
        // No Worker here (a bundler that cannot emit it, a CSP without worker-src): decode on the main thread.
      }
    }
    const v = this.main.run(input, options, limits);
    this.#last = 'main';
    return v;
  }

  /** A test key for `alg`: RSA keys take seconds, so they are made in the Worker (the main thread without one). */
  async generateKey(alg) {
    await this.ready;
    if (/^(RS|PS)/.test(alg) && !this.#workerBroken && config.worker !== false) {
      try {
        await this.#startWorker();
        return await this.#call('generateKey', { alg });
      } catch (e) {
        if (!e.workerBroken) throw e;
      }
    }
    return (await this.full()).generateKey(alg);
  }

  /** Follow-up questions go to wherever the last result lives. */
  async ask(type, data) {
    await this.ready;
    if (this.#last === 'worker') return this.#call(type, data);
    if (type === 'tokens') return this.main.tokens(data.from, data.to);
    if (type === 'findings') return this.main.findings(data.severity);
    return this.main.report(data.settings);
  }
}

/** The page's one engine, made when the first element connects. */
let shared = null;
export const engine = () => (shared ??= new Engine());
