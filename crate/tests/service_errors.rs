//! "What your server said": the catalogue of service error messages. Every entry's real sample (in the envelope it
//! arrives in, `tests/cases/service-errors.json`) is recognised through `inspect` as that entry; look-alikes yield
//! nothing; tokens pasted with a message confirm or contradict it; the matcher stays linear on hostile input; and
//! `docs/errors.md` is generated from the catalogue (`JWTLENS_BLESS=1 cargo test --test service_errors`).

use std::collections::HashSet;
use std::fmt::Write;
use std::time::Instant;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jwtlens::api::{Agreement, ServiceError};
use jwtlens::service_error::catalogue::{ENTRIES, fact_findings};
use jwtlens::{InspectOptions, Inspection, inspect};
use serde_json::{Value, json};

const NOW: f64 = 1_700_000_000.0;

fn options(now: f64) -> InspectOptions {
    InspectOptions { now: Some(now), ..InspectOptions::default() }
}

fn run(paste: &str) -> Inspection {
    inspect(paste, &options(NOW))
}

fn ids(result: &Inspection) -> Vec<&str> {
    result.service_errors.iter().map(|e| e.id.as_str()).collect()
}

/// An HS256-shaped token of these claims (the signature is not checked here; tests/js signs real ones).
fn token(header: &Value, claims: &Value) -> String {
    let enc = |v: &Value| URL_SAFE_NO_PAD.encode(v.to_string());
    format!("{}.{}.c2lnbmF0dXJl", enc(header), enc(claims))
}

fn rs256(claims: &Value) -> String {
    token(&json!({"alg": "RS256", "kid": "key-1", "typ": "JWT"}), claims)
}

fn samples() -> Vec<(String, String)> {
    let path = format!("{}/../tests/cases/service-errors.json", env!("CARGO_MANIFEST_DIR"));
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    file["samples"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap().to_owned(), s["sample"].as_str().unwrap().to_owned()))
        .collect()
}

/// Each entry has exactly one sample, and its sample, pasted alone, is recognised as that entry (first), with the
/// entry's source and code, and no garbage token decoded from the message.
#[test]
fn every_entry_recognises_its_real_sample() {
    let samples = samples();
    let mut seen = HashSet::new();
    for (id, _) in &samples {
        assert!(seen.insert(id.clone()), "two samples for {id}");
        assert!(ENTRIES.iter().any(|e| e.id == id), "sample for unknown entry {id}");
    }
    let mut ran = 0;
    for entry in ENTRIES {
        let (_, sample) =
            samples.iter().find(|(id, _)| id == entry.id).unwrap_or_else(|| panic!("no sample for {}", entry.id));
        let result = run(sample);
        let found = result.service_errors.iter().find(|e| e.id == entry.id);
        let Some(found) = found else { panic!("{}: not recognised in {sample:?}; got {:?}", entry.id, ids(&result)) };
        assert_eq!(found.source, entry.source.name, "{}", entry.id);
        if let Some(code) = entry.code.filter(|c| !c.contains('{')) {
            assert_eq!(found.code.as_deref(), Some(code), "{}", entry.id);
        }
        assert!(!found.meaning.is_empty() && !found.fix.is_empty(), "{}", entry.id);
        assert_eq!(&sample[found.start..found.end], found.text, "{}: offsets", entry.id);
        if !sample.contains("eyJ") {
            assert_eq!(found.agreement, Agreement::Unknown, "{}: no token, nothing to compare", entry.id);
            assert!(result.tokens.is_empty(), "{}: decoded the message as a token: {:?}", entry.id, result.tokens);
            assert!(result.findings.is_empty(), "{}: findings for a message alone: {:?}", entry.id, result.findings);
        }
        ran += 1;
    }
    assert_eq!(ran, ENTRIES.len());
    assert!(ran >= 200, "only {ran} entries");
}

