//! The crate's modules are layered (floors listed in `lib.rs`): each imports only from floors below it, and no two
//! files import each other, directly or through others. This test reads the `use` paths of every file under
//! `crate/src` (test modules excluded: tests may drive the pipeline from above) and fails on an upward import or a
//! circle, naming the files and the path.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Floors of the top-level modules, from the ground up; `lib.rs` (the crate root, whose re-exports are the public
/// API) counts as floor 7, so only the binding may use its re-exports.
const FLOORS: &[(&str, u8)] = &[
    ("codes", 1),
    ("finding", 1),
    ("spanned", 1),
    ("base64url", 1),
    ("json", 1),
    ("alg", 1),
    ("datetime", 1),
    ("evaluation", 1),
    ("hex", 1),
    ("input", 1),
    ("limits", 1),
    ("typed", 1),
    ("issuer", 2),
    ("arith", 2),
    ("service_error", 2),
    ("decode", 3),
    ("keys", 4),
    ("verify", 5),
    ("sign", 5),
    ("jwe", 5),
    ("diagnose", 6),
    ("proof", 6),
    ("api", 7),
    ("", 7),
    ("wasm", 8),
];

/// Floors inside the diagnosis: its model below the caller's options, below the view every check reads, below the
/// providers, the checks, the catalogue, the targets and the paste-alone answers, below the orchestrator
/// (`diagnose/mod.rs`).
const DIAGNOSE_FLOORS: &[(&str, u8)] = &[
    ("model", 1),
    ("options", 2),
    ("subject", 3),
    ("providers", 4),
    ("checks", 5),
    ("catalogue", 6),
    ("targets", 6),
    ("answers", 6),
    ("", 7),
];

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `crate/src/diagnose/targets/rule.rs` → `["diagnose", "targets", "rule"]`; a `mod.rs` is its folder's module.
fn module_of(root: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The code of a source file: without its test module (`#[cfg(test)] mod tests { … }` runs to the end of the file)
/// and without comments (a doc link to a higher floor is documentation, not a dependency).
fn code_of(text: &str) -> String {
    let text = text.find("#[cfg(test)]\nmod tests").map_or(text, |at| &text[..at]);
    text.lines().map(|l| l.split_once("//").map_or(l, |(code, _)| code)).collect::<Vec<_>>().join("\n")
}

/// Every `use` path of the source, with braces expanded (`a::{b, c::d}` → `a::b`, `a::c::d`), and every inline
/// `crate::…` path.
fn paths(source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lines: Vec<&str> = source.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_start();
        let stmt = line
            .strip_prefix("pub(crate) use ")
            .or_else(|| line.strip_prefix("pub use "))
            .or_else(|| line.strip_prefix("use "));
        if let Some(first) = stmt {
            let mut text = first.to_owned();
            while !text.contains(';') && i + 1 < lines.len() {
                i += 1;
                text.push_str(lines[i]);
            }
            let statement = text.split(';').next().unwrap_or_default();
            expand("", &statement.replace(char::is_whitespace, ""), &mut out);
        }
        i += 1;
    }
    for (at, _) in source.match_indices("crate::") {
        let path: String = source[at..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
        out.push(path.trim_end_matches(':').to_owned());
    }
    out
}

fn expand(prefix: &str, text: &str, out: &mut Vec<String>) {
    match text.find('{') {
        None => out.push(format!("{prefix}{}", text.split(" as ").next().unwrap_or(text))),
        Some(open) => {
            let head = format!("{prefix}{}", &text[..open]);
            let inner = &text[open + 1..text.rfind('}').unwrap_or(text.len())];
            let mut depth = 0;
            let mut item = String::new();
            for c in inner.chars().chain([',']) {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        if !item.is_empty() {
                            expand(&head, &item, out);
                        }
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
        }
    }
}

/// The module a path refers to (the longest known module prefix), from the file's module `from`.
fn target(path: &str, from: &[String], is_mod_rs: bool, modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut segments: Vec<&str> = path.split("::").collect();
    let mut base: Vec<String> = match segments.first().copied() {
        Some("crate") => Vec::new(),
        Some("super") => {
            // In `x/mod.rs` and in `x.rs` alike, `super` is the parent of module x.
            let _ = is_mod_rs;
            from[..from.len().saturating_sub(1)].to_vec()
        }
        Some("self") => from.to_vec(),
        _ => return None,
    };
    segments.remove(0);
    while segments.first() == Some(&"super") {
        base.pop();
        segments.remove(0);
    }
    let mut found = base.clone();
    for segment in segments {
        let mut next = found.clone();
        next.push(segment.to_owned());
        if modules.contains(&next) {
            found = next;
        } else {
            break;
        }
    }
    Some(found)
}

fn floor(module: &[String]) -> (u8, u8) {
    let top = module.first().map_or("", String::as_str);
    let outer = FLOORS.iter().find(|(m, _)| *m == top).map(|(_, f)| *f);
    let outer = outer.unwrap_or_else(|| panic!("module {top} has no floor in crate/tests/layers.rs"));
    let inner = if top == "diagnose" {
        let sub = module.get(1).map_or("", String::as_str);
        let f = DIAGNOSE_FLOORS.iter().find(|(m, _)| *m == sub).map(|(_, f)| *f);
        f.unwrap_or_else(|| panic!("diagnose::{sub} has no floor in crate/tests/layers.rs"))
    } else {
        0
    };
    (outer, inner)
}

/// The import graph: module → the modules it imports (itself and its own children excluded).
fn graph() -> BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&root, &mut all);
    let modules: BTreeSet<Vec<String>> = all.iter().map(|f| module_of(&root, f)).collect();
    let mut graph = BTreeMap::new();
    for file in &all {
        let from = module_of(&root, file);
        if from.last().is_some_and(|m| m == "testutil") || from.is_empty() {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        let is_mod_rs = file.file_name().is_some_and(|n| n == "mod.rs");
        let mut edges = BTreeMap::new();
        for path in paths(&code_of(&text)) {
            let Some(to) = target(&path, &from, is_mod_rs, &modules) else { continue };
            if to == from || to.starts_with(&from) {
                continue;
            }
            edges.entry(to).or_insert(path);
        }
        graph.insert(from, edges);
    }
    graph
}

#[test]
fn no_module_imports_from_a_higher_floor() {
    let graph = graph();
    assert!(graph.len() >= 50, "only {} modules read", graph.len());
    let mut upward = Vec::new();
    for (from, edges) in &graph {
        for (to, path) in edges {
            let (f, t) = (floor(from), floor(to));
            let same_top = from.first() == to.first();
            let up = if same_top { from.first().is_some_and(|m| m == "diagnose") && t.1 > f.1 } else { t.0 > f.0 };
            if up {
                upward.push(format!("{} uses {path}", from.join("::")));
            }
        }
    }
    assert!(upward.is_empty(), "upward imports:\n{}", upward.join("\n"));
}

#[test]
fn no_module_imports_itself_through_others() {
    let graph = graph();
    // Depth-first search for a back edge; the stack names the circle.
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>>,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<String>> {
        state.insert(node.clone(), 1);
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flat_map(BTreeMap::keys) {
            match state.get(next).copied().unwrap_or(0) {
                1 => {
                    let at = stack.iter().position(|m| m == next).unwrap_or(0);
                    return Some(stack[at..].iter().chain([next]).map(|m| m.join("::")).collect());
                }
                0 => {
                    if let Some(circle) = visit(next, graph, state, stack) {
                        return Some(circle);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node).copied().unwrap_or(0) == 0 {
            let circle = visit(node, &graph, &mut state, &mut Vec::new());
            assert!(circle.is_none(), "import circle: {}", circle.unwrap_or_default().join(" -> "));
        }
    }
}

/// Private key material (`keys/private.rs`) is read only where keys are read and where tokens are signed: never by
/// verification, diagnosis, the other entry points or the binding.
#[test]
fn only_signing_reads_private_keys() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&root, &mut all);
    let mut readers = Vec::new();
    for file in &all {
        let module = module_of(&root, file);
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        if ["private_part", "PrivatePart", "PrivateKey", "keys::private"].iter().any(|name| code.contains(name)) {
            readers.push(module.join("::"));
        }
    }
    readers.sort();
    assert_eq!(
        readers,
        [
            "jwe",
            "jwe::encrypt",
            "jwe::unwrap",
            "keys",
            "keys::der",
            "keys::jwk",
            "keys::material",
            "keys::private",
            "sign",
            "sign::export",
            "sign::generate",
            "sign::jwa",
            "sign::proofs"
        ]
    );
}

/// Signing and verification sit side by side on floor 5 and share nothing but what is below them.
#[test]
fn signing_and_verification_stand_apart() {
    let graph = graph();
    let apart = |from: &str, to: &str| {
        graph
            .iter()
            .filter(|(m, _)| m.first().is_some_and(|t| t == from))
            .all(|(_, edges)| edges.keys().all(|target| target.first().is_none_or(|t| t != to)))
    };
    assert!(graph.keys().any(|m| m.first().is_some_and(|t| t == "sign")), "no sign module read");
    assert!(apart("sign", "verify") && apart("verify", "sign"));
    // Decryption (feature `jwe`) stands beside both.
    assert!(apart("jwe", "verify") && apart("jwe", "sign") && apart("verify", "jwe") && apart("sign", "jwe"));
}

/// The test can fail: a path that goes up is seen.
#[test]
fn an_upward_path_is_detected() {
    let modules: BTreeSet<Vec<String>> =
        [vec!["verify".to_owned()], vec!["diagnose".to_owned()], vec!["diagnose".to_owned(), "model".to_owned()]]
            .into_iter()
            .collect();
    let to = target("crate::diagnose::model::TokenUse", &["verify".to_owned()], false, &modules).unwrap();
    assert_eq!(to, ["diagnose", "model"]);
    assert!(floor(&to).0 > floor(&["verify".to_owned()]).0);
    let mut out = Vec::new();
    expand("", "super::{model::{A,B},options::C}", &mut out);
    assert_eq!(out, ["super::model::A", "super::model::B", "super::options::C"]);
}
