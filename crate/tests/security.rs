//! One test per security rule of issue 3, each built so that a lenient verifier would fail it: the forged tokens
//! here carry signatures that really do verify under the wrong interpretation.

mod common;

use base64::Engine as _;
use common::{codes, compact, hmac_sign, public_jwk, sign_with_jwk, str_of, vectors};
use jwtlens::verify::Outcome;
use jwtlens::{VerifyOptions, verify};
use serde_json::{Value, json};

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn panva(name: &str) -> Value {
    vectors("peer-fixtures/panva-jose/keys.json")[name].clone()
}

fn opts() -> VerifyOptions {
    VerifyOptions::default()
}

/// The classic algorithm-confusion forgery: an HS256 token whose HMAC key is the verifier's public key, byte for
/// byte as the verifier holds it. Offered that public key in any format, jwtlens refuses and explains.
#[test]
fn a_public_key_is_never_an_hmac_secret() {
    let mut ran = 0;
    for (name, alg) in [("RSA", "RS256"), ("P256", "ES256"), ("P384", "ES384"), ("P521", "ES512"), ("Ed25519", "EdDSA")]
    {
        let entry = panva(name);
        let spki = str_of(&entry, "spki").to_owned();
        let body: String = spki.lines().filter(|l| !l.starts_with("-----")).collect();
        let public = serde_json::to_string(&public_jwk(&entry["jwk"])).unwrap();
        let formats = [
            spki.clone(),
            format!("{spki}\n"),
            str_of(&entry, "x509").to_owned(),
            str_of(&entry, "pkcs8").to_owned(),
            public.clone(),
            json!({ "keys": [public_jwk(&entry["jwk"])] }).to_string(),
            body.clone(),
        ];
        for key_text in formats {
            for mac_key in [key_text.as_bytes(), key_text.trim().as_bytes()] {
                ran += 1;
                let forged = compact(r#"{"alg":"HS256"}"#, r#"{"sub":"admin"}"#, |input| {
                    hmac_sign("HS256", mac_key, input.as_bytes())
                });
                for options in [opts(), VerifyOptions { algorithms: Some(vec!["HS256".into()]), ..opts() }] {
                    let result = verify(&forged, &key_text, &options);
                    assert!(!result.valid, "{name}: forged HS256 accepted with {key_text:.40}");
                    assert!(
                        codes(&result.findings).contains(&"SIG_ALG_CONFUSION"),
                        "{name}: {:?}",
                        codes(&result.findings)
                    );
                    assert!(result.attempts.iter().all(|a| a.outcome == Outcome::AlgorithmConfusion
                        && !a.tried
                        && a.signature_matches.is_none()));
                }
            }
        }
        // The genuine token of the key still verifies with the very same key texts.
        let genuine = compact(&format!(r#"{{"alg":"{alg}"}}"#), "{}", |i| sign_with_jwk(alg, &entry["jwk"], i));
        assert!(verify(&genuine, &spki, &opts()).valid);
        assert!(verify(&genuine, &body, &opts()).valid, "bare base64 DER is read as a key");
    }
    assert_eq!(ran, 5 * 7 * 2);
    // The DER bytes of a public key given as a "secret" in hex or base64 are read as the key, never as a secret.
    let spki = str_of(&panva("P256"), "spki").to_owned();
    let body: String = spki.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::engine::general_purpose::STANDARD.decode(&body).unwrap();
    for (text, encoding) in [(common::hex_of(&der), "hex"), (body.clone(), "base64"), (b64(&der), "base64url")] {
        let forged = compact(r#"{"alg":"HS256"}"#, "{}", |i| hmac_sign("HS256", &der, i.as_bytes()));
        let options: VerifyOptions = serde_json::from_value(json!({ "secretEncoding": encoding })).unwrap();
        let result = verify(&forged, &text, &options);
        assert!(!result.valid, "{encoding}");
        assert!(codes(&result.findings).contains(&"SIG_ALG_CONFUSION"), "{encoding}: {:?}", codes(&result.findings));
    }
}

/// The token never chooses the family: a secret cannot verify RS256, an EC key of another curve is not tried,
/// and a valid signature under the wrong family is never looked for.
#[test]
fn the_token_never_chooses_the_algorithm_family() {
    let rsa = panva("RSA");
    let token = compact(r#"{"alg":"RS256"}"#, "{}", |i| sign_with_jwk("RS256", &rsa["jwk"], i));
    let with_secret = verify(&token, "a-very-long-shared-secret-of-many-bytes!", &opts());
    assert!(!with_secret.valid);
    assert_eq!(with_secret.attempts[0].outcome, Outcome::WrongKeyType);
    assert!(codes(&with_secret.findings).contains(&"SIG_NO_COMPATIBLE_KEY"));

    let p384 = panva("P384");
    let es256 = compact(r#"{"alg":"ES256"}"#, "{}", |i| sign_with_jwk("ES256", &panva("P256")["jwk"], i));
    let wrong_curve = verify(&es256, str_of(&p384, "spki"), &opts());
    assert_eq!(wrong_curve.attempts[0].outcome, Outcome::WrongCurve);
    assert!(!wrong_curve.valid);

    let ed = compact(r#"{"alg":"EdDSA"}"#, "{}", |i| sign_with_jwk("EdDSA", &panva("Ed25519")["jwk"], i));
    assert_eq!(verify(&ed, str_of(&rsa, "spki"), &opts()).attempts[0].outcome, Outcome::WrongKeyType);
    // The RFC 9864 name is the same algorithm, also for a JWK published with alg "EdDSA" (and the other way round).
    let ed2 = compact(r#"{"alg":"Ed25519"}"#, "{}", |i| sign_with_jwk("Ed25519", &panva("Ed25519")["jwk"], i));
    assert!(verify(&ed2, str_of(&panva("Ed25519"), "spki"), &opts()).valid);
    for (token, jwk_alg) in [(&ed2, "EdDSA"), (&ed, "Ed25519")] {
        let mut jwk = public_jwk(&panva("Ed25519")["jwk"]);
        jwk["alg"] = json!(jwk_alg);
        assert!(verify(token, jwk.to_string(), &opts()).valid, "JWK alg {jwk_alg}");
    }

    // Unsupported and mis-cased names are refused before any key is touched.
    for (alg, hint) in [("Ed448", "not supported"), ("hs256", "HS256"), ("ES521", "ES512"), ("RSA-OAEP", "JWE")] {
        let t = compact(&format!(r#"{{"alg":"{alg}"}}"#), "{}", |i| hmac_sign("HS256", b"k", i.as_bytes()));
        let result = verify(&t, "k", &opts());
        let finding =
            result.findings.iter().find(|f| f.code() == "SIG_ALG_UNSUPPORTED").unwrap_or_else(|| panic!("{alg}"));
        assert!(finding.message.contains(hint), "{alg}: {}", finding.message);
        assert!(result.attempts.iter().all(|a| a.outcome == Outcome::NotTried));
    }
}

#[test]
fn alg_none_never_verifies() {
    let secret = "a-very-long-shared-secret-of-many-bytes!";
    for spelling in ["none", "NONE", "None", "nOnE", " none"] {
        let header = format!(r#"{{"alg":"{spelling}"}}"#);
        let unsigned = format!("{}.{}.", b64(header.as_bytes()), b64(b"{\"sub\":\"admin\"}"));
        let signed = compact(&header, r#"{"sub":"admin"}"#, |i| hmac_sign("HS256", secret.as_bytes(), i.as_bytes()));
        for token in [&unsigned, &signed] {
            for key in [secret, str_of(&panva("RSA"), "spki"), ""] {
                for algorithms in [None, Some(vec!["none".to_owned(), "HS256".to_owned()])] {
                    let result = verify(token, key, &VerifyOptions { algorithms: algorithms.clone(), ..opts() });
                    assert!(!result.valid, "{spelling}");
                    assert!(
                        codes(&result.findings).contains(&"SIG_ALG_NONE"),
                        "{spelling}: {:?}",
                        codes(&result.findings)
                    );
                    assert!(result.matched_key.is_none());
                    if algorithms.is_some() {
                        assert!(codes(&result.findings).contains(&"VERIFY_OPTIONS_INVALID"));
                    }
                }
            }
        }
        // A signature on an unsecured token is flagged by decoding.
        if spelling.trim() == spelling {
            assert!(
                codes(&verify(&signed, secret, &opts()).findings).contains(&"TOKEN_UNSECURED_WITH_SIGNATURE"),
                "{spelling}"
            );
        }
    }
}

#[test]
fn crit_rules() {
    let secret = "a-very-long-shared-secret-of-many-bytes!";
    let token = |header: &str| compact(header, "{}", |i| hmac_sign("HS256", secret.as_bytes(), i.as_bytes()));
    // Unknown critical extension: the signature is fine, the token must still be rejected.
    let unknown = verify(
        &token(r#"{"alg":"HS256","crit":["http://example.invalid/must-know"],"http://example.invalid/must-know":1}"#),
        secret,
        &opts(),
    );
    assert!(!unknown.valid && codes(&unknown.findings).contains(&"SIG_CRIT_UNKNOWN"));
    let malformed = verify(&token(r#"{"alg":"HS256","crit":"b64"}"#), secret, &opts());
    assert!(!malformed.valid && codes(&malformed.findings).contains(&"SIG_CRIT_INVALID"));
    // Empty list and registered names are flagged, not fatal.
    let empty = verify(&token(r#"{"alg":"HS256","crit":[]}"#), secret, &opts());
    assert!(empty.valid && codes(&empty.findings).contains(&"SIG_CRIT_EMPTY"));
    let registered = verify(&token(r#"{"alg":"HS256","crit":["alg","kid"],"kid":"a"}"#), secret, &opts());
    assert!(registered.valid && codes(&registered.findings).contains(&"SIG_CRIT_REGISTERED"));
    // An understood extension marked critical but absent from the header is flagged; present, it is not.
    let absent = verify(&token(r#"{"alg":"HS256","crit":["b64"]}"#), secret, &opts());
    assert!(absent.valid && codes(&absent.findings).contains(&"SIG_CRIT_ABSENT"), "{:?}", codes(&absent.findings));
    let present = verify(&token(r#"{"alg":"HS256","crit":["b64"],"b64":true}"#), secret, &opts());
    assert!(present.valid && !codes(&present.findings).contains(&"SIG_CRIT_ABSENT"));
}

/// A flattened JWS JSON serialization (RFC 7515 §7.2.2) signed with HS256 over `protected` and `payload`.
fn flattened(protected: &str, unprotected: Value, payload: &str, secret: &str) -> String {
    let input = format!("{}.{}", b64(protected.as_bytes()), b64(payload.as_bytes()));
    let signature = hmac_sign("HS256", secret.as_bytes(), input.as_bytes());
    let (protected, payload) = input.split_once('.').unwrap();
    json!({ "protected": protected, "header": unprotected, "payload": payload, "signature": b64(&signature) })
        .to_string()
}

/// Headers that stop verification before any key is tried, each next to a variant that verifies.
#[test]
fn header_rules_that_stop_verification() {
    let secret = "a-very-long-shared-secret-of-many-bytes!";
    let check = |token: &str, code: &str, fails: bool| {
        let result = verify(token, secret, &opts());
        assert_eq!(codes(&result.findings).contains(&code), fails, "{code}: {:?}", codes(&result.findings));
        assert_eq!(result.valid, !fails, "{code}");
    };
    let signed = |header: &str| compact(header, "{}", |i| hmac_sign("HS256", secret.as_bytes(), i.as_bytes()));
    // A JSON serialization whose protected header is JSON but not an object (a compact token like that is not
    // taken for a JWS at all: VERIFY_NOT_JWS).
    let protected = r#"{"alg":"HS256"}"#;
    check(&flattened(r#"["alg","HS256"]"#, json!({ "alg": "HS256" }), "{}", secret), "SIG_HEADER_UNREADABLE", true);
    check(&flattened(protected, json!({ "kid": "k1" }), "{}", secret), "SIG_HEADER_UNREADABLE", false);
    // No "alg" string to verify with.
    check(&signed(r#"{"typ":"JWT"}"#), "SIG_ALG_INVALID", true);
    check(&signed(r#"{"alg":7}"#), "SIG_ALG_INVALID", true);
    check(&signed(r#"{"alg":"HS256","typ":"JWT"}"#), "SIG_ALG_INVALID", false);
    // Protected and unprotected headers must be disjoint (RFC 7515 §7.2.1).
    check(&flattened(protected, json!({ "alg": "HS256" }), "{}", secret), "SIG_HEADER_NOT_DISJOINT", true);
    check(&flattened(protected, json!({ "kid": "k1" }), "{}", secret), "SIG_HEADER_NOT_DISJOINT", false);
    // "b64" must be integrity protected and a boolean (RFC 7797 §3).
    check(&flattened(protected, json!({ "b64": true }), "{}", secret), "SIG_B64_INVALID", true);
    check(&signed(r#"{"alg":"HS256","b64":"false","crit":["b64"]}"#), "SIG_B64_INVALID", true);
    check(&signed(r#"{"alg":"HS256","b64":true,"crit":["b64"]}"#), "SIG_B64_INVALID", false);
}

/// A signature that is absent or not base64url is reported as such, not as a mismatch.
#[test]
fn missing_and_unreadable_signatures() {
    let secret = "a-very-long-shared-secret-of-many-bytes!";
    let token = compact(r#"{"alg":"HS256"}"#, "{}", |i| hmac_sign("HS256", secret.as_bytes(), i.as_bytes()));
    let (input, _) = token.rsplit_once('.').unwrap();
    let result = |t: &str| verify(t, secret, &opts());
    for (damaged, code) in [(format!("{input}."), "SIG_MISSING"), (format!("{input}.!!!!"), "SIG_UNREADABLE")] {
        let r = result(&damaged);
        assert!(!r.valid && codes(&r.findings).contains(&code), "{code}: {:?}", codes(&r.findings));
        assert!(!codes(&r.findings).contains(&"SIG_MISMATCH"), "{code}");
    }
    let fine = codes(&result(&token).findings);
    assert!(!fine.contains(&"SIG_MISSING") && !fine.contains(&"SIG_UNREADABLE"), "{fine:?}");
}

/// Verifying a nested JWT checks the outer signature and says that the inner token is not verified.
#[test]
fn nested_tokens_verify_the_outer_signature_only() {
    let secret = "a-very-long-shared-secret-of-many-bytes!";
    let sign =
        |header: &str, payload: &str| compact(header, payload, |i| hmac_sign("HS256", secret.as_bytes(), i.as_bytes()));
    let inner = sign(r#"{"alg":"HS256"}"#, r#"{"sub":"inner"}"#);
    let nested = sign(r#"{"alg":"HS256","cty":"JWT"}"#, &inner);
    let result = verify(&nested, secret, &opts());
    assert!(result.valid && codes(&result.findings).contains(&"VERIFY_NESTED_INNER"), "{:?}", codes(&result.findings));
    assert!(!codes(&verify(&inner, secret, &opts()).findings).contains(&"VERIFY_NESTED_INNER"));
}

fn der_of_rs(rs: &[u8]) -> Vec<u8> {
    let int = |x: &[u8]| {
        let x = &x[x.iter().position(|&b| b != 0).unwrap_or(x.len() - 1)..];
        let mut v = vec![0x02];
        let pad = x[0] & 0x80 != 0;
        v.push((x.len() + usize::from(pad)) as u8);
        if pad {
            v.push(0);
        }
        v.extend_from_slice(x);
        v
    };
    let (r, s) = rs.split_at(rs.len() / 2);
    let body = [int(r), int(s)].concat();
    let mut out = vec![0x30];
    if body.len() > 127 {
        out.push(0x81);
    }
    out.push(body.len() as u8);
    out.extend(body);
    out
}

/// The same ECDSA signature, re-encoded as DER: cryptographically valid, but not a JWS signature.
#[test]
fn ecdsa_signatures_must_be_r_s() {
    for (name, alg, len) in [("P256", "ES256", 64), ("P384", "ES384", 96), ("P521", "ES512", 132)] {
        let entry = panva(name);
        let input = format!("{}.{}", b64(format!(r#"{{"alg":"{alg}"}}"#).as_bytes()), b64(b"{}"));
        let rs = sign_with_jwk(alg, &entry["jwk"], &input);
        assert_eq!(rs.len(), len);
        assert!(verify(&format!("{input}.{}", b64(&rs)), str_of(&entry, "spki"), &opts()).valid);
        let result = verify(&format!("{input}.{}", b64(&der_of_rs(&rs))), str_of(&entry, "spki"), &opts());
        assert!(!result.valid, "{alg}");
        assert!(codes(&result.findings).contains(&"SIG_ECDSA_DER"), "{alg}: {:?}", codes(&result.findings));
        assert_eq!(result.attempts[0].outcome, Outcome::SignatureMalformed);
        // Truncated r‖s is a length error, not a mismatch.
        let short = verify(&format!("{input}.{}", b64(&rs[..len - 1])), str_of(&entry, "spki"), &opts());
        assert!(codes(&short.findings).contains(&"SIG_LENGTH"));
    }
}

#[test]
fn rsa_key_strength() {
    // 512-bit key made with OpenSSL for this test; the signature is valid, the key is refused.
    let weak = r#"{"kty":"RSA","n":"wT1Lgs-l0ErD0sOTIHi2UWevLi98BSZBzTdc_LIEy79zu0XJPbgmqiSc-onVa_AF-ndizf6_3apQr2FnaO8dcw","e":"AQAB"}"#;
    let token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3ZWFrIn0.hC64356j9Mkm7bvMloVPDT2P67aNPmPZC9ZeHLFNNCrom_8lWylUqUVIclPO-Lqgq4jXl1ZfdOrkJTPecVNwOw";
    let result = verify(token, weak, &opts());
    assert!(!result.valid);
    assert!(codes(&result.findings).contains(&"KEY_RSA_TOO_SMALL"));
    assert_eq!(result.attempts[0].outcome, Outcome::KeyRefused);
    assert_eq!(result.keys[0].bits, Some(512));

    // Wycheproof's 1024-bit key: verifies, with the warning.
    let group = &vectors("wycheproof/json_web_key_test.json")["testGroups"][6];
    assert_eq!(group["comment"], "keysize_too_small");
    let result = verify(str_of(&group["tests"][0], "jws"), group["public"].to_string(), &opts());
    assert!(result.valid && codes(&result.findings).contains(&"KEY_RSA_WEAK"));

    // Exponent 1 and an even exponent on an otherwise good modulus: refused.
    let good = public_jwk(&panva("RSA")["jwk"]);
    let rs256 = compact(r#"{"alg":"RS256"}"#, "{}", |i| sign_with_jwk("RS256", &panva("RSA")["jwk"], i));
    for e in ["AQ", "BA", "AQAA"] {
        let mut key = good.clone();
        key["e"] = json!(e);
        let result = verify(&rs256, key.to_string(), &opts());
        assert!(!result.valid, "e={e}");
        assert!(codes(&result.findings).contains(&"KEY_RSA_EXPONENT"), "e={e}");
        assert_eq!(result.attempts[0].outcome, Outcome::KeyRefused);
    }
    assert!(verify(&rs256, good.to_string(), &opts()).valid);
}

#[test]
fn short_hmac_secrets_warn() {
    for (alg, secret, warns) in [
        ("HS256", "secret", true),
        ("HS256", "0123456789abcdef0123456789abcdef", false),
        ("HS384", "0123456789abcdef0123456789abcdef", true),
        ("HS512", &"x".repeat(64), false),
    ] {
        let token =
            compact(&format!(r#"{{"alg":"{alg}"}}"#), "{}", |i| hmac_sign(alg, secret.as_bytes(), i.as_bytes()));
        let result = verify(&token, secret, &opts());
        assert!(result.valid, "{alg} {secret}");
        assert_eq!(codes(&result.findings).contains(&"SIG_HMAC_SECRET_SHORT"), warns, "{alg} {secret}");
    }
    // An empty secret is refused outright.
    let token = compact(r#"{"alg":"HS256"}"#, "{}", |i| hmac_sign("HS256", b"", i.as_bytes()));
    assert!(!verify(&token, r#"{"kty":"oct","k":""}"#, &opts()).valid);
}

/// A token that carries (jwk, x5c) or points to (jku, x5u) its own key, signed by that key: never verified by it.
#[test]
fn keys_named_by_the_token_are_never_used() {
    let attacker = panva("P256");
    let victim = panva("P384");
    let cert_body: String = str_of(&attacker, "x509").lines().filter(|l| !l.starts_with("-----")).collect();
    for (member, value) in [
        ("jwk", public_jwk(&attacker["jwk"])),
        ("x5c", json!([cert_body])),
        ("jku", json!("https://attacker.example/jwks.json")),
        ("x5u", json!("https://attacker.example/cert.pem")),
    ] {
        let header = json!({ "alg": "ES256", member: value }).to_string();
        let token = compact(&header, r#"{"sub":"admin"}"#, |i| sign_with_jwk("ES256", &attacker["jwk"], i));
        let attacker_thumbprint =
            jwtlens::parse_keys(str_of(&attacker, "spki"), &Default::default()).keys[0].thumbprint.clone();
        for key in ["", str_of(&victim, "spki"), "some-secret"] {
            let result = verify(&token, key, &opts());
            assert!(!result.valid, "{member} with key {key:.20}");
            assert!(codes(&result.findings).contains(&"TOKEN_EMBEDDED_KEY"), "{member}");
            assert!(
                result.keys.iter().all(|k| k.thumbprint != attacker_thumbprint),
                "{member}: the header's key was used"
            );
        }
        assert!(verify(&token, "", &opts()).keys.is_empty(), "{member}: no key is taken from the header");
        // Only the attacker's own key, given explicitly, verifies it.
        assert!(verify(&token, str_of(&attacker, "spki"), &opts()).valid);
    }
}

#[test]
fn allow_list() {
    let rsa = panva("RSA");
    let token = compact(r#"{"alg":"RS256"}"#, "{}", |i| sign_with_jwk("RS256", &rsa["jwk"], i));
    let spki = str_of(&rsa, "spki");
    let only_es = verify(&token, spki, &VerifyOptions { algorithms: Some(vec!["ES256".into()]), ..opts() });
    assert!(!only_es.valid && codes(&only_es.findings).contains(&"SIG_ALG_NOT_ALLOWED"));
    assert!(
        verify(&token, spki, &VerifyOptions { algorithms: Some(vec!["RS256".into(), "PS256".into()]), ..opts() }).valid
    );
    let odd = verify(&token, spki, &VerifyOptions { algorithms: Some(vec!["RS256".into(), "XX1".into()]), ..opts() });
    assert!(odd.valid && codes(&odd.findings).contains(&"VERIFY_OPTIONS_INVALID"));
    assert!(!verify(&token, spki, &VerifyOptions { algorithms: Some(vec![]), ..opts() }).valid);
}

#[test]
fn kid_selection() {
    let p256 = panva("P256");
    let p384 = panva("P384");
    let with_kid = |kid: &str| {
        compact(&format!(r#"{{"alg":"ES256","kid":"{kid}"}}"#), "{}", |i| sign_with_jwk("ES256", &p256["jwk"], i))
    };
    let jwk = |entry: &Value, kid: &str| {
        let mut k = public_jwk(&entry["jwk"]);
        k["kid"] = json!(kid);
        k
    };
    // The right key under another kid: not used; the diagnosis says the signature would match.
    let set = json!({ "keys": [jwk(&p384, "k1"), jwk(&p256, "k2")] }).to_string();
    let result = verify(&with_kid("k1"), &set, &opts());
    assert!(!result.valid);
    assert_eq!(result.attempts[1].outcome, Outcome::KidMismatch);
    assert_eq!(result.attempts[1].signature_matches, Some(true));
    assert!(codes(&result.findings).contains(&"SIG_MATCHES_EXCLUDED_KEY"));
    let unknown = verify(&with_kid("k9"), &set, &opts());
    assert!(codes(&unknown.findings).contains(&"SIG_KID_NOT_FOUND"));
    // The fix says where the token's issuer publishes its keys; for Cognito, that another pool's keys are the usual
    // cause.
    let kid_fix = |payload: &str| {
        let token = compact(r#"{"alg":"ES256","kid":"k9"}"#, payload, |i| sign_with_jwk("ES256", &p256["jwk"], i));
        let result = verify(&token, &set, &opts());
        let finding = result.findings.iter().find(|f| f.code() == "SIG_KID_NOT_FOUND").cloned();
        finding.and_then(|f| f.fix).unwrap_or_default()
    };
    let cognito = kid_fix(r#"{"iss":"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123"}"#);
    assert!(cognito.contains("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/jwks.json"));
    assert!(cognito.starts_with("If user pool eu-west-1_AbC123 (eu-west-1) is yours"), "{cognito}");
    assert!(cognito.contains("another user pool or region"), "{cognito}");
    // A look-alike host is no Cognito issuer.
    let lookalike = kid_fix(r#"{"iss":"https://cognito-idp.evil.example/eu-west-1_AbC123"}"#);
    assert!(!lookalike.contains("user pool") && lookalike.starts_with("If https://cognito-idp.evil.example/"));
    let oidc = kid_fix(r#"{"iss":"https://login.example.com/"}"#);
    assert!(oidc.contains("https://login.example.com/.well-known/openid-configuration"), "{oidc}");
    assert!(kid_fix("{}").contains("Fetch the trusted issuer's current JWKS"));
    // Matching kid, or no kid in the token, or no kid on the key: used.
    assert_eq!(verify(&with_kid("k2"), &set, &opts()).matched_key.as_ref().map(|m| m.index), Some(1));
    let no_kid = compact(r#"{"alg":"ES256"}"#, "{}", |i| sign_with_jwk("ES256", &p256["jwk"], i));
    assert!(verify(&no_kid, &set, &opts()).valid);
    assert!(verify(&with_kid("anything"), str_of(&p256, "spki"), &opts()).valid);
    // Two usable keys under the token's kid: ambiguous, even though one verifies.
    let p256b = panva("P256");
    let twins = json!({ "keys": [jwk(&p256b, "k1"), jwk(&p256, "k1")] }).to_string();
    let result = verify(&with_kid("k1"), &twins, &opts());
    assert!(!result.valid && result.matched_key.is_some());
    assert!(codes(&result.findings).contains(&"SIG_KID_AMBIGUOUS"));
}

#[test]
fn use_and_key_ops() {
    let p256 = panva("P256");
    let token = compact(r#"{"alg":"ES256"}"#, "{}", |i| sign_with_jwk("ES256", &p256["jwk"], i));
    for (member, value) in [("use", json!("enc")), ("key_ops", json!(["encrypt"]))] {
        let mut key = public_jwk(&p256["jwk"]);
        key[member] = value;
        let result = verify(&token, key.to_string(), &opts());
        assert!(!result.valid, "{member}");
        assert_eq!(result.attempts[0].outcome, Outcome::NotForSigning);
        assert!(codes(&result.findings).contains(&"KEY_NOT_FOR_SIGNING"));
    }
    let mut key = public_jwk(&p256["jwk"]);
    key["key_ops"] = json!(["verify"]);
    key["use"] = json!("sig");
    assert!(verify(&token, key.to_string(), &opts()).valid);
}

/// What a server receives must be strict base64url: a correct signature on a sloppy token is not valid.
#[test]
fn strict_encoding() {
    let secret = "a-very-long-shared-secret-of-many-bytes!";
    let token =
        compact(r#"{"alg":"HS256"}"#, r#"{"sub":"1"}"#, |i| hmac_sign("HS256", secret.as_bytes(), i.as_bytes()));
    assert!(verify(&token, secret, &opts()).valid);
    // Transport wrappers are removed and fine.
    for wrapped in [
        format!("Bearer {token}"),
        format!("\"{token}\""),
        format!("Authorization: Bearer {token}\n"),
        format!(r#"{{"id_token":"{token}"}}"#),
    ] {
        assert!(verify(&wrapped, secret, &opts()).valid, "{wrapped:.30}");
    }
    // Padding, the standard alphabet, whitespace inside: the signature matches, the token is not valid.
    let (head, sig) = token.rsplit_once('.').unwrap();
    let padded = format!("{head}.{sig}=");
    let split = format!("{}\n{}", &token[..20], &token[20..]);
    for sloppy in [padded, split] {
        let result = verify(&sloppy, secret, &opts());
        assert!(!result.valid, "{sloppy}");
        assert!(result.matched_key.is_some());
        assert!(codes(&result.findings).contains(&"SIG_NOT_STRICT"), "{:?}", codes(&result.findings));
    }
}

#[test]
fn duplicate_header_members_are_rejected() {
    let secret = "a-very-long-shared-secret-of-many-bytes!";
    for header in [r#"{"alg":"HS256","alg":"HS256"}"#, r#"{"alg":"none","alg":"HS256"}"#] {
        let token = compact(header, "{}", |i| hmac_sign("HS256", secret.as_bytes(), i.as_bytes()));
        let result = verify(&token, secret, &opts());
        assert!(!result.valid, "{header}");
        assert!(codes(&result.findings).contains(&"SIG_HEADER_DUPLICATE"), "{header}: {:?}", codes(&result.findings));
    }
}

#[test]
fn inputs_without_a_signature() {
    let jwe = "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d";
    assert!(codes(&verify(jwe, "k", &opts()).findings).contains(&"VERIFY_NOT_JWS"));
    assert!(codes(&verify("opaque-access-token", "k", &opts()).findings).contains(&"VERIFY_NOT_JWS"));
    assert!(codes(&verify("  ", "k", &opts()).findings).contains(&"VERIFY_NO_TOKEN"));
    let secret = "a-very-long-shared-secret-of-many-bytes!";
    let token = compact(r#"{"alg":"HS256"}"#, "{}", |i| hmac_sign("HS256", secret.as_bytes(), i.as_bytes()));
    let none = verify(&token, "", &opts());
    assert!(
        !none.valid && codes(&none.findings).contains(&"KEY_NONE") && codes(&none.findings).contains(&"VERIFY_NO_KEY")
    );
    assert!(codes(&verify(&token, &token, &opts()).findings).contains(&"KEY_IS_TOKEN"));
}

#[test]
fn several_tokens_in_one_paste() {
    let secret = "a-very-long-shared-secret-of-many-bytes!";
    let id = compact(r#"{"alg":"HS256"}"#, r#"{"sub":"id"}"#, |i| hmac_sign("HS256", secret.as_bytes(), i.as_bytes()));
    let access = compact(r#"{"alg":"HS256"}"#, r#"{"sub":"access"}"#, |i| {
        hmac_sign("HS256", b"another-secret-entirely-32-bytes", i.as_bytes())
    });
    let response = json!({ "id_token": id, "access_token": access }).to_string();
    let first = verify(&response, secret, &opts());
    assert!(first.valid && first.token == Some(0));
    assert!(codes(&first.findings).contains(&"VERIFY_TOKEN_SELECTED"));
    let second = verify(&response, secret, &VerifyOptions { token: Some(1), ..opts() });
    assert!(!second.valid && second.token == Some(1));
    let missing = verify(&response, secret, &VerifyOptions { token: Some(5), ..opts() });
    assert!(codes(&missing.findings).contains(&"VERIFY_OPTIONS_INVALID"));
}

/// Results cross to JavaScript as JSON: camelCase, and no secret ever leaves the core.
#[test]
fn results_serialize_without_secrets() {
    let secret = "do-not-leak-this-secret-value-0123456789";
    let token = compact(r#"{"alg":"HS256"}"#, "{}", |i| hmac_sign("HS256", secret.as_bytes(), i.as_bytes()));
    let result = verify(&token, secret, &opts());
    let text = serde_json::to_string(&result).unwrap();
    assert!(!text.contains(secret) && !text.contains(&b64(secret.as_bytes())), "{text}");
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["valid"], true);
    assert_eq!(value["matchedKey"]["index"], 0);
    assert_eq!(value["attempts"][0]["outcome"], "matched");
    assert_eq!(value["keys"][0]["format"], "secret");
    assert_eq!(value["keys"][0]["algorithms"], json!(["HS256", "HS384", "HS512"]));
    // Private key material is never serialized either.
    let jwk = &panva("P256")["jwk"];
    let text = serde_json::to_string(&verify(&token, jwk.to_string(), &opts())).unwrap();
    assert!(!text.contains(str_of(jwk, "d")));
}

#[test]
fn options_arrive_as_json() {
    let options: VerifyOptions = serde_json::from_str(r#"{"algorithms":["RS256"],"secretEncoding":"base64url","now":1700000000.5,"token":1,"signature":0,"detachedPayload":"x"}"#).unwrap();
    assert_eq!(options.secret_encoding, jwtlens::keys::SecretEncoding::Base64url);
    assert!(
        serde_json::from_str::<VerifyOptions>(r#"{"algorithm":["RS256"]}"#).is_err(),
        "unknown fields are rejected"
    );
    assert!(serde_json::from_str::<VerifyOptions>(r#"{"secretEncoding":"latin1"}"#).is_err());
    // The chosen encoding changes the secret.
    let token = compact(r#"{"alg":"HS256"}"#, "{}", |i| hmac_sign("HS256", &[0xfb; 32], i.as_bytes()));
    let as_b64url = b64(&[0xfb; 32]);
    assert!(verify(&token, &as_b64url, &serde_json::from_str(r#"{"secretEncoding":"base64url"}"#).unwrap()).valid);
    assert!(verify(&token, "fb".repeat(32), &serde_json::from_str(r#"{"secretEncoding":"hex"}"#).unwrap()).valid);
    assert!(!verify(&token, &as_b64url, &opts()).valid, "utf8 by default");
}
