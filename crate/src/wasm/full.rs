//! The full module's exports: verification, keys, signing and the issuer's keys, besides decoding. Built unless the
//! `decoder` feature asks for the decoder-only module (`super::decoder`).

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use super::values::{Failure, Paste, call_options, json_text, options, string, text_or_bytes};
use super::{fetch, respond};
use crate::api::GenerateError;
use crate::keys::{KeyOptions, read_keys};
use crate::sign::{DpopProofOptions, SdJwtSignOptions, SignOptions};
use crate::verify::VerifyOptions;
use crate::{Algorithm, InspectOptions, dpop_proof, generate_key, inspect, sign, sign_sd_jwt, verify};

/// `inspect(input, options)` → the envelope of an `Inspection` whose offsets count UTF-16 code units.
#[wasm_bindgen(js_name = inspect)]
#[must_use]
pub fn js_inspect(input: JsValue, opts: JsValue) -> String {
    respond(Paste::check(&input, "input").and_then(|()| {
        let opts = options::<InspectOptions>(&opts, "options", true)?;
        let input = Paste::take(&input, "input", &opts.limits)?;
        let mut result = inspect(input.pasted(), &opts);
        result.offsets_to_utf16(input.text());
        Ok(result)
    }))
}

/// `verify(input, keys, options)` → the envelope of a `VerifyResult` whose input offsets count UTF-16 code
/// units. `keys` is text or the bytes of a key file.
#[wasm_bindgen(js_name = verify)]
#[must_use]
pub fn js_verify(input: JsValue, keys: JsValue, opts: JsValue) -> String {
    respond(Paste::check(&input, "input").and_then(|()| {
        let keys = text_or_bytes(&keys, "keys")?;
        let opts = options::<VerifyOptions>(&opts, "options", true)?;
        let input = Paste::take(&input, "input", &opts.limits)?;
        let mut result = verify(input.pasted(), keys, &opts);
        result.offsets_to_utf16(input.text());
        Ok(result)
    }))
}

/// `parseKeys(keys, options)` → the envelope of a `KeySet`. `keys` is text or the bytes of a key file.
#[wasm_bindgen(js_name = parseKeys)]
#[must_use]
pub fn js_parse_keys(keys: JsValue, opts: JsValue) -> String {
    respond(text_or_bytes(&keys, "keys").and_then(|keys| {
        let opts = options::<KeyOptions>(&opts, "options", true)?;
        Ok(read_keys(&keys, &opts))
    }))
}

/// `sign(payload, key, options)` → the envelope of a `Signing` (its findings carry JSON lines and columns, no input
/// offsets). The payload is JSON text, signed byte for byte, or an object, written with `JSON.stringify`; `now` for
/// `iat` and `expiresIn` is the JavaScript clock unless given.
#[wasm_bindgen(js_name = sign)]
#[must_use]
pub fn js_sign(payload: JsValue, key: JsValue, opts: JsValue) -> String {
    respond(json_text(&payload, "payload").and_then(|payload| {
        let key = string(&key, "key")?;
        let opts = options::<SignOptions>(&opts, "options", true)?;
        Ok(sign(&payload, &key, &opts))
    }))
}

/// `signSdJwt(payload, key, options, holderKey)` → the envelope of an `SdJwtSigning`: a test SD-JWT whose
/// `options.disclose` claims are selectively disclosable, with a key-binding JWT when `holderKey` is given.
#[wasm_bindgen(js_name = signSdJwt)]
#[must_use]
pub fn js_sign_sd_jwt(payload: JsValue, key: JsValue, opts: JsValue, holder_key: JsValue) -> String {
    respond(json_text(&payload, "payload").and_then(|payload| {
        let key = string(&key, "key")?;
        let holder = if holder_key.is_undefined() || holder_key.is_null() {
            None
        } else {
            Some(string(&holder_key, "holderKey")?)
        };
        let opts = options::<SdJwtSignOptions>(&opts, "options", true)?;
        Ok(sign_sd_jwt(&payload, &key, holder.as_deref(), &opts))
    }))
}

/// `dpopProof(key, options)` → the envelope of a `Signing`: a test DPoP proof for `options`' request; `now` is the
/// JavaScript clock unless given.
#[wasm_bindgen(js_name = dpopProof)]
#[must_use]
pub fn js_dpop_proof(key: JsValue, opts: JsValue) -> String {
    respond(string(&key, "key").and_then(|key| {
        let opts = options::<DpopProofOptions>(&opts, "options", true)?;
        Ok(dpop_proof(&key, &opts))
    }))
}

