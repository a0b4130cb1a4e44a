//! Time: `exp`, `nbf`, `iat` (and `auth_time`) against the evaluation time and the clock skew.
//!
//! Boundaries follow RFC 7519: a token is expired when `now >= exp` and not yet valid when `now < nbf`. The skew
//! (default 0, as in `jose` and `aws-jwt-verify`) widens both; a check that fails at `now` but passes within the skew
//! is reported distinctly (`TIME_WITHIN_SKEW`), because a server with less leeway rejects it.

use serde_json::{Map, Value};

use crate::codes::TimeCode;
use crate::datetime::{duration, iso8601};
use crate::diagnose::model::TokenUse;
use crate::diagnose::providers;
use crate::diagnose::subject::{Ctx, Subject};
use crate::finding::Finding;

/// The time claims a NumericDate is expected in.
const TIME_CLAIMS: &[&str] = &["exp", "nbf", "iat", "auth_time", "updated_at"];

/// Above this a NumericDate is taken for milliseconds (1e11 s is the year 5138).
const MILLIS_THRESHOLD: f64 = 1e11;

pub(crate) fn has_time_claim(claims: &Map<String, Value>) -> bool {
    ["exp", "nbf", "iat"].iter().any(|k| claims.contains_key(*k))
}

/// The result of one time check, for the targets' rules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum TimeCheck {
    /// The claim is absent.
    Absent,
    /// The claim is not a number.
    Invalid,
    /// No evaluation time.
    NoNow,
    /// Passes at `now`.
    Ok,
    /// Fails at `now` by this many seconds, but passes within the skew.
    WithinSkew(f64),
    /// Fails by this many seconds, beyond the skew.
    Failed(f64),
}

/// The three time checks for one token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Times {
    pub exp: TimeCheck,
    pub nbf: TimeCheck,
    pub iat: TimeCheck,
}

fn number(s: &Subject<'_>, name: &str) -> Result<Option<f64>, ()> {
    match s.claim(name) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_f64().map(Some).ok_or(()),
    }
}

/// Evaluates `exp`, `nbf`, `iat` at `now` with `skew`.
pub(crate) fn evaluate(ctx: &Ctx<'_>, s: &Subject<'_>) -> Times {
    let one = |name: &str, fails: &dyn Fn(f64, f64) -> f64| match number(s, name) {
        Err(()) => TimeCheck::Invalid,
        Ok(None) => TimeCheck::Absent,
        Ok(Some(value)) => match ctx.now {
            None => TimeCheck::NoNow,
            Some(now) => {
                // `by` > 0: the check fails at `now` by that many seconds.
                let by = fails(value, now);
                if by <= 0.0 {
                    TimeCheck::Ok
                } else if by <= ctx.skew {
                    TimeCheck::WithinSkew(by)
                } else {
                    TimeCheck::Failed(by)
                }
            }
        },
    };
    Times {
        // Expired when now >= exp: fails by (now - exp), counting the boundary second itself.
        exp: one("exp", &|exp, now| if now >= exp { (now - exp).max(f64::MIN_POSITIVE) } else { 0.0 }),
        nbf: one("nbf", &|nbf, now| nbf - now),
        iat: one("iat", &|iat, now| iat - now),
    }
}

/// A claim that must not be in the future (`auth_time`), judged like `iat`.
pub(crate) fn evaluate_past(ctx: &Ctx<'_>, s: &Subject<'_>, name: &str) -> TimeCheck {
    match (number(s, name), ctx.now) {
        (Err(()), _) => TimeCheck::Invalid,
        (Ok(None), _) => TimeCheck::Absent,
        (Ok(Some(_)), None) => TimeCheck::NoNow,
        (Ok(Some(value)), Some(now)) => {
            let by = value - now;
            if by <= 0.0 {
                TimeCheck::Ok
            } else if by <= ctx.skew {
                TimeCheck::WithinSkew(by)
            } else {
                TimeCheck::Failed(by)
            }
        }
    }
}

/// The longest lifetime (`exp - iat`) the provider issues for this token type, with the source of the number.
fn max_lifetime(s: &Subject<'_>) -> Option<(f64, &'static str)> {
    providers::spec(s.provider.id).and_then(|p| (p.lifetime)(s.token_use))
}

