//! The layering rule of `src/lib.rs`: every `crate::<module>` path in a module's files must
//! be one its layer may import (`skiff::LAYERS`); `cli` and `exit` may import anything.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The top-level modules each file under `src/` imports through `crate::` paths,
/// including grouped imports (`use crate::{a, b::c}`).
fn crate_imports(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in text.match_indices("crate::") {
        let before = text[..at].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue; // e.g. `skiff_crate::` or `$crate::`
        }
        let rest = &text[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            for item in group.split(',') {
                found.extend(first_segment(item.trim()));
            }
        } else {
            found.extend(first_segment(rest));
        }
    }
    found
}

fn first_segment(path: &str) -> Option<String> {
    let name: String = path
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    // Items of the crate root (constants such as `ISTIO_VERSION`) belong to no layer.
    name.starts_with(|c: char| c.is_ascii_lowercase())
        .then_some(name)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file under `src/` belongs to (`src/a/b.rs` and `src/a.rs` → `a`).
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    first.to_string_lossy().trim_end_matches(".rs").to_string()
}

#[test]
fn imports_follow_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let unrestricted = ["cli", "exit", "main", "lib"];
    let mut violations = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        if unrestricted.contains(&module.as_str()) {
            continue;
        }
        let Some((_, allowed)) = skiff::LAYERS.iter().find(|(m, _)| *m == module) else {
            violations.push(format!(
                "{}: module `{module}` has no layer in skiff::LAYERS",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for import in crate_imports(&text) {
            if import != module && !allowed.contains(&import.as_str()) {
                violations.push(format!(
                    "{}: `{module}` imports crate::{import}",
                    file.display()
                ));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "imports against the layers:\n{}",
        violations.join("\n")
    );
}

#[test]
fn every_top_level_module_has_a_layer() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).unwrap();
    for line in lib.lines() {
        if let Some(name) = line
            .strip_prefix("pub mod ")
            .and_then(|l| l.strip_suffix(';'))
        {
            let listed = skiff::LAYERS.iter().any(|(m, _)| *m == name);
            assert!(
                listed || ["cli", "exit"].contains(&name),
                "`{name}` is missing from skiff::LAYERS"
            );
        }
    }
}

#[test]
fn the_import_scanner_sees_grouped_and_nested_paths() {
    let text = "use crate::{model::Resource, output};\nfn f() { crate::cli::run(); }\n// $crate::x";
    let found: Vec<String> = crate_imports(text).into_iter().collect();
    assert_eq!(found, ["cli", "model", "output"]);
}

/// The sibling modules a file names through `super::<name>`.
fn sibling_imports(text: &str) -> BTreeSet<String> {
    text.match_indices("super::")
        .filter_map(|(at, _)| first_segment(&text[at + "super::".len()..]))
        .collect()
}

#[test]
fn no_two_sibling_modules_import_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut edges = BTreeSet::new();
    for file in &files {
        let (Some(dir), Some(stem)) = (file.parent(), file.file_stem()) else {
            continue;
        };
        let stem = stem.to_string_lossy().to_string();
        if stem == "mod" {
            continue;
        }
        for sibling in sibling_imports(&std::fs::read_to_string(file).unwrap()) {
            edges.insert((dir.to_path_buf(), stem.clone(), sibling));
        }
    }
    let cycles: Vec<String> = edges
        .iter()
        .filter(|(dir, a, b)| a < b && edges.contains(&(dir.clone(), b.clone(), a.clone())))
        .map(|(dir, a, b)| format!("{}: {a} <-> {b}", dir.display()))
        .collect();
    assert!(
        cycles.is_empty(),
        "modules importing each other:\n{}",
        cycles.join("\n")
    );
}
