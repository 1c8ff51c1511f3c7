//! skiff's reading of Go's regular-expression syntax (`model::go_regexp`, used wherever
//! istiod compiles a user's regex) against Go's own `regexp.Compile`: seeded random
//! patterns built from the pieces RE2's grammar treats specially, each answered by both,
//! must get the same verdict and the same error text.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use skiff::model::go_regexp::syntax_error;

/// Pieces a pattern is assembled from: literals, operators, groups and flags, classes,
/// escapes (valid and not), Unicode and POSIX class names, counted repetitions.
const PIECES: &[&str] = &[
    "a",
    "b",
    "Z",
    "0",
    "9",
    "_",
    "-",
    ".",
    "^",
    "$",
    "|",
    "(",
    ")",
    "(?:",
    "(?i)",
    "(?i-s:",
    "(?-)",
    "(?x)",
    "(?P<n>",
    "(?<n>",
    "(?P<>",
    "(?P=n)",
    "(?'n'",
    "(?",
    "*",
    "+",
    "?",
    "*?",
    "{",
    "}",
    ",",
    "{2}",
    "{0}",
    "{1,}",
    "{2,3}",
    "{3,2}",
    "{1000}",
    "{1001}",
    "{01}",
    "{,4}",
    "{10}",
    "{100}",
    "[",
    "]",
    "[^",
    "[]",
    "[a-z]",
    "[z-a]",
    "[:alpha:]",
    "[[:alpha:]]",
    "[[:nope:]]",
    "[^[:^digit:]]",
    "[\\d-z]",
    "[a-\\d]",
    "\\",
    "\\\\",
    "\\d",
    "\\W",
    "\\b",
    "\\B",
    "\\A",
    "\\z",
    "\\Z",
    "\\C",
    "\\Q",
    "\\E",
    "\\Qa*\\E",
    "\\pL",
    "\\PN",
    "\\p{Greek}",
    "\\p{^Latin}",
    "\\p{Old_Italic}",
    "\\p{greek}",
    "\\p{Lu}",
    "\\p{Nope}",
    "\\p{",
    "\\p",
    "\\x41",
    "\\x4",
    "\\xZZ",
    "\\x{10FFFF}",
    "\\x{110000}",
    "\\x{}",
    "\\x{4g}",
    "\\0",
    "\\012",
    "\\1",
    "\\8",
    "\\n",
    "\\t",
    "\\e",
    "\\_",
    "\\-",
    "\\.",
    "\\<",
    "é",
    "[é-a]",
    "\\é",
];

/// A small deterministic generator (a linear congruential sequence).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn patterns(count: usize, seed: u64) -> Vec<String> {
    let mut rng = Lcg(seed);
    (0..count)
        .map(|_| {
            let len = 1 + rng.below(7);
            (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect()
        })
        .collect()
}

/// Go's answers: `ok`, or the Go-quoted error text, one line per pattern.
fn go_answers(patterns: &[String]) -> Vec<Option<String>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/goregexp");
    let bin = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("goregexp");
    let built = Command::new("go")
        .args(["build", "-o"])
        .arg(&bin)
        .arg(".")
        .current_dir(&dir)
        .env("GOFLAGS", "-mod=mod")
        .status()
        .expect("`go` not found: ./scripts/test provides Go");
    assert!(built.success(), "building tests/goregexp failed");
    let mut child = Command::new(&bin)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let input: String = patterns
        .iter()
        .map(|p| format!("{}\n", go_quote(p)))
        .collect();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| (line != "ok").then(|| serde_json::from_str::<String>(line).unwrap()))
        .collect()
}

/// A Go string literal for `s` (JSON's escapes are a subset Go reads).
fn go_quote(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

#[test]
#[ignore = "needs Go (./scripts/test provides it)"]
fn random_patterns_get_gos_own_answers() {
    let patterns = patterns(20_000, 20261201);
    let go = go_answers(&patterns);
    assert_eq!(go.len(), patterns.len());
    let differences: Vec<String> = patterns
        .iter()
        .zip(&go)
        .filter_map(|(pattern, theirs)| {
            let ours = syntax_error(pattern);
            (&ours != theirs)
                .then(|| format!("{pattern:?}\n  go:    {theirs:?}\n  skiff: {ours:?}"))
        })
        .collect();
    let refused = go.iter().filter(|a| a.is_some()).count();
    assert!(
        refused > 1000 && refused < patterns.len() - 1000,
        "the generator should give both verdicts often (refused {refused})"
    );
    assert!(
        differences.is_empty(),
        "{} of {} patterns differ:\n{}",
        differences.len(),
        patterns.len(),
        differences
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
