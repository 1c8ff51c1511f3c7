//! Istio's semantic rules per kind, beyond what the schemas' structural constraints say
//! (the rules Istio's webhook and CEL expressions enforce).

use std::collections::{BTreeMap, HashSet};

use super::common::{
    each, err, fqdn_problem, is_cidr, is_dns_label, label_problems, non_empty, parse_duration_ms,
};
use super::traffic_policy;
use crate::model::api::*;
use crate::model::go_regexp;
use crate::model::schema::FieldError;

type Errs = Vec<FieldError>;

// ---------------------------------------------------------------- networking

/// istiod's warning for a TCP port of a ServiceEntry that gets no address.
pub const NO_ADDRESS_WARNING: &str =
    "addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled";

pub fn destination_rule(dr: &DestinationRuleSpec, errs: &mut Errs) {
    if let Some(problem) = wildcard_domain_problem(dr.host.as_deref().unwrap_or("")) {
        err(errs, "spec.host", problem);
    }
    if let Some(tp) = &dr.traffic_policy {
        traffic_policy::traffic_policy("spec.trafficPolicy", tp, errs);
    }
    let mut names = HashSet::new();
    for (i, s) in each(&dr.subsets) {
        let sp = format!("spec.subsets[{i}]");
        let name = s.name.as_deref().unwrap_or("");
        if !names.insert(name) {
            let message = format!("duplicate subset names: {name}");
            err(errs, format!("{sp}.name"), message);
        }
        if name.is_empty() {
            err(errs, format!("{sp}.name"), "subset name cannot be empty");
        } else if !is_dns_label(name) {
            let message = format!("subset name is invalid: {name}");
            err(errs, format!("{sp}.name"), message);
        }
        for problem in label_problems(s.labels.as_ref().unwrap_or(&BTreeMap::new())) {
            err(errs, format!("{sp}.labels"), problem);
        }
        if let Some(tp) = &s.traffic_policy {
            // A subset's policy is merged as errors only: its warnings are lost in istiod.
            let start = errs.len();
            traffic_policy::traffic_policy(&format!("{sp}.trafficPolicy"), tp, errs);
            traffic_policy::drop_warnings(errs, start);
        }
    }
    match_labels(
        "spec.workloadSelector.matchLabels",
        &dr.workload_selector,
        errs,
    );
}

pub fn gateway(gw: &GatewaySpec, errs: &mut Errs) {
    if !non_empty(&gw.servers) {
        err(
            errs,
            "spec.servers",
            "Required value: gateway must have at least one server",
        );
    }
    let mut names = HashSet::new();
    for (i, s) in each(&gw.servers) {
        let sp = format!("spec.servers[{i}]");
        if !non_empty(&s.hosts) {
            err(
                errs,
                format!("{sp}.hosts"),
                "Required value: server config must contain at least one host",
            );
        }
        for (j, h) in each(&s.hosts) {
            namespace_slash_host(&format!("{sp}.hosts[{j}]"), h, Listener::Gateway, errs);
        }
        let port_ok = server_port(&sp, s, errs);
        if port_ok {
            let proto = parse_protocol(
                s.port
                    .as_ref()
                    .and_then(|p| p.protocol.as_deref())
                    .unwrap_or(""),
            );
            let is_tls = matches!(proto, Some("HTTPS" | "TLS"));
            let is_http = matches!(
                proto,
                Some("HTTP" | "HTTP2" | "HTTP_PROXY" | "GRPC" | "GRPC-Web")
            );
            match &s.tls {
                None if is_tls => err(
                    errs,
                    format!("{sp}.tls"),
                    "server must have TLS settings for HTTPS/TLS protocols",
                ),
                Some(tls) if !is_tls && is_http => {
                    let passthrough = matches!(
                        tls.mode.as_deref().unwrap_or("PASSTHROUGH"),
                        "PASSTHROUGH" | "AUTO_PASSTHROUGH"
                    );
                    let set = |v: &Option<String>| !v.as_deref().unwrap_or("").is_empty();
                    if !passthrough
                        || set(&tls.ca_certificates)
                        || set(&tls.private_key)
                        || set(&tls.server_certificate)
                    {
                        err(
                            errs,
                            format!("{sp}.tls"),
                            "server cannot have TLS settings for plain text HTTP ports",
                        );
                    }
                }
                Some(_) if !is_tls => err(
                    errs,
                    format!("{sp}.tls"),
                    "server cannot have TLS settings for non HTTPS/TLS ports",
                ),
                _ => {}
            }
        }
        if let Some(bind) = s.bind.as_deref() {
            server_bind(&format!("{sp}.bind"), bind, errs);
        }
        if let Some(tls) = &s.tls {
            server_tls(&format!("{sp}.tls"), tls, errs);
        }
        if let Some(port) = &s.port {
            let name = port.name.clone().unwrap_or_default();
            if !names.insert(name.clone()) {
                err(
                    errs,
                    format!("{sp}.port.name"),
                    format!("port names in servers must be unique: duplicate name {name}"),
                );
            }
            let http = matches!(
                parse_protocol(port.protocol.as_deref().unwrap_or("")),
                Some("HTTP" | "HTTP2" | "HTTP_PROXY" | "GRPC" | "GRPC-Web")
            );
            if !http && s.tls.as_ref().and_then(|t| t.https_redirect) == Some(true) {
                errs.push(FieldError::warning(
                    format!("{sp}.tls.httpsRedirect"),
                    "tls.httpsRedirect should only be used with http servers",
                ));
            }
        }
    }
}

/// istiod's checks of a server's port; `false` when the port has a problem (istiod then
/// skips the protocol/TLS agreement checks).
fn server_port(sp: &str, s: &Server, errs: &mut Errs) -> bool {
    let Some(p) = &s.port else {
        err(errs, format!("{sp}.port"), "port is required");
        return false;
    };
    let before = errs.len();
    let protocol = p.protocol.as_deref().unwrap_or("");
    if parse_protocol(protocol).is_none() {
        err(errs, format!("{sp}.port.protocol"), format!("invalid protocol {protocol:?}, supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP"));
    }
    let number = p.number.unwrap_or(0);
    let unix_bind = s
        .bind
        .as_deref()
        .is_some_and(|b| b.starts_with(UNIX_PREFIX));
    if (number > 0 || !unix_bind) && !(1..=65535).contains(&number) {
        err(
            errs,
            format!("{sp}.port.number"),
            format!("port number {number} must be in the range 1..65535"),
        );
    }
    if p.target_port.is_some_and(|n| n > 0) {
        err(
            errs,
            format!("{sp}.port.targetPort"),
            "targetPort has no impact on Gateways",
        );
    }
    if p.name.as_deref().unwrap_or("").is_empty() {
        err(
            errs,
            format!("{sp}.port.name"),
            format!("port name must be set: {}", port_text(p)),
        );
    }
    errs.len() == before
}

/// A port in protobuf text form as istiod prints it (set fields only, two spaces apart).
fn port_text(p: &ServerPort) -> String {
    let mut fields = Vec::new();
    if let Some(n) = p.number.filter(|n| *n != 0) {
        fields.push(format!("number:{n}"));
    }
    if let Some(proto) = p.protocol.as_deref().filter(|s| !s.is_empty()) {
        fields.push(format!("protocol:{proto:?}"));
    }
    if let Some(name) = p.name.as_deref().filter(|s| !s.is_empty()) {
        fields.push(format!("name:{name:?}"));
    }
    if let Some(t) = p.target_port.filter(|t| *t != 0) {
        fields.push(format!("target_port:{t}"));
    }
    fields.join("  ")
}

/// The prefix of a Unix domain socket address (`unix:///var/run/x.sock`).
const UNIX_PREFIX: &str = "unix://";

/// A server's `bind`: an IP address, or a Unix domain socket given as an absolute path
/// (or an abstract `@name`).
fn server_bind(path: &str, bind: &str, errs: &mut Errs) {
    if let Some(socket) = bind.strip_prefix(UNIX_PREFIX) {
        if socket.is_empty() {
            err(errs, path, "Invalid value: unix address must not be empty");
        } else if !socket.starts_with('@') && (!socket.starts_with('/') || socket.ends_with('/')) {
            err(
                errs,
                path,
                format!("Invalid value: {socket} is not an absolute path to a file"),
            );
        }
    } else if !bind.is_empty() && !is_ip_address(bind) {
        err(
            errs,
            path,
            format!("Invalid value: {bind} is not a valid IP"),
        );
    }
}

/// An IPv4 or IPv6 address (an IPv6 address may name its zone: `fe80::1%eth0`).
fn is_ip_address(text: &str) -> bool {
    let address = match text.split_once('%') {
        Some((ip, zone)) if ip.contains(':') && !zone.is_empty() => ip,
        Some(_) => return false,
        None => text,
    };
    address.parse::<std::net::IpAddr>().is_ok()
}

/// Cipher suites Envoy accepts in a server's TLS settings.
const CIPHER_SUITES: &[&str] = &[
    "ECDHE-ECDSA-AES128-GCM-SHA256",
    "ECDHE-RSA-AES128-GCM-SHA256",
    "ECDHE-ECDSA-AES256-GCM-SHA384",
    "ECDHE-RSA-AES256-GCM-SHA384",
    "ECDHE-ECDSA-CHACHA20-POLY1305",
    "ECDHE-RSA-CHACHA20-POLY1305",
    "ECDHE-ECDSA-AES128-SHA",
    "ECDHE-RSA-AES128-SHA",
    "ECDHE-ECDSA-AES256-SHA",
    "ECDHE-RSA-AES256-SHA",
    "AES128-GCM-SHA256",
    "AES256-GCM-SHA384",
    "AES128-SHA",
    "AES256-SHA",
    "DES-CBC3-SHA",
];

/// istiod's cipher-suite check: empty and `ALL` pass, and so does anything not starting
/// with a letter or digit (OpenSSL expressions such as `-X` or `[A|B]`, not parsed);
/// otherwise the name must be one Envoy knows.
fn valid_cipher_suite(cs: &str) -> bool {
    // istiod looks at the first byte as a character.
    let first = cs.as_bytes().first().map(|b| char::from(*b));
    match first {
        None => true,
        _ if cs == "ALL" => true,
        Some(c) if !c.is_alphanumeric() => true,
        _ => CIPHER_SUITES.contains(&cs),
    }
}

