//! Test SD-JWTs (RFC 9901) and DPoP proofs (RFC 9449), signed through [`sign_token`].
//!
//! An SD-JWT: the chosen top-level claims become disclosures `[salt, name, value]` (a random 128-bit salt each,
//! written compactly) whose SHA-256 digests, with any decoys, go sorted into `_sd`; the issuer signs the rest. With a
//! holder key, the holder's public JWK goes into `cnf.jwk` and a key-binding JWT (`typ: kb+jwt`, `iat`, `aud`,
//! `nonce`, `sd_hash` over the presentation) ends the presentation. A DPoP proof: header `typ: dpop+jwt` with the
//! signing key's public `jwk`; claims `jti` (random), `htm`, `htu` (without query and fragment), `iat` (from `now`),
//! `ath` of the access token and the server's `nonce` when given.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use ts_rs::TS;

use super::export::public_jwk;
use super::{JsonText, SignOptions, Signing, sign_token};
use crate::codes::SigningCode;
use crate::decode::sdjwt::digest;
use crate::finding::{Finding, Location, Part};
use crate::keys::KeySet;
use crate::keys::private::PrivatePart;

/// Options for making a test SD-JWT.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct SdJwtSignOptions {
    /// How the issuer-signed JWT is signed (header, `alg`, `kid`, times, `now`). Its `typ` defaults to `dc+sd-jwt`.
    pub sign: Option<SignOptions>,
    /// The top-level claims to make selectively disclosable, each a disclosure of its own.
    pub disclose: Option<Vec<String>>,
    /// How many decoy digests to add to `_sd`. Default 0.
    pub decoys: Option<usize>,
    /// With a key-binding JWT: what it carries. The holder key itself is the separate `holderKey` argument.
    pub key_binding: Option<KeyBindingOptions>,
    /// The evaluation time (the key-binding JWT's `iat`; `sign.now` when that is not given), in seconds since the
    /// Unix epoch.
    #[ts(optional, type = "number | Date | null")]
    pub now: Option<f64>,
}

/// What the key-binding JWT of a test SD-JWT carries.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct KeyBindingOptions {
    /// The verifier's nonce.
    pub nonce: Option<String>,
    /// The verifier (its `aud`).
    pub audience: Option<String>,
}

/// A test SD-JWT.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SdJwtSigning {
    /// `<issuer-signed JWT>~<disclosure>~…~[<key-binding JWT>]`; `null` when nothing could be signed.
    pub token: Option<String>,
    /// The disclosures, encoded, in the order they are presented.
    pub disclosures: Vec<String>,
    /// The issuer-signed JWT as [`crate::sign()`] answers it (payload with `_sd`, `_sd_alg` and `cnf`).
    pub issuer: Signing,
    /// The key-binding JWT, when a holder key was given.
    pub key_binding: Option<Signing>,
    /// What making the disclosures noticed (the signing findings are in `issuer` and `keyBinding`).
    pub findings: Vec<Finding>,
}

/// Options for making a test DPoP proof.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct DpopProofOptions {
    /// The access token the proof is sent with (its hash becomes `ath`); none for a token request.
    pub access_token: Option<String>,
    /// The request's method (`htm`).
    pub method: Option<String>,
    /// The request's URL (`htu`, written without query and fragment).
    pub url: Option<String>,
    /// The server's `DPoP-Nonce`.
    pub nonce: Option<String>,
    /// A `jti` to write; default 96 random bits.
    pub jti: Option<String>,
    /// The algorithm; default the key's.
    pub alg: Option<String>,
    /// The evaluation time (`iat`), in seconds since the Unix epoch.
    #[ts(optional, type = "number | Date | null")]
    pub now: Option<f64>,
}

fn random_b64(len: usize) -> Option<String> {
    let mut bytes = vec![0u8; len];
    getrandom::getrandom(&mut bytes).ok()?;
    Some(URL_SAFE_NO_PAD.encode(bytes))
}

fn no_randomness() -> Finding {
    Finding::new(SigningCode::NoRandomness, "The platform gave no random numbers, which salts, decoys and jti need.")
}

