//! JavaScript values in, Rust values out: arguments checked for their type, options read as objects (with the path
//! of a bad field in the error), the evaluation time defaulted from the JavaScript clock, bytes from `Uint8Array`s.
//! Every misuse becomes a [`Failure`] with a stable code, which the loader throws as a `JwtlensError`.

use js_sys::{Array, Date, JsString, Object, Reflect, Uint8Array};
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};

use crate::decode::Pasted;
use crate::evaluation::Evaluation;
use crate::input::TextOrBytes;
use crate::limits::{Limit, Limits};

/// A misuse of the API: a stable code and a message naming what was wrong.
#[derive(Debug, serde::Serialize)]
pub(super) struct Failure {
    pub code: &'static str,
    pub message: String,
}

impl Failure {
    pub fn argument(message: String) -> Self {
        Self { code: "ERR_INVALID_ARGUMENT", message }
    }

    pub fn options(message: String) -> Self {
        Self { code: "ERR_INVALID_OPTIONS", message }
    }
}

/// How a value reads in a message: "a number", "an array", "null".
pub(super) fn kind(value: &JsValue) -> String {
    if value.is_undefined() {
        return "undefined".to_owned();
    }
    if value.is_null() {
        return "null".to_owned();
    }
    if Array::is_array(value) {
        return "an array".to_owned();
    }
    if value.is_instance_of::<Date>() {
        return "a Date".to_owned();
    }
    if value.is_instance_of::<Uint8Array>() {
        return "a Uint8Array".to_owned();
    }
    if let Some(n) = value.as_f64() {
        return format!("the number {n}");
    }
    let t = value.js_typeof().as_string().unwrap_or_default();
    match t.as_str() {
        "object" | "undefined" => "an object".to_owned(),
        other => format!("a {other}"),
    }
}

/// A string argument.
pub(super) fn string(value: &JsValue, name: &str) -> Result<String, Failure> {
    value.as_string().ok_or_else(|| not_a_string(value, name))
}

fn not_a_string(value: &JsValue, name: &str) -> Failure {
    Failure::argument(format!("{name} must be a string, got {}", kind(value)))
}

/// The pasted input of `inspect` and `verify`, measured before it is copied: a JavaScript string whose length alone
/// puts it over `limits.inputBytes` (UTF-16 code units, never more than its UTF-8 bytes) stays in JavaScript, and the
/// core answers `LIMIT_INPUT_BYTES` from that length (see [`Pasted`]). Copied, a 150 MB paste would grow wasm memory
/// by as much for the rest of the page's life.
pub(super) enum Paste {
    Text(String),
    TooLarge(usize),
}

impl Paste {
    /// Checks that `value` is a string; called before the options are read, so that a wrong input is reported first.
    pub fn check(value: &JsValue, name: &str) -> Result<(), Failure> {
        if value.is_string() { Ok(()) } else { Err(not_a_string(value, name)) }
    }

    /// Takes `value`, a string (see [`Paste::check`]), unless its length is over `limits.inputBytes`.
    pub fn take(value: &JsValue, name: &str, limits: &Limits) -> Result<Self, Failure> {
        let text = value.dyn_ref::<JsString>().ok_or_else(|| not_a_string(value, name))?;
        let units = usize::try_from(text.length()).unwrap_or(usize::MAX);
        if limits.exceeded(Limit::InputBytes, units) {
            return Ok(Self::TooLarge(units));
        }
        string(value, name).map(Self::Text)
    }

    pub fn pasted(&self) -> Pasted<'_> {
        match self {
            Self::Text(text) => Pasted::Text(text),
            Self::TooLarge(units) => Pasted::TooLarge { at_least: *units },
        }
    }

    /// The text the result's offsets are rewritten against (none for an input not taken: its finding has none).
    pub fn text(&self) -> &str {
        match self {
            Self::Text(text) => text,
            Self::TooLarge(_) => "",
        }
    }
}

/// JSON text as given, or a plain object or array written with `JSON.stringify` (compact, in its own key order).
#[cfg_attr(feature = "decoder", allow(dead_code, reason = "signing is in the full module only"))]
pub(super) fn json_text(value: &JsValue, name: &str) -> Result<String, Failure> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    let wrong = || Failure::argument(format!("{name} must be JSON text or an object, got {}", kind(value)));
    if !value.is_object() || value.is_function() || value.is_instance_of::<Uint8Array>() {
        return Err(wrong());
    }
    // A circular object makes JSON.stringify throw: reported as the wrong kind of payload.
    js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string()).ok_or_else(wrong)
}