/// istiod's rule for a server's TLS settings (Gateway servers, Sidecar ingress). The mode
/// defaults to PASSTHROUGH, the protobuf zero value.
fn server_tls(path: &str, tls: &ServerTlsSettings, errs: &mut Errs) {
    let warn = |errs: &mut Errs, m: String| errs.push(FieldError::warning(path, m));
    let mode = tls.mode.as_deref().unwrap_or("PASSTHROUGH");
    let set = |v: &Option<String>| !v.as_deref().unwrap_or("").is_empty();
    let min = tls.min_protocol_version.as_deref().unwrap_or("");
    if matches!(min, "TLSV1_0" | "TLSV1_1") && !non_empty(&tls.cipher_suites) {
        warn(errs, "TLS version below TLSV1_2 require setting compatible ciphers as by default they no longer include compatible ciphers.".into());
    }
    let mut invalid = std::collections::BTreeSet::new();
    let mut valid = HashSet::new();
    let mut duplicate = std::collections::BTreeSet::new();
    for cs in tls.cipher_suites.iter().flatten() {
        if !valid_cipher_suite(cs) {
            invalid.insert(cs.as_str());
        } else if !valid.insert(cs.as_str()) {
            duplicate.insert(cs.as_str());
        }
    }
    let go_list = |s: &std::collections::BTreeSet<&str>| {
        format!("[{}]", s.iter().copied().collect::<Vec<_>>().join(" "))
    };
    if !invalid.is_empty() {
        warn(
            errs,
            format!("ignoring invalid cipher suites: {}", go_list(&invalid)),
        );
    }
    if !duplicate.is_empty() {
        warn(
            errs,
            format!("ignoring duplicate cipher suites: {}", go_list(&duplicate)),
        );
    }
    let credentials = non_empty(&tls.credential_names);
    let certificates = non_empty(&tls.tls_certificates);
    if mode == "ISTIO_MUTUAL" {
        for (present, what) in [
            (set(&tls.server_certificate), "server certificate"),
            (set(&tls.private_key), "private key"),
            (set(&tls.ca_certificates), "CA bundle"),
            (certificates, "tlsCertificates"),
            (set(&tls.credential_name), "credentialName"),
            (credentials, "credentialNames"),
        ] {
            if present {
                err(
                    errs,
                    path,
                    format!("ISTIO_MUTUAL TLS cannot have associated {what}"),
                );
            }
        }
        return;
    }
    let any_certificate = set(&tls.ca_crl)
        || set(&tls.server_certificate)
        || set(&tls.private_key)
        || set(&tls.ca_certificates)
        || certificates
        || set(&tls.credential_name)
        || credentials;
    if matches!(mode, "PASSTHROUGH" | "AUTO_PASSTHROUGH") && any_certificate {
        warn(
            errs,
            format!("{mode} mode does not use certificates, they will be ignored"),
        );
    }
    let sources = [
        set(&tls.server_certificate) && set(&tls.private_key),
        set(&tls.credential_name),
        credentials,
        certificates,
    ];
    if sources.iter().filter(|s| **s).count() > 1 {
        err(errs, path, "only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified");
    }
    let terminating = matches!(mode, "SIMPLE" | "MUTUAL" | "OPTIONAL_MUTUAL");
    if terminating && (set(&tls.credential_name) || credentials) {
        return;
    }
    if terminating {
        let prefix = if mode == "SIMPLE" {
            "SIMPLE TLS"
        } else {
            "MUTUAL TLS"
        };
        if mode != "SIMPLE" && !set(&tls.ca_certificates) {
            err(errs, path, format!("{prefix} requires a client CA bundle"));
        }
        let pairs: Vec<(bool, bool)> = if certificates {
            tls.tls_certificates
                .iter()
                .flatten()
                .map(|c| (set(&c.server_certificate), set(&c.private_key)))
                .collect()
        } else {
            vec![(set(&tls.server_certificate), set(&tls.private_key))]
        };
        if pairs.len() > 2 && certificates {
            warn(
                errs,
                format!("{prefix} can support up to 2 server certificates"),
            );
        }
        for (cert, key) in pairs {
            if !cert {
                err(
                    errs,
                    path,
                    format!("{prefix} requires a server certificate"),
                );
            }
            if !key {
                err(errs, path, format!("{prefix} requires a private key"));
            }
        }
    }
    if set(&tls.ca_crl) {
        if set(&tls.credential_name) {
            err(errs, path, "CRL is not supported with credentialName. CRL has to be specified in the credential");
        }
        if mode == "SIMPLE" {
            err(errs, path, "CRL is not supported with SIMPLE TLS");
        }
    }
}

pub fn service_entry(se: &ServiceEntrySpec, errs: &mut Errs) {
    // A selector istiod refuses is all it reports.
    if alpha_selector("service entry", &se.workload_selector, errs) {
        return;
    }
    let endpoints = se.endpoints.as_deref();
    if se.workload_selector.is_some() && endpoints.is_some() {
        err(
            errs,
            "spec",
            "only one of WorkloadSelector or Endpoints is allowed in Service Entry",
        );
    }
    let endpoints = endpoints.unwrap_or_default();
    let hosts = se.hosts.as_deref().unwrap_or_default();
    let resolution = se.resolution.as_deref().unwrap_or("NONE");
    if hosts.is_empty() {
        err(
            errs,
            "spec.hosts",
            "service entry must have at least one host",
        );
    }
    for (i, h) in hosts.iter().enumerate() {
        let hp = format!("spec.hosts[{i}]");
        if h == "*" {
            err(errs, &hp, format!("invalid host {h}"));
            continue;
        }
        if let Some(problem) = wildcard_domain_problem(h) {
            err(errs, &hp, problem);
        }
        if resolution != "DYNAMIC_DNS" && h.contains('*') && h.len() != 1 && !h.starts_with("*.") {
            errs.push(FieldError::warning(
                &hp,
                format!("partial wildcard {h:?} not allowed"),
            ));
        }
    }
    let mut cidr = false;
    for (i, a) in each(&se.addresses) {
        cidr |= a.contains('/');
        let bad = if a.matches('/').count() == 1 {
            (!is_cidr(a)).then(|| format!("{a} is not a valid CIDR block"))
        } else {
            a.parse::<std::net::IpAddr>()
                .is_err()
                .then(|| format!("{a} is not a valid IP"))
        };
        if let Some(problem) = bad {
            err(errs, format!("spec.addresses[{i}]"), problem);
        }
    }
    if cidr && resolution != "NONE" && resolution != "STATIC" {
        err(
            errs,
            "spec.addresses",
            "CIDR addresses are allowed only for NONE/STATIC resolution types",
        );
    }
    let mut names: HashSet<&str> = HashSet::new();
    let mut numbers = HashSet::new();
    let has_addresses = non_empty(&se.addresses);
    for (i, p) in each(&se.ports) {
        let pp = format!("spec.ports[{i}]");
        let name = p.name.as_deref().unwrap_or("");
        let number = p.number.unwrap_or(0);
        if !names.insert(name) {
            err(
                errs,
                &pp,
                format!("service entry port name {name:?} already defined"),
            );
        }
        if !numbers.insert(number) {
            err(
                errs,
                &pp,
                format!("service entry port {number} already defined"),
            );
        }
        if let Some(t) = p.target_port.filter(|t| *t != 0) {
            if !(1..=65535).contains(&t) {
                err(
                    errs,
                    format!("{pp}.targetPort"),
                    format!("port number {t} must be in the range 1..65535"),
                );
            }
        }
        let protocol = p.protocol.as_deref().unwrap_or("");
        // Without addresses, istiod allocates one unless resolution is NONE or the
        // resource opts out (a label, checked in `resource_rules`).
        let allocates = se.resolution.as_deref().unwrap_or("NONE") != "NONE";
        if !has_addresses && !allocates && matches!(protocol, "" | "TCP") {
            errs.push(FieldError::warning(&pp, NO_ADDRESS_WARNING));
        }
        if !is_dns_label(name) {
            err(
                errs,
                format!("{pp}.name"),
                format!("invalid port name: {name}"),
            );
        }
        if !protocol.is_empty() && parse_protocol(protocol).is_none() {
            err(
                errs,
                format!("{pp}.protocol"),
                format!("unsupported protocol: {protocol}"),
            );
        }
        if !(1..=65535).contains(&number) {
            err(
                errs,
                format!("{pp}.number"),
                format!("port number {number} must be in the range 1..65535"),
            );
        }
    }
    service_entry_resolution(se, resolution, hosts, endpoints, &names, errs);
    if resolution != "NONE" && hosts.len() > 1 {
        let plain = each(&se.ports).any(|(_, p)| {
            !matches!(
                parse_protocol(p.protocol.as_deref().unwrap_or("")),
                Some("HTTP" | "HTTP2" | "HTTP_PROXY" | "GRPC" | "GRPC-Web" | "HTTPS" | "TLS")
            )
        });
        if plain {
            err(
                errs,
                "spec.ports",
                "multiple hosts provided with non-HTTP, non-TLS ports",
            );
        }
    }
}

/// istiod's protocol names (case-insensitive), as it canonicalises them.
pub fn parse_protocol(name: &str) -> Option<&'static str> {
    Some(match name.to_ascii_lowercase().as_str() {
        "tcp" => "TCP",
        "udp" => "UDP",
        "grpc" => "GRPC",
        "grpc-web" => "GRPC-Web",
        "http" => "HTTP",
        "http_proxy" => "HTTP_PROXY",
        "http2" => "HTTP2",
        "https" => "HTTPS",
        "tls" => "TLS",
        "mongo" => "Mongo",
        "redis" => "Redis",
        "mysql" => "MySQL",
        _ => return None,
    })
}

/// What each resolution mode requires of hosts, endpoints and addresses.
fn service_entry_resolution(
    se: &ServiceEntrySpec,
    resolution: &str,
    hosts: &[String],
    endpoints: &[WorkloadEntrySpec],
    ports: &HashSet<&str>,
    errs: &mut Errs,
) {
    match resolution {
        "NONE" => {
            if !endpoints.is_empty() {
                err(
                    errs,
                    "spec.endpoints",
                    "no endpoints should be provided for resolution type none",
                );
            }
            if se.workload_selector.is_some() {
                errs.push(FieldError::warning(
                    "spec.workloadSelector",
                    "workloadSelector should not be set when resolution mode is NONE",
                ));
            }
        }
        "STATIC" => {
            for (i, ep) in endpoints.iter().enumerate() {
                workload_endpoint(
                    &format!("spec.endpoints[{i}]"),
                    ep,
                    Some(ports),
                    false,
                    errs,
                );
            }
        }
        "DNS" | "DNS_ROUND_ROBIN" => {
            if endpoints.is_empty() {
                if let Some(problem) = hosts.iter().find_map(|h| fqdn_problem(h)) {
                    err(errs, "spec.hosts", format!("hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode {resolution}, {problem}"));
                }
            }
            if resolution == "DNS_ROUND_ROBIN" && endpoints.len() > 1 {
                err(
                    errs,
                    "spec.endpoints",
                    format!("there must only be 0 or 1 endpoint for resolution mode {resolution}"),
                );
            }
            for (i, ep) in endpoints.iter().enumerate() {
                let ep_path = format!("spec.endpoints[{i}]");
                let address = ep.address.as_deref().unwrap_or("");
                if address.parse::<std::net::IpAddr>().is_err() && fqdn_problem(address).is_some() {
                    err(
                        errs,
                        format!("{ep_path}.address"),
                        format!(
                            "endpoint address {address:?} is not a valid FQDN or an IP address"
                        ),
                    );
                }
                for problem in label_problems(ep.labels.as_ref().unwrap_or(&BTreeMap::new())) {
                    err(errs, format!("{ep_path}.labels"), problem);
                }
                for (name, port) in ep.ports.iter().flatten() {
                    if !ports.contains(name.as_str()) {
                        err(
                            errs,
                            format!("{ep_path}.ports"),
                            format!("endpoint port {port} is not defined by the service entry"),
                        );
                    }
                    if !is_dns_label(name) {
                        err(
                            errs,
                            format!("{ep_path}.ports"),
                            format!("invalid port name: {name}"),
                        );
                    }
                    if !(1..=65535).contains(port) {
                        err(
                            errs,
                            format!("{ep_path}.ports[{name}]"),
                            format!("port number {port} must be in the range 1..65535"),
                        );
                    }
                }
            }
            let tcp = each(&se.ports).any(|(_, p)| {
                matches!(
                    parse_protocol(p.protocol.as_deref().unwrap_or("")),
                    Some("TCP" | "HTTPS" | "TLS" | "Mongo" | "Redis" | "MySQL")
                )
            });
            if non_empty(&se.addresses) && tcp && hosts.len() > 1 {
                errs.push(FieldError::warning("spec.hosts", "service entry can not have more than one host specified simultaneously with address and tcp port"));
            }
        }
        "DYNAMIC_DNS" => {
            if hosts.is_empty() {
                err(errs, "spec.hosts", format!("at least one wildcard host must be provided for resolution type {resolution}"));
            }
            for h in hosts {
                if !h.starts_with('*') {
                    err(
                        errs,
                        "spec.hosts",
                        format!("host must be wildcarded for resolution mode {resolution}"),
                    );
                }
            }
            if non_empty(&se.addresses) {
                err(errs, "spec.addresses", format!("addresses cannot be set for resolution type {resolution}. HTTP route domains will only be generatedfrom the hosts field values"));
            }
            if !endpoints.is_empty() {
                err(errs, "spec.endpoints", format!("endpoints cannot be set for resolution type {resolution}. Destination IP address determined from hostsfield values"));
            }
            for (_, p) in each(&se.ports) {
                if !matches!(
                    parse_protocol(p.protocol.as_deref().unwrap_or("")),
                    Some("HTTP" | "TLS" | "GRPC" | "HTTP2")
                ) {
                    err(errs, "spec.ports", format!("only HTTP, TLS, GRPC, and HTTP2 protocols are supported for resolution type {resolution}"));
                }
            }
            if !matches!(
                se.location.as_deref().unwrap_or("MESH_EXTERNAL"),
                "MESH_EXTERNAL" | "MESH_INTERNAL"
            ) {
                err(errs, "spec.location", format!("location must be MESH_EXTERNAL or MESH_INTERNAL for resolution type {resolution}"));
            }
        }
        other => err(
            errs,
            "spec.resolution",
            format!("unsupported resolution type {other}"),
        ),
    }
}

