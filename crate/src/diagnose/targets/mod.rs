//! Target services, each a table of rules: what the service checks, in its order, and for each rule a function from
//! the context and the token to a typed outcome. One reporting function ([`judge`]) turns the table into a
//! [`Verdict`] and its findings, so a failing rule and the finding that explains it are made from the same
//! evidence (the rule's detail is the finding's message).
//!
//! Adding a rule is one `RuleSpec` in its target's table (and its wording in that file's wording section);
//! adding a target is one file with its `TargetSpec` and a line in [`verdict`].

mod alb_jwt;
mod alb_oidc;
mod api_gateway_http;
mod api_gateway_rest;
mod auth0_api;
pub(crate) mod bearer;
mod cognito_api;
mod entra_api;
pub(crate) mod firebase_id_token;
mod google_id_token;
mod keycloak_api;
mod oidc;
mod okta_api;
mod resource_server;
mod rule;

use self::rule::judge;
use super::model::{TargetForm, TokenUse, Verdict};
use super::options::Target;
use super::subject::{Ctx, Subject};
use crate::finding::Finding;

/// The verdict of `target` for one token, and the findings its rules reported.
pub(crate) fn verdict(target: &Target, ctx: &Ctx<'_>, s: &Subject<'_>) -> (Verdict, Vec<Finding>) {
    match target {
        Target::CognitoApi(t) => judge(&cognito_api::SPEC, ctx, s, t),
        Target::ApiGatewayRest(t) => judge(&api_gateway_rest::SPEC, ctx, s, t),
        Target::ApiGatewayHttp(t) => judge(&api_gateway_http::SPEC, ctx, s, t),
        Target::Oidc(t) => judge(&oidc::SPEC, ctx, s, t),
        Target::ResourceServer(t) => judge(&resource_server::SPEC, ctx, s, &resource_server::profile(t)),
        Target::EntraApi(t) => judge(&entra_api::SPEC, ctx, s, &entra_api::profile(t)),
        Target::Auth0Api(t) => judge(&auth0_api::SPEC, ctx, s, &auth0_api::profile(t)),
        Target::OktaApi(t) => judge(&okta_api::SPEC, ctx, s, &okta_api::profile(t)),
        Target::KeycloakApi(t) => judge(&keycloak_api::SPEC, ctx, s, &keycloak_api::profile(t)),
        Target::GoogleIdToken(t) => judge(&google_id_token::SPEC, ctx, s, &google_id_token::profile(t)),
        Target::FirebaseIdToken(t) => judge(&firebase_id_token::SPEC, ctx, s, &firebase_id_token::profile(t)),
        Target::AlbOidc(t) => judge(&alb_oidc::SPEC, ctx, s, &alb_oidc::profile(t)),
        Target::AlbJwt(t) => judge(&alb_jwt::SPEC, ctx, s, &alb_jwt::profile(t)),
    }
}

/// The type of token `target` takes, when it takes one type only.
pub(crate) fn takes(target: &Target) -> Option<TokenUse> {
    match target {
        Target::CognitoApi(t) => (cognito_api::SPEC.takes)(t),
        Target::ApiGatewayRest(t) => (api_gateway_rest::SPEC.takes)(t),
        Target::ApiGatewayHttp(t) => (api_gateway_http::SPEC.takes)(t),
        Target::Oidc(t) => (oidc::SPEC.takes)(t),
        Target::ResourceServer(t) => (resource_server::SPEC.takes)(&resource_server::profile(t)),
        Target::EntraApi(t) => (entra_api::SPEC.takes)(&entra_api::profile(t)),
        Target::Auth0Api(t) => (auth0_api::SPEC.takes)(&auth0_api::profile(t)),
        Target::OktaApi(t) => (okta_api::SPEC.takes)(&okta_api::profile(t)),
        Target::KeycloakApi(t) => (keycloak_api::SPEC.takes)(&keycloak_api::profile(t)),
        Target::GoogleIdToken(t) => (google_id_token::SPEC.takes)(&google_id_token::profile(t)),
        Target::FirebaseIdToken(t) => (firebase_id_token::SPEC.takes)(&firebase_id_token::profile(t)),
        Target::AlbOidc(t) => (alb_oidc::SPEC.takes)(&alb_oidc::profile(t)),
        Target::AlbJwt(t) => (alb_jwt::SPEC.takes)(&alb_jwt::profile(t)),
    }
}

/// Every target as the surfaces offer it, in the order of the page's picker: what `js/generated/tables.js` lists.
/// A new target's `FORM` goes here too (`crate/tests/generated.rs` then fails until the tables are rewritten). The
/// forms are consts apart from the `SPEC`s, so the labels and hints stay out of the WebAssembly modules (only the
/// generated tables, written on the host, read them).
pub const FORMS: &[TargetForm] = &[
    cognito_api::FORM,
    api_gateway_rest::FORM,
    api_gateway_http::FORM,
    oidc::FORM,
    resource_server::FORM,
    entra_api::FORM,
    auth0_api::FORM,
    okta_api::FORM,
    keycloak_api::FORM,
    google_id_token::FORM,
    firebase_id_token::FORM,
    alb_oidc::FORM,
    alb_jwt::FORM,
];
