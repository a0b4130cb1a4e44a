//! SD-JWT (RFC 9901) and DPoP (RFC 9449): the RFC vectors of `tests/vectors/` (counted), and held-back style cases
//! made with the encoders — with and without key binding, nested and array disclosures, tampered, unreferenced,
//! duplicate, wrong `sd_hash`, wrong holder key, stale key binding; DPoP pairs right in paste and option form, and
//! wrong `htm`, `htu`, `ath`, `jkt`, stale `iat`, symmetric `alg`, private `jwk`, wrong `typ`.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jwtlens::decode::sdjwt::digest;
use jwtlens::proof::{CheckStatus, DpopRule};
use jwtlens::{Algorithm, DpopProofOptions, InspectOptions, Inspection, SdJwtSignOptions, SignOptions};
use serde_json::{Value, json};

fn vectors(name: &str) -> Value {
    let path = format!("{}/../tests/vectors/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn options(value: Value) -> InspectOptions {
    serde_json::from_value(value).unwrap()
}

fn codes(result: &Inspection) -> Vec<&'static str> {
    result.findings.iter().map(jwtlens::Finding::code).collect()
}

fn errors(result: &Inspection, prefix: &str) -> Vec<&'static str> {
    result
        .findings
        .iter()
        .filter(|f| f.severity == jwtlens::Severity::Error && f.code().starts_with(prefix))
        .map(jwtlens::Finding::code)
        .collect()
}

fn statuses(result: &Inspection) -> Vec<(&'static str, String)> {
    let disclosures = result.tokens[0].disclosures.as_ref().unwrap();
    disclosures
        .iter()
        .map(|d| {
            let status = serde_json::to_value(d.status).unwrap().as_str().unwrap().to_owned();
            (if d.name.is_some() { "property" } else { "element" }, status)
        })
        .collect()
}

#[test]
fn rfc9901_disclosure_digests() {
    let v = vectors("rfc9901.json");
    let mut ran = 0;
    for case in v["digests"].as_array().unwrap() {
        let text = case["disclosure"].as_str().unwrap();
        assert_eq!(digest("sha-256", text).as_deref(), case["digest"].as_str(), "{}", case["name"]);
        ran += 1;
    }
    assert_eq!(ran, 10);
}

#[test]
fn rfc9901_presentations() {
    let v = vectors("rfc9901.json");
    let keys = v["issuerKey"].to_string();
    let mut ran = 0;
    for case in v["presentations"].as_array().unwrap() {
        let kb = case["keyBinding"].as_bool().unwrap();
        let now = case["kbIat"].as_f64().unwrap_or(1_700_000_000.0) + 10.0;
        let mut opts = json!({ "now": now, "keys": keys });
        if kb {
            opts["expect"] = json!({ "nonce": case["nonce"], "audience": case["audience"] });
        }
        let result = jwtlens::inspect(case["presentation"].as_str().unwrap(), &options(opts));
        let token = &result.tokens[0];
        assert_eq!(serde_json::to_value(token.kind).unwrap(), "sdJwt", "{}", case["source"]);
        assert!(result.verifications[0].valid, "{}: {:?}", case["source"], result.verifications[0].findings);
        let matched = statuses(&result).iter().filter(|(_, s)| s == "matched").count();
        assert_eq!(matched as u64, case["matched"].as_u64().unwrap(), "{}", case["source"]);
        assert_eq!(token.disclosed_claims.as_ref(), Some(&case["disclosedClaims"]), "{}", case["source"]);
        assert_eq!(token.key_binding_jwt().is_some(), kb);
        assert_eq!(errors(&result, "SDJWT_"), Vec::<&str>::new(), "{}", case["source"]);
        assert!(codes(&result).contains(&"SDJWT_PRESENTATION"));
        ran += 1;
    }
    assert_eq!(ran, 3);
    // The §5.2 presentation with another nonce, another audience, and judged an hour later.
    let case = &v["presentations"][1];
    let p = case["presentation"].as_str().unwrap();
    let at = |now: f64, nonce: &str, aud: &str| {
        jwtlens::inspect(
            p,
            &options(json!({ "now": now, "keys": keys, "expect": { "nonce": nonce, "audience": aud } })),
        )
    };
    let iat = case["kbIat"].as_f64().unwrap();
    assert_eq!(errors(&at(iat, "other", "https://verifier.example.org"), "SDJWT_"), ["SDJWT_KB_NONCE"]);
    assert_eq!(errors(&at(iat, "1234567890", "https://other.example"), "SDJWT_"), ["SDJWT_KB_AUDIENCE"]);
    assert_eq!(errors(&at(iat + 3600.0, "1234567890", "https://verifier.example.org"), "SDJWT_"), ["SDJWT_KB_STALE"]);
    assert_eq!(errors(&at(iat - 60.0, "1234567890", "https://verifier.example.org"), "SDJWT_"), ["SDJWT_KB_FUTURE"]);
    // Without the KB-JWT's key check (the decoder-only path), the rest still holds.
    let unverified = jwtlens::api::inspect_unverified(p, &options(json!({ "now": iat })));
    assert_eq!(errors(&unverified, "SDJWT_"), Vec::<&str>::new());
}

