//! What `install` and `manifest generate --cluster-specific` take from the cluster's
//! `/version`: Istio 1.30's supported-version precheck, and istioctl's detected settings.

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

/// Settings istioctl detects from the server version, as `PATH=VALUE`: on GKE (`-gke` in the
/// version) CNI goes to `kube-system` with the `gke` platform and no resource quota.
/// `AUTO_GKE_DETECTION=false` turns the detection off, as for istioctl.
pub fn detected_settings(git_version: &str) -> Vec<String> {
    let detection_on = std::env::var("AUTO_GKE_DETECTION")
        .map(|v| !v.eq_ignore_ascii_case("false") && v != "0")
        .unwrap_or(true);
    if !detection_on || !git_version.contains("-gke") {
        return Vec::new();
    }
    [
        "components.cni.namespace=kube-system",
        "values.global.platform=gke",
        "values.cni.resourceQuotas.enabled=false",
    ]
    .map(String::from)
    .to_vec()
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

    #[test]
    fn gke_servers_move_cni_to_kube_system() {
        assert!(detected_settings("v1.35.4").is_empty());
        let gke = detected_settings("v1.33.5-gke.1201000");
        assert!(
            gke.contains(&"values.global.platform=gke".to_string()),
            "{gke:?}"
        );
    }
}
