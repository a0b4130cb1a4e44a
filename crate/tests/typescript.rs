//! `js/types.d.ts` declares every option and result type of the JavaScript API. It is generated from the Rust
//! types (their `ts_rs::TS` derives and doc comments), never kept by hand: this test renders it and requires the file
//! to be identical. After changing a type, run `JWTLENS_BLESS=1 cargo test --test typescript` and review the diff.

use std::collections::BTreeSet;

use jwtlens::api::{
    Agreement, DescribeOptions, ErrorInput, ErrorValue, InspectOptions, Inspection, ServiceError, VerifyResult,
};
use jwtlens::codes::{CodeEntry, Severity};
use jwtlens::decode::token::{Decoded, JsonSignature, Segment, Serialization, Token, TokenKind};
use jwtlens::diagnose::{
    ApiGatewayHttpTarget, ApiGatewayRestTarget, CatalogueEntry, CognitoApiTarget, Decision, Expectations, ExpectedUse,
    OidcTarget, OneOrMany, Outcome, ProviderDetection, ProviderId, Rule, RuleId, Target, TargetKind, TimeInfo,
    TokenDiagnosis, TokenUse, Verdict,
};
use jwtlens::finding::{Finding, Location, Part};
use jwtlens::keys::{CertificateInfo, KeyFormat, KeyInfo, KeyOptions, KeySet, SecretEncoding};
use jwtlens::verify::{KeyAttempt, MatchedKey, Verification, VerifyOptions};
use ts_rs::TS;

/// One exported type: its name, its declaration with doc comment, and the names it refers to.
struct Declared {
    name: String,
    text: String,
    uses: Vec<String>,
}

fn declare<T: TS + 'static + ?Sized>() -> Declared {
    let docs = T::docs().unwrap_or_default();
    Declared {
        name: T::name(),
        text: format!("{docs}export {}\n", T::decl()),
        uses: T::dependencies().into_iter().map(|d| d.ts_name).collect(),
    }
}