/// A string or `Uint8Array` argument (key text, or the bytes of a key file).
#[cfg_attr(feature = "decoder", allow(dead_code, reason = "keys are in the full module only"))]
pub(super) fn text_or_bytes(value: &JsValue, name: &str) -> Result<TextOrBytes, Failure> {
    if let Some(text) = value.as_string() {
        return Ok(TextOrBytes::Text(text));
    }
    match value.dyn_ref::<Uint8Array>() {
        Some(bytes) => Ok(TextOrBytes::Bytes(bytes.to_vec())),
        None => Err(Failure::argument(format!("{name} must be a string or a Uint8Array, got {}", kind(value)))),
    }
}

/// Deepest nesting and most values an options object may have: far beyond real options, and what keeps a circular
/// or absurd object from recursing without end.
const MAX_DEPTH: usize = 16;
const MAX_VALUES: usize = 1_000_000;

/// Walks an options object to check it is a tree of bounded depth and size (so it is not circular).
fn check_shape(value: &JsValue, depth: usize, budget: &mut usize) -> Result<(), Failure> {
    if !value.is_object() || value.is_instance_of::<Uint8Array>() || value.is_instance_of::<Date>() {
        return Ok(());
    }
    if depth > MAX_DEPTH {
        return Err(Failure::options(format!(
            "options are nested more than {MAX_DEPTH} levels deep (a circular object?)"
        )));
    }
    let Some(object) = value.dyn_ref::<Object>() else { return Ok(()) };
    for key in Object::keys(object).iter() {
        *budget = budget
            .checked_sub(1)
            .ok_or_else(|| Failure::options(format!("options hold more than {MAX_VALUES} values")))?;
        let child = Reflect::get(value, &key).unwrap_or(JsValue::UNDEFINED);
        check_shape(&child, depth + 1, budget)?;
    }
    Ok(())
}

/// A time in seconds from a number, an ISO-8601 string or a `Date`; `Err` names what was wrong.
fn seconds(value: &JsValue) -> Result<f64, String> {
    if let Some(n) = value.as_f64() {
        return if n.is_finite() { Ok(n) } else { Err(format!("expected a finite number of seconds, got {n}")) };
    }
    let ms = if let Some(date) = value.dyn_ref::<Date>() {
        date.get_time()
    } else if let Some(text) = value.as_string() {
        Date::parse(&text)
    } else {
        return Err(format!("expected seconds since the epoch, an ISO 8601 string or a Date, got {}", kind(value)));
    };
    if ms.is_finite() { Ok(ms / 1000.0) } else { Err(format!("expected a valid date, got {}", kind(value))) }
}

/// Reads an options argument. `undefined` and `null` mean the defaults. With `timed`, `now` is the JavaScript clock
/// unless given (explicitly `undefined` too), `null` means no evaluation time, and anything but a finite number, an
/// ISO string or a valid `Date` is an error; `clockSkew` must be a finite number, 0 or more.
pub(super) fn options<T: DeserializeOwned>(value: &JsValue, name: &str, timed: bool) -> Result<T, Failure> {
    typed(options_value(value, name, timed)?, name)
}

/// A verifier call's options (`verifier.verify(input, options)`): [`options`]' reading, except that none given
/// (`verifier.verify(token)` in a loop) is the defaults with the clock's time, built directly rather than through a
/// JSON value (4 % of a prepared HS256 verification under the profiler). The same value either way.
#[cfg_attr(feature = "decoder", allow(dead_code, reason = "verifiers are in the full module only"))]
pub(super) fn call_options(value: &JsValue) -> Result<crate::api::VerifierCall, Failure> {
    if value.is_undefined() || value.is_null() {
        return Ok(crate::api::VerifierCall { now: Some(Date::now() / 1000.0), ..Default::default() });
    }
    options(value, "options", true)
}

/// Reads an array argument (`describeClaims`' names), with the same shape guard and error paths as options.
pub(super) fn list<T: DeserializeOwned>(value: &JsValue, name: &str) -> Result<Vec<T>, Failure> {
    if !Array::is_array(value) {
        return Err(Failure::argument(format!("{name} must be an array, got {}", kind(value))));
    }
    check_shape(value, 0, &mut MAX_VALUES.clone())?;
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| Failure::options(format!("{name}: {}", reword(&e.to_string()))))?;
    typed(json, name)
}