/// Whose `namespace/dnsName` host is checked: a Gateway server's or a Sidecar egress
/// listener's (they differ in what the namespace part may be).
#[derive(Clone, Copy, PartialEq)]
enum Listener {
    Gateway,
    Sidecar,
}

/// Istio's rule for `namespace/dnsName` hosts of Gateway servers and Sidecar egress
/// listeners (a Gateway may also give a bare dnsName).
fn namespace_slash_host(path: &str, host: &str, listener: Listener, errs: &mut Errs) {
    let mut problems = Vec::new();
    match host.split_once('/') {
        None if listener == Listener::Gateway => hostname_part(host, listener, &mut problems),
        None => problems.push("host must be of form namespace/dnsName".to_string()),
        Some((ns, name)) => {
            if ns.is_empty() || name.is_empty() {
                problems.push("config namespace and dnsName in host entry cannot be empty".into());
            }
            let special = ns == "*" || ns == "." || (ns == "~" && listener == Listener::Sidecar);
            if !special && !is_dns_label(ns) {
                let whose = match listener {
                    Listener::Gateway => "gateway",
                    Listener::Sidecar => "sidecar",
                };
                problems.push(format!("invalid namespace value {ns:?} in {whose}"));
            }
            hostname_part(name, listener, &mut problems);
        }
    }
    for problem in problems {
        err(errs, path, format!("Invalid value: \"{host}\": {problem}"));
    }
}

/// The dnsName of a `namespace/dnsName` host: an FQDN, `*`, or a `*.` wildcard domain (a
/// Gateway may also name an IP address).
fn hostname_part(name: &str, listener: Listener, problems: &mut Vec<String>) {
    if name != "*" && !name.contains('.') {
        problems.push("short names (non FQDN) are not allowed".into());
    }
    if let Some(problem) = wildcard_domain_problem(name) {
        if listener == Listener::Sidecar || name.parse::<std::net::IpAddr>().is_err() {
            problems.push(problem);
        }
    }
    if name.contains('*') && name.len() != 1 && !name.starts_with("*.") {
        problems.push(format!("partial wildcard {name:?} not allowed"));
    }
}

/// A domain whose first label may be a wildcard (`*`, `*foo`) and whose other labels are
/// an FQDN's.
fn wildcard_domain_problem(domain: &str) -> Option<String> {
    if domain.is_empty() {
        return Some("empty domain name not allowed".into());
    }
    if domain.len() > 255 {
        return Some(format!("domain name {domain:?} too long (max 255)"));
    }
    let (first, rest) = match domain.split_once('.') {
        Some((first, rest)) => (first, Some(rest)),
        None => (domain, None),
    };
    let unstarred = first.strip_prefix('*').unwrap_or(first);
    if first.len() > 63 || !(unstarred.is_empty() || is_dns_label(unstarred)) {
        return Some(format!(
            "domain name {domain:?} invalid (label {first:?} invalid)"
        ));
    }
    rest.and_then(fqdn_problem)
}

pub fn sidecar(sc: &SidecarSpec, errs: &mut Errs) {
    let start = errs.len();
    // A selector istiod refuses is all it reports.
    if alpha_selector("sidecar", &sc.workload_selector, errs) {
        return;
    }
    if !non_empty(&sc.egress)
        && !non_empty(&sc.ingress)
        && sc.outbound_traffic_policy.is_none()
        && sc.inbound_connection_pool.is_none()
    {
        // istiod returns this error alone, without the selector's warning.
        errs.truncate(start);
        err(errs, "spec", "sidecar: empty configuration provided");
        return;
    }
    if let Some(pool) = &sc.inbound_connection_pool {
        traffic_policy::connection_pool("spec.inboundConnectionPool", pool, errs);
    }
    let mut ports = HashSet::new();
    for (i, ing) in each(&sc.ingress) {
        sidecar_ingress(&format!("spec.ingress[{i}]"), ing, &mut ports, errs);
    }
    let mut ports = HashSet::new();
    let mut sockets = HashSet::new();
    let egress = sc.egress.as_deref().unwrap_or_default();
    let mut catch_all = false;
    for (i, e) in egress.iter().enumerate() {
        let ep = format!("spec.egress[{i}]");
        match &e.port {
            None if catch_all => {
                err(errs, &ep, "sidecar: egress can have only one listener with empty port");
                continue;
            }
            None if i == egress.len() - 1 => catch_all = true,
            None => err(errs, &ep, "sidecar: the egress listener with empty port should be the last listener in the list"),
            Some(port) => {
                if port.target_port.is_some_and(|t| t > 0) {
                    err(errs, format!("{ep}.port.targetPort"), "targetPort has no impact on Sidecars");
                }
                let bind = e.bind.as_deref().unwrap_or("");
                sidecar_egress_port(&ep, port, bind, e.capture_mode.as_deref().unwrap_or("DEFAULT"), errs);
                let number = port.number.unwrap_or(0);
                if number == 0 {
                    if !sockets.insert(bind.to_string()) {
                        err(errs, &ep, "sidecar: unix domain socket values for listeners must be unique");
                    }
                } else if !ports.insert(number) {
                    err(errs, &ep, "sidecar: ports on IP bound listeners must be unique");
                }
            }
        }
        if !non_empty(&e.hosts) {
            err(
                errs,
                format!("{ep}.hosts"),
                "sidecar: egress listener must contain at least one host",
            );
        }
        for (j, h) in each(&e.hosts) {
            namespace_slash_host(&format!("{ep}.hosts[{j}]"), h, Listener::Sidecar, errs);
        }
    }
    if let Some(tp) = &sc.outbound_traffic_policy {
        if let Some(proxy) = &tp.egress_proxy {
            if tp.mode.as_deref().unwrap_or("REGISTRY_ONLY") != "ALLOW_ANY" {
                err(errs, "spec.outboundTrafficPolicy", "sidecar: egress_proxy must be set only with ALLOW_ANY outbound_traffic_policy mode");
            } else {
                if let Some(problem) = fqdn_problem(proxy.host.as_deref().unwrap_or("")) {
                    err(errs, "spec.outboundTrafficPolicy.egressProxy.host", problem);
                }
                if proxy.port.is_none() {
                    err(
                        errs,
                        "spec.outboundTrafficPolicy.egressProxy.port",
                        "sidecar: egress_proxy port must be non-nil",
                    );
                } else {
                    let path = "spec.outboundTrafficPolicy.egressProxy";
                    super::virtual_service::destination(path, proxy, errs);
                }
            }
        }
    }
}

fn sidecar_ingress(ip: &str, ing: &Ingress, ports: &mut HashSet<i64>, errs: &mut Errs) {
    let Some(port) = &ing.port else {
        err(
            errs,
            format!("{ip}.port"),
            "sidecar: port is required for ingress listeners",
        );
        return;
    };
    if port.target_port.is_some_and(|t| t > 0) {
        err(
            errs,
            format!("{ip}.port.targetPort"),
            "targetPort has no impact on Sidecars",
        );
    }
    sidecar_port_name_and_protocol(ip, port, errs);
    let number = port.number.unwrap_or(0);
    if !(1..=65535).contains(&number) {
        err(
            errs,
            format!("{ip}.port.number"),
            format!("port number {number} must be in the range 1..65535"),
        );
    }
    if let Some(bind) = ing.bind.as_deref().filter(|b| !b.is_empty()) {
        if bind.parse::<std::net::IpAddr>().is_err() {
            err(
                errs,
                format!("{ip}.bind"),
                format!("{bind} is not a valid IP"),
            );
        }
    }
    if !ports.insert(number) {
        err(
            errs,
            ip,
            "sidecar: ports on IP bound listeners must be unique",
        );
    }
    if let Some(endpoint) = ing.default_endpoint.as_deref().filter(|e| !e.is_empty()) {
        default_endpoint(&format!("{ip}.defaultEndpoint"), endpoint, errs);
    }
    sidecar_ingress_tls(ip, ing, port, errs);
    if let Some(pool) = &ing.connection_pool {
        traffic_policy::connection_pool(&format!("{ip}.connectionPool"), pool, errs);
        let protocol = port.protocol.as_deref().unwrap_or("");
        let http = matches!(
            parse_protocol(protocol),
            Some("HTTP" | "HTTP2" | "HTTP_PROXY" | "GRPC" | "GRPC-Web")
        );
        if pool.http.is_some() && !http {
            let name = port.name.as_deref().unwrap_or("");
            errs.push(FieldError::warning(
                format!("{ip}.connectionPool.http"),
                format!("sidecar: HTTP connection pool settings are configured for port {number} ({name:?}) but its protocol is not HTTP ({protocol}); only TCP settings will apply"),
            ));
        }
    }
}

