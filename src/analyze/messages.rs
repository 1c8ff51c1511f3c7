//! The message catalog: every IST code istioctl's analyzers can report, in code order
//! (codes are never reused), with its name, level and message template (Go verbs `%s`,
//! `%q`, `%v`, `%d`, filled by `format_template`).

/// Severity of a message; ordered so that `Error > Warning > Info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "Info",
            Level::Warning => "Warning",
            Level::Error => "Error",
        }
    }

    /// Parses a level name as istioctl's flags accept it (case-insensitive).
    pub fn parse(s: &str) -> Option<Level> {
        match s.to_ascii_lowercase().as_str() {
            "info" => Some(Level::Info),
            "warning" | "warn" => Some(Level::Warning),
            "error" => Some(Level::Error),
            _ => None,
        }
    }
}

/// One entry of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageType {
    pub code: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub template: &'static str,
}

/// Every message type, in code order.
pub static CATALOG: &[MessageType] = &[
    MessageType { code: "IST0001", name: "InternalError", level: Level::Error, template: "Internal error: %v" },
    MessageType { code: "IST0002", name: "Deprecated", level: Level::Warning, template: "Deprecated: %s" },
    MessageType { code: "IST0101", name: "ReferencedResourceNotFound", level: Level::Error, template: "Referenced %s not found: %q" },
    MessageType { code: "IST0102", name: "NamespaceNotInjected", level: Level::Info, template: "The namespace is not enabled for Istio injection. Run 'kubectl label namespace %s istio-injection=enabled' to enable it, or 'kubectl label namespace %s istio-injection=disabled' to explicitly mark it as not needing injection." },
    MessageType { code: "IST0103", name: "PodMissingProxy", level: Level::Warning, template: "The pod %s is missing the Istio proxy. This can often be resolved by restarting or redeploying the workload." },
    MessageType { code: "IST0106", name: "SchemaValidationError", level: Level::Error, template: "Schema validation error: %v" },
    MessageType { code: "IST0107", name: "MisplacedAnnotation", level: Level::Warning, template: "Misplaced annotation: %s can only be applied to %s" },
    MessageType { code: "IST0108", name: "UnknownAnnotation", level: Level::Warning, template: "Unknown annotation: %s" },
    MessageType { code: "IST0109", name: "ConflictingMeshGatewayVirtualServiceHosts", level: Level::Error, template: "The VirtualServices %s associated with mesh gateway define the same host %s which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource." },
    MessageType { code: "IST0110", name: "ConflictingSidecarWorkloadSelectors", level: Level::Error, template: "The Sidecars %v in namespace %q select the same workload pod %q, which can lead to undefined behavior." },
    MessageType { code: "IST0111", name: "MultipleSidecarsWithoutWorkloadSelectors", level: Level::Error, template: "The Sidecars %v in namespace %q have no workload selector, which can lead to undefined behavior." },
    MessageType { code: "IST0112", name: "VirtualServiceDestinationPortSelectorRequired", level: Level::Error, template: "This VirtualService routes to a service %q that exposes multiple ports %v. Specifying a port in the destination is required to disambiguate." },
    MessageType { code: "IST0116", name: "DeploymentAssociatedToMultipleServices", level: Level::Warning, template: "This deployment %s is associated with multiple services using port %d but different protocols: %v" },
    MessageType { code: "IST0118", name: "PortNameIsNotUnderNamingConvention", level: Level::Info, template: "Port name %s (port: %d, targetPort: %s) doesn't follow the naming convention of Istio port." },
    MessageType { code: "IST0123", name: "NamespaceMultipleInjectionLabels", level: Level::Warning, template: "The namespace has more than one type of injection labels %v, which may lead to undefined behavior. Make sure only one injection label exists." },
    MessageType { code: "IST0125", name: "InvalidAnnotation", level: Level::Warning, template: "Invalid annotation %s: %s" },
    MessageType { code: "IST0126", name: "UnknownMeshNetworksServiceRegistry", level: Level::Error, template: "Unknown service registry %s in network %s" },
    MessageType { code: "IST0127", name: "NoMatchingWorkloadsFound", level: Level::Warning, template: "No matching workloads for this resource with the following labels: %s" },
    MessageType { code: "IST0128", name: "NoServerCertificateVerificationDestinationLevel", level: Level::Warning, template: "DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to validate server identity for host: %s" },
    MessageType { code: "IST0129", name: "NoServerCertificateVerificationPortLevel", level: Level::Warning, template: "DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to validate server identity for host: %s at port %s" },
    MessageType { code: "IST0130", name: "VirtualServiceUnreachableRule", level: Level::Warning, template: "VirtualService rule %v not used (%s)." },
    MessageType { code: "IST0131", name: "VirtualServiceIneffectiveMatch", level: Level::Info, template: "VirtualService rule %v match %v is not used (duplicate/overlapping match in rule %v)." },
    MessageType { code: "IST0132", name: "VirtualServiceHostNotFoundInGateway", level: Level::Warning, template: "one or more host %v defined in VirtualService %s not found in Gateway %s." },
    MessageType { code: "IST0133", name: "SchemaWarning", level: Level::Warning, template: "Schema validation warning: %v" },
    MessageType { code: "IST0134", name: "ServiceEntryAddressesRequired", level: Level::Warning, template: "ServiceEntry addresses are required for this protocol." },
    MessageType { code: "IST0135", name: "DeprecatedAnnotation", level: Level::Info, template: "Annotation %q has been deprecated%s and may not work in future Istio versions." },
    MessageType { code: "IST0136", name: "AlphaAnnotation", level: Level::Info, template: "Annotation %q is part of an alpha-phase feature and may be incompletely supported." },
    MessageType { code: "IST0137", name: "DeploymentConflictingPorts", level: Level::Warning, template: "This deployment %s is associated with multiple services %v using targetPort %q but different ports: %v." },
    MessageType { code: "IST0138", name: "GatewayDuplicateCertificate", level: Level::Warning, template: "Duplicate certificate in multiple gateways %v may cause 404s if clients re-use HTTP2 connections." },
    MessageType { code: "IST0139", name: "InvalidWebhook", level: Level::Error, template: "%v" },
    MessageType { code: "IST0140", name: "IngressRouteRulesNotAffected", level: Level::Warning, template: "Subset in virtual service %s has no effect on ingress gateway %s requests" },
    MessageType { code: "IST0141", name: "InsufficientPermissions", level: Level::Error, template: "Missing required permission to create resource %v (%v)" },
    MessageType { code: "IST0142", name: "UnsupportedKubernetesVersion", level: Level::Error, template: "The Kubernetes Version %q is lower than the minimum version: %v" },
    MessageType { code: "IST0143", name: "LocalhostListener", level: Level::Error, template: "Port %v is exposed in a Service but listens on localhost. It will not be exposed to other pods." },
    MessageType { code: "IST0144", name: "InvalidApplicationUID", level: Level::Warning, template: "User ID (UID) 1337 is reserved for the sidecar proxy." },
    MessageType { code: "IST0145", name: "ConflictingGateways", level: Level::Error, template: "Conflict with gateways %s (workload selector %s, port %s, hosts %v)." },
    MessageType { code: "IST0146", name: "ImageAutoWithoutInjectionWarning", level: Level::Warning, template: "%s %s contains `image: auto` but does not match any Istio injection webhook selectors." },
    MessageType { code: "IST0147", name: "ImageAutoWithoutInjectionError", level: Level::Error, template: "%s %s contains `image: auto` but does not match any Istio injection webhook selectors." },
    MessageType { code: "IST0148", name: "NamespaceInjectionEnabledByDefault", level: Level::Info, template: "is enabled for Istio injection, as Istio is installed with enableNamespacesByDefault as true." },
    MessageType { code: "IST0149", name: "JwtClaimBasedRoutingWithoutRequestAuthN", level: Level::Error, template: "The virtual service uses the JWT claim based routing (key: %s) but found no request authentication for the gateway (%s) pod (%s). The request authentication must first be applied for the gateway pods to validate the JWT token and make the claims available for routing." },
    MessageType { code: "IST0150", name: "ExternalNameServiceTypeInvalidPortName", level: Level::Warning, template: "Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly" },
    MessageType { code: "IST0151", name: "EnvoyFilterUsesRelativeOperation", level: Level::Warning, template: "This EnvoyFilter does not have a priority and has a relative patch operation set which can cause the EnvoyFilter not to be applied. Using the INSERT_FIRST of ADD option or setting the priority may help in ensuring the EnvoyFilter is applied correctly." },
    MessageType { code: "IST0152", name: "EnvoyFilterUsesReplaceOperationIncorrectly", level: Level::Error, template: "The REPLACE operation is only valid for HTTP_FILTER and NETWORK_FILTER." },
    MessageType { code: "IST0153", name: "EnvoyFilterUsesAddOperationIncorrectly", level: Level::Error, template: "The ADD operation will be ignored when applyTo is set to ROUTE_CONFIGURATION, or HTTP_ROUTE." },
    MessageType { code: "IST0154", name: "EnvoyFilterUsesRemoveOperationIncorrectly", level: Level::Error, template: "The REMOVE operation will be ignored when applyTo is set to ROUTE_CONFIGURATION, or HTTP_ROUTE." },
    MessageType { code: "IST0155", name: "EnvoyFilterUsesRelativeOperationWithProxyVersion", level: Level::Warning, template: "This EnvoyFilter does not have a priority and has a relative patch operation (NSTERT_BEFORE/AFTER, REPLACE, MERGE, DELETE) and proxyVersion set which can cause the EnvoyFilter not to be applied during an upgrade. Using the INSERT_FIRST or ADD option or setting the priority may help in ensuring the EnvoyFilter is applied correctly." },
    MessageType { code: "IST0156", name: "UnsupportedGatewayAPIVersion", level: Level::Error, template: "The Gateway API CRD version %v is lower than the minimum version: %v" },
    MessageType { code: "IST0157", name: "InvalidTelemetryProvider", level: Level::Warning, template: "The Telemetry %v in namespace %q with empty providers will be ignored." },
    MessageType { code: "IST0158", name: "PodsIstioProxyImageMismatchInNamespace", level: Level::Warning, template: "The Istio proxy images of the pods running in the namespace do not match the image defined in the injection configuration (pod names: %v). This often happens after upgrading the Istio control-plane and can be fixed by redeploying the pods." },
    MessageType { code: "IST0159", name: "ConflictingTelemetryWorkloadSelectors", level: Level::Error, template: "The Telemetries %v in namespace %q select the same workload pod %q, which can lead to undefined behavior." },
    MessageType { code: "IST0160", name: "MultipleTelemetriesWithoutWorkloadSelectors", level: Level::Error, template: "The Telemetries %v in namespace %q have no workload selector, which can lead to undefined behavior." },
    MessageType { code: "IST0161", name: "InvalidGatewayCredential", level: Level::Error, template: "The credential referenced by the Gateway %s in namespace %s is invalid, which can cause the traffic not to work as expected." },
    MessageType { code: "IST0162", name: "GatewayPortNotDefinedOnService", level: Level::Warning, template: "The gateway is listening on a target port (port %d) that is not defined in the Service associated with its workload instances (Pod selector %s). If you need to access the gateway port through the gateway Service, it will not be available." },
    MessageType { code: "IST0163", name: "InvalidExternalControlPlaneConfig", level: Level::Warning, template: "The hostname (%s) that was provided for the webhook (%s) to reach the ingress gateway on the external control plane cluster %s. Traffic may not flow properly." },
    MessageType { code: "IST0164", name: "ExternalControlPlaneAddressIsNotAHostname", level: Level::Info, template: "The address (%s) that was provided for the webhook (%s) to reach the ingress gateway on the external control plane cluster is an IP address. This is not recommended for a production environment." },
    MessageType { code: "IST0165", name: "ReferencedInternalGateway", level: Level::Warning, template: "Gateway reference in VirtualService %s is to an implementation-generated internal Gateway: %s." },
    MessageType { code: "IST0166", name: "IneffectiveSelector", level: Level::Warning, template: "Ineffective selector on Kubernetes Gateway %s. Use the TargetRef field instead." },
    MessageType { code: "IST0167", name: "IneffectivePolicy", level: Level::Warning, template: "The policy has no impact: %s." },
    MessageType { code: "IST0168", name: "UnknownUpgradeCompatibility", level: Level::Warning, template: "The configuration %q changed in release %s, but compatibility cannot be automatically detected: %s. Or, install with `--set compatibilityVersion=%s` to retain the old default." },
    MessageType { code: "IST0169", name: "UpdateIncompatibility", level: Level::Warning, template: "The configuration %q changed in release %s: %s. Or, install with `--set compatibilityVersion=%s` to retain the old default." },
    MessageType { code: "IST0170", name: "MultiClusterInconsistentService", level: Level::Warning, template: "The service %v in namespace %q is inconsistent across clusters %q, which can lead to undefined behaviors. The inconsistent behaviors are: %v." },
    MessageType { code: "IST0171", name: "NegativeConditionStatus", level: Level::Warning, template: "A condition with a negative status is present: type=%s, reason=%s, message=%s." },
    MessageType { code: "IST0172", name: "FutureUnsupportedGatewayAPIVersion", level: Level::Warning, template: "The Gateway API CRD version %v is lower than the minimum version: %v" },
    MessageType { code: "IST0173", name: "DestinationRuleSubsetNotSelectPods", level: Level::Error, template: "The Subset %s defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream)." },
    MessageType { code: "IST0174", name: "UnknownDestinationRuleHost", level: Level::Warning, template: "The host %s defined in the DestinationRule does not match any services in the mesh." },
    MessageType { code: "IST0175", name: "JwksUriFetchUnrestricted", level: Level::Warning, template: "BLOCKED_CIDRS_IN_JWKS_URIS is not configured but %d RequestAuthentication resource(s) exist (%s). Consider configuring it to restrict JWKS URI fetches to trusted networks." },
    MessageType { code: "IST0176", name: "GatewayAPICRDVersionBelowMinimum", level: Level::Warning, template: "Gateway API CRD %q is at version %q but Istio requires at least %q; resources of this kind will not be processed. Upgrade the Gateway API CRDs to satisfy the minimum version." },
    MessageType { code: "IST0177", name: "ConflictingServiceEntryProtocol", level: Level::Warning, template: "Multiple ServiceEntries (%s) define the same host %q and port %d with conflicting protocols (%s)." },
];

