//! The holder keys of proofs of possession: a JWK from a token (`cnf.jwk`, a DPoP proof's `jwk`) read with the key
//! readers and checked with the signature primitive, for [`crate::proof`]. Only the full module links this.

use serde_json::{Map, Value};

use crate::alg::Algorithm;
use crate::keys::{KeyOptions, parse_keys};
use crate::proof::HolderKeys;
use crate::verify::{RawError, verify_raw};

/// Reads a holder's JWK and verifies with it: the key's type decides the algorithms it can verify, never the token.
pub(crate) struct Holder;

impl HolderKeys for Holder {
    fn verify(&self, jwk: &Map<String, Value>, alg: &str, message: &[u8], signature: &[u8]) -> Result<(), String> {
        let text = Value::Object(jwk.clone()).to_string();
        let set = parse_keys(&text, &KeyOptions::default());
        let Some(key) = set.keys.first().filter(|_| set.keys.len() == 1) else {
            return Err("the JWK could not be read as one key".to_owned());
        };
        let algorithm = Algorithm::from_name(alg).ok_or_else(|| format!("\"{alg}\" is not a JWS algorithm"))?;
        if algorithm.is_symmetric() || key.kty.as_deref() == Some("oct") {
            return Err("a holder key is a public key, never a shared secret".to_owned());
        }
        if !key.algorithms.contains(&algorithm) {
            let kind = key.kty.as_deref().unwrap_or("unreadable");
            let crv = key.crv.as_deref().map(|c| format!(" {c}")).unwrap_or_default();
            return Err(format!("the key ({kind}{crv}) cannot verify {alg}"));
        }
        verify_raw(alg, key, message, signature).map_err(|e| why(e).to_owned())
    }
}

fn why(error: RawError) -> &'static str {
    match error {
        RawError::UnknownAlgorithm => "the algorithm is not one jwtlens verifies",
        RawError::KeyUnusable => "the key could not be read",
        RawError::KeyRefused => "the key is refused (too weak or broken)",
        RawError::AlgorithmConfusion | RawError::WrongKeyType => "the key's type cannot make this signature",
        RawError::WrongCurve => "the key is on another curve than the algorithm's",
        RawError::EcdsaDer => "the ECDSA signature is DER-encoded, where JWS requires r||s",
        RawError::WrongLength { .. } => "the signature has the wrong length for the algorithm and key",
        RawError::Mismatch => "the signature does not match",
    }
}