/// A sidecar ingress listener's default endpoint: `unix://` and an absolute socket path,
/// or `host:port` with a loopback or unspecified host and a port number.
fn default_endpoint(path: &str, endpoint: &str, errs: &mut Errs) {
    if let Some(socket) = endpoint.strip_prefix(UNIX_PREFIX) {
        if let Some(problem) = unix_address_problem(socket) {
            err(errs, path, problem);
        }
        return;
    }
    let (host, port) = match split_host_port(endpoint) {
        Ok(parts) => parts,
        Err(problem) => {
            err(errs, path, format!("address {endpoint}: {problem}"));
            ("", "")
        }
    };
    if !matches!(host, "" | "127.0.0.1" | "0.0.0.0" | "::1" | "::") {
        err(errs, path, "sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset");
    }
    match go_atoi(port) {
        Ok(n) if !(1..=65535).contains(&n) => {
            err(errs, path, format!("port number {n} must be in the range 1..65535"));
        }
        Ok(_) => {}
        Err(why) => err(
            errs,
            path,
            format!("sidecar: defaultEndpoint port ({port}) is not a number: strconv.Atoi: parsing {port:?}: {why}"),
        ),
    }
}

/// Go's `net.SplitHostPort`: (host, port), or why the address has none.
fn split_host_port(address: &str) -> Result<(&str, &str), &'static str> {
    let Some(last_colon) = address.rfind(':') else {
        return Err("missing port in address");
    };
    let (host, rest_from) = if address.starts_with('[') {
        let Some(end) = address.find(']') else {
            return Err("missing ']' in address");
        };
        match end + 1 {
            after if after == address.len() => return Err("missing port in address"),
            after if after == last_colon => {}
            after if address.as_bytes()[after] == b':' => return Err("too many colons in address"),
            _ => return Err("missing port in address"),
        }
        (&address[1..end], end + 1)
    } else {
        let host = &address[..last_colon];
        if host.contains(':') {
            return Err("too many colons in address");
        }
        (host, 0)
    };
    let from = if address.starts_with('[') { 1 } else { 0 };
    if address[from..].contains('[') {
        return Err("unexpected '[' in address");
    }
    if address[rest_from..].contains(']') {
        return Err("unexpected ']' in address");
    }
    Ok((host, &address[last_colon + 1..]))
}

/// Go's `strconv.Atoi`: a signed decimal that fits 64 bits, or why not.
fn go_atoi(text: &str) -> Result<i64, &'static str> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("invalid syntax");
    }
    text.parse::<i64>().map_err(|_| "value out of range")
}

/// A sidecar ingress listener's TLS settings.
fn sidecar_ingress_tls(ip: &str, ing: &Ingress, port: &SidecarPort, errs: &mut Errs) {
    if let Some(tls) = &ing.tls {
        let tp = format!("{ip}.tls");
        let unsupported = [
            (
                non_empty(&tls.subject_alt_names),
                "sidecar: subjectAltNames is not supported in ingress tls",
            ),
            (
                tls.https_redirect == Some(true),
                "sidecar: httpsRedirect is not supported",
            ),
            (
                !tls.credential_name.as_deref().unwrap_or("").is_empty(),
                "sidecar: credentialName is not currently supported",
            ),
            (
                non_empty(&tls.credential_names),
                "sidecar: credentialNames is not currently supported",
            ),
            (
                non_empty(&tls.tls_certificates),
                "sidecar: tls_certificates is not currently supported",
            ),
        ];
        for (set, message) in unsupported {
            if set {
                err(errs, &tp, message);
            }
        }
        let mode = tls.mode.as_deref().unwrap_or("PASSTHROUGH");
        if matches!(mode, "ISTIO_MUTUAL" | "AUTO_PASSTHROUGH") {
            err(
                errs,
                &tp,
                format!(
                    "configuration is invalid: cannot set mode to {mode} in sidecar ingress tls"
                ),
            );
        }
        if !matches!(
            parse_protocol(port.protocol.as_deref().unwrap_or("")),
            Some("HTTPS" | "TLS")
        ) {
            err(
                errs,
                &tp,
                "server cannot have TLS settings for non HTTPS/TLS ports",
            );
        }
        server_tls(&tp, tls, errs);
    }
}

fn sidecar_port_name_and_protocol(path: &str, port: &SidecarPort, errs: &mut Errs) {
    if let Some(name) = port.name.as_deref().filter(|n| !n.is_empty()) {
        if !is_dns_label(name) {
            err(
                errs,
                format!("{path}.port.name"),
                format!("invalid port name: {name}"),
            );
        }
    }
    let protocol = port.protocol.as_deref().unwrap_or("");
    if !protocol.is_empty() && parse_protocol(protocol).is_none() {
        err(
            errs,
            format!("{path}.port.protocol"),
            format!("unsupported protocol: {protocol}"),
        );
    }
}

fn sidecar_egress_port(ep: &str, port: &SidecarPort, bind: &str, capture: &str, errs: &mut Errs) {
    sidecar_port_name_and_protocol(ep, port, errs);
    let number = port.number.unwrap_or(0);
    if number == 0 {
        match bind.strip_prefix("unix://") {
            None => err(
                errs,
                format!("{ep}.bind"),
                "sidecar: ports with 0 value must have a unix domain socket bind address",
            ),
            Some(socket) => {
                if let Some(problem) = unix_address_problem(socket) {
                    err(errs, format!("{ep}.bind"), problem);
                }
            }
        }
        if !matches!(capture, "DEFAULT" | "NONE") {
            err(
                errs,
                format!("{ep}.captureMode"),
                "sidecar: captureMode must be DEFAULT/NONE for unix domain socket listeners",
            );
        }
        return;
    }
    if !(1..=65535).contains(&number) {
        err(
            errs,
            format!("{ep}.port.number"),
            format!("port number {number} must be in the range 1..65535"),
        );
    }
    if !bind.is_empty() && bind.parse::<std::net::IpAddr>().is_err() {
        err(
            errs,
            format!("{ep}.bind"),
            format!("{bind} is not a valid IP"),
        );
    }
}

pub fn workload_entry(we: &WorkloadEntrySpec, errs: &mut Errs) {
    workload_endpoint("spec", we, None, true, errs);
}

/// istiod's rule for a workload's address, ports and labels (a WorkloadEntry, or a
/// ServiceEntry endpoint checked against the entry's port names).
fn workload_endpoint(
    path: &str,
    we: &WorkloadEntrySpec,
    service_ports: Option<&HashSet<&str>>,
    allow_fqdn: bool,
    errs: &mut Errs,
) {
    let address = we.address.as_deref().unwrap_or("");
    let network = we.network.as_deref().unwrap_or("");
    if address.is_empty() {
        if network.is_empty() {
            // istiod stops at this one.
            err(errs, format!("{path}.address"), "address is required");
            return;
        }
        errs.push(FieldError::warning(
            format!("{path}.address"),
            format!("address is unset with network {network:?}"),
        ));
    }
    let unix = address.starts_with("unix://");
    if let Some(socket) = address.strip_prefix("unix://") {
        if let Some(problem) = unix_address_problem(socket) {
            err(errs, format!("{path}.address"), problem);
        }
        if we.ports.as_ref().is_some_and(|p| !p.is_empty()) {
            err(
                errs,
                format!("{path}.ports"),
                format!("unix endpoint {address} must not include ports"),
            );
        }
    } else if !address.is_empty() && address.parse::<std::net::IpAddr>().is_err() {
        if !allow_fqdn {
            err(
                errs,
                format!("{path}.address"),
                format!("endpoint address {address:?} is not a valid IP address"),
            );
        } else if fqdn_problem(address).is_some() {
            err(
                errs,
                format!("{path}.address"),
                format!("endpoint address {address:?} is not a valid FQDN or an IP address"),
            );
        }
    }
    for (name, port) in we.ports.iter().flatten() {
        if service_ports.is_some_and(|known| !known.contains(name.as_str())) {
            err(
                errs,
                format!("{path}.ports"),
                format!("endpoint port {port} is not defined by the service entry"),
            );
        }
        if !is_dns_label(name) {
            err(
                errs,
                format!("{path}.ports"),
                format!("invalid port name: {name}"),
            );
        }
        if !(1..=65535).contains(port) {
            err(
                errs,
                format!("{path}.ports[{name}]"),
                format!("port number {port} must be in the range 1..65535"),
            );
        }
    }
    for problem in label_problems(we.labels.as_ref().unwrap_or(&BTreeMap::new())) {
        err(errs, format!("{path}.labels"), problem);
    }
    if unix && service_ports.is_some_and(|known| known.len() != 1) {
        err(
            errs,
            path,
            "exactly 1 service port required for unix endpoints",
        );
    }
}

/// istiod's unix socket address rule (the part after `unix://`).
fn unix_address_problem(socket: &str) -> Option<String> {
    if socket.is_empty() {
        return Some("unix address must not be empty".into());
    }
    if socket.starts_with('@') {
        return None;
    }
    (!socket.starts_with('/') || socket.ends_with('/'))
        .then(|| format!("{socket} is not an absolute path to a file"))
}

pub fn workload_group(wg: &WorkloadGroupSpec, errs: &mut Errs) {
    if wg.template.is_none() {
        err(
            errs,
            "spec.template",
            "Required value: template is required",
        );
        return;
    }
    if let Some(labels) = wg.metadata.as_ref().and_then(|m| m.labels.as_ref()) {
        if let Some(problems) = multierror(label_problems(labels)) {
            err(
                errs,
                "spec.metadata.labels",
                format!("invalid labels: {problems}"),
            );
            return;
        }
    }
    if let Some(probe) = &wg.probe {
        readiness_probe(probe, errs);
    }
}

/// istiod's readiness probe rule: non-negative counts, and exactly the health check it
/// knows (HTTP, TCP, exec) well-formed.
fn readiness_probe(p: &Probe, errs: &mut Errs) {
    let counts = [
        ("periodSeconds", p.period_seconds),
        ("initialDelaySeconds", p.initial_delay_seconds),
        ("timeoutSeconds", p.timeout_seconds),
        ("successThreshold", p.success_threshold),
        ("failureThreshold", p.failure_threshold),
    ];
    for (field, value) in counts {
        if value.is_some_and(|v| v < 0) {
            err(
                errs,
                format!("spec.probe.{field}"),
                format!("Invalid value: {field} must be non-negative"),
            );
        }
    }
    let port_problem = |port: Option<i64>| {
        let port = port.unwrap_or(0);
        (!(1..=65535).contains(&port))
            .then(|| format!("Invalid value: port number {port} must be in the range 1..65535"))
    };
    if let Some(h) = &p.http_get {
        if let Some(problem) = port_problem(h.port) {
            err(errs, "spec.probe.httpGet.port", problem);
        }
        if !matches!(h.scheme.as_deref().unwrap_or(""), "" | "HTTP" | "HTTPS") {
            err(
                errs,
                "spec.probe.httpGet.scheme",
                "Invalid value: httpGet.scheme must be one of \"HTTPS\", \"HTTP\"",
            );
        }
        // Kubernetes' rule for probe header names: letters, digits and dashes.
        for (i, header) in each(&h.http_headers) {
            let name = header.name.as_deref().unwrap_or("");
            let path = format!("spec.probe.httpGet.httpHeaders[{i}].name");
            if name.is_empty() {
                err(errs, path, "header name cannot be empty");
            } else if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                err(
                    errs,
                    path,
                    format!("header name {name} is not a valid header name"),
                );
            }
        }
    } else if let Some(t) = &p.tcp_socket {
        if let Some(problem) = port_problem(t.port) {
            err(errs, "spec.probe.tcpSocket.port", problem);
        }
    } else if let Some(e) = &p.exec {
        if !non_empty(&e.command) {
            err(
                errs,
                "spec.probe.exec.command",
                "Required value: exec.command is required",
            );
        }
    } else if p.grpc.is_some() {
        err(
            errs,
            "spec.probe",
            "Invalid value: unknown health check method *v1alpha3.ReadinessProbe_Grpc",
        );
    } else {
        err(
            errs,
            "spec.probe",
            "Invalid value: unknown health check method <nil>",
        );
    }
}