/// The public JWK of the one private key in `keys`, as JSON.
fn holder_jwk(keys: &KeySet) -> Option<Value> {
    keys.keys.iter().find_map(|k| match &k.private_part {
        Some(PrivatePart::Key(key)) => serde_json::to_value(public_jwk(key)).ok(),
        _ => None,
    })
}

/// One disclosure of a claim: the encoded text and its digest.
fn disclose(name: &str, value: &Value) -> Option<(String, String)> {
    let salt = random_b64(16)?;
    let text = URL_SAFE_NO_PAD.encode(json!([salt, name, value]).to_string());
    let d = digest("sha-256", &text)?;
    Some((text, d))
}

fn claim_problem(name: &str, why: &str) -> Finding {
    Finding::new(SigningCode::SdJwtClaim, format!("\"{name}\" cannot be selectively disclosed: {why}."))
        .fix("Name top-level claims of the payload; `_sd`, `_sd_alg`, `...` and `cnf` are SD-JWT's own.")
        .at(Location::member(Part::Payload, name))
}

/// The issuer payload with `_sd`, `_sd_alg` (and `cnf`), and the disclosures, or the findings that stop it.
fn conceal(
    payload: &str,
    options: &SdJwtSignOptions,
    cnf: Option<Value>,
) -> Result<(String, Vec<String>), Vec<Finding>> {
    let Ok(Value::Object(mut claims)) = serde_json::from_str::<Value>(payload) else {
        return Err(vec![claim_problem("(payload)", "the payload is not a JSON object")]);
    };
    let mut disclosures = Vec::new();
    let mut digests = Vec::new();
    let mut problems = Vec::new();
    for name in options.disclose.iter().flatten() {
        if matches!(name.as_str(), "_sd" | "_sd_alg" | "..." | "cnf") {
            problems.push(claim_problem(name, "the name is reserved"));
            continue;
        }
        let Some(value) = claims.remove(name) else {
            problems.push(claim_problem(name, "the payload has no such claim"));
            continue;
        };
        let Some((text, d)) = disclose(name, &value) else { return Err(vec![no_randomness()]) };
        disclosures.push(text);
        digests.push(d);
    }
    for _ in 0..options.decoys.unwrap_or(0).min(1000) {
        let Some(decoy) = random_b64(32) else { return Err(vec![no_randomness()]) };
        digests.push(decoy);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Sorted, so that the order of the digests says nothing about the order of the claims (RFC 9901 §4.2.4.1).
    digests.sort();
    let mut out = Map::new();
    if !digests.is_empty() {
        out.insert("_sd".to_owned(), Value::from(digests));
    }
    out.append(&mut claims);
    out.insert("_sd_alg".to_owned(), Value::from("sha-256"));
    if let Some(jwk) = cnf {
        out.insert("cnf".to_owned(), json!({ "jwk": jwk }));
    }
    Ok((Value::Object(out).to_string(), disclosures))
}

/// Makes a test SD-JWT of `payload` (JSON text) signed with `issuer_keys`, with a key-binding JWT signed with
/// `holder_keys` when given. Never fails: `token` is `None` when nothing could be signed, and the findings say why.
#[must_use]
pub fn sign_sd_jwt(
    payload: &str,
    issuer_keys: KeySet,
    holder_keys: Option<KeySet>,
    options: &SdJwtSignOptions,
) -> SdJwtSigning {
    let mut sign = options.sign.clone().unwrap_or_default();
    sign.typ.get_or_insert_with(|| "dc+sd-jwt".to_owned());
    sign.now = sign.now.or(options.now);
    let cnf = holder_keys.as_ref().and_then(holder_jwk);
    let (issuer_payload, disclosures, findings) = match conceal(payload, options, cnf) {
        Ok((text, disclosures)) => (text, disclosures, Vec::new()),
        Err(findings) => (payload.to_owned(), Vec::new(), findings),
    };
    let stopped = !findings.is_empty();
    let issuer = sign_token(&issuer_payload, issuer_keys, &sign);
    let presentation = issuer
        .token
        .as_ref()
        .filter(|_| !stopped)
        .map(|jwt| disclosures.iter().fold(format!("{jwt}~"), |acc, d| format!("{acc}{d}~")));
    let key_binding = holder_keys.zip(presentation.as_deref()).map(|(keys, presented)| {
        let kb = options.key_binding.clone().unwrap_or_default();
        let mut claims = Map::new();
        if let Some(now) = sign.now.filter(|n| n.is_finite()) {
            claims.insert("iat".to_owned(), Value::from(now.floor() as i64));
        }
        claims.insert("aud".to_owned(), Value::from(kb.audience.unwrap_or_default()));
        claims.insert("nonce".to_owned(), Value::from(kb.nonce.unwrap_or_default()));
        claims.insert("sd_hash".to_owned(), Value::from(digest("sha-256", presented).unwrap_or_default()));
        let options = SignOptions {
            header: Some(JsonText::Text("{}".to_owned())),
            typ: Some("kb+jwt".to_owned()),
            now: sign.now,
            ..SignOptions::default()
        };
        sign_token(&Value::Object(claims).to_string(), keys, &options)
    });
    let token = match (&presentation, &key_binding) {
        (Some(p), None) => Some(p.clone()),
        (Some(p), Some(kb)) => kb.token.as_ref().map(|t| format!("{p}{t}")),
        (None, _) => None,
    };
    SdJwtSigning { token, disclosures, issuer, key_binding, findings }
}

fn dpop_input(what: &str) -> Finding {
    Finding::new(SigningCode::DpopInput, format!("A DPoP proof needs {what}."))
        .fix("Give the request's method, its absolute URL and the evaluation time (`now`).")
}

/// Makes a test DPoP proof signed with the private key in `keys`, for the request in `options`.
#[must_use]
pub fn sign_dpop_proof(keys: KeySet, options: &DpopProofOptions) -> Signing {
    let mut problems = Vec::new();
    let method = options.method.as_deref().filter(|m| !m.is_empty());
    let htu = options
        .url
        .as_deref()
        .and_then(|u| u.split(['?', '#']).next())
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    let now = options.now.filter(|n| n.is_finite());
    if method.is_none() {
        problems.push(dpop_input("the request's method (`method`)"));
    }
    if htu.is_none() {
        problems.push(dpop_input("the request's absolute http(s) URL (`url`)"));
    }
    if now.is_none() {
        problems.push(dpop_input("an evaluation time (`now`) for its `iat`"));
    }
    let jti = options.jti.clone().or_else(|| random_b64(12));
    if jti.is_none() {
        problems.push(no_randomness());
    }
    let jwk = holder_jwk(&keys);
    let (Some(method), Some(htu), Some(now), Some(jti), true) = (method, htu, now, jti, problems.is_empty()) else {
        let mut out = sign_token("{}", KeySet { keys: Vec::new(), findings: Vec::new() }, &SignOptions::default());
        out.token = None;
        out.findings = problems;
        return out;
    };
    let mut claims = Map::new();
    claims.insert("jti".to_owned(), Value::from(jti));
    claims.insert("htm".to_owned(), Value::from(method));
    claims.insert("htu".to_owned(), Value::from(htu));
    claims.insert("iat".to_owned(), Value::from(now.floor() as i64));
    if let Some(token) = &options.access_token {
        claims.insert(
            "ath".to_owned(),
            Value::from(URL_SAFE_NO_PAD.encode(<sha2::Sha256 as sha2::Digest>::digest(token.as_bytes()))),
        );
    }
    if let Some(nonce) = &options.nonce {
        claims.insert("nonce".to_owned(), Value::from(nonce.clone()));
    }
    let mut header = Map::new();
    header.insert("typ".to_owned(), Value::from("dpop+jwt"));
    if let Some(jwk) = jwk {
        header.insert("jwk".to_owned(), jwk);
    }
    let sign = SignOptions {
        header: Some(JsonText::Text(Value::Object(header).to_string())),
        alg: options.alg.clone(),
        now: Some(now),
        ..SignOptions::default()
    };
    sign_token(&Value::Object(claims).to_string(), keys, &sign)
}
