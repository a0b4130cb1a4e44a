//! A backend verifying Google ID tokens (Sign in with Google) with google-auth-library's
//! `OAuth2Client.verifyIdToken({ idToken, audience })`.
//!
//! What it checks (googleapis/google-auth-library-nodejs `src/auth/oauth2client.ts`, `verifySignedJwtWithCertsAsync`;
//! Google Identity, "Verify the Google ID token on your server side"): RS256 with Google's certificates; `iat` and
//! `exp` present, `iat` not in the future and the lifetime at most a day (`MAX_TOKEN_LIFETIME_SECS_`), with a
//! five-minute clock skew; `aud` one of the audiences given (a list: web, Android and iOS client ids); `iss` either
//! `accounts.google.com` or `https://accounts.google.com`. It does not compare `azp` with `aud`: they differ, by
//! design, for Android and cross-client sign-in. `hd` is the backend's own check when it restricts a Workspace domain.

use super::bearer::{self, Console, J, Profile};
use super::rule::{self, Checked, RuleSpec, TargetSpec};
use crate::codes::ProviderCode;
use crate::diagnose::model::{RuleId, SettingKind, SettingSpec, TargetForm, TargetKind, TokenUse};
use crate::diagnose::options::GoogleIdTokenTarget;
use crate::finding::quoted;

pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::GoogleIdToken,
    label: "Google Sign-In: backend with verifyIdToken",
    aliases: &["google"],
    summary: "A backend verifying Google ID tokens with google-auth-library's verifyIdToken (both issuer forms, a list of client ids).",
    settings: &[
        SettingSpec {
            name: "audiences",
            label: "OAuth client id(s)",
            hint: "Google Cloud console > APIs & Services > Credentials: the OAuth 2.0 client ids the backend accepts (web, Android, iOS).",
            kind: SettingKind::List,
            flag: "--audience",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "hostedDomain",
            label: "Workspace domain (hd)",
            hint: "Only if the backend restricts sign-in to one Google Workspace domain.",
            required: false,
            advanced: true,
            flag: "--hosted-domain",
            ..SettingSpec::BASE
        },
    ],
};

pub(super) const SPEC: TargetSpec<Profile> = TargetSpec {
    kind: FORM.kind,
    service: |p| p.service.clone(),
    rejection: "verifyIdToken throws (the backend answers 401)",
    takes: |p| p.takes,
    assumptions: &[],
    missing: |p| p.missing.clone(),
    rules: &[
        bearer::FORMAT,
        bearer::ALG,
        bearer::TOKEN_TYPE,
        bearer::SIGNATURE,
        bearer::IAT,
        bearer::EXP,
        RuleSpec {
            id: RuleId::Aud,
            describe: |p| format!("aud is one of {} (azp is not compared)", quoted(&p.audiences)),
            check: aud,
        },
        bearer::ISS,
        RuleSpec { id: RuleId::Conditions, describe: |_| "hd is the Workspace domain".into(), check: hd },
    ],
};

/// google-auth-library's issuers.
const ISSUERS: [&str; 2] = ["accounts.google.com", "https://accounts.google.com"];

pub(super) fn profile(t: &GoogleIdTokenTarget) -> Profile {
    let audiences = bearer::list(Some(&t.audiences));
    Profile {
        service: "The backend (google-auth-library verifyIdToken)".into(),
        takes: Some(TokenUse::Id),
        missing: rule::unset(&[("audiences", audiences.is_empty())]),
        issuers: ISSUERS.iter().map(|i| (*i).to_owned()).collect(),
        audiences,
        domain: bearer::text(t.hosted_domain.as_ref()),
        algs: vec!["RS256".into()],
        console: Console {
            audience: "Add the token's client id to the audience list of verifyIdToken (Google Cloud console > APIs & Services > Credentials lists your OAuth clients), or sign in with the client whose id the backend expects.",
            scope: "",
            role: "",
        },
        ..Profile::default()
    }
}

