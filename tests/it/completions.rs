//! The committed completion scripts under completions/ must match what the CLI generates.
//! Regenerate with: SKIFF_UPDATE_COMPLETIONS=1 cargo test --test it completions

use std::path::PathBuf;

use clap_complete::Shell;

#[test]
fn committed_completions_are_current() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("SKIFF_UPDATE_COMPLETIONS").is_some();
    let shells = [
        (Shell::Bash, "skiff.bash"),
        (Shell::Zsh, "_skiff"),
        (Shell::Fish, "skiff.fish"),
        (Shell::PowerShell, "_skiff.ps1"),
        (Shell::Elvish, "skiff.elv"),
    ];
    let mut stale = Vec::new();
    for (shell, file) in shells {
        let want = skiff::cli::completion_script(shell);
        let path = dir.join(file);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &want).unwrap();
            continue;
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        if have != want {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale completions {stale:?}: run SKIFF_UPDATE_COMPLETIONS=1 cargo test --test it completions"
    );
}