pub fn envoy_filter(ef: &EnvoyFilterSpec, errs: &mut Errs) {
    errs.push(FieldError::warning(
        "spec",
        "EnvoyFilter exposes internal implementation details that may change at any time. \
         Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.",
    ));
    // A selector istiod refuses is all it reports.
    if alpha_selector("Envoy filter", &ef.workload_selector, errs) {
        errs.retain(|e| !e.warning);
        return;
    }
    for (i, cp) in each(&ef.config_patches) {
        config_patch(&format!("spec.configPatches[{i}]"), cp, errs);
    }
}

/// The HTTP connection manager's filter name, the only one sub-filters can be matched in.
const HTTP_CONNECTION_MANAGER: &str = "envoy.filters.network.http_connection_manager";

/// What a patch applies to and what its match selects must be the same class of object.
/// False where istiod stops checking the patch.
fn apply_to_agrees_with_match(pp: &str, cp: &ConfigPatch, errs: &mut Errs) -> bool {
    let Some(m) = &cp.r#match else { return true };
    let has_object = m.listener.is_some()
        || m.route_configuration.is_some()
        || m.cluster.is_some()
        || m.waypoint.is_some();
    let apply_to = cp.apply_to.as_deref().unwrap_or("");
    let mut fail = |message: &str| {
        err(
            errs,
            format!("{pp}.match"),
            format!("Envoy filter: {message}"),
        )
    };
    match apply_to {
        "LISTENER" | "FILTER_CHAIN" | "NETWORK_FILTER" | "HTTP_FILTER" if has_object => {
            let Some(listener) = &m.listener else {
                fail("applyTo for listener class objects cannot have non listener match");
                return false;
            };
            let Some(filter) = listener
                .filter_chain
                .as_ref()
                .and_then(|c| c.filter.as_ref())
            else {
                return true;
            };
            if matches!(apply_to, "LISTENER" | "FILTER_CHAIN") {
                errs.push(FieldError::warning(
                    format!("{pp}.match"),
                    format!("Envoy filter: filter match has no effect when used with {apply_to}"),
                ));
            }
            let name = filter.name.as_deref().unwrap_or("");
            if name.is_empty() {
                err(
                    errs,
                    format!("{pp}.match"),
                    "Envoy filter: filter match has no name to match on",
                );
                return false;
            }
            if let Some(sub) = &filter.sub_filter {
                let mut fail = |message: String| err(errs, format!("{pp}.match"), message);
                if apply_to != "HTTP_FILTER" {
                    fail(
                        "Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only"
                            .into(),
                    );
                } else if name != HTTP_CONNECTION_MANAGER && name != "envoy.http_connection_manager"
                {
                    fail(format!("Envoy filter: subfilter match requires filter match with {HTTP_CONNECTION_MANAGER}"));
                } else if sub.name.as_deref().unwrap_or("").is_empty() {
                    fail("Envoy filter: subfilter match has no name to match on".into());
                } else {
                    return true;
                }
                return false;
            }
        }
        "ROUTE_CONFIGURATION" | "VIRTUAL_HOST" | "HTTP_ROUTE"
            if has_object && m.route_configuration.is_none() =>
        {
            fail("applyTo for http route class objects cannot have non route configuration match");
        }
        "CLUSTER" if has_object && m.cluster.is_none() => {
            fail("applyTo for cluster class objects cannot have non cluster match");
        }
        _ => {}
    }
    true
}

/// A filter (or extension config) patched in by name alone, without `typed_config` (or
/// `config_discovery`): istiod warns that Envoy is dropping lookups by name. The Envoy
/// types these patches hold (`HttpFilter`, `Filter`, `ListenerFilter`,
/// `TypedExtensionConfig`) have a `typed_config` field of their own.
fn filter_without_typed_config(pp: &str, cp: &ConfigPatch, errs: &mut Errs) {
    let apply_to = cp.apply_to.as_deref().unwrap_or("");
    if !matches!(
        apply_to,
        "HTTP_FILTER" | "NETWORK_FILTER" | "LISTENER_FILTER" | "EXTENSION_CONFIG"
    ) {
        return;
    }
    let Some(serde_json::Value::Object(value)) = cp.patch.as_ref().and_then(|p| p.value.as_ref())
    else {
        return;
    };
    let set = |keys: [&str; 2]| {
        keys.iter()
            .any(|k| value.get(*k).is_some_and(|v| !v.is_null()))
    };
    if set(["typed_config", "typedConfig"]) || set(["config_discovery", "configDiscovery"]) {
        return;
    }
    let name = value
        .get("name")
        .and_then(serde_json::Value::as_str)
        .unwrap_or("");
    errs.push(FieldError::warning(
        format!("{pp}.patch.value"),
        format!("using deprecated types by name without typed_config; {name}"),
    ));
}

/// istiod's checks of one config patch, in its order: each stops at the first problem.
fn config_patch(pp: &str, cp: &ConfigPatch, errs: &mut Errs) {
    if let Some(m) = &cp.r#match {
        if m.context.as_deref() == Some("WAYPOINT") {
            return;
        }
    }
    if cp.apply_to.as_deref().unwrap_or("INVALID") == "INVALID" {
        err(
            errs,
            format!("{pp}.applyTo"),
            "Required value: Envoy filter: missing applyTo",
        );
        return;
    }
    let Some(patch) = &cp.patch else {
        err(
            errs,
            format!("{pp}.patch"),
            "Required value: Envoy filter: missing patch",
        );
        return;
    };
    let operation = patch.operation.as_deref().unwrap_or("INVALID");
    if operation == "INVALID" {
        err(
            errs,
            format!("{pp}.patch.operation"),
            "Required value: Envoy filter: missing patch operation",
        );
        return;
    }
    if operation != "REMOVE" && patch.value.is_none() {
        err(
            errs,
            format!("{pp}.patch.value"),
            "Required value: Envoy filter: missing patch value for non-remove operation",
        );
        return;
    }
    let version = cp
        .r#match
        .as_ref()
        .and_then(|m| m.proxy.as_ref())
        .and_then(|p| p.proxy_version.as_deref())
        .unwrap_or("");
    // 1.30.3 compiles every pattern (later releases skip ones over 1024 characters).
    if let Some(problem) = go_regexp::syntax_error(version).filter(|_| !version.is_empty()) {
        err(
            errs,
            format!("{pp}.match.proxy.proxyVersion"),
            format!("Invalid value: Envoy filter: invalid regex for proxy version, [{problem}]"),
        );
        return;
    }
    if apply_to_agrees_with_match(pp, cp, errs) {
        filter_without_typed_config(pp, cp, errs);
    }
}

pub fn proxy_config(pc: &ProxyConfigSpec, errs: &mut Errs) {
    match_labels("spec.selector.matchLabels", &pc.selector, errs);
    if pc.concurrency.is_some_and(|c| c < 0) {
        err(
            errs,
            "spec.concurrency",
            "Invalid value: concurrency must be greater than or equal to 0",
        );
    }
}

// ---------------------------------------------------------------- security

/// The workload a policy applies to: `selector`, `targetRef` and `targetRefs` exclude one
/// another, and each must be well-formed.
fn policy_target(
    selector: &Option<Selector>,
    single_ref: &Option<TargetRef>,
    refs: &Option<Vec<TargetRef>>,
    errs: &mut Errs,
) {
    let many = non_empty(refs);
    let set = [selector.is_some(), single_ref.is_some(), many];
    if set.iter().filter(|s| **s).count() > 1 {
        err(
            errs,
            "spec",
            "Invalid value: only one of targetRefs or workloadSelector can be set",
        );
    }
    match_labels("spec.selector.matchLabels", selector, errs);
    if let Some(r) = single_ref {
        target_ref("spec.targetRef", r, errs);
    }
    for (i, r) in each(refs) {
        target_ref(&format!("spec.targetRefs[{i}]"), r, errs);
    }
}

fn target_ref(path: &str, r: &TargetRef, errs: &mut Errs) {
    if r.name.as_deref().unwrap_or("").is_empty() {
        err(
            errs,
            format!("{path}.name"),
            "Required value: targetRef name must be set",
        );
    }
    if !r.namespace.as_deref().unwrap_or("").is_empty() {
        err(errs, format!("{path}.namespace"), "Invalid value: targetRef namespace must not be set; cross namespace referencing is not supported");
    }
    let group = r.group.as_deref().unwrap_or("");
    let kind = r.kind.as_deref().unwrap_or("");
    let allowed = [
        ("core", "Service"),
        ("networking.istio.io", "ServiceEntry"),
        ("gateway.networking.k8s.io", "Gateway"),
        ("gateway.networking.k8s.io", "GatewayClass"),
    ];
    let canonical = if group.is_empty() { "core" } else { group };
    if !allowed.contains(&(canonical, kind)) {
        err(errs, path, format!("Invalid value: targetRef must be to one of [core/v1/Service networking.istio.io/v1/ServiceEntry gateway.networking.k8s.io/v1/Gateway gateway.networking.k8s.io/v1/GatewayClass] but was {group}/{kind}"));
    }
}