/// A JSON value read as `T`; an error names the path of the bad field under `name`.
fn typed<T: DeserializeOwned>(value: serde_json::Value, name: &str) -> Result<T, Failure> {
    crate::typed::read(&value).map_err(|e| {
        let crate::typed::TypedError { path, mut message } = e;
        let mut at = match path.chars().next() {
            None => name.to_owned(),
            Some('[') => format!("{name}{path}"),
            Some(_) => format!("{name}.{path}"),
        };
        // A target's settings say where inside it a bad field is: "at scopes[2]: …" (the search above may have
        // found that path already).
        if let Some((inner, rest)) = message.strip_prefix("at ").and_then(|m| m.split_once(": ")) {
            if !at.ends_with(inner) {
                at = format!("{at}.{inner}");
            }
            message = rest.to_owned();
        }
        Failure::options(format!("{at}: {}", reword(&message)))
    })
}

/// The options object as a JSON value, checked for its shape, with `now` filled in from the clock when `timed`
/// (not generic: one copy in the module for every options type).
fn options_value(value: &JsValue, name: &str, timed: bool) -> Result<serde_json::Value, Failure> {
    // No options (`verifier.verify(token)` in a loop): the defaults and the clock, without a trip through JavaScript
    // objects (a sixth of a prepared HS256 verification when it took that way).
    if value.is_undefined() || value.is_null() {
        let mut defaults = serde_json::Map::new();
        if timed {
            defaults.insert("now".to_owned(), serde_json::Value::from(Date::now() / 1000.0));
        }
        return Ok(serde_json::Value::Object(defaults));
    }
    let plain = value.is_object()
        && !Array::is_array(value)
        && !value.is_instance_of::<Date>()
        && !value.is_instance_of::<Uint8Array>()
        && !value.is_function();
    if !plain {
        return Err(Failure::argument(format!("{name} must be an object, got {}", kind(value))));
    }
    check_shape(value, 0, &mut MAX_VALUES.clone())?;
    let copy = Object::new();
    Object::assign(&copy, value.unchecked_ref());
    if timed {
        let now = Reflect::get(&copy, &"now".into()).unwrap_or(JsValue::UNDEFINED);
        let normalised = if now.is_undefined() {
            JsValue::from(Date::now() / 1000.0)
        } else if now.is_null() {
            JsValue::NULL
        } else {
            JsValue::from(seconds(&now).map_err(|why| Failure::options(format!("{name}.now: {why}")))?)
        };
        let _ = Reflect::set(&copy, &"now".into(), &normalised);
        let skew = Reflect::get(&copy, &"clockSkew".into()).unwrap_or(JsValue::UNDEFINED);
        let skew_seconds = if skew.is_undefined() {
            None
        } else {
            Some(skew.as_f64().ok_or_else(|| {
                Failure::options(format!(
                    "{name}.clockSkew: expected a number of seconds, 0 or more, got {}",
                    kind(&skew)
                ))
            })?)
        };
        // The core's one check of an evaluation time and a skew (crate::evaluation), as an options error here.
        Evaluation::new(normalised.as_f64(), skew_seconds)
            .map_err(|invalid| Failure::options(format!("{name}.{invalid}")))?;
    }
    // serde-wasm-bindgen reads only the fields a struct declares, so `deny_unknown_fields` would not hold and a
    // misspelt option would pass silently (RReverser/serde-wasm-bindgen#39): it reads the object as a whole into a
    // JSON value, whose typed reading then rejects unknown fields and names the path of a bad one.
    for field in ["keys", "decryptionKeys", "detachedPayload"] {
        let value = Reflect::get(&copy, &field.into()).unwrap_or(JsValue::UNDEFINED);
        if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
            let _ = Reflect::set(&copy, &field.into(), &Array::from(bytes));
        }
    }
    serde_wasm_bindgen::from_value(JsValue::from(copy))
        .map_err(|e| Failure::options(format!("{name}: {}", reword(&e.to_string()))))
}

/// serde's "invalid type: integer `42`, expected a string" as "expected a string, got 42".
fn reword(message: &str) -> String {
    let Some(rest) = message.strip_prefix("invalid type: ").or_else(|| message.strip_prefix("invalid value: ")) else {
        return message.to_owned();
    };
    match rest.split_once(", expected ") {
        Some((got, expected)) => {
            let got = match got {
                "map" => "an object",
                "sequence" => "an array",
                "unit" => "null",
                other => other.split_once(' ').map_or(other, |(_, v)| v).trim_matches('`'),
            };
            format!("expected {expected}, got {got}")
        }
        None => message.to_owned(),
    }
}
