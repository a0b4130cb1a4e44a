//! `docs/codes.md` is the documented list of finding codes. This test renders the list from the code and requires
//! the file to be identical, so a code cannot be added, renamed or reworded without the documentation following.
//! After changing codes, run `JWTLENS_BLESS=1 cargo test --test codes` to rewrite the file, and review the diff.

use std::collections::HashSet;
use std::fmt::Write;

fn render() -> String {
    let mut out = String::from(
        "# Finding codes\n\n\
         Every finding jwtlens reports carries one of these stable codes. Codes are never reused or renamed; a\n\
         code's severity is fixed. This file is generated from the Rust source (`crate/tests/codes.rs` checks it):\n\
         run `JWTLENS_BLESS=1 cargo test --test codes` after changing a code.\n",
    );
    for (phase, entries) in jwtlens::all_codes() {
        let _ = write!(out, "\n## {phase}\n\n| code | severity | meaning |\n|---|---|---|\n");
        for e in entries {
            let severity = format!("{:?}", e.severity).to_lowercase();
            let _ = writeln!(out, "| `{}` | {severity} | {} |", e.code, e.description.replace('|', "\\|"));
        }
    }
    out
}

/// The TypeScript union of every code, for `js/index.d.ts`.
fn render_ts() -> String {
    let mut out = String::from(
        "// Generated from the Rust source by crate/tests/codes.rs (JWTLENS_BLESS=1 cargo test --test codes).\n\
         /** Every stable finding code; docs/codes.md says what each means. */\nexport type FindingCode =\n",
    );
    for (_, entries) in jwtlens::all_codes() {
        for e in entries {
            let _ = writeln!(out, "  | '{}'", e.code);
        }
    }
    out.push_str(";\n");
    out
}

fn check_generated(relative: &str, expected: &str) {
    let path = format!("{}/../{relative}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("JWTLENS_BLESS").is_some() {
        std::fs::write(&path, expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(actual == expected, "{relative} is stale: run `JWTLENS_BLESS=1 cargo test --test codes`");
}

#[test]
fn docs_list_every_code_exactly() {
    check_generated("docs/codes.md", &render());
}

#[test]
fn typescript_union_lists_every_code_exactly() {
    check_generated("js/codes.d.ts", &render_ts());
}

#[test]
fn codes_are_unique_and_documented() {
    let mut seen = HashSet::new();
    let mut count = 0;
    for (_, entries) in jwtlens::all_codes() {
        for e in entries {
            count += 1;
            assert!(seen.insert(e.code), "duplicate code {}", e.code);
            assert!(e.code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'), "{}", e.code);
            assert!(e.description.ends_with('.') && e.description.len() > 15, "{} needs a sentence", e.code);
        }
    }
    assert!(count >= 40, "only {count} codes listed");
}
