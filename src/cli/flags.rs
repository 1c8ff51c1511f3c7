//! Typed flag values shared by the commands: output formats, message levels and
//! durations, parsed by clap (a bad value is a usage error, exit 64, naming the flag and
//! the values it takes).

use std::time::Duration;

use crate::analyze::Level;

/// `analyze -o`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AnalyzeFormat {
    Log,
    Json,
    Yaml,
    Sarif,
}

/// `profile dump -o`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProfileFormat {
    Yaml,
    Json,
    Flags,
}

/// `version -o`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VersionFormat {
    Yaml,
    Json,
}

/// A message level as istioctl's threshold flags take it (case-insensitive; `warn` too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LevelFlag {
    Info,
    #[value(alias = "warn")]
    Warning,
    Error,
}

impl From<LevelFlag> for Level {
    fn from(flag: LevelFlag) -> Level {
        match flag {
            LevelFlag::Info => Level::Info,
            LevelFlag::Warning => Level::Warning,
            LevelFlag::Error => Level::Error,
        }
    }
}

/// A Go duration (`300ms`, `30s`, `1m30s`, `0`), not negative: every duration flag.
pub fn duration(text: &str) -> Result<Duration, String> {
    crate::model::validate::parse_duration_ms(text)
        .filter(|ms| *ms >= 0.0)
        .map(|ms| Duration::from_millis(ms as u64))
        .ok_or_else(|| "expected a duration such as 30s, 5m or 1m30s".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_as_go_writes_them() {
        assert_eq!(duration("1m30s"), Ok(Duration::from_secs(90)));
        assert_eq!(duration("0"), Ok(Duration::ZERO));
        assert_eq!(duration("250ms"), Ok(Duration::from_millis(250)));
        assert!(duration("-1s").is_err());
        assert!(duration("30").is_err());
        assert!(duration("soon").is_err());
    }
}
