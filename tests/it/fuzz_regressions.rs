//! Replays every input the fuzzers once crashed on (`fuzz/regressions/<target>/`) through
//! the same entry point as its fuzz target: none may panic again.

use std::path::Path;

#[test]
fn every_saved_fuzz_crash_stays_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut replayed = 0;
    for (target, entry) in skiff::fuzzing::TARGETS {
        let Ok(files) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for file in files.flatten() {
            let data = std::fs::read(file.path()).expect("readable regression input");
            entry(&data);
            replayed += 1;
        }
    }
    // The directory is committed with at least one input per class the fuzzers found.
    assert!(
        replayed > 0,
        "no regression inputs under {}",
        root.display()
    );
}

#[test]
fn every_fuzz_target_has_an_entry_point() {
    let targets = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/fuzz_targets");
    for file in std::fs::read_dir(targets).unwrap().flatten() {
        let name = file
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        let source = std::fs::read_to_string(file.path()).unwrap();
        let (_, entry) = skiff::fuzzing::TARGETS
            .iter()
            .find(|(t, _)| *t == name)
            .unwrap_or_else(|| panic!("fuzz target {name} is not in skiff::fuzzing::TARGETS"));
        let _ = entry;
        assert!(
            source.contains("skiff::fuzzing::"),
            "{name} calls its entry point"
        );
    }
}