/// Every emitter the issue names has entries.
#[test]
fn the_catalogue_covers_the_named_emitters() {
    let sources: HashSet<&str> = ENTRIES.iter().map(|e| e.source.name).collect();
    for name in [
        "OAuth 2.0 Bearer (RFC 6750)",
        "OAuth 2.0 DPoP (RFC 9449)",
        "Microsoft IdentityModel",
        "ASP.NET Core JwtBearer",
        "Microsoft Entra ID",
        "Amazon Cognito",
        "Amazon API Gateway",
        "AWS Application Load Balancer",
        "aws-jwt-verify",
        "Spring Security",
        "Nimbus JOSE+JWT",
        "jsonwebtoken",
        "jose",
        "PyJWT",
        "express-jwt",
        "jwks-rsa",
        "express-oauth2-jwt-bearer",
        "Okta JWT verifier",
        "Google auth library",
        "Firebase Admin SDK",
        "Keycloak",
        "Envoy jwt_authn (also Istio)",
        "Kong jwt plugin",
    ] {
        assert!(sources.contains(name), "no entries from {name}");
    }
    for entry in ENTRIES {
        for pattern in entry.patterns {
            assert!(
                pattern.len() >= 2 && !pattern.starts_with('{'),
                "{}: a pattern must start with a literal",
                entry.id
            );
        }
    }
}

/// Text that merely looks like an error yields nothing, and a token alone keeps its result exactly.
#[test]
fn look_alikes_yield_no_entry() {
    let tok = rs256(&json!({"sub": "1", "exp": NOW + 600.0}));
    for text in [
        "If your token has expired, the API answers 401 and you should refresh it.",
        "## Troubleshooting\nWhen the jwt expired, request a new one. An invalid signature means the key is wrong.",
        "The README says: tokens expire after one hour; an Unauthorized answer means you must sign in.",
        r#"{"name":"orders","message":"created","status":"ok"}"#,
        r#"{"error":"none","items":[1,2,3]}"#,
        "Expired tokens and invalid audiences are the most common problems.",
        "docs: see IDX codes and AADSTS errors in the Microsoft documentation",
        "Signature has expired? Signature verification failed? Read on.",
        "curl -H 'Accept: application/json' https://api.example.com/orders",
    ] {
        let result = run(text);
        assert!(result.service_errors.is_empty(), "{text:?}: {:?}", ids(&result));
    }
    let alone = run(&tok);
    assert!(alone.service_errors.is_empty());
    let before = serde_json::to_value(&alone).unwrap();
    assert_eq!(before["tokens"][0]["compact"], tok.as_str());
}

fn only(result: &Inspection) -> &ServiceError {
    assert_eq!(result.service_errors.len(), 1, "{:?}", result.service_errors);
    &result.service_errors[0]
}

/// A token pasted with an expiry message: contradicted when it is still valid (with the gap), confirmed when it
/// has expired; the message's own times are compared too.
#[test]
fn expiry_is_confirmed_or_contradicted() {
    let fresh = rs256(&json!({"sub": "1", "iss": "https://issuer.example.com", "exp": NOW + 2400.0}));
    let stale = rs256(&json!({"sub": "1", "iss": "https://issuer.example.com", "exp": NOW - 7200.0}));
    let response = |t: &str| {
        format!(
            "curl -H \"Authorization: Bearer {t}\" https://api.example.com/orders\nHTTP/1.1 401 Unauthorized\nwww-authenticate: Bearer realm=\"http://api.example.com/orders\", error=\"invalid_token\"\nserver: istio-envoy\n\nJwt is expired"
        )
    };
    let result = run(&response(&fresh));
    assert_eq!(result.tokens.len(), 1, "the token inside the response is found");
    assert_eq!(result.tokens[0].compact, fresh);
    let e = only(&result);
    assert_eq!((e.id.as_str(), e.code.as_deref()), ("ENVOY-EXPIRED", Some("invalid_token")));
    assert_eq!(e.agreement, Agreement::Contradicted);
    assert!(e.agreement_detail.contains("expires in 40 min"), "{}", e.agreement_detail);
    assert!(e.agreement_detail.contains("different token"), "{}", e.agreement_detail);
    let e = only(&run(&response(&stale))).clone();
    assert_eq!(e.agreement, Agreement::Confirmed);
    assert!(e.agreement_detail.contains("expired 2 h ago"), "{}", e.agreement_detail);
    // The message names another expiry than the token's: a different token.
    let idx = format!(
        "{stale}\nIDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '11/14/2023 22:00:00', Current time (UTC): '11/14/2023 22:13:20'."
    );
    let e = only(&run(&idx)).clone();
    assert_eq!(e.agreement, Agreement::Contradicted, "{}", e.agreement_detail);
    assert!(e.values.iter().any(|v| v.name == "exp" && v.value == "11/14/2023 22:00:00"));
    // The service's clock, from the message, 2 hours ahead.
    let ahead = format!(
        "{fresh}\nIDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '11/14/2023 22:53:20', Current time (UTC): '11/15/2023 00:13:20'."
    );
    let e = only(&run(&ahead)).clone();
    assert_eq!(e.agreement, Agreement::Contradicted);
    assert!(e.agreement_detail.contains("2 h ahead"), "{}", e.agreement_detail);
}

