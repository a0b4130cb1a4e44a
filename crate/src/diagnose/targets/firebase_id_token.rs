//! A backend verifying Firebase ID tokens with firebase-admin (`getAuth().verifyIdToken(idToken)`).
//!
//! What it checks (firebase/firebase-admin-node `src/auth/token-verifier.ts`, `verifyContent`; Firebase docs,
//! "Verify ID tokens using a third-party JWT library"): a `kid` in the header, `alg` RS256 only, `aud` the project
//! id, `iss` `https://securetoken.google.com/<project id>`, `sub` a non-empty string of at most 128 characters,
//! `exp` in the future, `iat` and `auth_time` in the past, and the signature with the keys of
//! `securetoken@system.gserviceaccount.com`. A custom token (signed by a service account, `aud` the Identity
//! Toolkit URL) is refused ("verifyIdToken() expects an ID token, but was given a custom token"); emulator tokens
//! (`alg: none`) pass only when the backend runs against the emulator (`FIREBASE_AUTH_EMULATOR_HOST`).

use super::bearer::{self, Console, J, Profile};
use super::rule::{self, Checked, RuleSpec, TargetSpec};
use crate::codes::ProviderCode;
use crate::diagnose::checks::time::{self, TimeCheck};
use crate::diagnose::model::{RuleId, SettingSpec, TargetForm, TargetKind, TokenUse};
use crate::diagnose::options::FirebaseIdTokenTarget;
use crate::diagnose::subject::Subject;
use crate::finding::Finding;

pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::FirebaseIdToken,
    label: "Firebase Authentication: backend with verifyIdToken",
    aliases: &["firebase"],
    summary: "A backend verifying Firebase ID tokens with firebase-admin's verifyIdToken.",
    settings: &[SettingSpec {
        name: "projectId",
        label: "Firebase project id",
        hint: "Firebase console > Project settings > General > Project ID (not the Web API key or app id).",
        flag: "--project-id",
        ..SettingSpec::BASE
    }],
};

pub(super) const SPEC: TargetSpec<Profile> = TargetSpec {
    kind: FORM.kind,
    service: |p| p.service.clone(),
    rejection: "verifyIdToken throws auth/argument-error or auth/id-token-expired (the backend answers 401)",
    takes: |p| p.takes,
    assumptions: &["the token was not revoked (only verifyIdToken(token, true) asks Firebase)"],
    missing: |p| p.missing.clone(),
    rules: &[
        bearer::FORMAT,
        RuleSpec {
            id: RuleId::TokenType,
            describe: |_| "The token is a Firebase ID token, not a custom token".into(),
            check: token_type,
        },
        bearer::KID,
        bearer::ALG,
        bearer::AUD,
        bearer::ISS,
        RuleSpec {
            id: RuleId::Sub,
            describe: |_| "sub is a non-empty string of at most 128 characters".into(),
            check: sub,
        },
        bearer::SIGNATURE,
        bearer::EXP,
        bearer::IAT,
        RuleSpec { id: RuleId::AuthTime, describe: |_| "auth_time is in the past".into(), check: auth_time },
    ],
};

/// The audience of a Firebase custom token (firebase-admin's `FIREBASE_AUDIENCE`).
pub(crate) const CUSTOM_TOKEN_AUDIENCE: &str =
    "https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit";

pub(super) fn profile(t: &FirebaseIdTokenTarget) -> Profile {
    let project = t.project_id.trim();
    let given = !project.is_empty();
    Profile {
        service: "The backend (firebase-admin verifyIdToken)".into(),
        takes: Some(TokenUse::Id),
        missing: rule::unset(&[("projectId", !given)]),
        issuers: if given { vec![format!("https://securetoken.google.com/{project}")] } else { Vec::new() },
        audiences: if given { vec![project.to_owned()] } else { Vec::new() },
        algs: vec!["RS256".into()],
        console: Console {
            audience: "Initialise firebase-admin with the project the client app signs in to (Firebase console > Project settings > General > Project ID), or send a token from this project.",
            scope: "",
            role: "",
        },
        ..Profile::default()
    }
}

fn token_type(j: &J<'_>) -> Option<Checked> {
    if j.s.audiences().is_some_and(|a| a.contains(&CUSTOM_TOKEN_AUDIENCE)) {
        return Some(Checked::fail_with(custom_token(j.s)));
    }
    Some(match j.s.token_use {
        TokenUse::Id => Checked::pass("A Firebase ID token."),
        _ => Checked::unknown("Cannot be told from the token."),
    })
}