/// Runs every time check and reports.
pub(crate) fn check(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    check_numeric_dates(s, out);
    check_has_exp(s, out);
    check_validity_window(s, out);
    let times = evaluate(ctx, s);
    report_exp(ctx, s, times.exp, out);
    report_nbf(ctx, s, times.nbf, out);
    report_iat(ctx, s, times.iat, out);
}

/// Every NumericDate is a number of seconds (not a string, not milliseconds).
fn check_numeric_dates(s: &Subject<'_>, out: &mut Vec<Finding>) {
    for &name in TIME_CLAIMS {
        match s.claim(name) {
            None | Some(Value::Null | Value::Number(_)) => {}
            Some(v) => out.push(
                s.at_claim(TimeCode::NotNumber, name, format!("\"{name}\" is {v}, not a number of seconds since the epoch."))
                    .fix("RFC 7519 NumericDate is a JSON number (e.g. 1700000000), never a string or a date text. Fix the issuer; verifiers reject or ignore this claim."),
            ),
        }
        if let Ok(Some(v)) = number(s, name)
            && v > MILLIS_THRESHOLD
        {
            let as_seconds = iso8601(v).unwrap_or_else(|| "far in the future".to_owned());
            let as_millis = iso8601(v / 1000.0).unwrap_or_default();
            let effect = match name {
                "exp" => " Verifiers read seconds, so they treat the token as never expiring.",
                "nbf" => " Verifiers read seconds, so they treat the token as not valid for thousands of years.",
                "iat" => " Verifiers that check iat see it as issued in the far future.",
                _ => "",
            };
            out.push(
                s.at_claim(TimeCode::Milliseconds, name, format!(
                    "\"{name}\" is {v}: read as seconds (as RFC 7519 says) that is {as_seconds}; it looks like milliseconds, which would be {as_millis}.{effect}"
                ))
                .fix("NumericDate is in seconds. The issuer must divide by 1000 (JavaScript: Math.floor(Date.now() / 1000))."),
            );
        }
    }
}

/// The token expires at all.
fn check_has_exp(s: &Subject<'_>, out: &mut Vec<Finding>) {
    if s.claim("exp").is_none() {
        let why = match s.token_use {
            TokenUse::Id => " OIDC Core requires exp in ID tokens.",
            _ => "",
        };
        out.push(
            s.at_claim(TimeCode::NoExp, "exp", format!("The token has no \"exp\": it never expires.{why} aws-jwt-verify and jose accept it; stricter verifiers reject it."))
                .fix("Issue tokens with an expiry; a leaked token without one is valid forever."),
        );
    }
}

/// `exp` is after `iat` and `nbf`, and the lifetime is one the provider issues.
fn check_validity_window(s: &Subject<'_>, out: &mut Vec<Finding>) {
    let (exp, iat, nbf) =
        (number(s, "exp").ok().flatten(), number(s, "iat").ok().flatten(), number(s, "nbf").ok().flatten());
    if let Some(exp) = exp {
        for (other, v) in [("iat", iat), ("nbf", nbf)] {
            if let Some(v) = v
                && exp <= v
            {
                out.push(
                    s.at_claim(
                        TimeCode::ExpBeforeIat,
                        "exp",
                        format!("\"exp\" ({exp}) is not after \"{other}\" ({v}): the token was never valid."),
                    )
                    .fix("The issuer computes the expiry wrongly (a unit or sign error?)."),
                );
            }
        }
        if let (Some(iat), Some((max, why))) = (iat, max_lifetime(s)) {
            let lifetime = exp - iat;
            if lifetime > max {
                out.push(
                    s.at_claim(TimeCode::LifetimeTooLong, "exp", format!(
                        "The token is valid for {} after it was issued, but {why}. It was probably not issued by {} as is.",
                        duration(lifetime), s.provider.name
                    ))
                    .fix("Check where the token really comes from; a real token from this issuer cannot live this long."),
                );
            }
        }
    }
}