#[test]
fn rfc9449_vectors() {
    let v = vectors("rfc9449.json");
    let mut ran = 0;
    for case in v["proofs"].as_array().unwrap() {
        let proof = case["proof"].as_str().unwrap();
        let url = case["url"].as_str().unwrap();
        let (scheme_host, path) = url.split_at(url.find("/token").unwrap());
        let paste = format!(
            "{} {path} HTTP/1.1\r\nHost: {}\r\nDPoP: {proof}\r\n",
            case["method"].as_str().unwrap(),
            scheme_host.trim_start_matches("https://")
        );
        let result = jwtlens::inspect(paste.as_str(), &options(json!({ "now": case["iat"].as_f64().unwrap() + 5.0 })));
        let dpop = result.dpop.as_ref().unwrap();
        for check in &dpop.checks {
            let want = if check.rule == DpopRule::Jkt { CheckStatus::Unknown } else { CheckStatus::Pass };
            assert_eq!(check.status, want, "{check:?}");
        }
        let header = result.tokens[dpop.proof].header_object().unwrap();
        let jwk = header["jwk"].as_object().unwrap();
        assert_eq!(jwtlens::keys::jwk_thumbprint(jwk).as_deref(), case["jkt"].as_str());
        assert_eq!(errors(&result, "DPOP_"), Vec::<&str>::new());
        ran += 1;
    }
    for case in v["ath"].as_array().unwrap() {
        assert_eq!(jwtlens::proof::ath_of(case["accessToken"].as_str().unwrap()), case["ath"].as_str().unwrap());
        ran += 1;
    }
    assert_eq!(ran, 2);
}

struct Keys {
    issuer: String,
    issuer_public: String,
    holder: String,
    other: String,
}

fn private_jwk(alg: Algorithm) -> (String, String) {
    let key = jwtlens::generate_key(alg).unwrap();
    (serde_json::to_string(&key.private_jwk).unwrap(), serde_json::to_string(&key.public_jwk).unwrap())
}

fn keys() -> Keys {
    let (issuer, issuer_public) = private_jwk(Algorithm::Es256);
    Keys { issuer, issuer_public, holder: private_jwk(Algorithm::Es256).0, other: private_jwk(Algorithm::EdDsa).0 }
}

const NOW: f64 = 1_800_000_000.0;

fn sd_jwt(k: &Keys, holder: Option<&str>, extra: Value) -> jwtlens::SdJwtSigning {
    let payload = json!({ "iss": "https://issuer.example", "vct": "pid", "given_name": "Erika", "family_name": "Mustermann", "age": 40 });
    let mut opts = json!({ "disclose": ["given_name", "family_name", "age"], "decoys": 2, "now": NOW,
        "keyBinding": { "nonce": "n-1", "audience": "https://verifier.example" } });
    if let (Value::Object(o), Value::Object(e)) = (&mut opts, extra) {
        o.extend(e);
    }
    let opts: SdJwtSignOptions = serde_json::from_value(opts).unwrap();
    jwtlens::sign_sd_jwt(&payload.to_string(), &k.issuer, holder, &opts)
}

