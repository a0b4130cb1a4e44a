// The <jwt-lens> element's Worker: big pastes are decoded here, and RSA test keys generated, so the page never
// freezes (one `inspect` of a 1 MB paste of 1,000 tokens takes about 0.3 s, an RSA-2048 key a second or two, and a
// wasm call cannot be cut into slices). It keeps the full result and answers with views (model.js, through session.js),
// which are small whatever the paste.
//
// Messages in: { id, type: 'init', wasm? } (a compiled WebAssembly.Module, or nothing to let the glue fetch the
// .wasm next to it), { id, type: 'run', input, options, limits }, { id, type: 'tokens', from, to },
// { id, type: 'findings', severity }, { id, type: 'report', settings }, { id, type: 'generateKey', alg } (RSA keys
// take seconds to generate: the Encode view makes them here). Out: { id, ok } or { id, error }.
import { load } from '../init.js';
import { createSession } from './session.js';

let session = null;
let api = null;

self.onmessage = async (event) => {
  const { id, type } = event.data;
  try {
    let ok;
    if (type === 'init') {
      api = await load(event.data.wasm);
      session = createSession(api);
      ok = true;
    } else if (type === 'run') {
      ok = session.run(event.data.input, event.data.options, event.data.limits);
    } else if (type === 'tokens') {
      ok = session.tokens(event.data.from, event.data.to);
    } else if (type === 'findings') {
      ok = session.findings(event.data.severity);
    } else if (type === 'report') {
      ok = session.report(event.data.settings);
    } else if (type === 'generateKey') {
      ok = api.generateKey(event.data.alg);
    }
    self.postMessage({ id, ok });
  } catch (e) {
    self.postMessage({ id, error: { message: String(e?.message ?? e), code: e?.code ?? null } });
  }
};
