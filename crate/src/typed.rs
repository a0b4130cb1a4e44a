//! A JSON value read as a typed struct (the caller's options), with an error that names the path of the bad field:
//! `target.scopes[2]`, `expect.audience`, `clockSkew`.
//!
//! serde says what is wrong ("invalid type: integer `42`, expected a string") but not where. A path-tracking
//! deserializer (serde_path_to_error) wraps every visitor of every options type: 84 KiB of the decoder module before
//! wasm-opt, 12 KiB gzip shipped, paid on every page load for a message only a misconfigured caller ever sees. So the
//! path is found here instead, only after reading has failed, by taking the value apart: starting at the top, a
//! member (or array element) is the culprit when the value without it reads, or else when without it the error is a
//! different one (a bad required member, or the first of two bad ones); the search goes down into the culprit and
//! stops where no single member explains the error (a missing field, a value of the wrong kind as a whole).
//! Reading succeeds or fails as plain serde decides; only the path comes from the search.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// Why a value could not be read as the type asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TypedError {
    /// Where, from the value read: `target.scopes[2]`, `[1].name`, or empty for the value itself.
    pub path: String,
    /// serde's message, as it would be without the search.
    pub message: String,
}

/// A step down into a JSON value.
enum Step {
    Member(String),
    Element(usize),
}

/// Searches go no deeper than this: the binding's shape guard allows 16 levels of options.
const MAX_DEPTH: usize = 32;

/// `value` read as a `T`; on failure, serde's message and the path of the member that causes it.
pub(crate) fn read<T: DeserializeOwned>(value: &Value) -> Result<T, TypedError> {
    T::deserialize(value).map_err(|e| {
        let message = e.to_string();
        TypedError { path: render(&locate::<T>(value, &message)), message }
    })
}

/// The path down to the member that explains `message`, the error reading `root` as a `T` gave.
fn locate<T: DeserializeOwned>(root: &Value, message: &str) -> Vec<Step> {
    let error = |v: &Value| T::deserialize(v).err().map(|e| e.to_string());
    // A message that already carries a path ("at scopes[2]: …", from a reader that does its own search) or says a
    // field is missing is explained by no member's content: such a member is a culprit only when removing it makes
    // the value read.
    let whole = message.starts_with("at ") || message.starts_with("missing field");
    let mut path = Vec::new();
    while path.len() < MAX_DEPTH {
        let steps: Vec<Step> = match node(root, &path) {
            Some(Value::Object(members)) => members.keys().map(|k| Step::Member(k.clone())).collect(),
            Some(Value::Array(items)) => (0..items.len()).map(Step::Element).collect(),
            _ => break,
        };
        let without = |step: &Step| {
            let mut copy = root.clone();
            remove(&mut copy, &path, step);
            error(&copy)
        };
        let reads = steps.iter().position(|s| without(s).is_none());
        // Otherwise the first member without which the error is a different one: the first error serde meets is
        // the one reported, and a member that is fine does not change it (a good required member's absence is only
        // noticed after every member was read).
        // Not for array elements: removing one changes the length, which can be the complaint.
        let changes =
            || steps.iter().position(|s| matches!(s, Step::Member(_)) && without(s).is_some_and(|m| m != message));
        let Some(found) = reads.or_else(|| if whole { None } else { changes() }) else { break };
        let mut steps = steps;
        path.push(steps.swap_remove(found));
    }
    path
}

/// The value at `path` under `root`.
fn node<'v>(root: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(root, |v, step| match step {
        Step::Member(name) => v.get(name.as_str()),
        Step::Element(i) => v.get(*i),
    })
}

/// Removes `step` from the value at `path` under `root`.
fn remove(root: &mut Value, path: &[Step], step: &Step) {
    let target = path.iter().try_fold(root, |v, s| match s {
        Step::Member(name) => v.get_mut(name.as_str()),
        Step::Element(i) => v.get_mut(*i),
    });
    match (target, step) {
        (Some(Value::Object(members)), Step::Member(name)) => {
            members.shift_remove(name.as_str());
        }
        (Some(Value::Array(items)), Step::Element(i)) if *i < items.len() => {
            items.remove(*i);
        }
        _ => {}
    }
}

/// `target.scopes[2]`: members joined with dots, elements in brackets.
fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Member(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Step::Element(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct Options {
        #[allow(dead_code)]
        keys: Option<String>,
        #[allow(dead_code)]
        clock_skew: Option<f64>,
        #[allow(dead_code)]
        target: Option<Target>,
        #[allow(dead_code)]
        list: Option<Vec<Item>>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Target {
        #[allow(dead_code)]
        issuer: String,
        #[allow(dead_code)]
        scopes: Option<Vec<String>>,
        #[allow(dead_code)]
        strict: Option<bool>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        #[allow(dead_code)]
        name: String,
    }

    #[derive(Debug, Deserialize)]
    struct Required {
        #[allow(dead_code)]
        keys: String,
        #[allow(dead_code)]
        other: Option<u32>,
    }

    fn path_of<T: DeserializeOwned + std::fmt::Debug>(value: Value) -> (String, String) {
        let e = read::<T>(&value).unwrap_err();
        (e.path, e.message)
    }

    #[test]
    fn a_good_value_reads() {
        assert!(read::<Options>(&json!({"target": {"issuer": "i", "scopes": ["a"]}, "clockSkew": 5})).is_ok());
    }

    #[test]
    fn the_bad_member_is_named_by_its_path() {
        let (path, message) =
            path_of::<Options>(json!({"keys": "k", "target": {"issuer": "i", "scopes": ["a", "b", 42]}}));
        assert_eq!(path, "target.scopes[2]");
        assert_eq!(message, "invalid type: integer `42`, expected a string");
        assert_eq!(path_of::<Options>(json!({"clockskew": 5})).0, "clockskew");
        assert_eq!(path_of::<Options>(json!({"target": {"issuer": "i", "strict": "yes"}})).0, "target.strict");
        assert_eq!(path_of::<Options>(json!({"list": [{"name": "a"}, {"name": 1}]})).0, "list[1].name");
        assert_eq!(path_of::<Vec<Item>>(json!([{"name": "a"}, {"nam": "b"}])).0, "[1].nam");
    }

    #[test]
    fn a_missing_field_is_the_object_that_lacks_it() {
        let (path, message) = path_of::<Options>(json!({"target": {"scopes": []}}));
        assert_eq!((path.as_str(), message.as_str()), ("target", "missing field `issuer`"));
        assert_eq!(path_of::<Required>(json!({"other": 1})).0, "");
    }

    #[test]
    fn a_bad_required_member_is_named_though_removing_it_does_not_help() {
        assert_eq!(path_of::<Required>(json!({"keys": 42, "other": 1})).0, "keys");
        assert_eq!(path_of::<Options>(json!({"target": {"issuer": 7}})).0, "target.issuer");
    }

    #[test]
    fn a_value_of_the_wrong_kind_as_a_whole_stops_the_search() {
        assert_eq!(path_of::<Options>(json!({"target": ["issuer"]})).0, "target");
        assert_eq!(path_of::<Options>(json!(42)).0, "");
    }

    #[test]
    fn two_bad_members_name_one_of_them() {
        let (path, message) = path_of::<Options>(json!({"keys": 1, "clockSkew": "x"}));
        assert_eq!((path.as_str(), message.as_str()), ("keys", "invalid type: integer `1`, expected a string"));
    }
}
