//! The requests of `fetchIssuerKeys`, made with the platform's own `fetch` (browsers, workers, Node ≥ 20) through
//! `web-sys`: GET only, no credentials, no referrer, no cache, redirects not followed, each request aborted after the
//! time allowed and its answer read only up to the size allowed. What to request and what the answers mean is
//! decided by [`crate::api::fetch`].

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, ReferrerPolicy, Request, RequestCache, RequestCredentials,
    RequestInit, RequestRedirect, Response,
};

use crate::api::fetch::{self, FetchOptions, FetchRequest, KeysFetched, Plan, Step};

/// Fetches the key set of the issuer `source` names.
pub(super) async fn fetch_issuer_keys(source: &str, options: &FetchOptions) -> KeysFetched {
    let plan = match fetch::plan(source, options) {
        Ok(plan) => plan,
        Err(findings) => return KeysFetched::empty(None, findings),
    };
    let mut out = KeysFetched::empty(Some(plan.issuer.clone()), plan.findings.clone());
    let jwks_url = match &plan.first {
        Step::Jwks(url) => url.clone(),
        Step::Discovery(url) => {
            let Some(body) = get(url, &plan, &mut out).await else { return out };
            match fetch::jwks_uri(&body, url) {
                Ok(uri) => {
                    out.findings.push(fetch::followed(url, &uri));
                    uri
                }
                Err(finding) => {
                    out.findings.push(finding);
                    return out;
                }
            }
        }
    };
    let Some(body) = get(&jwks_url, &plan, &mut out).await else { return out };
    match fetch::keys_of(&body, &jwks_url, options.now) {
        Ok((text, set)) => {
            out.findings.extend(fetch::no_keys(&set, &jwks_url));
            out.jwks = Some(text);
            out.keys = Some(set);
        }
        Err(finding) => out.findings.push(finding),
    }
    out
}

/// What one request came to.
enum Answer {
    /// No answer: the network, CORS, or the abort of the timer.
    Failed,
    /// An answer not to read (a redirect, an error status), with its `Location`.
    Status(u16, Option<String>),
    /// A 2xx answer larger than allowed.
    TooLarge(u16),
    /// A 2xx answer, read whole.
    Body(u16, Vec<u8>),
}

/// One GET, recorded in `out`; the body when the answer is a 2xx within the limits.
async fn get(url: &str, plan: &Plan, out: &mut KeysFetched) -> Option<Vec<u8>> {
    let timed_out = Rc::new(Cell::new(false));
    let controller = AbortController::new().ok();
    let abort = {
        let (timed_out, controller) = (Rc::clone(&timed_out), controller.clone());
        Closure::<dyn FnMut()>::new(move || {
            timed_out.set(true);
            if let Some(c) = &controller {
                c.abort();
            }
        })
    };
    let timer = global_call("setTimeout", &[abort.as_ref().clone(), JsValue::from(plan.timeout_ms)]);
    let answer = request(url, controller.as_ref(), plan.max_bytes).await;
    if let Some(timer) = timer {
        let _ = global_call("clearTimeout", &[timer]);
    }
    let (status, finding, body) = match answer {
        Answer::Failed => (None, Some(fetch::failed(url, timed_out.get(), plan.timeout_ms)), None),
        Answer::Status(status, location) => {
            (Some(status), fetch::status_finding(url, status, location.as_deref()), None)
        }
        Answer::TooLarge(status) => (Some(status), Some(fetch::too_large(url, plan.max_bytes)), None),
        Answer::Body(status, body) => (Some(status), None, Some(body)),
    };
    out.requests.push(FetchRequest { url: url.to_owned(), status });
    out.findings.extend(finding);
    body
}

/// Calls a function of the global object (`setTimeout`, `clearTimeout`, `fetch`) with the global as `this`.
fn global_call(name: &str, args: &[JsValue]) -> Option<JsValue> {
    let global = js_sys::global();
    let function: Function = Reflect::get(&global, &name.into()).ok()?.dyn_into().ok()?;
    function.apply(&global, &args.iter().collect()).ok()
}

async fn request(url: &str, controller: Option<&AbortController>, max_bytes: usize) -> Answer {
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_credentials(RequestCredentials::Omit);
    init.set_cache(RequestCache::NoStore);
    init.set_redirect(RequestRedirect::Manual);
    init.set_referrer_policy(ReferrerPolicy::NoReferrer);
    if let Some(c) = controller {
        init.set_signal(Some(&c.signal()));
    }
    let Ok(request) = Request::new_with_str_and_init(url, &init) else { return Answer::Failed };
    let _ = request.headers().set("Accept", "application/json");
    let Some(promise) = global_call("fetch", &[request.into()]).and_then(|p| p.dyn_into::<Promise>().ok()) else {
        return Answer::Failed;
    };
    let Ok(response) = JsFuture::from(promise).await.and_then(JsCast::dyn_into::<Response>) else {
        return Answer::Failed;
    };
    let status = response.status();
    if !(200..300).contains(&status) {
        let location = response.headers().get("location").ok().flatten();
        return Answer::Status(status, location);
    }
    match read(&response, max_bytes).await {
        Some(Ok(body)) => Answer::Body(status, body),
        Some(Err(())) => Answer::TooLarge(status),
        None => Answer::Failed,
    }
}

/// The body, read chunk by chunk and stopped past `max_bytes`: `Err` when too large, `None` when reading failed.
async fn read(response: &Response, max_bytes: usize) -> Option<Result<Vec<u8>, ()>> {
    let Some(stream) = response.body() else { return Some(Ok(Vec::new())) };
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut body = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.ok()?;
        if Reflect::get(&chunk, &"done".into()).ok()?.as_bool().unwrap_or(true) {
            return Some(Ok(body));
        }
        let bytes: Uint8Array = Reflect::get(&chunk, &"value".into()).ok()?.dyn_into().ok()?;
        if body.len() + bytes.length() as usize > max_bytes {
            let _ = reader.cancel();
            return Some(Err(()));
        }
        body.extend(bytes.to_vec());
    }
}