/// istiod's rule for the `workloadSelector.labels` of EnvoyFilter, ServiceEntry and
/// Sidecar: an empty key or a `*` is an error that ends the check of the resource (`true`);
/// no labels at all is a warning (it applies to every service of the namespace).
/// Whether istiod refuses a (decoded) ServiceEntry spec's workload selector, which ends its
/// validation there: nothing else about the entry (its `exportTo` either) is reported.
pub(super) fn service_entry_selector_refused(spec: &serde_json::Value) -> bool {
    let Some(selector) = spec.get("workloadSelector") else {
        return false;
    };
    let labels: BTreeMap<String, String> = selector
        .get("labels")
        .and_then(serde_json::Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
        .collect();
    let mut refused = Vec::new();
    selector_labels("spec.workloadSelector.labels", Some(&labels), &mut refused);
    !refused.is_empty()
}

fn alpha_selector(owner: &str, sel: &Option<WorkloadSelector>, errs: &mut Errs) -> bool {
    let Some(selector) = sel else {
        return false;
    };
    let labels = selector.labels.clone().unwrap_or_default();
    let before = errs.len();
    selector_labels("spec.workloadSelector.labels", Some(&labels), errs);
    if errs.len() > before {
        return true;
    }
    if labels.is_empty() {
        errs.push(FieldError::warning(
            "spec.workloadSelector",
            format!("{owner}: workload selector specified without labels, will be applied to all services in namespace"),
        ));
    }
    false
}

/// istiod's checks of selector labels: no empty key, no `*` in a key or a value.
fn selector_labels(path: &str, labels: Option<&BTreeMap<String, String>>, errs: &mut Errs) {
    for (key, value) in labels.into_iter().flatten() {
        let pair = format!("{key}={value}");
        if key.is_empty() {
            err(
                errs,
                path,
                format!("Invalid value: empty key is not supported in selector: {pair:?}"),
            );
        }
        if key.contains('*') || value.contains('*') {
            err(
                errs,
                format!("{path}[{key}]"),
                format!("Invalid value: wildcard is not supported in selector: {pair:?}"),
            );
        }
    }
}

/// istiod's workload selector rule: no empty key, no `*` in a key or a value; a selector
/// without labels is a warning (it selects every workload of the namespace).
fn match_labels(path: &str, sel: &Option<Selector>, errs: &mut Errs) {
    let Some(selector) = sel else {
        return;
    };
    let labels = selector.match_labels.as_ref();
    if labels.is_none_or(|l| l.is_empty()) {
        errs.push(FieldError::warning(
            path,
            "workload selector specified without labels",
        ));
    }
    selector_labels(path, labels, errs);
}

pub fn authorization_policy(ap: &AuthorizationPolicySpec, errs: &mut Errs) {
    policy_target(&ap.selector, &ap.target_ref, &ap.target_refs, errs);
    let action = ap.action.as_deref().unwrap_or("ALLOW");
    let mut fail =
        |path: &str, message: String| err(errs, path, format!("Invalid value: {message}"));
    let meaningless = |action: &str| {
        format!("{action} action without `rules` is meaningless as it will never be triggered, add an empty rule `{{}}` if you want it be triggered for every request")
    };
    if action == "CUSTOM" {
        if !non_empty(&ap.rules) {
            fail("spec.rules", meaningless("CUSTOM"));
        } else if ap
            .provider
            .as_ref()
            .and_then(|p| p.name.as_deref())
            .unwrap_or("")
            .is_empty()
        {
            fail(
                "spec.provider.name",
                "`provider.name` must not be empty".into(),
            );
        }
        for (i, rule) in each(&ap.rules) {
            for unsupported in custom_action_unsupported(rule) {
                fail(
                    &format!("spec.rules[{i}]"),
                    format!("{unsupported} is currently not supported with CUSTOM action"),
                );
            }
        }
    }
    if ap.provider.is_some() && action != "CUSTOM" {
        fail(
            "spec.provider",
            format!("`provider` must not be with non CUSTOM action, found {action}"),
        );
    }
    if action == "DENY" && !non_empty(&ap.rules) {
        fail("spec.rules", meaningless("DENY"));
    }
    for (i, rule) in each(&ap.rules) {
        for (path, message) in authorization_rule(i, rule) {
            fail(&path, message);
        }
    }
    for (i, rule) in each(&ap.rules) {
        if action == "DENY" && denies_all_tcp(rule) {
            errs.push(FieldError::warning(
                format!("spec.rules[{i}]"),
                "configured AuthorizationPolicy will deny all traffic to TCP ports under its scope due to the use of only HTTP attributes in a DENY rule; it is recommended to explicitly specify the port",
            ));
        }
    }
}

/// Whether a DENY rule matches TCP traffic by HTTP attributes alone (so it denies every
/// TCP connection): sources without any TCP attribute and no operations, or operations
/// without ports.
fn denies_all_tcp(rule: &Rule) -> bool {
    let sources: Vec<_> = rule
        .from
        .iter()
        .flatten()
        .filter_map(|f| f.source.as_ref())
        .collect();
    let operations: Vec<_> = rule
        .to
        .iter()
        .flatten()
        .filter_map(|t| t.operation.as_ref())
        .collect();
    let tcp_in_from = sources.iter().any(|s| {
        [
            &s.principals,
            &s.not_principals,
            &s.ip_blocks,
            &s.not_ip_blocks,
            &s.namespaces,
            &s.not_namespaces,
            &s.remote_ip_blocks,
            &s.not_remote_ip_blocks,
            &s.service_accounts,
            &s.not_service_accounts,
        ]
        .iter()
        .any(|list| list.is_some())
    });
    let tcp_in_to = operations
        .iter()
        .any(|op| op.ports.is_some() || op.not_ports.is_some());
    let (from_exists, to_exists) = (!sources.is_empty(), !operations.is_empty());
    (from_exists && !to_exists && !tcp_in_from) || (to_exists && !tcp_in_to)
}

/// What a CUSTOM action cannot use in a rule, by istiod's names.
fn custom_action_unsupported(rule: &Rule) -> Vec<String> {
    let mut out = Vec::new();
    for from in rule.from.iter().flatten() {
        let Some(src) = &from.source else { continue };
        let lists = [
            ("From.Namespaces", &src.namespaces),
            ("From.NotNamespaces", &src.not_namespaces),
            ("From.ServiceAccounts", &src.service_accounts),
            ("From.NotServiceAccounts", &src.not_service_accounts),
            ("From.TrustDomains", &src.trust_domains),
            ("From.NotTrustDomains", &src.not_trust_domains),
            ("From.Principals", &src.principals),
            ("From.NotPrincipals", &src.not_principals),
            ("From.RequestPrincipals", &src.request_principals),
            ("From.NotRequestPrincipals", &src.not_request_principals),
        ];
        out.extend(
            lists
                .iter()
                .filter(|(_, l)| non_empty(l))
                .map(|(n, _)| n.to_string()),
        );
    }
    for when in rule.when.iter().flatten() {
        let key = when.key.as_deref().unwrap_or("");
        let source_keys = [
            "source.namespace",
            "source.serviceAccount",
            "source.trustDomain",
            "source.principal",
        ];
        if source_keys.contains(&key) || key.starts_with("request.auth.") {
            out.push(key.to_string());
        }
    }
    out
}

/// A check of one named value list of a rule, as istiod words its problem.
type ListCheck = fn(&str, &[String]) -> Option<String>;

/// istiod's checks of one authorization rule: (path, message) per problem.
fn authorization_rule(i: usize, rule: &Rule) -> Vec<(String, String)> {
    let rp = format!("spec.rules[{i}]");
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |path: String, message: String| out.push((path, message));
    let empty = |l: &Option<Vec<String>>| !non_empty(l);
    for (j, from) in each(&rule.from) {
        let fp = format!("{rp}.from[{j}].source");
        let Some(src) = &from.source else {
            add(
                fp,
                format!("`from.source` must not be nil, found at rule {i}"),
            );
            continue;
        };
        let identities = [
            &src.principals,
            &src.not_principals,
            &src.namespaces,
            &src.not_namespaces,
        ];
        let accounts = [&src.service_accounts, &src.not_service_accounts];
        if identities.iter().any(|l| non_empty(l)) && accounts.iter().any(|l| non_empty(l)) {
            add(
                fp.clone(),
                format!(
                    "cannot set serviceAccounts with namespaces or principals, found at rule {i}"
                ),
            );
        }
        let all = [
            &src.principals,
            &src.request_principals,
            &src.namespaces,
            &src.ip_blocks,
            &src.remote_ip_blocks,
            &src.not_principals,
            &src.not_request_principals,
            &src.not_namespaces,
            &src.not_ip_blocks,
            &src.not_remote_ip_blocks,
            &src.service_accounts,
            &src.not_service_accounts,
            &src.trust_domains,
            &src.not_trust_domains,
        ];
        if all.iter().all(|l| empty(l)) {
            add(
                fp.clone(),
                format!("`from.source` must not be empty, found at rule {i}"),
            );
        }
        for list in [
            &src.ip_blocks,
            &src.not_ip_blocks,
            &src.remote_ip_blocks,
            &src.not_remote_ip_blocks,
        ] {
            for problem in ip_problems(list.iter().flatten()) {
                add(fp.clone(), problem);
            }
        }
        let checks: [(&str, &Option<Vec<String>>, ListCheck); 14] = [
            ("Principals", &src.principals, empty_value),
            ("RequestPrincipals", &src.request_principals, empty_value),
            ("Namespaces", &src.namespaces, empty_value),
            (
                "ServiceAccounts",
                &src.service_accounts,
                service_account_problem,
            ),
            ("TrustDomains", &src.trust_domains, trust_domain_problem),
            ("IpBlocks", &src.ip_blocks, empty_value),
            ("RemoteIpBlocks", &src.remote_ip_blocks, empty_value),
            ("NotPrincipals", &src.not_principals, empty_value),
            (
                "NotRequestPrincipals",
                &src.not_request_principals,
                empty_value,
            ),
            ("NotNamespaces", &src.not_namespaces, empty_value),
            (
                "NotServiceAccounts",
                &src.not_service_accounts,
                service_account_problem,
            ),
            (
                "NotTrustDomains",
                &src.not_trust_domains,
                trust_domain_problem,
            ),
            ("NotIpBlocks", &src.not_ip_blocks, empty_value),
            ("NotRemoteIpBlocks", &src.not_remote_ip_blocks, empty_value),
        ];
        for (name, list, check) in checks {
            if let Some(problem) = check(name, list.as_deref().unwrap_or_default()) {
                add(fp.clone(), problem);
            }
        }
    }
    for (j, to) in each(&rule.to) {
        let tp = format!("{rp}.to[{j}].operation");
        let Some(op) = &to.operation else {
            add(
                tp,
                format!("`to.operation` must not be nil, found at rule {i}"),
            );
            continue;
        };
        let lists = [
            ("Ports", &op.ports),
            ("Methods", &op.methods),
            ("Paths", &op.paths),
            ("Hosts", &op.hosts),
            ("NotPorts", &op.not_ports),
            ("NotMethods", &op.not_methods),
            ("NotPaths", &op.not_paths),
            ("NotHosts", &op.not_hosts),
        ];
        if lists.iter().all(|(_, l)| empty(l)) {
            add(
                tp.clone(),
                format!("`to.operation` must not be empty, found at rule {i}"),
            );
        }
        for list in [&op.ports, &op.not_ports] {
            for problem in port_problems(list.iter().flatten()) {
                add(tp.clone(), problem);
            }
        }
        for (name, list) in lists {
            if let Some(problem) = empty_value(name, list.as_deref().unwrap_or_default()) {
                add(tp.clone(), problem);
            }
        }
        for (name, list) in [("Paths", &op.paths), ("NotPaths", &op.not_paths)] {
            if let Some(problem) = path_template_problem(name, list.as_deref().unwrap_or_default())
            {
                add(tp.clone(), problem);
            }
        }
    }
    for (j, when) in each(&rule.when) {
        let wp = format!("{rp}.when[{j}]");
        let key = when.key.as_deref().unwrap_or("");
        if key.is_empty() {
            add(wp, "`key` must not be empty".into());
            continue;
        }
        if empty(&when.values) && empty(&when.not_values) {
            add(
                wp,
                format!("at least one of `values` or `notValues` must be set for key {key}"),
            );
            continue;
        }
        for (field, list) in [("value", &when.values), ("notValue", &when.not_values)] {
            if let Some(problem) = attribute_problem(key, list.as_deref().unwrap_or_default()) {
                add(
                    wp.clone(),
                    format!("invalid `{field}` for `key` {key}: {problem}"),
                );
            }
        }
    }
    out
}

fn empty_value(name: &str, values: &[String]) -> Option<String> {
    values
        .iter()
        .any(|v| v.is_empty())
        .then(|| format!("empty value not allowed, found in {name}"))
}

fn wildcard_problem(name: &str, values: &[String]) -> Option<String> {
    empty_value(name, values).or_else(|| {
        values.iter().find_map(|v| match v.matches('*').count() {
            0 => None,
            1 if v == "*" || v.starts_with('*') || v.ends_with('*') => None,
            1 => Some(format!(
                "wildcard is only allowed at the start or end, found in {name}: {v:?}"
            )),
            _ => Some(format!(
                "at most one wildcard is allowed, found in {name}: {v:?}"
            )),
        })
    })
}

fn trust_domain_problem(name: &str, values: &[String]) -> Option<String> {
    wildcard_problem(name, values).or_else(|| {
        values
            .iter()
            .find(|v| v.contains('/'))
            .map(|v| format!("trust domain must not contain '/', found in {name}: {v:?}"))
    })
}

fn service_account_problem(name: &str, values: &[String]) -> Option<String> {
    if values.len() > 16 {
        return Some("may not have more than 16 values".into());
    }
    let format_hint = "expected format 'serviceAccount' or 'namespace/serviceAccount'";
    values.iter().find_map(|v| {
        if v.is_empty() {
            return Some(format!("empty value not allowed, found in {name}"));
        }
        if v.contains('*') {
            return Some(format!("wildcard not allowed, found in {name}"));
        }
        if v.matches('/').count() > 1 {
            return Some(format!("{format_hint}, found {v:?} in {name}"));
        }
        if v.len() > 320 {
            return Some(format!(
                "value cannot exceed 320 characters, found {v:?} in {name}"
            ));
        }
        match v.split_once('/') {
            Some(("", _)) => Some(format!(
                "{format_hint}, found empty namespace {v:?} in {name}"
            )),
            Some((_, "")) => Some(format!(
                "{format_hint}, found empty serviceAccount {v:?} in {name}"
            )),
            _ => None,
        }
    })
}

/// `{*}` / `{**}` path templates: `{**}` only last, no other braces, literal segments.
fn path_template_problem(name: &str, paths: &[String]) -> Option<String> {
    for path in paths {
        let templated = path.contains("{*}") || path.contains("{**}");
        let trimmed = path.trim_matches('/');
        let mut any_seen = false;
        for glob in trimmed.split('/') {
            match glob {
                "{*}" if !any_seen => continue,
                "{**}" if !any_seen => {
                    any_seen = true;
                    continue;
                }
                "{*}" | "{**}" => {
                    return Some(format!("invalid or unsupported path {trimmed}, found in {name}. {{**}} is not the last operator"));
                }
                _ => {}
            }
            if glob.contains(['{', '}']) {
                return Some(format!("invalid or unsupported path {trimmed}, found in {name}. Contains '{{' or '}}' beyond a supported path template"));
            }
            if templated && !is_path_literal(glob) {
                return Some(format!("invalid or unsupported path {trimmed}, found in {name}. Contains segment {glob} with invalid string literal"));
            }
        }
    }
    None
}

/// A path segment istiod takes as a literal: RFC 3986 pchars (`%` as is, no `*`).
fn is_path_literal(glob: &str) -> bool {
    !glob.is_empty()
        && glob
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%!$&'()+,;:@=".contains(&b))
}

/// istiod's IP/CIDR list check: one message per bad entry.
fn ip_problems<'a>(values: impl Iterator<Item = &'a String>) -> Vec<String> {
    values
        .filter_map(|v| {
            if v.contains('/') {
                super::netip::parse_prefix_error(v).map(|e| format!("bad CIDR range ({v}): {e}"))
            } else {
                v.parse::<std::net::IpAddr>()
                    .is_err()
                    .then(|| format!("bad IP address ({v})"))
            }
        })
        .collect()
}

