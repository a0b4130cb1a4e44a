//! Wycheproof's primitive signature files through `verify_raw`, with each group's key read by `parse_keys` from its
//! PEM (so SPKI parsing is exercised too). Only what a JWS algorithm can express is applicable: HMAC tags of the
//! full hash length, PSS with MGF1 of the same hash, ECDSA in r‖s (IEEE P1363) form; a DER ECDSA file must be
//! rejected whole. Expected verdicts are the labels except where `common::CORRECTIONS` says otherwise.

mod common;

use common::{Expect, Tally, expected, hex, str_of, vectors};
use jwtlens::keys::{KeyOptions, SecretEncoding, parse_keys};
use jwtlens::{KeyInfo, RawError, verify_raw};
use serde_json::Value;

fn key_from_pem(group: &Value) -> KeyInfo {
    let set = parse_keys(str_of(group, "publicKeyPem"), &KeyOptions::default());
    assert_eq!(set.keys.len(), 1, "{set:?}");
    set.keys.into_iter().next().unwrap()
}

/// Runs every case of `file` whose group `alg_of` maps to an algorithm. `extra` may demand more of a rejection.
fn run(
    file: &str,
    tally: &mut Tally,
    alg_of: &dyn Fn(&Value) -> Option<&'static str>,
    key_of: &dyn Fn(&Value) -> KeyInfo,
    extra: &dyn Fn(&Value, &Result<(), RawError>) -> bool,
) {
    let data = vectors(&format!("wycheproof/{file}"));
    for group in data["testGroups"].as_array().unwrap() {
        let Some(alg) = alg_of(group) else { continue };
        let key = key_of(group);
        for case in group["tests"].as_array().unwrap() {
            let id = case["tcId"].as_u64().unwrap();
            let (expect, _) = expected(file, id, str_of(case, "result"));
            let result = verify_raw(alg, &key, &hex(str_of(case, "msg")), &hex(str_of(case, "sig")));
            let ok = match expect {
                Some(Expect::Valid) => result.is_ok(),
                Some(Expect::Invalid) => result.is_err(),
                None => true,
            } && extra(case, &result);
            tally.check(
                format!(
                    "{file} tcId {id} ({}, {:?}): expected {expect:?}, got {result:?}",
                    case["comment"], case["flags"]
                ),
                ok,
            );
        }
    }
}

fn sha_alg(group: &Value, prefix: &str) -> Option<&'static str> {
    let name = match (prefix, str_of(group, "sha")) {
        ("RS", "SHA-256") => "RS256",
        ("RS", "SHA-384") => "RS384",
        ("RS", "SHA-512") => "RS512",
        ("PS", "SHA-256") => "PS256",
        ("PS", "SHA-384") => "PS384",
        ("PS", "SHA-512") => "PS512",
        _ => return None,
    };
    Some(name)
}

fn no_extra(_: &Value, _: &Result<(), RawError>) -> bool {
    true
}

#[test]
fn rsa_pkcs1_v1_5() {
    let mut tally = Tally::default();
    for bits in [2048, 3072, 4096] {
        for sha in [256, 384, 512] {
            run(
                &format!("rsa_signature_{bits}_sha{sha}_test.json"),
                &mut tally,
                &|g| sha_alg(g, "RS"),
                &key_from_pem,
                &no_extra,
            );
        }
    }
    tally.finish("RSA PKCS#1 v1.5 (9 files)", 259 + 258 + 259 + 259 + 259 + 260 + 258 + 259 + 259);
}

#[test]
fn rsa_pss() {
    let mut tally = Tally::default();
    for file in [
        "rsa_pss_2048_sha256_mgf1_32_test.json",
        "rsa_pss_2048_sha384_mgf1_48_test.json",
        "rsa_pss_3072_sha256_mgf1_32_test.json",
        "rsa_pss_4096_sha256_mgf1_32_test.json",
        "rsa_pss_4096_sha384_mgf1_48_test.json",
        "rsa_pss_4096_sha512_mgf1_64_test.json",
        // Every "valid" case here must be rejected: PS512 fixes the salt to 64 bytes (see CORRECTIONS).
        "rsa_pss_4096_sha512_mgf1_32_test.json",
    ] {
        run(file, &mut tally, &|g| sha_alg(g, "PS"), &key_from_pem, &no_extra);
    }
    tally.finish("RSA-PSS (7 files)", 108 + 141 + 108 + 108 + 141 + 179 + 177);
}