/// Expiry at the evaluation time.
fn report_exp(ctx: &Ctx<'_>, s: &Subject<'_>, check: TimeCheck, out: &mut Vec<Finding>) {
    let exp = number(s, "exp").ok().flatten();
    let skew_note = |by: f64| format!("{} past, inside the allowed clock skew of {}", duration(by), duration(ctx.skew));
    match check {
        TimeCheck::Failed(by) => out.push(
            s.at_claim(TimeCode::Expired, "exp", format!(
                "The token expired {} ago (exp {}).",
                duration(by), iso8601(exp.unwrap_or_default()).unwrap_or_default()
            ))
            .fix(if s.is_cognito() {
                "Get new tokens with the refresh token (InitiateAuth REFRESH_TOKEN_AUTH, or /oauth2/token with grant_type=refresh_token); Amplify does this when you call fetchAuthSession()."
            } else {
                "Get a new token (refresh it, or sign in again). If it should still be valid, check the evaluation time and the clocks involved."
            }),
        ),
        TimeCheck::WithinSkew(by) => out.push(
            s.at_claim(TimeCode::WithinSkew, "exp", format!("The token is expired at the evaluation time ({}); a verifier with less leeway rejects it.", skew_note(by)))
                .fix("Refresh the token now; don't rely on leeway."),
        ),
        _ => {}
    }
}

/// Not-before at the evaluation time.
fn report_nbf(ctx: &Ctx<'_>, s: &Subject<'_>, check: TimeCheck, out: &mut Vec<Finding>) {
    let nbf = number(s, "nbf").ok().flatten();
    match check {
        TimeCheck::Failed(by) => out.push(
            s.at_claim(TimeCode::NotYetValid, "nbf", format!("The token is not valid for another {} (nbf {}).", duration(by), iso8601(nbf.unwrap_or_default()).unwrap_or_default()))
                .fix("Wait, or fix the clock of the issuer or of the machine evaluating it (check the evaluation time given)."),
        ),
        TimeCheck::WithinSkew(by) => out.push(
            s.at_claim(TimeCode::WithinSkew, "nbf", format!("The token becomes valid {} after the evaluation time, which the clock skew of {} forgives; a verifier with less leeway rejects it.", duration(by), duration(ctx.skew)))
                .fix("Synchronise the clocks (NTP) of the issuer and the server."),
        ),
        _ => {}
    }
}

