//! When a token is judged: the evaluation time and the clock skew, validated by one constructor for every caller —
//! the WebAssembly binding (which turns an invalid value into an options error), the diagnosis (which reports it as
//! a finding and goes on without it) and, through the binding, the page and the command line. The core never reads
//! a clock; `now` is always given.

use std::fmt;

/// The evaluation time and the leeway allowed around `exp`, `nbf` and `iat`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Evaluation {
    /// Seconds since the Unix epoch; `None`: no evaluation time (time checks are skipped and say so).
    pub now: Option<f64>,
    /// Leeway in seconds, 0 or more (default 0, as in `jose` and `aws-jwt-verify`).
    pub skew: f64,
}

/// A value the evaluation cannot use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InvalidTime {
    /// `now` is not a finite number of seconds.
    Now(f64),
    /// The clock skew is not a finite number of seconds, 0 or more.
    Skew(f64),
}

impl fmt::Display for InvalidTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Now(n) => write!(f, "now: expected a finite number of seconds since the epoch, got {n}"),
            Self::Skew(s) => write!(f, "clockSkew: expected a number of seconds, 0 or more, got {s}"),
        }
    }
}

impl Evaluation {
    /// The evaluation of `now` and `skew` (absent: 0), or what is wrong with them.
    ///
    /// ```
    /// use jwtlens::evaluation::{Evaluation, InvalidTime};
    /// assert_eq!(Evaluation::new(Some(1.5e9), Some(30.0)).map(|e| e.skew), Ok(30.0));
    /// assert_eq!(Evaluation::new(Some(1.5e9), Some(-1.0)), Err(InvalidTime::Skew(-1.0)));
    /// ```
    pub fn new(now: Option<f64>, skew: Option<f64>) -> Result<Self, InvalidTime> {
        match Self::resolve(now, skew) {
            (evaluation, None) => Ok(evaluation),
            (_, Some(invalid)) => Err(invalid),
        }
    }

    /// The evaluation with an unusable value replaced by its default (no `now`, a skew of 0), and the first value
    /// that was unusable: for callers that report it and go on.
    #[must_use]
    pub fn resolve(now: Option<f64>, skew: Option<f64>) -> (Self, Option<InvalidTime>) {
        let mut invalid = None;
        let now = match now {
            Some(n) if !n.is_finite() => {
                invalid = Some(InvalidTime::Now(n));
                None
            }
            other => other,
        };
        let skew = match skew {
            Some(s) if !(s.is_finite() && s >= 0.0) => {
                invalid = invalid.or(Some(InvalidTime::Skew(s)));
                0.0
            }
            other => other.unwrap_or(0.0),
        };
        (Self { now, skew }, invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unusable_values_are_named_and_replaced_by_defaults() {
        assert_eq!(Evaluation::new(None, None), Ok(Evaluation { now: None, skew: 0.0 }));
        assert_eq!(
            Evaluation::new(Some(f64::NAN), None).map_err(|e| e.to_string()).unwrap_err().split(':').next(),
            Some("now")
        );
        assert_eq!(Evaluation::new(Some(1.0), Some(f64::INFINITY)), Err(InvalidTime::Skew(f64::INFINITY)));
        let (e, bad) = Evaluation::resolve(Some(7.0), Some(-3.0));
        assert_eq!((e.now, e.skew, bad), (Some(7.0), 0.0, Some(InvalidTime::Skew(-3.0))));
        assert!(InvalidTime::Skew(-3.0).to_string().contains("0 or more, got -3"));
    }
}