fn sub(j: &J<'_>) -> Option<Checked> {
    Some(match j.s.str_claim("sub") {
        Some(sub) if !sub.is_empty() && sub.chars().count() <= 128 => Checked::pass("A uid."),
        _ => Checked::fail_with(
            j.s.at_claim(ProviderCode::FirebaseSubInvalid, "sub", "sub is missing, empty or longer than 128 characters; firebase-admin requires the user's uid there (\"Firebase ID token has no 'sub' claim\" or \"has 'sub' (subject) claim longer than 128 characters\").")
                .fix("Send an ID token Firebase Authentication issued (user.getIdToken()); a hand-made or custom-claims token cannot stand in for it."),
        ),
    })
}

fn auth_time(j: &J<'_>) -> Option<Checked> {
    let check = time::evaluate_past(j.ctx, j.s, "auth_time");
    Some(match check {
        TimeCheck::Ok | TimeCheck::WithinSkew(_) => Checked::pass("In the past."),
        TimeCheck::NoNow => Checked::unknown("No evaluation time was given.").settle(rule::SETTLE_NOW),
        _ => Checked::fail_with(
            j.s.at_claim(ProviderCode::FirebaseAuthTime, "auth_time", "auth_time (when the user signed in) is missing, not a number or in the future; Firebase ID tokens carry the time of sign-in, kept across refreshes.")
                .fix("Send an ID token from Firebase Authentication (user.getIdToken()); check the clocks if it was just issued."),
        ),
    })
}

fn custom_token(s: &Subject<'_>) -> Finding {
    s.at_claim(ProviderCode::FirebaseCustomToken, "aud", "This is a Firebase custom token (aud is the Identity Toolkit, signed by a service account): verifyIdToken() expects an ID token, not a custom token.")
        .fix("On the client, sign in with it (signInWithCustomToken(auth, token)) and send the ID token Firebase returns (user.getIdToken()).")
}

#[cfg(test)]
mod tests {
    use crate::diagnose::model::Outcome;
    use crate::diagnose::testutil::*;

    fn target() -> Options {
        opts(&format!(r#"{{"now":{NOW},"target":{{"kind":"firebaseIdToken","projectId":"my-project"}}}}"#))
    }

    fn token(payload: &str) -> String {
        jwt(
            r#"{"alg":"RS256","kid":"k","typ":"JWT"}"#,
            &format!(
                r#"{{"iss":"https://securetoken.google.com/my-project","aud":"my-project","auth_time":{a},"user_id":"uid1","iat":{a},"exp":{e}{payload}}}"#,
                a = NOW - 60.0,
                e = NOW + 3000.0
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
    fn id_tokens_custom_tokens_sub_and_auth_time() {
        assert!(failing(&run(&token(r#","sub":"uid1""#), &target())).is_empty());
        assert_eq!(failing(&run(&token(r#","sub":"""#), &target())), [("sub", Some("FIREBASE_SUB_INVALID"))]);
        let no_kid = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(
                r#"{{"iss":"https://securetoken.google.com/my-project","aud":"my-project","sub":"u","auth_time":{NOW},"iat":{NOW},"exp":{}}}"#,
                NOW + 60.0
            ),
        );
        assert_eq!(failing(&run(&no_kid, &target())), [("kid", Some("TARGET_KID_MISSING"))]);
        let custom = jwt(
            r#"{"alg":"RS256","typ":"JWT"}"#,
            &format!(
                r#"{{"iss":"sa@my-project.iam.gserviceaccount.com","sub":"sa@my-project.iam.gserviceaccount.com","aud":"{}","uid":"uid1","iat":{NOW},"exp":{}}}"#,
                super::CUSTOM_TOKEN_AUDIENCE,
                NOW + 3600.0
            ),
        );
        let f = failing(&run(&custom, &target()));
        assert_eq!(f.first(), Some(&("tokenType", Some("FIREBASE_CUSTOM_TOKEN"))));
        let no_auth_time = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(
                r#"{{"iss":"https://securetoken.google.com/my-project","aud":"my-project","sub":"u","iat":{NOW},"exp":{}}}"#,
                NOW + 60.0
            ),
        );
        assert_eq!(failing(&run(&no_auth_time, &target())), [("authTime", Some("FIREBASE_AUTH_TIME"))]);
    }
}