/// Every type of the API, in the order the file lists them.
fn declarations() -> Vec<Declared> {
    vec![
        declare::<serde_json::Value>(),
        declare::<Severity>(),
        declare::<CodeEntry>(),
        declare::<Part>(),
        declare::<Location>(),
        declare::<Finding>(),
        declare::<TokenKind>(),
        declare::<Serialization>(),
        declare::<Decoded>(),
        declare::<Segment>(),
        declare::<JsonSignature>(),
        declare::<jwtlens::decode::sdjwt::DisclosureStatus>(),
        declare::<jwtlens::decode::sdjwt::Disclosure>(),
        declare::<jwtlens::decode::jwe::DecryptionStatus>(),
        declare::<jwtlens::decode::jwe::Plaintext>(),
        declare::<jwtlens::decode::jwe::Decryption>(),
        declare::<jwtlens::decode::jwe::OriginKind>(),
        declare::<jwtlens::decode::jwe::Origin>(),
        declare::<Token>(),
        declare::<jwtlens::Algorithm>(),
        declare::<jwtlens::Limits>(),
        declare::<jwtlens::jwe::EncryptOptions>(),
        declare::<jwtlens::jwe::Encryption>(),
        declare::<SecretEncoding>(),
        declare::<KeyOptions>(),
        declare::<KeyFormat>(),
        declare::<CertificateInfo>(),
        declare::<KeyInfo>(),
        declare::<KeySet>(),
        declare::<VerifyOptions>(),
        declare::<jwtlens::verify::Outcome>(),
        declare::<KeyAttempt>(),
        declare::<MatchedKey>(),
        declare::<Verification>(),
        declare::<VerifyResult>(),
        declare::<jwtlens::sign::Iat>(),
        declare::<jwtlens::SignOptions>(),
        declare::<jwtlens::sign::Jwk>(),
        declare::<jwtlens::Signing>(),
        declare::<jwtlens::GeneratedKey>(),
        declare::<jwtlens::sign::KeyBindingOptions>(),
        declare::<jwtlens::SdJwtSignOptions>(),
        declare::<jwtlens::SdJwtSigning>(),
        declare::<jwtlens::DpopProofOptions>(),
        declare::<OneOrMany>(),
        declare::<ExpectedUse>(),
        declare::<Expectations>(),
        declare::<CognitoApiTarget>(),
        declare::<ApiGatewayRestTarget>(),
        declare::<ApiGatewayHttpTarget>(),
        declare::<OidcTarget>(),
        declare::<jwtlens::diagnose::ResourceServerTarget>(),
        declare::<jwtlens::diagnose::EntraApiTarget>(),
        declare::<jwtlens::diagnose::Auth0ApiTarget>(),
        declare::<jwtlens::diagnose::OktaApiTarget>(),
        declare::<jwtlens::diagnose::KeycloakApiTarget>(),
        declare::<jwtlens::diagnose::GoogleIdTokenTarget>(),
        declare::<jwtlens::diagnose::FirebaseIdTokenTarget>(),
        declare::<jwtlens::diagnose::AlbOidcTarget>(),
        declare::<jwtlens::diagnose::AlbJwtTarget>(),
        declare::<Target>(),
        declare::<TokenUse>(),
        declare::<ProviderId>(),
        declare::<ProviderDetection>(),
        declare::<TimeInfo>(),
        declare::<CatalogueEntry>(),
        declare::<jwtlens::diagnose::model::ClaimMeaning>(),
        declare::<DescribeOptions>(),
        declare::<jwtlens::api::ClaimName>(),
        declare::<Outcome>(),
        declare::<Decision>(),
        declare::<TargetKind>(),
        declare::<RuleId>(),
        declare::<Rule>(),
        declare::<Verdict>(),
        declare::<jwtlens::diagnose::FailingRule>(),
        declare::<jwtlens::diagnose::Answer>(),
        declare::<TokenDiagnosis>(),
        declare::<jwtlens::proof::SdJwtOptions>(),
        declare::<jwtlens::proof::DpopOptions>(),
        declare::<jwtlens::proof::DpopRule>(),
        declare::<jwtlens::proof::CheckStatus>(),
        declare::<jwtlens::proof::DpopCheck>(),
        declare::<jwtlens::proof::DpopResult>(),
        declare::<InspectOptions>(),
        declare::<jwtlens::service_error::Fact>(),
        declare::<Agreement>(),
        declare::<ErrorInput>(),
        declare::<ErrorValue>(),
        declare::<ServiceError>(),
        declare::<Inspection>(),
        declare::<jwtlens::api::fetch::FetchOptions>(),
        declare::<jwtlens::api::fetch::IssuerFrom>(),
        declare::<jwtlens::api::fetch::FetchedIssuer>(),
        declare::<jwtlens::api::fetch::FetchRequest>(),
        declare::<jwtlens::api::fetch::KeysFetched>(),
        declare::<jwtlens::api::fetch::KeysPlan>(),
        declare::<jwtlens::api::VerifierOptions>(),
        declare::<jwtlens::api::VerifierCall>(),
    ]
}

fn render(declared: &[Declared]) -> String {
    let mut out = String::from(
        "// Generated from the Rust types by crate/tests/typescript.rs (JWTLENS_BLESS=1 cargo test --test typescript).\n\
         // Do not edit: change the Rust type or its doc comment, then regenerate. The functions are in index.d.ts.\n\
         import type { FindingCode } from './codes.js';\n",
    );
    for d in declared {
        out.push('\n');
        out.push_str(&d.text);
    }
    out
}

#[test]
fn types_are_generated_from_the_rust_types() {
    let declared = declarations();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../js/types.d.ts");
    let expected = render(&declared);
    if std::env::var_os("JWTLENS_BLESS").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(actual == expected, "js/types.d.ts is stale: run `JWTLENS_BLESS=1 cargo test --test typescript`");
}

/// No type refers to one the file does not declare, and none is declared twice.
#[test]
fn every_referenced_type_is_declared_once() {
    let declared = declarations();
    let names: BTreeSet<&str> = declared.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names.len(), declared.len(), "a type is declared twice");
    for d in &declared {
        for used in &d.uses {
            assert!(names.contains(used.as_str()), "{} refers to {used}, which js/types.d.ts does not declare", d.name);
        }
    }
    assert!(declared.len() >= 40, "only {} types", declared.len());
}
