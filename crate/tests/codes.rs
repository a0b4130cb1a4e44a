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

/// The test sources: Rust test modules (`#[cfg(test)] mod tests` to the end of the file) and integration tests, the Node suites and the case
/// files they read.
fn test_sources() -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["crate/src", "crate/tests", "tests/js", "tests/cases"] {
        walk(&root.join(dir), &mut files);
    }
    let mut sources = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let text = if name.contains("crate/src/") {
            match text.find("#[cfg(test)]\nmod tests") {
                Some(at) => text[at..].to_owned(),
                None => continue,
            }
        } else {
            text
        };
        sources.push((name, text));
    }
    sources
}

/// Every code is named by at least one test, so no check exists that no test raises. (A name in a test is not
/// proof that the test asserts it, but a code that no test names certainly is never asserted.)
#[test]
fn every_code_is_named_by_a_test() {
    let sources = test_sources();
    assert!(sources.len() >= 20, "only {} test sources found", sources.len());
    let named = |code: &str| {
        sources.iter().any(|(_, text)| {
            text.match_indices(code).any(|(at, _)| {
                let after = text[at + code.len()..].chars().next();
                let before = text[..at].chars().next_back();
                let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
                !word(before) && !word(after)
            })
        })
    };
    let untested: Vec<&str> = jwtlens::all_codes()
        .into_iter()
        .flat_map(|(_, e)| e.into_iter().map(|e| e.code))
        .filter(|c| !named(c))
        .collect();
    assert!(untested.is_empty(), "codes no test names: {untested:?}");
}
