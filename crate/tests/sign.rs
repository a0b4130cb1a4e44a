//! Signing through the public API: exact RFC tokens where signing is deterministic (RFC 7515 A.1 HS256, A.2 RS256,
//! RFC 8037 A.4 Ed25519), ECDSA signatures that verify with `r‖s` of the right length (A.3 ES256, A.4 ES512), every
//! algorithm round-tripping through jwtlens' own `verify` with generated keys, every private key format, and every
//! refusal and warning of the signing phase. (Round trips with jose and @noble/curves are in tests/js/sign.test.mjs.)

mod common;

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use common::{codes, str_of, vector_text, vectors};
use jwtlens::sign::{JsonText, Kid};
use jwtlens::{Algorithm, SignOptions, Signing, VerifyOptions, generate_key, sign, verify};
use serde_json::{Value, json};

fn json(v: &Value) -> String {
    serde_json::to_string(v).unwrap()
}

fn with_header(header: &str) -> SignOptions {
    SignOptions { header: Some(JsonText::Text(header.to_owned())), ..SignOptions::default() }
}

fn options(value: Value) -> SignOptions {
    serde_json::from_value(value).unwrap()
}

fn signature_len(token: &str) -> usize {
    URL_SAFE_NO_PAD.decode(token.rsplit('.').next().unwrap()).unwrap().len()
}

fn found(signing: &Signing) -> Vec<&'static str> {
    codes(&signing.findings)
}

fn pem(label: &str, der: &[u8]) -> String {
    format!("-----BEGIN {label}-----\n{}\n-----END {label}-----\n", STANDARD.encode(der))
}

#[test]
fn rfc7515_a1_a2_exact_tokens_and_a3_a4_ecdsa() {
    let data = vectors("rfc/rfc7515_appendix_a.json");
    let mut ran = 0;
    for case in data["cases"].as_array().unwrap().iter().filter(|c| c["alg"] != "none") {
        ran += 1;
        let id = str_of(case, "id");
        let signed = sign(
            str_of(case, "payload_utf8"),
            &json(&case["private_jwk"]),
            &with_header(str_of(case, "protected_header_utf8")),
        );
        let token = signed.token.as_deref().unwrap_or_else(|| panic!("{id}: {:?}", signed.findings));
        // The exact text, CRLFs and all, is what was signed.
        assert!(token.starts_with(&format!("{}.", str_of(case, "signing_input"))), "{id}");
        assert_eq!(signed.header, str_of(case, "protected_header_utf8"), "{id}");
        if case["deterministic"] == true && matches!(case["alg"].as_str(), Some("HS256" | "RS256")) {
            assert_eq!(token, str_of(case, "compact"), "{id}");
        } else {
            // ECDSA: a different nonce, so another valid signature of the exact length of r‖s.
            let expected = if case["alg"] == "ES256" { 64 } else { 132 };
            assert_eq!(signature_len(token), expected, "{id}");
        }
        let verified = verify(token, json(&case["verification_jwk"]), &VerifyOptions::default());
        assert!(verified.valid, "{id}: {:?}", verified.findings);
        assert_eq!(signed.alg.as_deref(), case["alg"].as_str(), "{id}");
        // A.4 signs the text "Payload", which is no JSON object: a JWS, not a JWT.
        let expected: &[&str] = if id == "rfc7515-A.4" { &["SIGN_PAYLOAD_NOT_OBJECT"] } else { &[] };
        assert_eq!(found(&signed), expected, "{id}");
    }
    assert_eq!(ran, 4);
}

#[test]
fn rfc8037_a4_ed25519_exact_token() {
    let data = vectors("rfc/rfc8037_ed25519.json");
    let signed = sign(
        str_of(&data, "A.4_payload_utf8"),
        &json(&data["A.1_private_jwk"]),
        &with_header(str_of(&data, "A.4_protected_utf8")),
    );
    assert_eq!(signed.token.as_deref(), Some(str_of(&data, "A.4_compact")));
    // "Example of Ed25519 signing" is not a JSON object: a JWS, not a JWT, and said so.
    assert_eq!(found(&signed), ["SIGN_PAYLOAD_NOT_OBJECT"]);
    assert_eq!(signed.public_jwk.as_ref().and_then(|k| k.x.as_deref()), data["A.2_public_jwk"]["x"].as_str());
}

