//! docs/analyzers.md, generated from the analyzer registry and the message catalog (a
//! test keeps the committed file current, like the completions).

use super::messages::CATALOG;
use super::registry;

/// The reference page: every analyzer (name, what it checks, what it reads, what it
/// reports), then every message type and the analyzers that report it.
pub fn markdown() -> String {
    let mut out = String::from(
        "# Analyzers and messages\n\n\
         Generated from skiff's analyzer registry (`src/analyze/analyzers`) and message \
         catalog (`src/analyze/messages.rs`); do not edit. Regenerate with \
         `SKIFF_UPDATE_DOCS=1 cargo test --test it docs`.\n\n\
         ## Analyzers\n\n\
         | Analyzer | Checks | Reads | Reports |\n|---|---|---|---|\n",
    );
    for a in registry() {
        let codes: Vec<&str> = a.codes.iter().map(|m| m.code).collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            a.name,
            cell(a.doc),
            a.inputs.join(", "),
            codes.join(", ")
        ));
    }
    out.push_str(
        "\n## Messages\n\n\
         `skiff analyze explain CODE` prints one of these.\n\n\
         | Code | Name | Level | Message | Reported by |\n|---|---|---|---|---|\n",
    );
    for m in CATALOG {
        let by: Vec<String> = registry()
            .iter()
            .filter(|a| a.codes.iter().any(|c| c.code == m.code))
            .map(|a| format!("`{}`", a.name))
            .collect();
        let by = if by.is_empty() {
            "not reported by skiff yet".to_string()
        } else {
            by.join(", ")
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            m.code,
            m.name,
            m.level.as_str(),
            cell(m.template),
            by
        ));
    }
    out
}

/// Text made safe for a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
