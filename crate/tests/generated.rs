//! `js/generated/tables.js` is the surfaces' copy of the core's tables (`jwtlens::api::tables()`: targets and their
//! settings, Cognito operations, algorithms, providers, secret encodings, the pool-id pattern). The page's form, the
//! command line's flags and `--help` and both text views import it. This test renders the file from the Rust tables
//! and requires it to be identical, so a table entry added without regenerating, or a hand edit, fails.
//! After changing a table, run `JWTLENS_BLESS=1 cargo test --test generated` and review the diff.

use std::fmt::Write;

const FILE: &str = "js/generated/tables.js";

/// One `export const NAME = <JSON>;` per table, each with its doc line.
fn render() -> String {
    let tables = serde_json::to_value(jwtlens::api::tables()).unwrap();
    let mut out = String::from(
        "// Generated from the Rust tables by crate/tests/generated.rs: do not edit. After changing a table in crate/src,\n\
         // run `JWTLENS_BLESS=1 cargo test --test generated`. What each table holds: crate/src/api/tables.rs.\n",
    );
    let exports = [
        ("targets", "TARGETS", "Every target, in the order of the page's picker: kind, label, CLI aliases, settings."),
        ("operations", "OPERATIONS", "The Cognito user-pool operations a user's access token authorizes."),
        ("algorithms", "ALGORITHMS", "The signature algorithms: name, family, symmetric."),
        ("providers", "PROVIDERS", "The providers jwtlens recognises: id and name."),
        ("secretEncodings", "SECRET_ENCODINGS", "How an HMAC secret typed as text is read."),
        ("poolIdPattern", "POOL_ID_PATTERN", "A Cognito user pool id, as a regular expression's source."),
    ];
    let object = tables.as_object().unwrap();
    assert_eq!(object.len(), exports.len(), "every table of jwtlens::api::Tables is exported");
    for (field, name, doc) in exports {
        let json = serde_json::to_string_pretty(&object[field]).unwrap();
        let _ = write!(out, "\n/** {doc} */\nexport const {name} = {json};\n");
    }
    out
}

#[test]
fn the_generated_tables_are_the_rust_tables() {
    let path = format!("{}/../{FILE}", env!("CARGO_MANIFEST_DIR"));
    let expected = render();
    if std::env::var_os("JWTLENS_BLESS").is_some() {
        std::fs::create_dir_all(format!("{}/../js/generated", env!("CARGO_MANIFEST_DIR"))).unwrap();
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(actual == expected, "{FILE} is stale or edited by hand: run `JWTLENS_BLESS=1 cargo test --test generated`");
}

#[test]
fn every_target_kind_has_its_form_and_unique_flags_and_names() {
    let t = jwtlens::api::tables();
    let kinds: Vec<String> =
        t.targets.iter().map(|f| serde_json::to_value(f.kind).unwrap().as_str().unwrap().to_owned()).collect();
    // Every kind the options accept has a form: an unknown kind is refused with the list of known ones.
    let refused =
        serde_json::from_str::<jwtlens::InspectOptions>(r#"{"target":{"kind":"?"}}"#).unwrap_err().to_string();
    for kind in &kinds {
        assert!(refused.contains(&format!("`{kind}`")), "{kind} is not a target kind the options know: {refused}");
    }
    assert_eq!(refused.matches('`').count() / 2 - 1, kinds.len(), "a target kind has no form: {refused}");
    let mut names: Vec<&str> = t.targets.iter().flat_map(|f| f.aliases.iter().copied()).collect();
    names.extend(kinds.iter().map(String::as_str));
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), count, "target kinds and aliases are unique");
    for form in t.targets {
        for s in form.settings {
            assert!(s.flag.starts_with("--") && !s.label.is_empty() && !s.hint.is_empty(), "{s:?}");
        }
    }
}