/// Audience and issuer values in the message are compared with the token's.
#[test]
fn audience_and_issuer_values_are_compared() {
    let tok = rs256(&json!({"iss": "https://issuer.example.com/", "aud": "api://orders", "exp": NOW + 600.0}));
    let same = run(&format!("{tok}\nJsonWebTokenError: jwt audience invalid. expected: api://orders"));
    let e = only(&same);
    assert_eq!(e.agreement, Agreement::Contradicted);
    assert!(e.agreement_detail.contains("configured with a different value"), "{}", e.agreement_detail);
    let other = run(&format!("{tok}\nJsonWebTokenError: jwt audience invalid. expected: api://billing or api://x"));
    assert_eq!(only(&other).agreement, Agreement::Confirmed);
    // IdentityModel shows the audience it saw: another one than this token's means another token.
    let seen = run(&format!(
        "{tok}\nIDX10214: Audience validation failed. Audiences: 'api://other'. Did not match: validationParameters.ValidAudience: 'api://orders' or validationParameters.ValidAudiences: 'null'."
    ));
    let e = only(&seen);
    assert_eq!(e.agreement, Agreement::Contradicted);
    assert!(e.agreement_detail.contains("`api://other`"), "{}", e.agreement_detail);
    // Hidden values (ShowPII off) are not compared; the token supplies them.
    let hidden = run(&format!(
        "{tok}\nIDX10214: Audience validation failed. Audiences: '[PII of type 'System.String' is hidden. For more details, see https://aka.ms/IdentityModel/PII.]'. Did not match: validationParameters.ValidAudience: '[PII of type 'System.String' is hidden. For more details, see https://aka.ms/IdentityModel/PII.]' or validationParameters.ValidAudiences: 'null'."
    ));
    let e = only(&hidden);
    assert_eq!(e.agreement, Agreement::Unknown);
    assert!(e.values.iter().any(|v| v.hidden));
    assert!(e.agreement_detail.contains("`api://orders`"), "{}", e.agreement_detail);
    let iss = run(&format!(
        "{tok}\norg.keycloak.common.VerificationException: Invalid token issuer. Expected 'https://issuer.example.com', but was 'https://issuer.example.com/'"
    ));
    let e = only(&iss);
    assert_eq!(e.agreement, Agreement::Confirmed);
    assert!(e.agreement_detail.contains("trailing slash"), "{}", e.agreement_detail);
}

/// Scope, token use, kid and structure.
#[test]
fn other_facts_are_compared() {
    let access = rs256(&json!({"token_use": "access", "scope": "openid orders/read", "exp": NOW + 600.0}));
    let scope = run(&format!(
        "{access}\nHTTP/1.1 403 Forbidden\nWWW-Authenticate: Bearer realm=\"api\", error=\"insufficient_scope\", error_description=\"Insufficient Scope\", scope=\"orders/write\""
    ));
    let e = only(&scope);
    assert_eq!(e.agreement, Agreement::Confirmed, "{}", e.agreement_detail);
    assert!(e.agreement_detail.contains("`orders/write`"));
    let have = run(&format!("{access}\nJwtInvalidScopeError: Missing Scope. Expected: orders/read"));
    assert_eq!(only(&have).agreement, Agreement::Contradicted);
    let id_use = run(&format!("{access}\nJwtInvalidClaimError: Token use not allowed: id. Expected: access"));
    assert_eq!(only(&id_use).agreement, Agreement::Contradicted, "the pasted token is already an access token");
    let kid = run(&format!("{access}\nKidNotFoundInJwksError: JWK for kid \"other\" not found in the JWKS"));
    let e = only(&kid);
    assert_eq!(e.agreement, Agreement::Contradicted);
    assert!(e.agreement_detail.contains("`other`") && e.agreement_detail.contains("`key-1`"));
    let malformed = run(&format!("{access}\nJsonWebTokenError: jwt malformed"));
    assert_eq!(only(&malformed).agreement, Agreement::Contradicted);
    let revoked = run(&format!(
        "{access}\n{{\"__type\":\"NotAuthorizedException\",\"message\":\"Access Token has been revoked\"}}"
    ));
    assert_eq!(only(&revoked).agreement, Agreement::Unknown);
}