/// istiod's port list check: one message per entry that is not 0..65535.
fn port_problems<'a>(values: impl Iterator<Item = &'a String>) -> Vec<String> {
    values
        .filter_map(|v| match v.parse::<u32>() {
            Ok(p) if p <= 65535 => None,
            Ok(_) => Some(format!("bad port ({v}): <nil>")),
            Err(_) => Some(format!(
                "bad port ({v}): strconv.ParseUint: parsing {v:?}: invalid syntax"
            )),
        })
        .collect()
}

/// Go's multierror text for a list of problems.
fn multierror(problems: Vec<String>) -> Option<String> {
    match problems.len() {
        0 => None,
        n => {
            let head = if n == 1 {
                "1 error occurred:".to_string()
            } else {
                format!("{n} errors occurred:")
            };
            let items: String = problems.iter().map(|p| format!("\n\t* {p}")).collect();
            Some(format!("{head}{items}\n\n"))
        }
    }
}

/// istiod's check of a `when` condition's values for its attribute.
fn attribute_problem(key: &str, values: &[String]) -> Option<String> {
    if let Some(problem) = empty_value(key, values) {
        return Some(problem);
    }
    let map_key = || {
        let open = key.find('[');
        let well_formed = key.ends_with(']') && open.is_some_and(|o| o > 0 && o < key.len() - 2);
        (!well_formed).then(|| format!("bad key ({key}): should have format a[b]"))
    };
    match key {
        k if k.starts_with("request.headers") => map_key(),
        "source.ip" | "remote.ip" | "destination.ip" => multierror(ip_problems(values.iter())),
        "source.serviceAccount" => service_account_problem(key, values),
        "source.trustDomain" => wildcard_problem(key, values),
        "source.namespace"
        | "source.principal"
        | "request.auth.principal"
        | "request.auth.audiences"
        | "request.auth.presenter"
        | "connection.sni" => None,
        k if k.starts_with("request.auth.claims") => map_key(),
        "destination.port" => multierror(port_problems(values.iter())),
        k if k.starts_with("experimental.envoy.filters.") => map_key(),
        "destination.namespace" => Some(format!(
            "attribute {key} is replaced by the metadata.namespace"
        )),
        k if k.starts_with("destination.labels") => Some(format!(
            "attribute {key} is replaced by the workload selector"
        )),
        "destination.name" | "destination.user" => Some(format!(
            "deprecated attribute {key}: only supported in v1alpha1"
        )),
        _ => Some(format!("unknown attribute: {key}")),
    }
}

pub fn peer_authentication(pa: &PeerAuthenticationSpec, errs: &mut Errs) {
    match_labels("spec.selector.matchLabels", &pa.selector, errs);
    let Some(levels) = &pa.port_level_mtls else {
        return;
    };
    let no_selector = pa
        .selector
        .as_ref()
        .and_then(|s| s.match_labels.as_ref())
        .is_none_or(|l| l.is_empty());
    if no_selector && !levels.is_empty() {
        let message = "mesh/namespace peer authentication cannot have port level mTLS";
        err(errs, "spec.portLevelMtls", message);
    }
    if levels.is_empty() {
        let message = "port level mTLS, if defined, must have at least one element";
        err(errs, "spec.portLevelMtls", message);
    }
    for port in levels.keys() {
        let path = format!("spec.portLevelMtls[{port}]");
        if !port.parse::<i64>().is_ok_and(|p| (1..=65535).contains(&p)) {
            err(errs, &path, "port must be in range 1..65535");
        }
    }
}

pub fn request_authentication(ra: &RequestAuthenticationSpec, errs: &mut Errs) {
    policy_target(&ra.selector, &ra.target_ref, &ra.target_refs, errs);
    for (i, rule) in each(&ra.jwt_rules) {
        jwt_rule(&format!("spec.jwtRules[{i}]"), rule, errs);
    }
}

/// istiod's checks of one JWT rule.
fn jwt_rule(rp: &str, rule: &JwtRule, errs: &mut Errs) {
    let empty = |v: &Option<String>| v.as_deref().unwrap_or("").is_empty();
    if rule.audiences.iter().flatten().any(|a| a.is_empty()) {
        err(
            errs,
            format!("{rp}.audiences"),
            "audience must be non-empty string",
        );
    }
    let uri = rule.jwks_uri.as_ref().or(rule.jwks_uri_alt.as_ref());
    if empty(&rule.issuer) && uri.is_none_or(|u| u.is_empty()) {
        err(
            errs,
            format!("{rp}.issuer"),
            "issuer or jwksUri must be non-empty string",
        );
    }
    if let Some(uri) = uri.filter(|u| !u.is_empty()) {
        let scheme = uri.split_once("://").map_or("", |(s, _)| s);
        if !matches!(scheme, "http" | "https") {
            err(
                errs,
                format!("{rp}.jwksUri"),
                format!("URI scheme {scheme:?} is not supported"),
            );
        }
    }
    if let Some(problem) = rule
        .jwks
        .as_deref()
        .filter(|j| !j.is_empty())
        .and_then(super::jwks::problem)
    {
        err(
            errs,
            format!("{rp}.jwks"),
            format!("jwks parse error: {problem}"),
        );
    }
    for h in rule.from_headers.iter().flatten() {
        if empty(&h.name) {
            err(
                errs,
                format!("{rp}.fromHeaders"),
                "location header name must be non-empty string",
            );
        }
    }
    if rule.from_params.iter().flatten().any(|p| p.is_empty()) {
        err(
            errs,
            format!("{rp}.fromParams"),
            "location query must be non-empty string",
        );
    }
    if rule.from_cookies.iter().flatten().any(|c| c.is_empty()) {
        err(
            errs,
            format!("{rp}.fromCookies"),
            "cookie name must be non-empty string",
        );
    }
    for o in rule.output_claim_to_headers.iter().flatten() {
        let header = o.header.as_deref().unwrap_or("");
        if empty(&o.claim) || header.is_empty() {
            err(
                errs,
                format!("{rp}.outputClaimToHeaders"),
                "outputClaimToHeaders header and claim value must be non-empty string",
            );
        } else if !header
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            err(
                errs,
                format!("{rp}.outputClaimToHeaders"),
                format!("header name {header} is not a valid header name"),
            );
        }
    }
    if let Some(t) = &rule.timeout {
        let ms = parse_duration_ms(t.trim_start_matches('-')).map(|ms| {
            if t.starts_with('-') {
                -ms
            } else {
                ms
            }
        });
        if ms.is_some_and(|ms| ms < 1.0) {
            err(
                errs,
                format!("{rp}.timeout"),
                "duration must be greater than 1ms",
            );
        } else if ms.is_some_and(|ms| ms.fract() != 0.0) {
            err(
                errs,
                format!("{rp}.timeout"),
                "only durations to ms precision are supported",
            );
        }
    }
}

// ---------------------------------------------------------------- telemetry, extensions

