//! The key-binding JWT of an SD-JWT presentation (RFC 9901 §4.3, §7.3): signed by the holder key in the issuer
//! payload's `cnf.jwk` (never a key the key-binding JWT's header brings), `typ: kb+jwt`, `sd_hash` over the
//! presentation, `iat` within the window, `nonce` and `aud` as expected.

use serde_json::{Map, Value};

use super::{HolderKeys, ProofContext, iat_window};
use crate::alg::Algorithm;
use crate::codes::SdJwtCode;
use crate::decode::sdjwt::{digest, sd_alg};
use crate::decode::token::{Token, TokenKind};
use crate::finding::{Finding, Location, Part};

const DEFAULT_MAX_AGE: f64 = 300.0;

fn at(code: SdJwtCode, member: &str, message: String, fix: &str) -> Finding {
    Finding::new(code, message).fix(fix).at(Location::member(Part::KeyBinding, member))
}

/// The findings about an SD-JWT's key binding (none for other tokens), without a token index.
#[must_use]
pub fn key_binding_findings(token: &Token, ctx: &ProofContext<'_>, keys: Option<&dyn HolderKeys>) -> Vec<Finding> {
    let mut out = Vec::new();
    if token.kind != TokenKind::SdJwt {
        return out;
    }
    let claims = token.claims();
    let cnf = claims.and_then(|c| c.get("cnf"));
    let Some(kb) = token.key_binding_jwt() else {
        let asked = ctx.sd_jwt.and_then(|o| o.key_binding);
        let wanted = asked.unwrap_or(ctx.nonce.is_some() || ctx.audience.is_some());
        if wanted && (cnf.is_some() || asked == Some(true)) {
            out.push(
                Finding::new(SdJwtCode::KbMissing, "The presentation ends with `~`: it has no key-binding JWT, but key binding is expected (the credential names a holder key in \"cnf\", and a nonce or audience is expected).")
                    .fix("The holder (wallet) must append a key-binding JWT signed with the key in \"cnf\", carrying the verifier's nonce and audience.")
                    .at(Location::part(Part::Input)),
            );
        }
        return out;
    };
    let typ = kb.header_object().and_then(|h| h.get("typ")).and_then(Value::as_str);
    if !typ.is_some_and(|t| t.eq_ignore_ascii_case("kb+jwt")) {
        let shown = typ.map_or_else(|| "missing".to_owned(), |t| format!("\"{t}\""));
        out.push(
            Finding::new(SdJwtCode::KbTyp, format!("The key-binding JWT's \"typ\" is {shown}, not \"kb+jwt\"."))
                .fix("The holder must set the header parameter \"typ\": \"kb+jwt\" (RFC 9901 §4.3).")
                .at(Location::member(Part::KeyBinding, "typ")),
        );
    }
    let jwk = cnf.and_then(Value::as_object).and_then(|c| c.get("jwk")).and_then(Value::as_object);
    match jwk {
        None => out.push(
            Finding::new(SdJwtCode::KbNoCnf, "A key-binding JWT is present, but the issuer-signed payload has no \"cnf\" with a \"jwk\": there is no holder key to verify it with.")
                .fix("The issuer must put the holder's public key in \"cnf\": {\"jwk\": …}; a key named by the key-binding JWT itself proves nothing.")
                .at(Location::member(Part::Payload, "cnf")),
        ),
        Some(jwk) => out.extend(signature(kb, jwk, keys)),
    }
    out.extend(claims_findings(token, kb, ctx));
    out
}