/// Cognito's GetUser answer names no scope, but every user-pool operation that takes an access token requires
/// `aws.cognito.signin.user.admin`: a hosted-UI token without it confirms the message, one with it contradicts it.
#[test]
fn cognito_required_scopes_is_the_admin_scope() {
    let message = "An error occurred (NotAuthorizedException) when calling the GetUser operation: Access Token does not have required scopes";
    let hosted_ui = rs256(&json!({"token_use": "access", "scope": "openid email", "exp": NOW + 600.0}));
    let e = only(&run(&format!("{hosted_ui}\n{message}"))).clone();
    assert_eq!((e.id.as_str(), e.agreement), ("COG-SCOPES", Agreement::Confirmed), "{}", e.agreement_detail);
    assert!(e.agreement_detail.contains("`aws.cognito.signin.user.admin`"), "{}", e.agreement_detail);
    let admin =
        rs256(&json!({"token_use": "access", "scope": "openid aws.cognito.signin.user.admin", "exp": NOW + 600.0}));
    let e = only(&run(&format!("{admin}\n{message}"))).clone();
    assert_eq!(e.agreement, Agreement::Contradicted, "{}", e.agreement_detail);
}

/// A bare RFC 6750 challenge whose `error_description` says expired is compared as an expiry message.
#[test]
fn generic_challenge_reads_its_description() {
    let challenge = "WWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"The token expired\"";
    let expired = rs256(&json!({"sub": "1", "exp": NOW - 3600.0}));
    let e = only(&run(&format!("{expired}\n{challenge}"))).clone();
    assert_eq!(
        (e.code.as_deref(), e.agreement),
        (Some("invalid_token"), Agreement::Confirmed),
        "{}",
        e.agreement_detail
    );
    let live = rs256(&json!({"sub": "1", "exp": NOW + 2400.0}));
    let e = only(&run(&format!("{live}\n{challenge}"))).clone();
    assert_eq!(e.agreement, Agreement::Contradicted, "{}", e.agreement_detail);
    assert!(e.agreement_detail.contains("40 min"), "{}", e.agreement_detail);
    // No description, or one that names no reason: nothing to compare, as before.
    let bare = only(&run(&format!("{live}\nWWW-Authenticate: Bearer error=\"invalid_token\""))).clone();
    assert_eq!(bare.agreement, Agreement::Unknown);
    let vague =
        run(&format!("{live}\nWWW-Authenticate: Bearer error=\"invalid_token\", error_description=\"Invalid token\""));
    assert_eq!(only(&vague).agreement, Agreement::Unknown);
}

/// The message apart from the token, in the `serviceError` option: offsets point into the option's text.
#[test]
fn service_error_option() {
    let tok = rs256(&json!({"exp": NOW - 60.0}));
    let message = "  {\"message\":\"The incoming token has expired\"}";
    let result = inspect(&tok, &InspectOptions { service_error: Some(message.into()), ..options(NOW) });
    let e = only(&result);
    assert_eq!(e.id, "APIGW-REST-EXPIRED");
    assert_eq!(serde_json::to_value(e).unwrap()["input"], "serviceError");
    assert_eq!(&message[e.start..e.end], "The incoming token has expired");
    assert_eq!(e.agreement, Agreement::Confirmed);
    assert!(result.findings.iter().all(|f| f.code() != "PASTE_TOKEN_IN_TEXT"), "the paste is the token alone");
}

/// Same wording, several emitters: the envelope decides, or both are named.
#[test]
fn shared_wordings() {
    let unauthorized = r#"{"message":"Unauthorized"}"#;
    let e = only(&run(unauthorized)).clone();
    assert_eq!(e.source, "Amazon API Gateway");
    assert_eq!(e.also_from, ["Kong jwt plugin"]);
    let kong = only(&run(&format!("HTTP/1.1 401 Unauthorized\nServer: kong/3.4.0\n\n{unauthorized}"))).clone();
    assert_eq!(kong.source, "Kong jwt plugin");
    let bare = only(&run("Jwt is expired")).clone();
    assert_eq!(
        (bare.source.as_str(), bare.also_from.as_slice()),
        ("Envoy jwt_authn (also Istio)", &["Okta JWT verifier".to_owned()][..])
    );
}