/// `rsa_pss_misc_test.json` holds only valid PSS signatures with every hash/MGF/salt combination. Under the PS
/// algorithm of the group's hash, exactly the combinations RFC 7518 §3.5 defines (MGF1 with the same hash, salt as
/// long as the hash) must verify; every other one must be rejected. Groups hashing with SHA-1 or SHA-224 have no
/// JWS algorithm and are not applicable.
#[test]
fn rsa_pss_other_parameters_are_rejected() {
    let data = vectors("wycheproof/rsa_pss_misc_test.json");
    let mut tally = Tally::default();
    let mut accepted = 0;
    for group in data["testGroups"].as_array().unwrap() {
        let Some(alg) = sha_alg(group, "PS") else { continue };
        let h_len = match alg {
            "PS256" => 32,
            "PS384" => 48,
            _ => 64,
        };
        let jws_params = group["mgfSha"] == group["sha"] && group["sLen"].as_u64() == Some(h_len);
        let key = key_from_pem(group);
        for case in group["tests"].as_array().unwrap() {
            assert_eq!(case["result"], "valid");
            let result = verify_raw(alg, &key, &hex(str_of(case, "msg")), &hex(str_of(case, "sig")));
            accepted += usize::from(result.is_ok());
            tally.check(
                format!("misc tcId {} {alg} mgf {} salt {}: {result:?}", case["tcId"], group["mgfSha"], group["sLen"]),
                result.is_ok() == jws_params,
            );
        }
    }
    tally.finish("rsa_pss_misc_test.json (SHA-256/384/512 groups)", 90);
    assert_eq!(accepted, 3, "exactly one parameter set per PS algorithm verifies");
}

fn curve_alg(group: &Value) -> Option<&'static str> {
    match (group["publicKey"]["curve"].as_str()?, str_of(group, "sha")) {
        ("secp256r1", "SHA-256") => Some("ES256"),
        ("secp384r1", "SHA-384") => Some("ES384"),
        ("secp521r1", "SHA-512") => Some("ES512"),
        ("secp256k1", "SHA-256") => Some("ES256K"),
        _ => None,
    }
}

#[test]
fn ecdsa_p1363() {
    let mut tally = Tally::default();
    for file in [
        "ecdsa_secp256r1_sha256_p1363_test.json",
        "ecdsa_secp384r1_sha384_p1363_test.json",
        "ecdsa_secp521r1_sha512_p1363_test.json",
        "ecdsa_secp256k1_sha256_p1363_test.json",
    ] {
        run(file, &mut tally, &curve_alg, &key_from_pem, &no_extra);
    }
    tally.finish("ECDSA r‖s (4 files)", 262 + 280 + 318 + 252);
}

/// Every DER-encoded signature is rejected, and the well-formed ones (labelled valid upstream) are rejected
/// specifically as DER, which is what the user must be told.
#[test]
fn ecdsa_der_is_rejected() {
    let mut tally = Tally::default();
    let as_der = std::cell::Cell::new(0);
    run("ecdsa_secp256r1_sha256_test.json", &mut tally, &curve_alg, &key_from_pem, &|case, result| {
        let named = *result == Err(RawError::EcdsaDer);
        as_der.set(as_der.get() + usize::from(named));
        case["result"] != "valid" || named
    });
    tally.finish("ecdsa_secp256r1_sha256_test.json (DER)", 484);
    assert!(as_der.get() >= 174, "only {} DER signatures were named as DER", as_der.get());
}

#[test]
fn ed25519() {
    let mut tally = Tally::default();
    run("ed25519_test.json", &mut tally, &|_| Some("EdDSA"), &key_from_pem, &no_extra);
    tally.finish("ed25519_test.json", 151);
    // The RFC 9864 name verifies the same way.
    let mut alias = Tally::default();
    run("ed25519_test.json", &mut alias, &|_| Some("Ed25519"), &key_from_pem, &no_extra);
    alias.finish("ed25519_test.json as Ed25519", 151);
}

#[test]
fn hmac_full_length_tags() {
    let mut tally = Tally::default();
    for (sha, alg) in [(256, "HS256"), (384, "HS384"), (512, "HS512")] {
        let file = format!("hmac_sha{sha}_test.json");
        let data = vectors(&format!("wycheproof/{file}"));
        for group in data["testGroups"].as_array().unwrap() {
            // JWS HMAC signatures are the full hash output; truncated tags are not a JWS algorithm.
            if group["tagSize"].as_u64() != Some(sha) {
                continue;
            }
            for case in group["tests"].as_array().unwrap() {
                let id = case["tcId"].as_u64().unwrap();
                let set = parse_keys(
                    str_of(case, "key"),
                    &KeyOptions { secret_encoding: SecretEncoding::Hex, ..KeyOptions::default() },
                );
                let (expect, _) = expected(&file, id, str_of(case, "result"));
                let result = verify_raw(alg, &set.keys[0], &hex(str_of(case, "msg")), &hex(str_of(case, "tag")));
                let ok = match expect {
                    Some(Expect::Valid) => result.is_ok(),
                    _ => result.is_err(),
                };
                tally.check(format!("{file} tcId {id}: expected {expect:?}, got {result:?}"), ok);
            }
        }
    }
    tally.finish("HMAC (3 files, full-length tags)", 3 * 87);
}
