//! Istio 1.30's supported Kubernetes versions: the precheck that `install` and
//! `manifest generate --cluster-specific` run on the cluster's `/version`.

/// The oldest Kubernetes minor version Istio 1.30 supports (istioctl's `MinK8SVersion`).
pub const MIN_KUBERNETES_MINOR: u32 = 32;

/// The minor version of a `v1.35.4`-style server version (`v1.33.1-gke.100` too).
pub fn minor_version(git_version: &str) -> Option<u32> {
    git_version
        .trim_start_matches('v')
        .split('.')
        .nth(1)?
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()
}

/// The one-line problem with a server version Istio does not support, if it is one.
pub fn unsupported(git_version: &str) -> Option<String> {
    let minor = minor_version(git_version)?;
    (minor < MIN_KUBERNETES_MINOR).then(|| {
        format!(
            "the Kubernetes version {git_version} is not supported by Istio {}; the minimum supported Kubernetes version is 1.{MIN_KUBERNETES_MINOR}",
            crate::ISTIO_VERSION
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minor_versions_are_read_from_git_versions() {
        assert_eq!(minor_version("v1.35.4"), Some(35));
        assert_eq!(minor_version("v1.29.1-gke.100"), Some(29));
        assert_eq!(minor_version("v1.33+"), Some(33));
        assert_eq!(minor_version("garbage"), None);
    }

    #[test]
    fn servers_older_than_istios_minimum_are_named() {
        assert_eq!(unsupported("v1.32.0"), None);
        assert_eq!(unsupported("v1.35.4"), None);
        let message = unsupported("v1.31.9").expect("1.31 is too old");
        assert!(
            message.contains("v1.31.9") && message.contains("1.32"),
            "{message}"
        );
        assert_eq!(unsupported("unknown"), None);
    }
}