fn judge(k: &Keys, presentation: &str, now: f64) -> Inspection {
    jwtlens::inspect(
        presentation,
        &options(
            json!({ "now": now, "keys": k.issuer_public, "expect": { "nonce": "n-1", "audience": "https://verifier.example" } }),
        ),
    )
}

/// A key-binding JWT over `presented` signed by `key`, with `typ`.
fn kb_jwt(presented: &str, key: &str, typ: &str, iat: f64) -> String {
    let claims = json!({ "iat": iat, "aud": "https://verifier.example", "nonce": "n-1", "sd_hash": digest("sha-256", presented) });
    let opts: SignOptions = serde_json::from_value(json!({ "header": { "typ": typ } })).unwrap();
    jwtlens::sign(&claims.to_string(), key, &opts).token.unwrap()
}

#[test]
fn sd_jwt_held_back_cases() {
    let k = keys();
    let made = sd_jwt(&k, Some(&k.holder), json!({}));
    let token = made.token.clone().unwrap();
    let presented = token.get(..=token.rfind('~').unwrap()).unwrap().to_owned();
    let mut cases = 0;
    let mut case = |name: &str, presentation: &str, now: f64, want: &[&str]| {
        let result = judge(&k, presentation, now);
        assert_eq!(errors(&result, "SDJWT_"), want, "{name}");
        cases += 1;
        result
    };

    let ok = case("with key binding", &token, NOW + 1.0, &[]);
    assert!(ok.verifications[0].valid);
    assert_eq!(
        statuses(&ok),
        [("property", "matched".to_owned()), ("property", "matched".into()), ("property", "matched".into())]
    );
    let claims = ok.tokens[0].disclosed_claims.as_ref().unwrap();
    assert_eq!((claims["given_name"].as_str(), claims["age"].as_u64()), (Some("Erika"), Some(40)));
    assert!(claims.get("_sd").is_none() && claims.get("_sd_alg").is_none() && claims["cnf"]["jwk"].is_object());
    case("stale key binding", &token, NOW + 301.0, &["SDJWT_KB_STALE"]);
    case("key binding from the future", &token, NOW - 60.0, &["SDJWT_KB_FUTURE"]);
    // One disclosure dropped: the key-binding JWT no longer covers the presentation.
    let parts: Vec<&str> = token.split('~').collect();
    let dropped = format!("{}~{}~{}~{}", parts[0], parts[1], parts[2], parts[4]);
    case("disclosure dropped", &dropped, NOW + 1.0, &["SDJWT_SD_HASH_MISMATCH"]);
    // A disclosure re-encoded (same JSON, padding added): another digest, referenced nowhere.
    let padded = presented.replacen(&format!("~{}~", parts[1]), &format!("~{}=~", parts[1]), 1);
    let r = case(
        "re-encoded disclosure",
        &format!("{padded}{}", kb_jwt(&padded, &k.holder, "kb+jwt", NOW)),
        NOW + 1.0,
        &["SDJWT_UNREFERENCED"],
    );
    assert!(codes(&r).iter().any(|c| c.starts_with("B64_")), "{:?}", codes(&r));
    // A disclosure from another credential.
    let foreign = URL_SAFE_NO_PAD.encode(r#"["c2FsdA","given_name","Eve"]"#);
    let with_foreign = format!("{presented}{foreign}~");
    case(
        "unreferenced",
        &format!("{with_foreign}{}", kb_jwt(&with_foreign, &k.holder, "kb+jwt", NOW)),
        NOW + 1.0,
        &["SDJWT_UNREFERENCED"],
    );
    let twice = format!("{presented}{}~", parts[1]);
    case(
        "duplicate",
        &format!("{twice}{}", kb_jwt(&twice, &k.holder, "kb+jwt", NOW)),
        NOW + 1.0,
        &["SDJWT_DUPLICATE_DIGEST"],
    );
    case(
        "wrong holder key",
        &format!("{presented}{}", kb_jwt(&presented, &k.other, "kb+jwt", NOW)),
        NOW + 1.0,
        &["SDJWT_KB_SIGNATURE"],
    );
    case("kb typ", &format!("{presented}{}", kb_jwt(&presented, &k.holder, "JWT", NOW)), NOW + 1.0, &["SDJWT_KB_TYP"]);
    let no_nonce = {
        let claims = json!({ "iat": NOW, "aud": "https://verifier.example", "sd_hash": digest("sha-256", &presented) });
        let opts: SignOptions = serde_json::from_value(json!({ "header": { "typ": "kb+jwt" } })).unwrap();
        jwtlens::sign(&claims.to_string(), &k.holder, &opts).token.unwrap()
    };
    case("kb without nonce", &format!("{presented}{no_nonce}"), NOW + 1.0, &["SDJWT_KB_CLAIM_MISSING"]);
    case("kb missing", &presented, NOW + 1.0, &["SDJWT_KB_MISSING"]);
    let malformed = format!("{presented}bm90IGpzb24~");
    case("malformed", &malformed, NOW + 1.0, &["SDJWT_DISCLOSURE_MALFORMED", "SDJWT_KB_MISSING"]);
    // Without a holder key: no cnf, so no key binding is expected, and one appended cannot be checked.
    let plain = sd_jwt(&k, None, json!({})).token.unwrap();
    case("no key binding", &plain, NOW + 1.0, &[]);
    case(
        "kb without cnf",
        &format!("{plain}{}", kb_jwt(&plain, &k.holder, "kb+jwt", NOW)),
        NOW + 1.0,
        &["SDJWT_KB_NO_CNF"],
    );
    // The issuer's signature goes through verification like any JWS: another issuer key fails it.
    let r = jwtlens::inspect(token.as_str(), &options(json!({ "now": NOW, "keys": private_jwk(Algorithm::Es256).1 })));
    assert!(!r.verifications[0].valid);
    assert_eq!(cases, 14);
}

/// Disclosures made by hand: array elements, nesting, a misplaced one, decoys, an unsupported `_sd_alg`.
#[test]
fn sd_jwt_structures() {
    let k = keys();
    let d = |parts: Value| {
        let text = URL_SAFE_NO_PAD.encode(parts.to_string());
        let dg = digest("sha-256", &text).unwrap();
        (text, dg)
    };
    let (us, us_d) = d(json!(["s1", "US"]));
    let (street, street_d) = d(json!(["s2", "street", "Main St 1"]));
    let (address, address_d) = d(json!(["s3", "address", { "_sd": [street_d, "decoy-digest"], "country": "DE" }]));
    let (element_as_property, eap_d) = d(json!(["s4", "x"]));
    let payload = json!({ "_sd": [address_d, eap_d], "nationalities": [{ "...": us_d }, { "...": "decoy" }, "FR"], "_sd_alg": "sha-256" });
    let issuer = jwtlens::sign(&payload.to_string(), &k.issuer, &SignOptions::default()).token.unwrap();
    let presentation = format!("{issuer}~{us}~{address}~{street}~{element_as_property}~");
    let result = jwtlens::inspect(presentation.as_str(), &options(json!({ "now": NOW, "keys": k.issuer_public })));
    assert_eq!(
        result.tokens[0].disclosed_claims.as_ref().unwrap(),
        &json!({ "nationalities": ["US", "FR"], "address": { "country": "DE", "street": "Main St 1" } })
    );
    assert_eq!(errors(&result, "SDJWT_"), ["SDJWT_MISPLACED_DISCLOSURE"]);
    assert_eq!(
        statuses(&result),
        [
            ("element", "matched".to_owned()),
            ("property", "matched".into()),
            ("property", "matched".into()),
            ("element", "invalid".into())
        ]
    );
    // Disclosure segments keep their offsets in the input.
    let segment = result.tokens[0].segments.iter().find(|s| s.part == jwtlens::Part::Disclosure).unwrap();
    assert_eq!(&presentation[segment.start..segment.end], us);
    let md5 = json!({ "_sd": [us_d], "_sd_alg": "md5" });
    let issuer = jwtlens::sign(&md5.to_string(), &k.issuer, &SignOptions::default()).token.unwrap();
    let result = jwtlens::inspect(format!("{issuer}~{us}~").as_str(), &options(json!({ "now": NOW })));
    assert_eq!(errors(&result, "SDJWT_"), ["SDJWT_SD_ALG_UNSUPPORTED"]);
    // sha-384 and sha-512 are IANA names jwtlens computes.
    let (us384, us384_d) = {
        let t = us.clone();
        let dg = digest("sha-384", &t).unwrap();
        (t, dg)
    };
    let p384 = json!({ "nationalities": [{ "...": us384_d }], "_sd_alg": "sha-384" });
    let issuer = jwtlens::sign(&p384.to_string(), &k.issuer, &SignOptions::default()).token.unwrap();
    let result = jwtlens::inspect(format!("{issuer}~{us384}~").as_str(), &options(json!({ "now": NOW })));
    assert_eq!(result.tokens[0].disclosed_claims.as_ref().unwrap()["nationalities"], json!(["US"]));
    // An opaque token holding `~` (RFC 9449's example access token) is not an SD-JWT.
    let opaque = jwtlens::inspect("Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU", &InspectOptions::default());
    assert!(opaque.tokens[0].disclosures.is_none());
}

fn access_token(k: &Keys, jkt: &str) -> String {
    let claims = json!({ "iss": "https://as.example", "sub": "u", "aud": "https://rs.example", "exp": NOW + 600.0, "cnf": { "jkt": jkt } });
    jwtlens::sign(&claims.to_string(), &k.issuer, &SignOptions::default()).token.unwrap()
}

fn proof(key: &str, at: Option<&str>, method: &str, url: &str, now: f64) -> String {
    let opts = DpopProofOptions {
        access_token: at.map(str::to_owned),
        method: Some(method.into()),
        url: Some(url.into()),
        now: Some(now),
        ..DpopProofOptions::default()
    };
    let signed = jwtlens::dpop_proof(key, &opts);
    signed.token.unwrap_or_else(|| panic!("{:?}", signed.findings))
}

fn failing(result: &Inspection) -> Vec<String> {
    let checks = &result.dpop.as_ref().unwrap().checks;
    checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .map(|c| c.code.map(|c| c.as_str()).unwrap_or("no code").to_owned())
        .collect()
}

#[test]
fn dpop_held_back_cases() {
    let k = keys();
    let holder_public: Value = serde_json::from_str(&k.holder).unwrap();
    let jkt = jwtlens::keys::jwk_thumbprint(holder_public.as_object().unwrap()).unwrap();
    let at = access_token(&k, &jkt);
    let url = "https://rs.example/items?page=2";
    let good = proof(&k.holder, Some(&at), "GET", url, NOW);
    let paste = |at: &str, proof: &str| {
        format!("GET /items?page=2 HTTP/1.1\nHost: rs.example\nAuthorization: DPoP {at}\nDPoP: {proof}\n")
    };
    let at_opts = options(json!({ "now": NOW + 2.0 }));
    let mut cases = 0;
    let mut case = |name: &str, input: &str, opts: &InspectOptions, want: &[&str]| {
        let result = jwtlens::inspect(input, opts);
        assert_eq!(failing(&result), want, "{name}: {:?}", result.dpop);
        let codes: Vec<&str> = errors(&result, "DPOP_");
        let without_scheme: Vec<&str> = codes.iter().copied().filter(|c| *c != "DPOP_BEARER_SCHEME").collect();
        assert_eq!(without_scheme, want, "{name}: every failed check is also its finding");
        cases += 1;
        result
    };
    let r = case("paste, right", &paste(&at, &good), &at_opts, &[]);
    let dpop = r.dpop.as_ref().unwrap();
    assert_eq!((dpop.access_token, dpop.proof), (Some(0), 1));
    assert!(dpop.checks.iter().all(|c| c.status == CheckStatus::Pass), "{:?}", dpop.checks);
    let keyed =
        jwtlens::inspect(paste(&at, &good).as_str(), &options(json!({ "now": NOW + 2.0, "keys": k.issuer_public })));
    let verified: Vec<(Option<usize>, bool)> = keyed.verifications.iter().map(|v| (v.token, v.valid)).collect();
    assert_eq!(verified, [(Some(0), true)], "the proof is not verified with the issuer's keys");
    assert!(!codes(&r).contains(&"TOKEN_EMBEDDED_KEY") && !codes(&r).contains(&"TIME_NO_EXP"), "{:?}", codes(&r));
    let option_form = options(
        json!({ "now": NOW + 2.0, "dpop": { "proof": good, "method": "GET", "url": "HTTPS://RS.example:443/items" } }),
    );
    let r = case("option form, right", &at, &option_form, &[]);
    assert_eq!(r.dpop.as_ref().unwrap().access_token, Some(0));
    let curl = format!("curl -H 'Authorization: DPoP {at}' -H \"DPoP: {good}\" '{url}'");
    case("curl, right", &curl, &at_opts, &[]);
    case("htm", &paste(&at, &proof(&k.holder, Some(&at), "POST", url, NOW)), &at_opts, &["DPOP_HTM"]);
    case(
        "htu",
        &paste(&at, &proof(&k.holder, Some(&at), "GET", "https://rs.example/other", NOW)),
        &at_opts,
        &["DPOP_HTU"],
    );
    let other_at = format!("{at}x");
    case("ath", &paste(&at, &proof(&k.holder, Some(&other_at), "GET", url, NOW)), &at_opts, &["DPOP_ATH"]);
    case(
        "jkt",
        &paste(
            &access_token(&k, "another-thumbprint"),
            &proof(&k.holder, Some(&access_token(&k, "another-thumbprint")), "GET", url, NOW),
        ),
        &at_opts,
        &["DPOP_JKT"],
    );
    case("stale iat", &paste(&at, &good), &options(json!({ "now": NOW + 400.0 })), &["DPOP_IAT"]);
    case(
        "nonce",
        &paste(&at, &good),
        &options(json!({ "now": NOW, "dpop": { "nonce": "server-nonce" } })),
        &["DPOP_NONCE"],
    );
    // Proofs made by hand: a symmetric alg, a private key in jwk, the wrong typ, a signature by another key.
    let claims = json!({ "jti": "j1", "htm": "GET", "htu": "https://rs.example/items", "iat": NOW, "ath": jwtlens::proof::ath_of(&at) }).to_string();
    let by_hand = |header: Value, key: &str| {
        let opts: SignOptions = serde_json::from_value(json!({ "header": header })).unwrap();
        jwtlens::sign(&claims, key, &opts).token.unwrap()
    };
    let public = holder_public
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| *k != "d" && *k != "alg" && *k != "kid")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect::<serde_json::Map<_, _>>();
    let hs =
        by_hand(json!({ "typ": "dpop+jwt", "alg": "HS256", "jwk": public }), "a-shared-secret-of-at-least-32-bytes!!");
    case("symmetric alg", &paste(&at, &hs), &at_opts, &["DPOP_ALG"]);
    let private = by_hand(json!({ "typ": "dpop+jwt", "jwk": holder_public }), &k.holder);
    case("private jwk", &paste(&at, &private), &at_opts, &["DPOP_JWK"]);
    case("typ", &paste(&at, &by_hand(json!({ "typ": "JWT", "jwk": public }), &k.holder)), &at_opts, &["DPOP_TYP"]);
    case(
        "signature",
        &paste(
            &at,
            &by_hand(json!({ "typ": "dpop+jwt", "jwk": public, "alg": "ES256" }), &private_jwk(Algorithm::Es256).0),
        ),
        &at_opts,
        &["DPOP_SIGNATURE"],
    );
    let no_jti = {
        let claims =
            json!({ "htm": "GET", "htu": "https://rs.example/items", "iat": NOW, "ath": jwtlens::proof::ath_of(&at) })
                .to_string();
        let opts: SignOptions =
            serde_json::from_value(json!({ "header": { "typ": "dpop+jwt", "jwk": public } })).unwrap();
        jwtlens::sign(&claims, &k.holder, &opts).token.unwrap()
    };
    case("no jti", &paste(&at, &no_jti), &at_opts, &["DPOP_JTI"]);
    // Bearer with a DPoP-bound token: its own finding.
    let r = case(
        "bearer",
        &format!("GET /items?page=2 HTTP/1.1\nHost: rs.example\nAuthorization: Bearer {at}\nDPoP: {good}\n"),
        &at_opts,
        &[],
    );
    assert!(codes(&r).contains(&"DPOP_BEARER_SCHEME"));
    assert_eq!(cases, 15);
    assert!(codes(&jwtlens::inspect(paste(&at, &good).as_str(), &at_opts)).contains(&"DPOP_HEADERS"));
    let bare = jwtlens::inspect(format!("Authorization: Bearer {at}").as_str(), &at_opts);
    assert!(codes(&bare).contains(&"DPOP_BEARER_SCHEME") && bare.dpop.is_none());
    // Method and URL unknown: those checks are unknown and say what settles them.
    let r = jwtlens::inspect(format!("DPoP: {good}\nAuthorization: DPoP {at}").as_str(), &at_opts);
    let unknown: Vec<_> = r
        .dpop
        .as_ref()
        .unwrap()
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Unknown)
        .map(|c| (c.rule, c.detail.contains("dpop.")))
        .collect();
    assert_eq!(unknown, [(DpopRule::Htm, true), (DpopRule::Htu, true)]);
    // No proof with the DPoP scheme; a server asking for a nonce.
    assert!(
        codes(&jwtlens::inspect(format!("Authorization: DPoP {at}").as_str(), &at_opts))
            .contains(&"DPOP_PROOF_MISSING")
    );
    let nonce = jwtlens::inspect(
        "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: DPoP error=\"use_dpop_nonce\"\nDPoP-Nonce: eyJ7S_zG.eyJH0-Z.HX4w-7v\n",
        &at_opts,
    );
    let finding = nonce.findings.iter().find(|f| f.code() == "DPOP_USE_NONCE").unwrap();
    assert!(finding.message.contains("eyJ7S_zG.eyJH0-Z.HX4w-7v"), "{}", finding.message);
    // The decoder-only path: the signature is unknown, the claim checks still run.
    let r = jwtlens::api::inspect_unverified(paste(&at, &good).as_str(), &at_opts);
    let signature = r.dpop.as_ref().unwrap().checks.iter().find(|c| c.rule == DpopRule::Signature).unwrap();
    assert_eq!(signature.status, CheckStatus::Unknown);
    assert!(failing(&r).is_empty());
}

/// The encoders refuse what they cannot make, with findings.
#[test]
fn encoders_refuse_bad_input() {
    let k = keys();
    let opts: SdJwtSignOptions = serde_json::from_value(json!({ "disclose": ["missing", "_sd"] })).unwrap();
    let made = jwtlens::sign_sd_jwt(r#"{"a":1}"#, &k.issuer, None, &opts);
    assert!(made.token.is_none());
    let codes: Vec<&str> = made.findings.iter().map(jwtlens::Finding::code).collect();
    assert_eq!(codes, ["SIGN_SDJWT_CLAIM", "SIGN_SDJWT_CLAIM"]);
    let signed = jwtlens::dpop_proof(
        &k.holder,
        &DpopProofOptions { method: Some("GET".into()), url: Some("/relative".into()), ..DpopProofOptions::default() },
    );
    let codes: Vec<&str> = signed.findings.iter().map(jwtlens::Finding::code).collect();
    assert!(signed.token.is_none());
    assert_eq!(codes, ["SIGN_DPOP_INPUT", "SIGN_DPOP_INPUT"]);
}