#[test]
fn every_algorithm_round_trips_through_verify() {
    let payload = "{\n  \"sub\": \"round-trip\",\n  \"n\": 12345678901234567890,\n  \"f\": 1.50\n}";
    let mut ran = 0;
    for &alg in Algorithm::ALL {
        // A generated key's JWK names its algorithm, which restricts it (RFC 7517 §4.4): one key per algorithm.
        let key = generate_key(alg).unwrap();
        let private = key.private_pem.clone().or(key.secret.clone()).unwrap();
        let private_jwk = serde_json::to_string(&key.private_jwk).unwrap();
        for key_text in [&private, &private_jwk] {
            ran += 1;
            let signed = sign(payload, key_text, &options(json!({ "alg": alg.name() })));
            let token = signed.token.as_deref().unwrap_or_else(|| panic!("{alg:?}: {:?}", signed.findings));
            assert_eq!(signed.payload, payload, "the payload text is signed exactly");
            let public = key.public_pem.clone().or(key.secret.clone()).unwrap();
            let verified = verify(token, &public, &VerifyOptions::default());
            assert!(verified.valid, "{alg:?}: {:?}", verified.findings);
            assert_eq!(verified.algorithm.as_deref(), Some(alg.name()));
            if let Some(jwk) = &signed.public_jwk {
                assert!(verify(token, serde_json::to_string(jwk).unwrap(), &VerifyOptions::default()).valid, "{alg:?}");
            }
            // Decoding gives back the exact payload text (the big integer and 1.50 included).
            let inspected = jwtlens::inspect(token, &Default::default());
            assert_eq!(inspected.tokens[0].payload.as_ref().and_then(|p| p.text.as_deref()), Some(payload));
        }
    }
    assert_eq!(ran, 30);
}