/// The key-binding JWT's signature with `cnf.jwk`, when a signature primitive is given.
fn signature(kb: &Token, jwk: &Map<String, Value>, keys: Option<&dyn HolderKeys>) -> Option<Finding> {
    let keys = keys?;
    let alg = kb.alg().unwrap_or_default();
    let fail = |why: String| {
        Finding::new(SdJwtCode::KbSignature, format!("The key-binding JWT is not signed by the holder key in the issuer payload's \"cnf.jwk\": {why}."))
            .fix("The holder must sign the key-binding JWT with the private key of \"cnf.jwk\", using an asymmetric algorithm of that key's type.")
            .at(Location::part(Part::KeyBinding))
    };
    if Algorithm::from_name(alg).is_none_or(Algorithm::is_symmetric) {
        return Some(fail(format!("its \"alg\" \"{alg}\" is not an asymmetric JWS algorithm")));
    }
    let (Some(input), Some(sig)) = (kb.signing_input.as_deref(), kb.signature.as_deref()) else {
        return Some(fail("it has no signature to check".to_owned()));
    };
    keys.verify(jwk, alg, input.as_bytes(), sig).err().map(fail)
}

fn claims_findings(token: &Token, kb: &Token, ctx: &ProofContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let empty = Map::new();
    let claims = kb.claims().unwrap_or(&empty);
    let missing = |name: &str, what: &str| {
        at(
            SdJwtCode::KbClaimMissing,
            name,
            format!("The key-binding JWT has no {what} \"{name}\"."),
            "RFC 9901 §4.3 requires \"iat\" (a number), \"aud\", \"nonce\" (strings) and \"sd_hash\" in the key-binding JWT.",
        )
    };
    let alg = sd_alg(token.claims()).unwrap_or_else(|_| "sha-256".to_owned());
    let expected = token.sd_hash_input.as_deref().and_then(|p| digest(&alg, p));
    match (claims.get("sd_hash").and_then(Value::as_str), expected) {
        (None, _) => out.push(at(SdJwtCode::SdHashMismatch, "sd_hash", "The key-binding JWT has no \"sd_hash\": it is not bound to this presentation.".to_owned(), "The holder must put in \"sd_hash\" the base64url hash (the issuer's _sd_alg) of the presentation up to and including the last `~`.")),
        (Some(given), Some(expected)) if given != expected => out.push(at(
            SdJwtCode::SdHashMismatch,
            "sd_hash",
            format!("The key-binding JWT's \"sd_hash\" is \"{given}\", but the {alg} hash of the presentation it ends (the issuer-signed JWT and the disclosures, up to the last `~`) is \"{expected}\": disclosures were added, removed, reordered or re-encoded."),
            "Present exactly the disclosures the key-binding JWT was made for, in the same order and encoding, or have the holder sign a new one.",
        )),
        _ => {}
    }
    match claims.get("iat").and_then(Value::as_f64) {
        None => out.push(missing("iat", "number")),
        Some(iat) => {
            let max_age = ctx.sd_jwt.and_then(|o| o.max_age).unwrap_or(DEFAULT_MAX_AGE);
            if let Some(Err((future, why))) = ctx.now.map(|now| iat_window(iat, now, max_age, ctx.clock_skew)) {
                let code = if future { SdJwtCode::KbFuture } else { SdJwtCode::KbStale };
                out.push(at(code, "iat", format!("The key-binding JWT's {why}."), "The holder must make a fresh key-binding JWT for each presentation; check both clocks (raise `sdJwt.maxAge` if the verifier allows older ones)."));
            }
        }
    }
    match (claims.get("nonce").and_then(Value::as_str), ctx.nonce) {
        (None, _) => out.push(missing("nonce", "string")),
        (Some(given), Some(expected)) if given != expected => out.push(at(SdJwtCode::KbNonce, "nonce", format!("The key-binding JWT's nonce is \"{given}\", not the \"{expected}\" expected: it answers another request, or is replayed."), "The holder must put the verifier's nonce of this request in \"nonce\".")),
        _ => {}
    }
    match (claims.get("aud").and_then(Value::as_str), ctx.audience) {
        (None, _) => out.push(missing("aud", "string")),
        (Some(given), Some(expected)) if !expected.iter().any(|e| e == given) => out.push(at(SdJwtCode::KbAudience, "aud", format!("The key-binding JWT's \"aud\" is \"{given}\", not {}.", crate::finding::quoted(expected)), "The holder must put the verifier's identifier in \"aud\": a presentation made for another verifier must be refused.")),
        _ => {}
    }
    out
}