/// `encrypt(plaintext, key, options)` → the envelope of an `Encryption`. The plaintext is text (a token, JSON) or an
/// object, written with `JSON.stringify`.
#[wasm_bindgen(js_name = encrypt)]
#[must_use]
pub fn js_encrypt(plaintext: JsValue, key: JsValue, opts: JsValue) -> String {
    respond(json_text(&plaintext, "plaintext").and_then(|plaintext| {
        let key = string(&key, "key")?;
        let opts = options::<crate::jwe::EncryptOptions>(&opts, "options", false)?;
        Ok(crate::encrypt(&plaintext, &key, &opts))
    }))
}

/// Every finding code with its severity and description. In the full module only: the descriptions are 34 KB of
/// text that the decoder-only module, which the page loads first, has no use for (the element never lists codes).
#[wasm_bindgen(js_name = codes)]
#[must_use]
pub fn js_codes() -> String {
    respond::<_>(Ok(crate::all_codes()))
}

/// `generateKey(alg)` → the envelope of a `GeneratedKey`.
#[wasm_bindgen(js_name = generateKey)]
#[must_use]
pub fn js_generate_key(alg: JsValue) -> String {
    let parsed = string(&alg, "alg").and_then(|name| {
        Algorithm::from_name(&name).ok_or_else(|| {
            let names: Vec<&str> = Algorithm::ALL.iter().map(|a| a.name()).collect();
            Failure::argument(format!("alg must be one of {}, got {name:?}", names.join(", ")))
        })
    });
    respond(parsed.and_then(|alg| {
        generate_key(alg).map_err(|e| Failure {
            code: if e == GenerateError::NoRandomness { "ERR_NO_RANDOMNESS" } else { "ERR_INTERNAL" },
            message: e.to_string(),
        })
    }))
}

/// `fetchIssuerKeys(source, options)` → a promise of the envelope of a `KeysFetched`.
#[wasm_bindgen(js_name = fetchIssuerKeys)]
pub async fn js_fetch_issuer_keys(source: JsValue, opts: JsValue) -> String {
    let parsed = string(&source, "source").and_then(|s| Ok((s, options(&opts, "options", true)?)));
    match parsed {
        Ok((source, opts)) => respond::<_>(Ok(fetch::fetch_issuer_keys(&source, &opts).await)),
        Err(failure) => respond::<()>(Err(failure)),
    }
}

/// `createVerifier(options)`: keys read once and kept in the module's memory. A misuse throws the error envelope
/// (its JSON text).
#[wasm_bindgen(js_name = Verifier)]
pub struct JsVerifier {
    inner: crate::api::Verifier,
}

#[wasm_bindgen(js_class = Verifier)]
impl JsVerifier {
    /// Reads the keys of `options` (which must hold `keys`).
    ///
    /// # Errors
    /// The error envelope, for options that are not an object or a bad field.
    #[wasm_bindgen(constructor)]
    pub fn new(opts: JsValue) -> Result<JsVerifier, JsValue> {
        if opts.is_undefined() || opts.is_null() {
            return Err(JsValue::from(respond::<()>(Err(Failure::argument(
                "options must be an object with keys".to_owned(),
            )))));
        }
        match options::<crate::api::VerifierOptions>(&opts, "options", true) {
            Ok(opts) => Ok(JsVerifier { inner: crate::api::Verifier::new(opts) }),
            Err(failure) => Err(JsValue::from(respond::<()>(Err(failure)))),
        }
    }

    /// The envelope of the `KeySet` read at creation.
    #[must_use]
    pub fn keys(&self) -> String {
        respond::<_>(Ok(self.inner.keys()))
    }

    /// The envelope of a `Verification` of `input` (UTF-16 offsets).
    #[must_use]
    pub fn verify(&self, input: JsValue, opts: JsValue) -> String {
        respond(Paste::check(&input, "input").and_then(|()| {
            let call = call_options(&opts)?;
            let input = Paste::take(&input, "input", self.inner.limits())?;
            let mut result = self.inner.verify(input.pasted(), call);
            crate::finding::map_offsets(&mut result.findings, &crate::spanned::utf16_offsets(input.text()));
            Ok(result)
        }))
    }

    /// The envelope of an `Inspection` of `input` (UTF-16 offsets).
    #[must_use]
    pub fn inspect(&self, input: JsValue, opts: JsValue) -> String {
        respond(Paste::check(&input, "input").and_then(|()| {
            let call = call_options(&opts)?;
            let input = Paste::take(&input, "input", self.inner.limits())?;
            let mut result = self.inner.inspect(input.pasted(), &call);
            result.offsets_to_utf16(input.text());
            Ok(result)
        }))
    }
}