/// Issued-at at the evaluation time.
fn report_iat(ctx: &Ctx<'_>, s: &Subject<'_>, check: TimeCheck, out: &mut Vec<Finding>) {
    let iat = number(s, "iat").ok().flatten();
    match check {
        TimeCheck::Failed(by) => out.push(
            s.at_claim(TimeCode::IssuedInFuture, "iat", format!("The token says it was issued {} in the future (iat {}).", duration(by), iso8601(iat.unwrap_or_default()).unwrap_or_default()))
                .fix("A clock is wrong: the issuer's, the server's, or the evaluation time given. API Gateway HTTP APIs reject tokens whose iat is after their time."),
        ),
        TimeCheck::WithinSkew(by) => out.push(
            s.at_claim(TimeCode::WithinSkew, "iat", format!("\"iat\" is {} after the evaluation time, inside the clock skew of {}.", duration(by), duration(ctx.skew)))
                .fix("Synchronise the clocks (NTP) of the issuer and the server."),
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnose::testutil::*;

    const NOW: f64 = 1_700_000_000.0;

    #[test]
    fn expired_beyond_and_within_skew() {
        let i = run(
            &jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"exp":{}}}"#, NOW - 3.0 * 3600.0 - 12.0 * 60.0)),
            &with_now(NOW),
        );
        assert_has(&i, "TIME_EXPIRED");
        let f = find(&i, "TIME_EXPIRED");
        assert!(f.message.contains("expired 3 h 12 min ago"), "{}", f.message);
        assert_eq!(f.location.as_ref().unwrap().member.as_deref(), Some("exp"));
        let i = run(
            &jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"exp":{}}}"#, NOW - 20.0)),
            &opts(&format!(r#"{{"now":{NOW},"clockSkew":60}}"#)),
        );
        assert_has(&i, "TIME_WITHIN_SKEW");
        assert_lacks(&i, "TIME_EXPIRED");
        let i = run(&jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"exp":{}}}"#, NOW + 600.0)), &with_now(NOW));
        assert_lacks(&i, "TIME_EXPIRED");
        assert_lacks(&i, "TIME_WITHIN_SKEW");
    }

    #[test]
    fn exp_boundary_is_expired() {
        let i = run(&jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"exp":{NOW}}}"#)), &with_now(NOW));
        assert_has(&i, "TIME_EXPIRED");
    }

    #[test]
    fn not_yet_valid_and_issued_in_future() {
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(r#"{{"exp":{},"nbf":{},"iat":{}}}"#, NOW + 7200.0, NOW + 600.0, NOW + 600.0),
        );
        let i = run(&t, &with_now(NOW));
        assert_has(&i, "TIME_NOT_YET_VALID");
        assert_has(&i, "TIME_ISSUED_IN_FUTURE");
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(r#"{{"exp":{},"nbf":{},"iat":{}}}"#, NOW + 7200.0, NOW - 5.0, NOW - 5.0),
        );
        let i = run(&t, &with_now(NOW));
        assert_lacks(&i, "TIME_NOT_YET_VALID");
        assert_lacks(&i, "TIME_ISSUED_IN_FUTURE");
    }

    #[test]
    fn no_exp_and_no_now() {
        let i = run(&jwt(r#"{"alg":"RS256"}"#, r#"{"sub":"1","iat":1}"#), &with_now(NOW));
        assert_has(&i, "TIME_NO_EXP");
        assert_lacks(&i, "TIME_NO_NOW");
        let i = run(&jwt(r#"{"alg":"RS256"}"#, r#"{"sub":"1","exp":2}"#), &opts("{}"));
        assert_has(&i, "TIME_NO_NOW");
        assert_lacks(&i, "TIME_NO_EXP");
        assert_lacks(&i, "TIME_EXPIRED");
    }

    #[test]
    fn milliseconds_and_not_numbers() {
        let i = run(&jwt(r#"{"alg":"RS256"}"#, r#"{"exp":1700000000000,"iat":"1700000000"}"#), &with_now(NOW));
        assert_has(&i, "TIME_MILLISECONDS");
        assert_has(&i, "TIME_NOT_NUMBER");
        assert_lacks(&i, "TIME_EXPIRED");
        let i = run(&jwt(r#"{"alg":"RS256"}"#, r#"{"exp":9999999999,"iat":1700000000}"#), &with_now(NOW));
        assert_lacks(&i, "TIME_MILLISECONDS");
        assert_lacks(&i, "TIME_NOT_NUMBER");
    }

    #[test]
    fn lifetime_longer_than_cognito_allows() {
        let iss = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123";
        let long = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(r#"{{"iss":"{iss}","token_use":"access","iat":{},"exp":{}}}"#, NOW, NOW + 2.0 * 86_400.0),
        );
        assert_has(&run(&long, &with_now(NOW)), "TIME_LIFETIME_TOO_LONG");
        let day = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(r#"{{"iss":"{iss}","token_use":"access","iat":{},"exp":{}}}"#, NOW, NOW + 86_400.0),
        );
        assert_lacks(&run(&day, &with_now(NOW)), "TIME_LIFETIME_TOO_LONG");
        // No known limit for an unknown issuer.
        let other =
            jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"iss":"https://x.example","iat":{},"exp":{}}}"#, NOW, NOW + 9e6));
        assert_lacks(&run(&other, &with_now(NOW)), "TIME_LIFETIME_TOO_LONG");
    }

    #[test]
    fn exp_before_iat() {
        let i = run(&jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"iat":{},"exp":{}}}"#, NOW, NOW - 1.0)), &with_now(NOW));
        assert_has(&i, "TIME_EXP_BEFORE_IAT");
        let i = run(&jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"iat":{},"exp":{}}}"#, NOW, NOW + 1.0)), &with_now(NOW));
        assert_lacks(&i, "TIME_EXP_BEFORE_IAT");
    }
}