/// The message type of a code.
pub fn by_code(code: &str) -> Option<&'static MessageType> {
    CATALOG.iter().find(|m| m.code == code)
}

/// An argument of a message template.
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    List(Vec<String>),
    Int(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Str(s.clone())
    }
}

impl From<Vec<String>> for Arg {
    fn from(v: Vec<String>) -> Self {
        Arg::List(v)
    }
}

impl From<i64> for Arg {
    fn from(v: i64) -> Self {
        Arg::Int(v)
    }
}

/// Fills a Go-style template: `%s` and `%v` print the value (a list as `[a b]`), `%q`
/// quotes it, `%d` prints an integer, `%%` is a percent sign.
pub fn format_template(template: &str, args: &[Arg]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut args = args.iter();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('%') => out.push('%'),
            Some(verb) => {
                let arg = args.next();
                match (verb, arg) {
                    ('q', Some(Arg::Str(s))) => out.push_str(&go_quote(s)),
                    ('q', Some(Arg::List(l))) => {
                        out.push('[');
                        out.push_str(&l.iter().map(|s| go_quote(s)).collect::<Vec<_>>().join(" "));
                        out.push(']');
                    }
                    (_, Some(Arg::Str(s))) => out.push_str(s),
                    (_, Some(Arg::List(l))) => {
                        out.push('[');
                        out.push_str(&l.join(" "));
                        out.push(']');
                    }
                    (_, Some(Arg::Int(i))) => out.push_str(&i.to_string()),
                    (v, None) => {
                        out.push_str("%!");
                        out.push(v);
                        out.push_str("(MISSING)");
                    }
                }
            }
            None => out.push('%'),
        }
    }
    out
}

fn go_quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_is_in_code_order_without_duplicates() {
        for pair in CATALOG.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} !< {}",
                pair[0].code,
                pair[1].code
            );
        }
        assert_eq!(CATALOG.len(), 68);
        for m in CATALOG {
            assert!(m.code.starts_with("IST") && m.code.len() == 7, "{}", m.code);
        }
    }

    #[test]
    fn templates_fill_like_go() {
        let t = by_code("IST0101").unwrap().template;
        assert_eq!(
            format_template(t, &["gateway".into(), "a/b".into()]),
            "Referenced gateway not found: \"a/b\""
        );
        assert_eq!(
            format_template(
                "%v and %d%%",
                &[Arg::List(vec!["a".into(), "b".into()]), Arg::Int(5)]
            ),
            "[a b] and 5%"
        );
    }
}