#[test]
fn every_private_key_format_signs() {
    let panva = vectors("peer-fixtures/panva-jose/keys.json");
    let mut ran = 0;
    for (name, alg) in [("Ed25519", "EdDSA"), ("P256", "ES256"), ("P384", "ES384"), ("P521", "ES512"), ("RSA", "RS256")]
    {
        let entry = &panva[name];
        let spki = str_of(entry, "spki");
        for private in
            [str_of(entry, "pkcs8").to_owned(), json(&entry["jwk"]), json(&json!({ "keys": [entry["jwk"]] }))]
        {
            ran += 1;
            let signed = sign(r#"{"sub":"1"}"#, &private, &SignOptions::default());
            let token = signed.token.as_deref().unwrap_or_else(|| panic!("{name}: {:?}", signed.findings));
            assert_eq!(signed.alg.as_deref(), Some(alg), "{name}: the algorithm comes from the key");
            assert!(verify(token, spki, &VerifyOptions::default()).valid, "{name}");
            assert!(!found(&signed).contains(&"KEY_PRIVATE"), "a verification warning is not a signing one");
        }
    }
    // PKCS#1 and SEC1 PEM (one with the curve spelled out, which OpenSSL writes with -param_enc explicit).
    for (file, alg) in [
        ("rsa-private.pem", "RS256"),
        ("priv.pem", "RS256"),
        ("prime256v1-private.pem", "ES256"),
        ("secp384r1-private.pem", "ES384"),
        ("secp521r1-private.pem", "ES512"),
        ("ecdsa-private.pem", "ES256"),
        ("rsa-pss-private.pem", "PS256"),
    ] {
        ran += 1;
        let key = vector_text(&format!("peer-fixtures/node-jsonwebtoken/{file}"));
        let signed = sign(r#"{"sub":"1"}"#, &key, &SignOptions::default());
        let token = signed.token.as_deref().unwrap_or_else(|| panic!("{file}: {:?}", signed.findings));
        assert_eq!(signed.alg.as_deref(), Some(alg), "{file}");
        assert!(verify(token, &key, &VerifyOptions::default()).valid, "{file}");
    }
    // A JWKS holding public keys and one private key signs with the private one, and says which.
    let mut private = panva["P256"]["jwk"].clone();
    private["kid"] = json!("priv");
    let set = json!({ "keys": [{ "kid": "pub", "kty": "OKP", "crv": "Ed25519", "x": panva["Ed25519"]["jwk"]["x"] }, private] });
    let signed = sign("{}", &json(&set), &options(json!({ "kid": true })));
    assert_eq!((signed.key, signed.alg.as_deref()), (Some(1), Some("ES256")));
    assert_eq!(signed.header, r#"{"alg":"ES256","kid":"priv"}"#);
    assert_eq!(signed.public_jwk.as_ref().and_then(|k| k.kid.as_deref()), Some("priv"));
    assert_eq!(ran, 22);
}

#[test]
fn header_members_and_time_helpers_are_written_into_the_text() {
    let secret = "a-string-secret-at-least-256-bits-long";
    let signed = sign(
        "{\n  \"sub\": \"1\",\n  \"iat\": 5\n}",
        secret,
        &options(
            json!({ "header": "{\n  \"typ\": \"JWT\"\n}", "kid": "k1", "iat": "now", "expiresIn": 3600, "now": 1_700_000_000.9 }),
        ),
    );
    assert_eq!(signed.header, "{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\",\n  \"kid\": \"k1\"\n}");
    assert_eq!(signed.payload, "{\n  \"sub\": \"1\",\n  \"iat\": 1700000000,\n  \"exp\": 1700003600\n}");
    assert_eq!(found(&signed), ["SIGN_CLAIM_REPLACED", "KEY_SECRET"]);
    assert!(verify(signed.token.as_deref().unwrap(), secret, &VerifyOptions::default()).valid);

    // An object header is written compactly; typ is added after alg; a negative expiresIn makes an expired token.
    let signed = sign(
        r#"{"sub":"1"}"#,
        secret,
        &options(json!({ "header": { "cty": "x" }, "typ": "JWT", "expiresIn": -60, "now": 1000 })),
    );
    assert_eq!(signed.header, r#"{"alg":"HS256","cty":"x","typ":"JWT"}"#);
    assert_eq!(signed.payload, r#"{"sub":"1","exp":940}"#);
    let inspected =
        jwtlens::inspect(signed.token.as_deref().unwrap(), &serde_json::from_value(json!({ "now": 1000 })).unwrap());
    assert!(codes(&inspected.findings).contains(&"TIME_EXPIRED"), "{:?}", codes(&inspected.findings));
}

#[test]
fn json_problems_are_located() {
    let secret = "a-string-secret-at-least-256-bits-long";
    let signed = sign("{\"sub\": \"1\",\n  \"x\": }", secret, &SignOptions::default());
    assert!(signed.token.is_none());
    let f = &signed.findings[0];
    assert_eq!(f.code(), "SIGN_JSON_INVALID");
    let loc = f.location.as_ref().unwrap();
    assert_eq!((loc.part, loc.line, loc.column), (Some(jwtlens::Part::Payload), Some(2), Some(8)));

    let signed = sign("{}", secret, &with_header("{\"alg\": \"HS256\""));
    assert_eq!(found(&signed)[0], "SIGN_JSON_INVALID");
    assert_eq!(signed.findings[0].location.as_ref().unwrap().part, Some(jwtlens::Part::Header));

    assert_eq!(found(&sign("{}", secret, &with_header("[]")))[0], "SIGN_HEADER_NOT_OBJECT");
    let array = sign("[1]", secret, &SignOptions::default());
    assert!(array.token.is_some() && found(&array)[0] == "SIGN_PAYLOAD_NOT_OBJECT");

    // A duplicate is carried into the token (to test verifiers) with a warning.
    let dup = sign(r#"{"a":1,"a":2}"#, secret, &SignOptions::default());
    assert!(dup.token.is_some());
    assert_eq!(found(&dup)[0], "SIGN_DUPLICATE_MEMBER");
    assert_eq!(dup.findings[0].location.as_ref().unwrap().member.as_deref(), Some("a"));
}

#[test]
fn algorithm_refusals() {
    let secret = "a-string-secret-at-least-256-bits-long";
    let panva = vectors("peer-fixtures/panva-jose/keys.json");
    let p256 = str_of(&panva["P256"], "pkcs8");
    let refused = |payload: &str, key: &str, opts: SignOptions, code: &str| {
        let signed = sign(payload, key, &opts);
        assert!(signed.token.is_none(), "{code}");
        assert!(found(&signed).contains(&code), "{code}: {:?}", signed.findings);
        signed
    };
    refused("{}", secret, with_header(r#"{"alg":1}"#), "SIGN_HEADER_INVALID");
    refused("{}", secret, with_header(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#), "SIGN_HEADER_INVALID");
    let unknown = refused("{}", secret, options(json!({ "alg": "hs256" })), "SIGN_ALG_UNKNOWN");
    assert!(unknown.findings.iter().any(|f| f.message.contains("did you mean \"HS256\"")));
    refused("{}", secret, options(json!({ "alg": "RSA-OAEP" })), "SIGN_ALG_UNKNOWN");
    refused("{}", p256, options(json!({ "alg": "HS256" })), "SIGN_ALG_KEY_MISMATCH");
    refused("{}", p256, options(json!({ "alg": "ES384" })), "SIGN_ALG_KEY_MISMATCH");
    refused("{}", secret, options(json!({ "alg": "RS256" })), "SIGN_ALG_KEY_MISMATCH");
    // A JWK's alg restricts the key, as for verification; so do RSASSA-PSS parameters.
    let mut restricted = panva["RSA"]["jwk"].clone();
    restricted["alg"] = json!("RS256");
    let m = refused("{}", &json(&restricted), options(json!({ "alg": "PS256" })), "SIGN_ALG_KEY_MISMATCH");
    assert!(
        m.findings.iter().any(|f| f.message.contains("restricted by its JWK \"alg\" to RS256")),
        "{:?}",
        m.findings
    );
    let pss = vector_text("peer-fixtures/node-jsonwebtoken/rsa-pss-private.pem");
    refused("{}", &pss, options(json!({ "alg": "RS256" })), "SIGN_ALG_KEY_MISMATCH");

    // The header's alg wins over the option, with a warning.
    let signed = sign("{}", secret, &SignOptions { alg: Some("HS256".into()), ..with_header(r#"{"alg":"HS512"}"#) });
    assert_eq!(signed.alg.as_deref(), Some("HS512"));
    assert_eq!(found(&signed), ["SIGN_OPTION_IGNORED", "KEY_SECRET", "SIGN_SECRET_SHORT"]);
}

#[test]
fn unsecured_tokens_only_when_asked() {
    let asked = sign(r#"{"sub":"1"}"#, "", &options(json!({ "alg": "none" })));
    assert_eq!(asked.token.as_deref(), Some("eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."));
    assert_eq!(found(&asked), ["SIGN_ALG_NONE"]);
    let inspected = jwtlens::inspect(asked.token.as_deref().unwrap(), &Default::default());
    assert!(codes(&inspected.findings).contains(&"TOKEN_UNSECURED"));
    // The header's own spelling is kept: testing that verifiers refuse "None" is a use of this.
    let spelled = sign("{}", "", &SignOptions { alg: Some("none".into()), ..with_header(r#"{"alg":"None"}"#) });
    assert!(spelled.token.as_deref().is_some_and(|t| t.ends_with('.')));
    let not_asked = sign("{}", "a-string-secret-at-least-256-bits-long", &with_header(r#"{"alg":"none"}"#));
    assert!(not_asked.token.is_none());
    assert_eq!(found(&not_asked), ["SIGN_NONE_NOT_ASKED"]);
}

/// A 1024-bit RSA key (refused below 1024, warned below 2048, too small for PS512's padding).
fn rsa_1024() -> String {
    use rsa::pkcs8::EncodePrivateKey as _;
    let key = rsa::RsaPrivateKey::new(&mut rand_core::OsRng, 1024).unwrap();
    pem("PRIVATE KEY", key.to_pkcs8_der().unwrap().as_bytes())
}

#[test]
fn key_refusals_and_warnings() {
    let panva = vectors("peer-fixtures/panva-jose/keys.json");
    let nothing = sign("{}", "", &SignOptions::default());
    assert_eq!(found(&nothing), ["SIGN_NO_KEY"]);
    let broken = sign("{}", "-----BEGIN PRIVATE KEY-----\nAAAA\n", &SignOptions::default());
    assert_eq!(found(&broken), ["KEY_PEM_INVALID", "SIGN_NO_KEY"]);

    // A public key: the finding names the private key that would sign (by its thumbprint).
    let public = sign("{}", str_of(&panva["P256"], "spki"), &SignOptions::default());
    assert_eq!(found(&public), ["SIGN_PUBLIC_KEY"]);
    let thumbprint = &jwtlens::parse_keys(str_of(&panva["P256"], "spki"), &Default::default()).keys[0].thumbprint;
    assert!(public.findings[0].message.contains(thumbprint.as_deref().unwrap()), "{}", public.findings[0].message);

    // Two private keys: ambiguous, unless the kid or the algorithm picks one.
    let mut a = panva["P256"]["jwk"].clone();
    a["kid"] = json!("a");
    let mut b = panva["Ed25519"]["jwk"].clone();
    b["kid"] = json!("b");
    let two = json(&json!({ "keys": [a, b] }));
    assert_eq!(found(&sign("{}", &two, &SignOptions::default())), ["SIGN_KEY_AMBIGUOUS"]);
    assert_eq!(sign("{}", &two, &options(json!({ "kid": "b" }))).alg.as_deref(), Some("EdDSA"));
    assert_eq!(sign("{}", &two, &with_header(r#"{"kid":"a"}"#)).alg.as_deref(), Some("ES256"));
    assert_eq!(sign("{}", &two, &options(json!({ "alg": "EdDSA" }))).key, Some(1));

    // Keys that cannot sign: marked for encryption, key_ops without "sign", a secret published in a key set,
    // private numbers that do not fit together.
    let refused = |key: &Value, why: &str| {
        let signed = sign("{}", &json(key), &SignOptions::default());
        assert!(signed.token.is_none(), "{why}: {:?}", signed.findings);
        let f = signed
            .findings
            .iter()
            .find(|f| f.code() == "SIGN_KEY_REFUSED")
            .unwrap_or_else(|| panic!("{why}: {:?}", signed.findings));
        assert!(f.message.contains(why), "{}", f.message);
    };
    let mut enc = panva["P256"]["jwk"].clone();
    enc["use"] = json!("enc");
    refused(&enc, "\"use\": \"enc\"");
    let mut ops = panva["P256"]["jwk"].clone();
    ops["key_ops"] = json!(["verify"]);
    refused(&ops, "key_ops");
    let secret = json!({ "kty": "oct", "k": "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA" });
    let public = json!({ "kty": "OKP", "crv": "Ed25519", "x": panva["Ed25519"]["jwk"]["x"] });
    refused(&json!({ "keys": [secret, public] }), "not secret");
    // Next to a private key that can sign, the refused secret is passed over.
    let beside = json!({ "keys": [secret, panva["Ed25519"]["jwk"]] });
    assert_eq!(sign("{}", &json(&beside), &SignOptions::default()).alg.as_deref(), Some("EdDSA"));
    let mut bad_d = panva["RSA"]["jwk"].clone();
    bad_d["d"] = json!("AQAB");
    refused(&bad_d, "do not form a valid RSA key");
    let mut no_primes = panva["RSA"]["jwk"].clone();
    for member in ["p", "q", "dp", "dq", "qi"] {
        no_primes.as_object_mut().unwrap().remove(member);
    }
    let recovered = sign("{}", &json(&no_primes), &SignOptions::default());
    assert!(
        verify(recovered.token.as_deref().unwrap(), str_of(&panva["RSA"], "spki"), &VerifyOptions::default()).valid
    );

    // Weak keys: RSA under 2048 bits and short secrets sign, with the warning verifiers would give.
    let small = rsa_1024();
    let weak = sign("{}", &small, &SignOptions::default());
    assert!(weak.token.is_some());
    assert_eq!(found(&weak), ["SIGN_RSA_WEAK"]);
    let padding = sign("{}", &small, &options(json!({ "alg": "PS512" })));
    assert!(padding.token.is_none() && found(&padding).contains(&"SIGN_ALG_KEY_MISMATCH"), "{:?}", padding.findings);
    assert!(sign("{}", &small, &options(json!({ "alg": "PS384" }))).token.is_some());
    let short = sign("{}", "secret", &options(json!({ "alg": "HS512" })));
    assert!(short.token.is_some());
    assert_eq!(found(&short), ["KEY_SECRET", "SIGN_SECRET_SHORT"]);
}

#[test]
fn option_conflicts_and_time_errors() {
    let secret = "a-string-secret-at-least-256-bits-long";
    let typ = sign("{}", secret, &SignOptions { typ: Some("JWT".into()), ..with_header(r#"{"typ":"at+jwt"}"#) });
    assert!(found(&typ).contains(&"SIGN_OPTION_IGNORED"));
    assert_eq!(typ.header, r#"{"alg":"HS256","typ":"at+jwt"}"#);
    let kid = sign("{}", secret, &SignOptions { kid: Some(Kid::FromKey(true)), ..SignOptions::default() });
    assert!(found(&kid).contains(&"SIGN_OPTION_IGNORED") && kid.token.is_some());

    let no_now = sign("{}", secret, &options(json!({ "iat": "now" })));
    assert!(no_now.token.is_none());
    assert_eq!(found(&no_now)[0], "SIGN_TIME_INVALID");
    let text = sign("hello", secret, &options(json!({ "expiresIn": 60, "now": 1 })));
    assert!(found(&text).contains(&"SIGN_TIME_INVALID") && text.token.is_none());
    let nan = sign("{}", secret, &SignOptions { expires_in: Some(f64::NAN), now: Some(1.0), ..SignOptions::default() });
    assert_eq!(found(&nan)[0], "SIGN_TIME_INVALID");
}

#[test]
fn private_material_never_leaves_in_results_or_debug_output() {
    let panva = vectors("peer-fixtures/panva-jose/keys.json");
    for name in ["Ed25519", "P256", "RSA"] {
        let d = str_of(&panva[name]["jwk"], "d");
        let pkcs8 = str_of(&panva[name], "pkcs8");
        for key in [json(&panva[name]["jwk"]), pkcs8.to_owned()] {
            let signed = sign("{}", &key, &SignOptions::default());
            assert!(signed.token.is_some(), "{name}");
            let keys = jwtlens::parse_keys(&key, &Default::default());
            let shown = [
                serde_json::to_string(&signed).unwrap(),
                format!("{signed:?}"),
                serde_json::to_string(&keys).unwrap(),
                format!("{keys:?}"),
            ];
            for text in &shown {
                assert!(!text.contains(d), "{name}: d leaked");
                let body_line = pkcs8.lines().nth(1).unwrap();
                assert!(!text.contains(&body_line[..40]), "{name}: PEM leaked");
            }
            assert!(shown[3].contains("redacted"), "{name}");
        }
    }
}
