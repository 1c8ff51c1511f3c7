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
}

/// One entry of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MessageType {
    pub code: &'static str,
    pub name: &'static str,
    pub level: Level,
    pub template: &'static str,
}

/// Declares each message type as a constant named after it (so a misspelt message does
/// not compile) and the catalog of them all, in code order.
macro_rules! catalog {
    ($($constant:ident = $code:literal $name:literal $level:ident $template:literal;)*) => {
        $(
            #[doc = concat!("`", $code, "` ", $name, ": ", $template)]
            pub static $constant: MessageType = MessageType {
                code: $code,
                name: $name,
                level: Level::$level,
                template: $template,
            };
        )*
        /// Every message type, in code order.
        pub static CATALOG: &[&MessageType] = &[$(&$constant),*];
    };
}

#[rustfmt::skip]
catalog! {
    INTERNAL_ERROR = "IST0001" "InternalError" Error
        "Internal error: %v";
    DEPRECATED = "IST0002" "Deprecated" Warning
        "Deprecated: %s";
    REFERENCED_RESOURCE_NOT_FOUND = "IST0101" "ReferencedResourceNotFound" Error
        "Referenced %s not found: %q";
    NAMESPACE_NOT_INJECTED = "IST0102" "NamespaceNotInjected" Info
        "The namespace is not enabled for Istio injection. Run 'kubectl label namespace %s istio-injection=enabled' to enable it, or 'kubectl label namespace %s istio-injection=disabled' to explicitly mark it as not needing injection.";
    POD_MISSING_PROXY = "IST0103" "PodMissingProxy" Warning
        "The pod %s is missing the Istio proxy. This can often be resolved by restarting or redeploying the workload.";
    SCHEMA_VALIDATION_ERROR = "IST0106" "SchemaValidationError" Error
        "Schema validation error: %v";
    MISPLACED_ANNOTATION = "IST0107" "MisplacedAnnotation" Warning
        "Misplaced annotation: %s can only be applied to %s";
    UNKNOWN_ANNOTATION = "IST0108" "UnknownAnnotation" Warning
        "Unknown annotation: %s";
    CONFLICTING_MESH_GATEWAY_VIRTUAL_SERVICE_HOSTS = "IST0109" "ConflictingMeshGatewayVirtualServiceHosts" Error
        "The VirtualServices %s associated with mesh gateway define the same host %s which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource.";
    CONFLICTING_SIDECAR_WORKLOAD_SELECTORS = "IST0110" "ConflictingSidecarWorkloadSelectors" Error
        "The Sidecars %v in namespace %q select the same workload pod %q, which can lead to undefined behavior.";
    MULTIPLE_SIDECARS_WITHOUT_WORKLOAD_SELECTORS = "IST0111" "MultipleSidecarsWithoutWorkloadSelectors" Error
        "The Sidecars %v in namespace %q have no workload selector, which can lead to undefined behavior.";
    VIRTUAL_SERVICE_DESTINATION_PORT_SELECTOR_REQUIRED = "IST0112" "VirtualServiceDestinationPortSelectorRequired" Error
        "This VirtualService routes to a service %q that exposes multiple ports %v. Specifying a port in the destination is required to disambiguate.";
    DEPLOYMENT_ASSOCIATED_TO_MULTIPLE_SERVICES = "IST0116" "DeploymentAssociatedToMultipleServices" Warning
        "This deployment %s is associated with multiple services using port %d but different protocols: %v";
    PORT_NAME_IS_NOT_UNDER_NAMING_CONVENTION = "IST0118" "PortNameIsNotUnderNamingConvention" Info
        "Port name %s (port: %d, targetPort: %s) doesn't follow the naming convention of Istio port.";
    NAMESPACE_MULTIPLE_INJECTION_LABELS = "IST0123" "NamespaceMultipleInjectionLabels" Warning
        "The namespace has more than one type of injection labels %v, which may lead to undefined behavior. Make sure only one injection label exists.";
    INVALID_ANNOTATION = "IST0125" "InvalidAnnotation" Warning
        "Invalid annotation %s: %s";
    UNKNOWN_MESH_NETWORKS_SERVICE_REGISTRY = "IST0126" "UnknownMeshNetworksServiceRegistry" Error
        "Unknown service registry %s in network %s";
    NO_MATCHING_WORKLOADS_FOUND = "IST0127" "NoMatchingWorkloadsFound" Warning
        "No matching workloads for this resource with the following labels: %s";
    NO_SERVER_CERTIFICATE_VERIFICATION_DESTINATION_LEVEL = "IST0128" "NoServerCertificateVerificationDestinationLevel" Warning
        "DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to validate server identity for host: %s";
    NO_SERVER_CERTIFICATE_VERIFICATION_PORT_LEVEL = "IST0129" "NoServerCertificateVerificationPortLevel" Warning
        "DestinationRule %s in namespace %s has TLS mode set to %s but no caCertificates are set to validate server identity for host: %s at port %s";
    VIRTUAL_SERVICE_UNREACHABLE_RULE = "IST0130" "VirtualServiceUnreachableRule" Warning
        "VirtualService rule %v not used (%s).";
    VIRTUAL_SERVICE_INEFFECTIVE_MATCH = "IST0131" "VirtualServiceIneffectiveMatch" Info
        "VirtualService rule %v match %v is not used (duplicate/overlapping match in rule %v).";
    VIRTUAL_SERVICE_HOST_NOT_FOUND_IN_GATEWAY = "IST0132" "VirtualServiceHostNotFoundInGateway" Warning
        "one or more host %v defined in VirtualService %s not found in Gateway %s.";
    SCHEMA_WARNING = "IST0133" "SchemaWarning" Warning
        "Schema validation warning: %v";
    SERVICE_ENTRY_ADDRESSES_REQUIRED = "IST0134" "ServiceEntryAddressesRequired" Warning
        "ServiceEntry addresses are required for this protocol.";
    DEPRECATED_ANNOTATION = "IST0135" "DeprecatedAnnotation" Info
        "Annotation %q has been deprecated%s and may not work in future Istio versions.";
    ALPHA_ANNOTATION = "IST0136" "AlphaAnnotation" Info
        "Annotation %q is part of an alpha-phase feature and may be incompletely supported.";
    DEPLOYMENT_CONFLICTING_PORTS = "IST0137" "DeploymentConflictingPorts" Warning
        "This deployment %s is associated with multiple services %v using targetPort %q but different ports: %v.";
    GATEWAY_DUPLICATE_CERTIFICATE = "IST0138" "GatewayDuplicateCertificate" Warning
        "Duplicate certificate in multiple gateways %v may cause 404s if clients re-use HTTP2 connections.";
    INVALID_WEBHOOK = "IST0139" "InvalidWebhook" Error
        "%v";
    INGRESS_ROUTE_RULES_NOT_AFFECTED = "IST0140" "IngressRouteRulesNotAffected" Warning
        "Subset in virtual service %s has no effect on ingress gateway %s requests";
    INSUFFICIENT_PERMISSIONS = "IST0141" "InsufficientPermissions" Error
        "Missing required permission to create resource %v (%v)";
    UNSUPPORTED_KUBERNETES_VERSION = "IST0142" "UnsupportedKubernetesVersion" Error
        "The Kubernetes Version %q is lower than the minimum version: %v";
    LOCALHOST_LISTENER = "IST0143" "LocalhostListener" Error
        "Port %v is exposed in a Service but listens on localhost. It will not be exposed to other pods.";
    INVALID_APPLICATION_UID = "IST0144" "InvalidApplicationUID" Warning
        "User ID (UID) 1337 is reserved for the sidecar proxy.";
    CONFLICTING_GATEWAYS = "IST0145" "ConflictingGateways" Error
        "Conflict with gateways %s (workload selector %s, port %s, hosts %v).";
    IMAGE_AUTO_WITHOUT_INJECTION_WARNING = "IST0146" "ImageAutoWithoutInjectionWarning" Warning
        "%s %s contains `image: auto` but does not match any Istio injection webhook selectors.";
    IMAGE_AUTO_WITHOUT_INJECTION_ERROR = "IST0147" "ImageAutoWithoutInjectionError" Error
        "%s %s contains `image: auto` but does not match any Istio injection webhook selectors.";
    NAMESPACE_INJECTION_ENABLED_BY_DEFAULT = "IST0148" "NamespaceInjectionEnabledByDefault" Info
        "is enabled for Istio injection, as Istio is installed with enableNamespacesByDefault as true.";
    JWT_CLAIM_BASED_ROUTING_WITHOUT_REQUEST_AUTH_N = "IST0149" "JwtClaimBasedRoutingWithoutRequestAuthN" Error
        "The virtual service uses the JWT claim based routing (key: %s) but found no request authentication for the gateway (%s) pod (%s). The request authentication must first be applied for the gateway pods to validate the JWT token and make the claims available for routing.";
    EXTERNAL_NAME_SERVICE_TYPE_INVALID_PORT_NAME = "IST0150" "ExternalNameServiceTypeInvalidPortName" Warning
        "Port name for ExternalName service is invalid. Proxy may prevent tcp named ports and unmatched traffic for ports serving TCP protocol from being forwarded correctly";
    ENVOY_FILTER_USES_RELATIVE_OPERATION = "IST0151" "EnvoyFilterUsesRelativeOperation" Warning
        "This EnvoyFilter does not have a priority and has a relative patch operation set which can cause the EnvoyFilter not to be applied. Using the INSERT_FIRST of ADD option or setting the priority may help in ensuring the EnvoyFilter is applied correctly.";
    ENVOY_FILTER_USES_REPLACE_OPERATION_INCORRECTLY = "IST0152" "EnvoyFilterUsesReplaceOperationIncorrectly" Error
        "The REPLACE operation is only valid for HTTP_FILTER and NETWORK_FILTER.";
    ENVOY_FILTER_USES_ADD_OPERATION_INCORRECTLY = "IST0153" "EnvoyFilterUsesAddOperationIncorrectly" Error
        "The ADD operation will be ignored when applyTo is set to ROUTE_CONFIGURATION, or HTTP_ROUTE.";
    ENVOY_FILTER_USES_REMOVE_OPERATION_INCORRECTLY = "IST0154" "EnvoyFilterUsesRemoveOperationIncorrectly" Error
        "The REMOVE operation will be ignored when applyTo is set to ROUTE_CONFIGURATION, or HTTP_ROUTE.";
    ENVOY_FILTER_USES_RELATIVE_OPERATION_WITH_PROXY_VERSION = "IST0155" "EnvoyFilterUsesRelativeOperationWithProxyVersion" Warning
        "This EnvoyFilter does not have a priority and has a relative patch operation (NSTERT_BEFORE/AFTER, REPLACE, MERGE, DELETE) and proxyVersion set which can cause the EnvoyFilter not to be applied during an upgrade. Using the INSERT_FIRST or ADD option or setting the priority may help in ensuring the EnvoyFilter is applied correctly.";
    UNSUPPORTED_GATEWAY_API_VERSION = "IST0156" "UnsupportedGatewayAPIVersion" Error
        "The Gateway API CRD version %v is lower than the minimum version: %v";
    INVALID_TELEMETRY_PROVIDER = "IST0157" "InvalidTelemetryProvider" Warning
        "The Telemetry %v in namespace %q with empty providers will be ignored.";
    PODS_ISTIO_PROXY_IMAGE_MISMATCH_IN_NAMESPACE = "IST0158" "PodsIstioProxyImageMismatchInNamespace" Warning
        "The Istio proxy images of the pods running in the namespace do not match the image defined in the injection configuration (pod names: %v). This often happens after upgrading the Istio control-plane and can be fixed by redeploying the pods.";
    CONFLICTING_TELEMETRY_WORKLOAD_SELECTORS = "IST0159" "ConflictingTelemetryWorkloadSelectors" Error
        "The Telemetries %v in namespace %q select the same workload pod %q, which can lead to undefined behavior.";
    MULTIPLE_TELEMETRIES_WITHOUT_WORKLOAD_SELECTORS = "IST0160" "MultipleTelemetriesWithoutWorkloadSelectors" Error
        "The Telemetries %v in namespace %q have no workload selector, which can lead to undefined behavior.";
    INVALID_GATEWAY_CREDENTIAL = "IST0161" "InvalidGatewayCredential" Error
        "The credential referenced by the Gateway %s in namespace %s is invalid, which can cause the traffic not to work as expected.";
    GATEWAY_PORT_NOT_DEFINED_ON_SERVICE = "IST0162" "GatewayPortNotDefinedOnService" Warning
        "The gateway is listening on a target port (port %d) that is not defined in the Service associated with its workload instances (Pod selector %s). If you need to access the gateway port through the gateway Service, it will not be available.";
    INVALID_EXTERNAL_CONTROL_PLANE_CONFIG = "IST0163" "InvalidExternalControlPlaneConfig" Warning
        "The hostname (%s) that was provided for the webhook (%s) to reach the ingress gateway on the external control plane cluster %s. Traffic may not flow properly.";
    EXTERNAL_CONTROL_PLANE_ADDRESS_IS_NOT_A_HOSTNAME = "IST0164" "ExternalControlPlaneAddressIsNotAHostname" Info
        "The address (%s) that was provided for the webhook (%s) to reach the ingress gateway on the external control plane cluster is an IP address. This is not recommended for a production environment.";
    REFERENCED_INTERNAL_GATEWAY = "IST0165" "ReferencedInternalGateway" Warning
        "Gateway reference in VirtualService %s is to an implementation-generated internal Gateway: %s.";
    INEFFECTIVE_SELECTOR = "IST0166" "IneffectiveSelector" Warning
        "Ineffective selector on Kubernetes Gateway %s. Use the TargetRef field instead.";
    INEFFECTIVE_POLICY = "IST0167" "IneffectivePolicy" Warning
        "The policy has no impact: %s.";
    UNKNOWN_UPGRADE_COMPATIBILITY = "IST0168" "UnknownUpgradeCompatibility" Warning
        "The configuration %q changed in release %s, but compatibility cannot be automatically detected: %s. Or, install with `--set compatibilityVersion=%s` to retain the old default.";
    UPDATE_INCOMPATIBILITY = "IST0169" "UpdateIncompatibility" Warning
        "The configuration %q changed in release %s: %s. Or, install with `--set compatibilityVersion=%s` to retain the old default.";
    MULTI_CLUSTER_INCONSISTENT_SERVICE = "IST0170" "MultiClusterInconsistentService" Warning
        "The service %v in namespace %q is inconsistent across clusters %q, which can lead to undefined behaviors. The inconsistent behaviors are: %v.";
    NEGATIVE_CONDITION_STATUS = "IST0171" "NegativeConditionStatus" Warning
        "A condition with a negative status is present: type=%s, reason=%s, message=%s.";
    FUTURE_UNSUPPORTED_GATEWAY_API_VERSION = "IST0172" "FutureUnsupportedGatewayAPIVersion" Warning
        "The Gateway API CRD version %v is lower than the minimum version: %v";
    DESTINATION_RULE_SUBSET_NOT_SELECT_PODS = "IST0173" "DestinationRuleSubsetNotSelectPods" Error
        "The Subset %s defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream).";
    UNKNOWN_DESTINATION_RULE_HOST = "IST0174" "UnknownDestinationRuleHost" Warning
        "The host %s defined in the DestinationRule does not match any services in the mesh.";
    JWKS_URI_FETCH_UNRESTRICTED = "IST0175" "JwksUriFetchUnrestricted" Warning
        "BLOCKED_CIDRS_IN_JWKS_URIS is not configured but %d RequestAuthentication resource(s) exist (%s). Consider configuring it to restrict JWKS URI fetches to trusted networks.";
    GATEWAY_APICRD_VERSION_BELOW_MINIMUM = "IST0176" "GatewayAPICRDVersionBelowMinimum" Warning
        "Gateway API CRD %q is at version %q but Istio requires at least %q; resources of this kind will not be processed. Upgrade the Gateway API CRDs to satisfy the minimum version.";
    CONFLICTING_SERVICE_ENTRY_PROTOCOL = "IST0177" "ConflictingServiceEntryProtocol" Warning
        "Multiple ServiceEntries (%s) define the same host %q and port %d with conflicting protocols (%s).";
}

/// The message type of a code.
pub fn by_code(code: &str) -> Option<&'static MessageType> {
    CATALOG.iter().copied().find(|m| m.code == code)
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
                    ('q', Some(Arg::Str(s))) => out.push_str(&crate::model::go_text::quote(s)),
                    ('q', Some(Arg::List(l))) => {
                        out.push('[');
                        out.push_str(
                            &l.iter()
                                .map(|s| crate::model::go_text::quote(s))
                                .collect::<Vec<_>>()
                                .join(" "),
                        );
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