fn aud(j: &J<'_>) -> Option<Checked> {
    if j.t.audiences.is_empty() {
        return Some(rule::needs("OAuth client id"));
    }
    Some(match bearer::aud_finding(j) {
        Some(f) => Checked::fail_with(f),
        None => match j.s.str_claim("azp") {
            Some(azp) if j.s.audiences().is_some_and(|a| !a.contains(&azp)) => Checked::pass(format!("Accepted; azp \"{azp}\" differs, which verifyIdToken allows.")).note(
                j.s.at_claim(ProviderCode::GoogleAzpDiffers, "azp", format!("azp \"{azp}\" differs from aud: the token was requested by another client of the same project (Android or cross-client sign-in). verifyIdToken does not compare them."))
                    .fix("Nothing to fix; if your own check compares azp with aud, drop it or allow your other client ids."),
            ),
            _ => Checked::pass("Accepted."),
        },
    })
}

fn hd(j: &J<'_>) -> Option<Checked> {
    let domain = j.t.domain.as_ref()?;
    Some(match j.s.str_claim("hd") {
        Some(hd) if hd == domain => Checked::pass("The Workspace domain."),
        found => Checked::fail_with(
            j.s.at_claim(crate::codes::OidcCode::ClaimConditionFailed, "hd", format!("The backend accepts only the Workspace domain \"{domain}\", and the token's hd is {}.", found.map_or_else(|| "absent (a consumer Google account)".to_owned(), |h| format!("\"{h}\""))))
                .fix("Sign in with an account of the Workspace domain (the hd parameter of the sign-in request only pre-selects it; the backend's check decides)."),
        ),
    })
}

#[cfg(test)]
mod tests {
    use crate::diagnose::model::Outcome;
    use crate::diagnose::testutil::*;

    fn target(extra: &str) -> Options {
        opts(&format!(
            r#"{{"now":{NOW},"target":{{"kind":"googleIdToken","audiences":["web.apps.googleusercontent.com","android.apps.googleusercontent.com"]{extra}}}}}"#
        ))
    }

    fn token(iss: &str, extra: &str) -> String {
        jwt(
            r#"{"alg":"RS256","kid":"k","typ":"JWT"}"#,
            &format!(
                r#"{{"iss":"{iss}","aud":"web.apps.googleusercontent.com","azp":"android.apps.googleusercontent.com","sub":"1","email":"a@example.com","iat":{NOW},"exp":{}{extra}}}"#,
                NOW + 3600.0
            ),
        )
    }

    fn failing(i: &Inspection) -> Vec<(&'static str, Option<&'static str>)> {
        let v = i.verdict.as_ref().unwrap();
        v.rules
            .iter()
            .filter(|r| r.outcome == Outcome::Fail)
            .map(|r| (r.id.as_str(), r.code.map(|c| c.as_str())))
            .collect()
    }

    #[test]
    fn both_issuers_a_list_of_clients_and_azp() {
        for iss in ["accounts.google.com", "https://accounts.google.com"] {
            let i = run(&token(iss, ""), &target(""));
            assert!(failing(&i).is_empty(), "{iss}");
            assert_has(&i, "GOOGLE_AZP_DIFFERS");
        }
        let i = run(
            &token("https://accounts.google.com", ""),
            &opts(&format!(
                r#"{{"now":{NOW},"target":{{"kind":"googleIdToken","audiences":["ios.apps.googleusercontent.com"]}}}}"#
            )),
        );
        assert_eq!(failing(&i).first().map(|f| f.0), Some("aud"));
        assert_eq!(
            failing(&run(&token("https://accounts.google.com", ""), &target(r#","hostedDomain":"example.com""#))),
            [("conditions", Some("TARGET_CLAIM_CONDITION_FAILED"))]
        );
        assert!(
            failing(&run(
                &token("https://accounts.google.com", r#","hd":"example.com""#),
                &target(r#","hostedDomain":"example.com""#)
            ))
            .is_empty()
        );
    }
}