/// Every fact's default findings are real codes; docs/errors.md lists the catalogue.
#[test]
fn docs_list_every_entry() {
    let mut out = String::from(
        "# Service error messages\n\n\
         What jwtlens recognises when the paste (or the `serviceError` option) holds what a service answered. Each row\n\
         is one catalogue entry (`crate/src/service_error/catalogue.rs`); `serviceErrors[].id` names it. Generated by\n\
         `crate/tests/service_errors.rs`: run `JWTLENS_BLESS=1 cargo test --test service_errors` after changing the\n\
         catalogue. Patterns are literal text with `{name}` for the values the message carries; \"whole\" patterns count\n\
         only when they fill a whole line, JSON string or header parameter.\n",
    );
    let mut source = "";
    for e in ENTRIES {
        if e.source.name != source {
            source = e.source.name;
            let _ = write!(
                out,
                "\n## {source}\n\nSource: <{}>\n\n| id | code | patterns | fact | findings |\n|---|---|---|---|---|\n",
                e.source.link
            );
        }
        let patterns: Vec<String> =
            e.patterns.iter().map(|p| format!("`{}`", p.replace('|', "\\|").replace('\n', "\\n"))).collect();
        let findings: Vec<String> = e.finding_codes().iter().map(|c| format!("`{}`", c.as_str())).collect();
        let whole = if e.whole { " (whole)" } else { "" };
        let _ = writeln!(
            out,
            "| {} | {} | {}{whole} | {:?}: {} | {} |",
            e.id,
            e.code.map_or(String::new(), |c| format!("`{c}`")),
            patterns.join("<br>"),
            e.fact,
            e.meaning().replace('|', "\\|"),
            findings.join(" "),
        );
        for code in fact_findings(e.fact) {
            assert!(jwtlens::all_codes().iter().any(|(_, list)| list.iter().any(|c| c.code == code.as_str())));
        }
    }
    let path = format!("{}/../docs/errors.md", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("JWTLENS_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(actual == out, "docs/errors.md is stale: run `JWTLENS_BLESS=1 cargo test --test service_errors`");
}

/// Linear time: a 1 MB paste of log lines full of anchors, and a hostile 1 MB line of repeated anchors without
/// their closing text, each stay well under a generous bound (debug build, shared machine).
#[test]
fn matching_stays_linear() {
    let token = rs256(&json!({"exp": NOW}));
    let mut log = String::new();
    while log.len() < 1_000_000 {
        log.push_str(
            "2023-11-14T22:13:20Z INFO request GET /orders 200 IDX AADSTS Jwt jwt \"message\":\"ok\" error=\"none\"\n",
        );
    }
    log.push_str(&format!("{token}\nJwt is expired\n"));
    let hostile = [
        "IDX10214: Audience validation failed. Audiences: '".repeat(1_000_000 / 52),
        "Token used too late, ".repeat(1_000_000 / 21),
        "\"message\":\"".repeat(1_000_000 / 11),
        "error_description=\"".repeat(1_000_000 / 19),
        "Jw: ".repeat(250_000),
        "a\n".repeat(500_000),
    ];
    let limits = jwtlens::Limits::default();
    for (name, text) in [("log", &log)].into_iter().chain(hostile.iter().map(|h| ("hostile", h))) {
        assert!(text.len() <= 1_048_576, "{name} within inputBytes");
        let start = Instant::now();
        let found = jwtlens::service_error::scan(text);
        let scanned = start.elapsed();
        assert!(found.len() <= 32, "{name}: {} messages", found.len());
        let start = Instant::now();
        let result = inspect(text.as_str(), &InspectOptions { limits, ..options(NOW) });
        let elapsed = start.elapsed();
        eprintln!("{name}: {} bytes scanned in {scanned:?}, inspected in {elapsed:?}", text.len());
        assert!(scanned.as_secs_f64() < 2.0, "{name}: the scan took {scanned:?}");
        assert!(elapsed.as_secs_f64() < 5.0, "{name} took {elapsed:?}");
        if name == "log" {
            assert_eq!(ids(&result), ["ENVOY-EXPIRED"]);
            assert_eq!(result.tokens.len(), 1);
        }
    }
}