pub fn telemetry(t: &TelemetrySpec, errs: &mut Errs) {
    policy_target(&t.selector, &t.target_ref, &t.target_refs, errs);
    for (i, m) in each(&t.metrics) {
        let mp = format!("spec.metrics[{i}]");
        providers(&format!("{mp}.providers"), &m.providers, errs);
        for (j, o) in each(&m.overrides) {
            let op = format!("{mp}.overrides[{j}]");
            for (name, to) in o.tag_overrides.iter().flatten() {
                let tp = format!("{op}.tagOverrides[{name}]");
                if name.is_empty() {
                    errs.push(FieldError::warning(
                        &tp,
                        "tagOverrides.name may not be empty",
                    ));
                }
                let value = to.value.as_deref().unwrap_or("");
                match to.operation.as_deref().unwrap_or("UPSERT") {
                    "UPSERT" if value.is_empty() => err(errs, &tp, "Invalid value: tagOverrides.value must be set when operation is UPSERT"),
                    "REMOVE" if !value.is_empty() => err(errs, &tp, "Invalid value: tagOverrides.value may only be set when operation is UPSERT"),
                    _ => {}
                }
            }
            if o.r#match.as_ref().and_then(|m| m.custom_metric.as_deref()) == Some("") {
                err(
                    errs,
                    format!("{op}.match.customMetric"),
                    "Invalid value: customMetric may not be empty",
                );
            }
        }
    }
    if t.tracing.as_ref().is_some_and(|t| t.len() > 1) {
        errs.push(FieldError::warning(
            "spec.tracing",
            "multiple tracing is not currently supported",
        ));
    }
    for (i, tr) in each(&t.tracing) {
        let tp = format!("spec.tracing[{i}]");
        if tr.providers.as_ref().is_some_and(|p| p.len() > 1) {
            errs.push(FieldError::warning(
                format!("{tp}.providers"),
                "multiple providers is not currently supported",
            ));
        }
        providers(&format!("{tp}.providers"), &tr.providers, errs);
        if tr
            .random_sampling_percentage
            .is_some_and(|p| !(0.0..=100.0).contains(&p))
        {
            err(
                errs,
                format!("{tp}.randomSamplingPercentage"),
                "Invalid value: randomSamplingPercentage must be in range [0.0, 100.0]",
            );
        }
        for (name, tag) in tr.custom_tags.iter().flatten() {
            let cp = format!("{tp}.customTags[{name}]");
            if name.is_empty() {
                err(errs, &cp, "Invalid value: tag name may not be empty");
            }
            let empty = |v: Option<&String>| v.is_none_or(|v| v.is_empty());
            if let Some(l) = &tag.literal {
                if empty(l.value.as_ref()) {
                    err(
                        errs,
                        &cp,
                        "Invalid value: literal tag value may not be empty",
                    );
                }
            } else if let Some(h) = &tag.header {
                if empty(h.name.as_ref()) {
                    err(errs, &cp, "Invalid value: header tag name may not be empty");
                }
            } else if let Some(e) = &tag.environment {
                if empty(e.name.as_ref()) {
                    err(
                        errs,
                        &cp,
                        "Invalid value: environment tag name may not be empty",
                    );
                }
            }
        }
    }
    for (i, l) in each(&t.access_logging) {
        if let Some(filter) = &l.filter {
            let expression = filter.expression.as_deref().unwrap_or("");
            if let Some(problem) = crate::model::cel::syntax_error_display(expression) {
                err(
                    errs,
                    format!("spec.accessLogging[{i}].filter.expression"),
                    format!("must be a valid CEL expression, {problem}"),
                );
            }
        }
        providers(
            &format!("spec.accessLogging[{i}].providers"),
            &l.providers,
            errs,
        );
    }
}

/// Every provider reference needs a name (istiod reports the first that lacks one).
fn providers(path: &str, list: &Option<Vec<Provider>>, errs: &mut Errs) {
    if each(list).any(|(_, p)| p.name.as_deref().unwrap_or("").is_empty()) {
        err(errs, path, "Invalid value: providers.name may not be empty");
    }
}

pub fn wasm_plugin(w: &WasmPluginSpec, errs: &mut Errs) {
    policy_target(&w.selector, &w.target_ref, &w.target_refs, errs);
    wasm_module(
        "spec",
        WasmModule {
            url: w.url.as_deref(),
            sha256: w.sha256.as_deref(),
            image_pull_secret: w.image_pull_secret.as_deref(),
            plugin_name: w.plugin_name.as_deref(),
            vm_config: w.vm_config.as_ref(),
        },
        255,
        errs,
    );
    traffic_ports(&w.r#match, errs);
}

pub fn traffic_extension(t: &TrafficExtensionSpec, errs: &mut Errs) {
    if t.wasm.is_some() == t.lua.is_some() {
        err(
            errs,
            "spec",
            "Invalid value: exactly one of wasm or lua must be set",
        );
    }
    policy_target(&t.selector, &None, &t.target_refs, errs);
    if let Some(lua) = &t.lua {
        let code = lua.inline_code.as_deref().unwrap_or("");
        if code.is_empty() {
            err(
                errs,
                "spec.lua.inlineCode",
                "Required value: lua.inlineCode cannot be empty",
            );
        } else if code.len() > 65536 {
            err(
                errs,
                "spec.lua.inlineCode",
                "Invalid value: lua.inlineCode exceeds maximum size of 64KB",
            );
        }
    }
    if let Some(w) = &t.wasm {
        wasm_module(
            "spec.wasm",
            WasmModule {
                url: w.url.as_deref(),
                sha256: w.sha256.as_deref(),
                image_pull_secret: w.image_pull_secret.as_deref(),
                plugin_name: w.plugin_name.as_deref(),
                vm_config: w.vm_config.as_ref(),
            },
            256,
            errs,
        );
    }
    traffic_ports(&t.r#match, errs);
}

/// The Wasm module fields WasmPlugin and TrafficExtension share.
struct WasmModule<'a> {
    url: Option<&'a str>,
    sha256: Option<&'a str>,
    image_pull_secret: Option<&'a str>,
    plugin_name: Option<&'a str>,
    vm_config: Option<&'a VmConfig>,
}

/// istiod's checks of a Wasm module; `name_limit` is the plugin name length its message
/// states (255 for WasmPlugin, 256 for TrafficExtension).
fn wasm_module(path: &str, m: WasmModule, name_limit: usize, errs: &mut Errs) {
    match m.url.unwrap_or("") {
        "" => err(
            errs,
            format!("{path}.url"),
            "Required value: url field needs to be set",
        ),
        url => match request_uri_scheme(url) {
            Err(problem) => err(
                errs,
                format!("{path}.url"),
                format!("failed to parse url: {problem}"),
            ),
            Ok(scheme) if !["", "file", "http", "https", "oci"].contains(&scheme.as_str()) => err(
                errs,
                format!("{path}.url"),
                format!("Invalid value: url contains unsupported scheme: {scheme}"),
            ),
            Ok(_) => {}
        },
    }
    let sha = m.sha256.unwrap_or("");
    if !sha.is_empty() {
        if sha.len() != 64 {
            err(
                errs,
                format!("{path}.sha256"),
                "Invalid value: sha256 field must be 64 characters long",
            );
        } else if !sha
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            err(
                errs,
                format!("{path}.sha256"),
                "Invalid value: sha256 field must match [a-f0-9]{64} pattern",
            );
        }
    }
    if m.image_pull_secret.is_some_and(|s| s.len() > 253) {
        err(
            errs,
            format!("{path}.imagePullSecret"),
            "Invalid value: imagePullSecret field must be less than 253 characters long",
        );
    }
    if m.plugin_name.is_some_and(|n| n.len() > 256) {
        err(
            errs,
            format!("{path}.pluginName"),
            format!(
                "Invalid value: pluginName field must be less than {name_limit} characters long"
            ),
        );
    }
    if let Some(problem) = vm_env_problem(m.vm_config) {
        err(
            errs,
            format!("{path}.vmConfig.env"),
            format!("Invalid value: {problem}"),
        );
    }
}

/// Why Go's request-URI parsing refuses a plugin URL, tried as given and then with an
/// `http://` prefix (the first attempt's reason is the one reported).
/// The scheme of a Wasm module URL as istiod's strict parse reads it (lowercased; the
/// URL is retried as `http://URL` when it does not parse as given), or the parse error.
fn request_uri_scheme(url: &str) -> Result<String, String> {
    let scheme = url
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|scheme| {
            scheme
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
    if (scheme.is_some() || url.starts_with('/')) && uri_chars_ok(url) {
        return Ok(scheme.unwrap_or("").to_ascii_lowercase());
    }
    if uri_chars_ok(&format!("http://{url}")) {
        return Ok("http".into());
    }
    let reason = if scheme.is_some() || url.starts_with('/') {
        "invalid URL"
    } else {
        "invalid URI for request"
    };
    Err(format!("parse {url:?}: {reason}"))
}

/// Characters and escapes Go's URL parser accepts in a request URI: no controls or
/// spaces, `%` only as a two-digit escape, and an authority of URI characters.
fn uri_chars_ok(uri: &str) -> bool {
    let bytes = uri.as_bytes();
    let escapes_ok = bytes.iter().enumerate().all(|(i, b)| {
        *b != b'%'
            || (bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
    });
    if !escapes_ok || bytes.iter().any(|b| *b <= b' ' || *b == 0x7f) {
        return false;
    }
    let authority = uri
        .split_once("://")
        .map(|(_, rest)| rest.split('/').next().unwrap_or(""));
    authority.is_none_or(|a| {
        a.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@%[]".contains(&b))
            && host_port_ok(a.rsplit_once('@').map_or(a, |(_, host)| host))
    })
}

/// Go's URL host rules: `[` only to open an IPv6 host, which needs its `]`, and whatever
/// follows the host (after the last colon outside brackets) is an optional all-digit port.
fn host_port_ok(host: &str) -> bool {
    let port_ok = |rest: &str| {
        rest.is_empty()
            || rest
                .strip_prefix(':')
                .is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
    };
    if host.starts_with('[') {
        return host.rfind(']').is_some_and(|end| port_ok(&host[end + 1..]));
    }
    !host.contains('[') && host.rfind(':').is_none_or(|colon| port_ok(&host[colon..]))
}

/// istiod's check of a Wasm VM's environment: the first problem only.
fn vm_env_problem(vm: Option<&VmConfig>) -> Option<&'static str> {
    let mut seen = HashSet::new();
    for e in vm?.env.iter().flatten() {
        let name = e.name.as_deref().unwrap_or("");
        if name.is_empty() {
            return Some("spec.vmConfig.env invalid");
        }
        if name.len() > 256 {
            return Some("env.name field must be less than 255 characters long");
        }
        if !seen.insert(name) {
            return Some("duplicate env");
        }
        let inline = e.value_from.as_deref().unwrap_or("INLINE") == "INLINE";
        if !inline && !e.value.as_deref().unwrap_or("").is_empty() {
            return Some("value may only be set when valueFrom is INLINE");
        }
    }
    None
}

/// Traffic selector ports must be 1..65535 (istiod reports the first that is not).
fn traffic_ports(selectors: &Option<Vec<TrafficSelector>>, errs: &mut Errs) {
    for (i, sel) in each(selectors) {
        for (j, port) in each(&sel.ports) {
            let n = port.number.unwrap_or(0);
            if !(1..=65535).contains(&n) {
                err(
                    errs,
                    format!("spec.match[{i}].ports[{j}].number"),
                    format!("Invalid value: spec.Match[{i}].Ports[{j}] is out of range: {n}"),
                );
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::request_uri_scheme;

    #[test]
    fn wasm_urls_parse_as_istiod_parses_them() {
        for (url, scheme) in [
            ("oci://reg/a:v1", "oci"),
            ("HTTP://x", "http"),
            ("a:b", "a"),
            ("/p:q", ""),
            ("[::1]:80", "http"),
            ("a]", "http"),
            ("http://[::1", "http"),
        ] {
            assert_eq!(request_uri_scheme(url).as_deref(), Ok(scheme), "{url}");
        }
        for url in ["[", "x[y", "1a:b", "a b"] {
            assert!(request_uri_scheme(url).is_err(), "{url}");
        }
    }
}
