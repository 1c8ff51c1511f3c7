//! istiod's webhook rule for VirtualService: hosts and gateways, each HTTP, TLS and TCP
//! route with its matches and destinations, in istiod's words (messages carry no
//! Kubernetes reason, so `analyze` shows them as istiod does).

use std::collections::BTreeMap;

use super::common::{
    each, err, errors_only, fqdn_problem, is_cidr, is_dns_label, label_problems, non_empty,
    parse_duration_ms, wildcard_domain_problem,
};
use crate::model::api::*;
use crate::model::go_regexp;
use crate::model::schema::FieldError;

type Errs = Vec<FieldError>;

fn warn(errs: &mut Errs, path: impl Into<String>, message: impl Into<String>) {
    errs.push(FieldError::warning(path, message));
}

pub fn virtual_service(vs: &VirtualServiceSpec, errs: &mut Errs) {
    let hosts = vs.hosts.as_deref().unwrap_or_default();
    let delegate = hosts.is_empty();
    if delegate {
        for (what, set) in [
            ("gateways", non_empty(&vs.gateways)),
            ("tls route", non_empty(&vs.tls)),
            ("tcp route", non_empty(&vs.tcp)),
        ] {
            if set {
                err(
                    errs,
                    "spec",
                    format!("delegate virtual service must have no {what} specified"),
                );
            }
        }
    }
    let gateways = vs.gateways.as_deref().unwrap_or_default();
    gateway_names("spec.gateways", gateways, errs);
    // Bound to gateways only when the mesh is not among them.
    let bound_to_gateway = !gateways.is_empty() && !gateways.iter().any(|g| g == "mesh");
    let applies_to_mesh = !bound_to_gateway;
    if !bound_to_gateway {
        for (i, http) in each(&vs.http) {
            for m in http.r#match.iter().flatten() {
                let names = m
                    .headers
                    .iter()
                    .flatten()
                    .chain(m.without_headers.iter().flatten());
                for (key, _) in names {
                    if is_jwt_claim_route(key) {
                        err(errs, format!("spec.http[{i}]"), format!("JWT claim based routing (key: {key}) is only supported for gateway, found no gateways: {}", go_list(gateways)));
                    }
                }
            }
        }
    }
    let sni = vs
        .tls
        .iter()
        .flatten()
        .flat_map(|t| t.r#match.iter().flatten())
        .any(|m| non_empty(&m.sni_hosts));
    let mut all_valid = true;
    for (i, h) in hosts.iter().enumerate() {
        let problem = if bound_to_gateway {
            gateway_bound_domain_problem(sni, h)
        } else {
            wildcard_domain_problem(h)
        };
        match problem {
            Some(p) if h.parse::<std::net::IpAddr>().is_err() => {
                err(errs, format!("spec.hosts[{i}]"), p);
                all_valid = false;
            }
            Some(_) => {}
            None if applies_to_mesh && h == "*" => {
                err(
                    errs,
                    format!("spec.hosts[{i}]"),
                    "wildcard host * is not allowed for virtual services bound to the mesh gateway",
                );
                all_valid = false;
            }
            None => {}
        }
    }
    if all_valid {
        for (i, a) in hosts.iter().enumerate() {
            for b in &hosts[i + 1..] {
                if host_matches(a, b) {
                    err(
                        errs,
                        "spec.hosts",
                        format!("duplicate hosts in virtual service: {a} & {b}"),
                    );
                }
            }
        }
    }
    if !non_empty(&vs.http) && !non_empty(&vs.tcp) && !non_empty(&vs.tls) {
        err(
            errs,
            "spec",
            "http, tcp or tls must be provided in virtual service",
        );
    }
    for (i, http) in each(&vs.http) {
        http_route(&format!("spec.http[{i}]"), http, delegate, errs);
    }
    for (i, tls) in each(&vs.tls) {
        tls_route(&format!("spec.tls[{i}]"), tls, vs, bound_to_gateway, errs);
    }
    for (i, tcp) in each(&vs.tcp) {
        let path = format!("spec.tcp[{i}]");
        for (j, m) in each(&tcp.r#match) {
            // istiod keeps a TCP match's errors only (its gateway names' warnings are lost).
            errors_only(errs, |errs| {
                l4_match(
                    &format!("{path}.match[{j}]"),
                    &m.destination_subnets,
                    m.port,
                    &m.source_labels,
                    &m.gateways,
                    errs,
                )
            });
        }
        if !non_empty(&tcp.route) {
            err(errs, format!("{path}.route"), "TCP route is required");
        }
        route_destinations(
            &path,
            tcp.route
                .iter()
                .flatten()
                .map(|r| (r.destination.as_ref(), r.weight)),
            errs,
        );
    }
    unreachable_rules(vs, errs);
}

/// Rules no request can reach and matches an earlier one shadows (IST0130, IST0131),
/// for HTTP, TCP and TLS routes.
fn unreachable_rules(vs: &VirtualServiceSpec, errs: &mut Errs) {
    let http: Vec<(String, Vec<(String, serde_json::Value)>)> = each(&vs.http)
        .map(|(i, r)| {
            let matches = each(&r.r#match)
                .map(|(j, m)| (route_name(m.name.as_deref(), j), match_key(m, true)))
                .collect();
            (route_name(r.name.as_deref(), i), matches)
        })
        .collect();
    shadowed_rules("spec.http", &http, errs);
    overlapping_prefixes(vs, errs);
    let tcp: Vec<(String, Vec<(String, serde_json::Value)>)> = each(&vs.tcp)
        .map(|(i, r)| {
            let matches = each(&r.r#match)
                .map(|(j, m)| (format!("#{j}"), match_key(m, false)))
                .collect();
            (format!("#{i}"), matches)
        })
        .collect();
    shadowed_rules("spec.tcp", &tcp, errs);
    let tls: Vec<(String, Vec<(String, serde_json::Value)>)> = each(&vs.tls)
        .map(|(i, r)| {
            let matches = each(&r.r#match)
                .map(|(j, m)| (format!("#{j}"), match_key(m, false)))
                .collect();
            (format!("#{i}"), matches)
        })
        .collect();
    shadowed_rules("spec.tls", &tls, errs);
}

fn route_name(name: Option<&str>, index: usize) -> String {
    match name.filter(|n| !n.is_empty()) {
        Some(n) => format!("{n:?}"),
        None => format!("#{index}"),
    }
}

/// A match as istiod compares matches: its fields without the name and without zero
/// values (Go's JSON encoding omits them).
fn match_key<T: serde::Serialize>(m: &T, drop_name: bool) -> serde_json::Value {
    let mut v = serde_json::to_value(m).unwrap_or_default();
    if drop_name {
        if let Some(o) = v.as_object_mut() {
            o.remove("name");
        }
    }
    without_zero_values(v)
}

fn without_zero_values(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(o) => Value::Object(
            o.into_iter()
                .map(|(k, v)| (k, without_zero_values(v)))
                .filter(|(_, v)| !is_zero(v))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(without_zero_values).collect()),
        other => other,
    }
}

fn is_zero(v: &serde_json::Value) -> bool {
    use serde_json::Value;
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
    }
}

fn unreachable(errs: &mut Errs, path: &str, rule: &str, reason: &str) {
    errs.push(FieldError {
        analysis: Some(("IST0130", vec![rule.to_string(), reason.to_string()])),
        ..FieldError::warning(
            path,
            format!("virtualService rule {rule} not used ({reason})"),
        )
    });
}

fn ineffective(errs: &mut Errs, path: &str, rule: &str, matchno: &str, dup: &str) {
    errs.push(FieldError {
        analysis: Some(("IST0131", vec![rule.to_string(), matchno.to_string(), dup.to_string()])),
        ..FieldError::warning(
            path,
            format!("virtualService rule {rule} match {matchno} is not used (duplicate/overlapping match in rule {dup})"),
        )
    });
}

/// Rules after a match-less rule, matches equal to an earlier rule's, rules whose every
/// match is such a duplicate.
fn shadowed_rules(
    path: &str,
    routes: &[(String, Vec<(String, serde_json::Value)>)],
    errs: &mut Errs,
) {
    let mut seen: Vec<(&serde_json::Value, &str)> = Vec::new();
    let mut catch_all = false;
    for (rule, matches) in routes {
        if matches.is_empty() {
            if catch_all {
                unreachable(errs, path, rule, "only the last rule can have no matches");
            }
            catch_all = true;
            continue;
        }
        let mut duplicates = 0;
        let mut new_keys = Vec::new();
        for (matchno, key) in matches {
            if catch_all {
                unreachable(errs, path, rule, "route without matches defined before");
                continue;
            }
            if let Some((_, first)) = seen.iter().chain(new_keys.iter()).find(|(k, _)| *k == key) {
                ineffective(errs, path, rule, matchno, first);
                duplicates += 1;
                continue;
            }
            new_keys.push((key, rule.as_str()));
        }
        seen.extend(new_keys);
        if duplicates == matches.len() {
            unreachable(errs, path, rule, "all matches used by prior rules");
        }
    }
}

/// A URI-prefix HTTP match as istiod compares them for overlap.
struct PrefixMatch {
    rule: String,
    matchno: String,
    prefix: String,
    port: i64,
    method: String,
    authority: String,
    headers: BTreeMap<String, String>,
    query: BTreeMap<String, String>,
    without: BTreeMap<String, String>,
}

fn exact_or_prefix(sm: Option<&StringMatch>) -> String {
    let sm = sm.cloned().unwrap_or_default();
    match (
        sm.exact.as_deref().filter(|e| !e.is_empty()),
        sm.prefix.as_deref().filter(|p| !p.is_empty()),
    ) {
        (Some(e), _) => format!("exact:{e}"),
        (None, Some(p)) => format!("prefix:{p}"),
        _ => String::new(),
    }
}

fn string_matches(map: &Option<BTreeMap<String, StringMatch>>) -> BTreeMap<String, String> {
    map.iter()
        .flatten()
        .map(|(k, v)| (k.clone(), exact_or_prefix(Some(v))))
        .collect()
}

/// A later prefix match that an earlier one covers (same port, and method, authority,
/// headers and query parameters equal or covered) can never be used.
fn overlapping_prefixes(vs: &VirtualServiceSpec, errs: &mut Errs) {
    let mut seen_keys: Vec<serde_json::Value> = Vec::new();
    let mut prefixes = Vec::new();
    let mut catch_all = false;
    for (i, route) in each(&vs.http) {
        if !non_empty(&route.r#match) {
            catch_all = true;
            continue;
        }
        for (j, m) in each(&route.r#match) {
            let key = match_key(m, true);
            if catch_all || seen_keys.contains(&key) {
                continue;
            }
            seen_keys.push(key);
            let prefix = m
                .uri
                .as_ref()
                .and_then(|u| u.prefix.clone())
                .unwrap_or_default();
            if m.uri.is_none() || prefix.is_empty() {
                continue;
            }
            let mut method = exact_or_prefix(m.method.as_ref());
            if method.is_empty() {
                method = "exact:GET".into();
            }
            prefixes.push(PrefixMatch {
                rule: route_name(route.name.as_deref(), i),
                matchno: route_name(m.name.as_deref(), j),
                prefix,
                port: m.port.unwrap_or(0),
                method,
                authority: exact_or_prefix(m.authority.as_ref()),
                headers: string_matches(&m.headers),
                query: string_matches(&m.query_params),
                without: string_matches(&m.without_headers),
            });
        }
    }
    if prefixes.len() < 2 {
        return;
    }
    for (i, a) in prefixes.iter().enumerate() {
        for b in &prefixes[i + 1..] {
            if a.prefix != b.prefix && covers(a, b) {
                ineffective(
                    errs,
                    "spec.http",
                    &b.rule,
                    &format!("{} of prefix {}", b.matchno, b.prefix),
                    &format!("{} of prefix {} on {}", a.matchno, a.prefix, a.rule),
                );
            }
        }
    }
}

fn covers(a: &PrefixMatch, b: &PrefixMatch) -> bool {
    let value_covered = |va: &str, vb: &str| va == vb || va.starts_with(vb);
    let maps_covered = |ma: &BTreeMap<String, String>, mb: &BTreeMap<String, String>| {
        ma.len() == mb.len()
            && ma
                .iter()
                .all(|(k, va)| mb.get(k).is_some_and(|vb| value_covered(va, vb)))
    };
    b.prefix.starts_with(&a.prefix)
        && a.port == b.port
        && value_covered(&a.method, &b.method)
        && value_covered(&a.authority, &b.authority)
        && maps_covered(&a.headers, &b.headers)
        && maps_covered(&a.query, &b.query)
        && maps_covered(&a.without, &b.without)
}

/// Go's `%v` of a string slice.
fn go_list(items: &[String]) -> String {
    format!("[{}]", items.join(" "))
}

/// A header name that routes on a JWT claim (`@request.auth.claims.x` / `[x]`).
fn is_jwt_claim_route(name: &str) -> bool {
    const PREFIX: &str = "@request.auth.claims";
    if !name.to_ascii_lowercase().starts_with(PREFIX) {
        return false;
    }
    let rest = &name[PREFIX.len()..];
    (rest.starts_with('.') && rest.len() > 1)
        || (rest.starts_with('[') && rest.ends_with(']') && rest.len() > 2)
}

/// Hosts of a VirtualService bound to gateways: also the `outbound_.<port>_._.<host>`
/// form when the routes match SNI hosts.
fn gateway_bound_domain_problem(sni: bool, domain: &str) -> Option<String> {
    if domain.len() > 255 {
        return Some(format!("domain name {domain:?} too long (max 255)"));
    }
    if domain.is_empty() {
        return Some("empty domain name not allowed".into());
    }
    if sni && domain.starts_with("outbound_") {
        let parts: Vec<&str> = domain.splitn(4, '_').collect();
        if parts.len() < 4 {
            return Some(format!("domain name {domain:?} invalid (should follow outbound_.<port>_._.<hostname> format)"));
        }
        return None;
    }
    wildcard_domain_problem(domain)
}

/// Whether two hosts overlap (equal, or one a wildcard covering the other).
pub fn host_matches(a: &str, b: &str) -> bool {
    let covers = |wild: &str, other: &str| {
        wild == "*"
            || wild
                .strip_prefix('*')
                .is_some_and(|suffix| other.ends_with(suffix))
    };
    a == b || covers(a, b) || covers(b, a)
}

/// `namespace/name` gateway references (a bare name must be a domain).
fn gateway_names(path: &str, names: &[String], errs: &mut Errs) {
    for name in names {
        let Some((ns, gw)) = name.split_once('/') else {
            if let Some((first, rest)) = name.split_once('.') {
                let second = rest.split('.').next().unwrap_or(rest);
                warn(errs, path, format!("using legacy gatewayName format {name:?}; prefer the <namespace>/<name> format: \"{second}/{first}\""));
            }
            if let Some(p) = fqdn_problem(name) {
                err(errs, path, p);
            }
            // istiod stops at the first bare name.
            return;
        };
        if ns.is_empty() || gw.is_empty() {
            err(
                errs,
                path,
                "config namespace and gateway name cannot be empty",
            );
        }
        if !is_dns_label(ns) {
            err(errs, path, format!("invalid value for namespace: {ns:?}"));
        }
        if !is_dns_label(gw) {
            err(
                errs,
                path,
                format!("invalid value for gateway name: {gw:?}"),
            );
        }
    }
}

fn tls_route(
    path: &str,
    tls: &TlsRoute,
    vs: &VirtualServiceSpec,
    bound_to_gateway: bool,
    errs: &mut Errs,
) {
    if !non_empty(&tls.r#match) {
        err(
            errs,
            format!("{path}.match"),
            "TLS route must have at least one match condition",
        );
    }
    for (j, m) in each(&tls.r#match) {
        let mp = format!("{path}.match[{j}]");
        if !non_empty(&m.sni_hosts) {
            err(
                errs,
                format!("{mp}.sniHosts"),
                "TLS match must have at least one SNI host",
            );
        }
        for (k, sni) in each(&m.sni_hosts) {
            sni_host(
                &format!("{mp}.sniHosts[{k}]"),
                sni,
                vs,
                bound_to_gateway,
                errs,
            );
        }
        l4_match(
            &mp,
            &m.destination_subnets,
            m.port,
            &m.source_labels,
            &m.gateways,
            errs,
        );
    }
    if !non_empty(&tls.route) {
        err(errs, format!("{path}.route"), "TLS route is required");
    }
    route_destinations(
        path,
        tls.route
            .iter()
            .flatten()
            .map(|r| (r.destination.as_ref(), r.weight)),
        errs,
    );
}

fn sni_host(
    path: &str,
    sni: &str,
    vs: &VirtualServiceSpec,
    bound_to_gateway: bool,
    errs: &mut Errs,
) {
    let problem = if bound_to_gateway {
        gateway_bound_domain_problem(true, sni)
    } else {
        wildcard_domain_problem(sni)
    };
    if let Some(p) = problem {
        if sni.parse::<std::net::IpAddr>().is_ok() {
            warn(errs, path, format!("using an IP address ({sni:?}) goes against SNI spec and most clients do not support this"));
        } else {
            err(errs, path, p);
        }
        return;
    }
    let hosts = vs.hosts.as_deref().unwrap_or_default();
    if !hosts.iter().any(|h| host_subset_of(sni, h)) {
        err(errs, path, format!("SNI host {sni:?} is not a compatible subset of any of the virtual service hosts: [{}]", hosts.join(", ")));
    }
}

/// Whether every name `a` matches is matched by `b`.
fn host_subset_of(a: &str, b: &str) -> bool {
    if b == "*" {
        return true;
    }
    match (a.strip_prefix('*'), b.strip_prefix('*')) {
        (_, None) => a == b,
        (Some(sa), Some(sb)) => sa.ends_with(sb),
        (None, Some(sb)) => a.ends_with(sb),
    }
}

/// The checks TCP and TLS matches share.
fn l4_match(
    path: &str,
    subnets: &Option<Vec<String>>,
    port: Option<i64>,
    source_labels: &Option<BTreeMap<String, String>>,
    gateways: &Option<Vec<String>>,
    errs: &mut Errs,
) {
    for subnet in subnets.iter().flatten() {
        if let Some(p) = ip_subnet_problem(subnet) {
            err(errs, format!("{path}.destinationSubnets"), p);
        }
    }
    if let Some(p) = port.filter(|p| *p != 0) {
        port_number(&format!("{path}.port"), p, errs);
    }
    for p in label_problems(source_labels.as_ref().unwrap_or(&BTreeMap::new())) {
        err(errs, format!("{path}.sourceLabels"), p);
    }
    gateway_names(
        &format!("{path}.gateways"),
        gateways.as_deref().unwrap_or_default(),
        errs,
    );
}

fn ip_subnet_problem(subnet: &str) -> Option<String> {
    if subnet.matches('/').count() == 1 {
        return (!is_cidr(subnet)).then(|| format!("{subnet} is not a valid CIDR block"));
    }
    subnet
        .parse::<std::net::IpAddr>()
        .is_err()
        .then(|| format!("{subnet} is not a valid IP"))
}

fn port_number(path: &str, port: i64, errs: &mut Errs) {
    if !(1..=65535).contains(&port) {
        err(
            errs,
            path,
            format!("port number {port} must be in the range 1..65535"),
        );
    }
}

/// Destinations with weights (HTTP, TCP and TLS routes).
fn route_destinations<'a>(
    path: &str,
    routes: impl Iterator<Item = (Option<&'a Destination>, Option<i64>)>,
    errs: &mut Errs,
) {
    let mut total = 0i64;
    let mut count = 0;
    for (j, (dest, weight)) in routes.enumerate() {
        count += 1;
        let rp = format!("{path}.route[{j}]");
        match dest {
            None => err(errs, format!("{rp}.destination"), "destination is required"),
            Some(d) => destination(&format!("{rp}.destination"), d, errs),
        }
        let weight = weight.unwrap_or(0);
        if weight < 0 {
            err(errs, format!("{rp}.weight"), format!("weight {weight} < 0"));
        }
        total += weight;
    }
    if count > 1 && total == 0 {
        err(
            errs,
            format!("{path}.route"),
            "total destination weight = 0",
        );
    }
}

pub(super) fn destination(path: &str, d: &Destination, errs: &mut Errs) {
    let host = d.host.as_deref().unwrap_or("");
    if host == "*" {
        err(
            errs,
            format!("{path}.host"),
            format!("invalid destination host {host}"),
        );
    } else if let Some(p) = wildcard_domain_problem(host) {
        err(errs, format!("{path}.host"), p);
    }
    match d.subset.as_deref() {
        None | Some("") => {}
        Some(s) if !is_dns_label(s) => err(
            errs,
            format!("{path}.subset"),
            format!("subset name is invalid: {s}"),
        ),
        Some(_) => {}
    }
    if let Some(port) = &d.port {
        port_number(
            &format!("{path}.port.number"),
            port.number.unwrap_or(0),
            errs,
        );
    }
}

fn http_route(path: &str, http: &HttpRoute, delegate: bool, errs: &mut Errs) {
    route_conflicts(path, http, delegate, errs);
    http_matches(path, http, errs);
    header_operations(&format!("{path}.headers"), http.headers.as_ref(), errs);
    if let Some(cors) = &http.cors_policy {
        cors_policy(&format!("{path}.corsPolicy"), cors, errs);
    }
    if let Some(fault) = &http.fault {
        fault_injection(&format!("{path}.fault"), fault, errs);
    }
    if let Some(p) = http.mirror_percent.or(http.mirror_percent_alt) {
        if p > 100 {
            err(
                errs,
                format!("{path}.mirrorPercent"),
                format!("mirror_percent must have a max value of 100 (it has {p})"),
            );
        }
        warn(
            errs,
            format!("{path}.mirrorPercent"),
            "using deprecated setting \"mirrorPercent\", use \"mirrorPercentage\" instead",
        );
    }
    if let Some(p) = http.mirror_percentage.as_ref() {
        let value = p.value.unwrap_or(0.0);
        mirror_percentage_range(
            &format!("{path}.mirrorPercentage"),
            "mirror_percentage",
            value,
            errs,
        );
    }
    if let Some(m) = &http.mirror {
        destination(&format!("{path}.mirror"), m, errs);
    }
    for (j, m) in each(&http.mirrors) {
        let mp = format!("{path}.mirrors[{j}]");
        let Some(d) = &m.destination else {
            err(errs, &mp, "destination is required for mirrors");
            continue;
        };
        destination(&format!("{mp}.destination"), d, errs);
        let value = m.percentage.as_ref().and_then(|p| p.value).unwrap_or(0.0);
        mirror_percentage_range(
            &format!("{mp}.percentage"),
            "mirror percentage",
            value,
            errs,
        );
    }
    if let Some(r) = &http.redirect {
        if let Some(p) = redirect_problem(r) {
            err(errs, format!("{path}.redirect"), p);
        }
    }
    if let Some(d) = &http.direct_response {
        direct_response(&format!("{path}.directResponse"), d, errs);
    }
    if let Some(r) = &http.retries {
        retries(&format!("{path}.retries"), r, errs);
    }
    if let Some(r) = &http.rewrite {
        if let Some(p) = rewrite_problem(r) {
            err(errs, format!("{path}.rewrite"), p);
        }
    }
    if let Some(p) = authority_rewrite_problem(http) {
        err(errs, format!("{path}.headers"), p);
    }
    for (j, r) in each(&http.route) {
        header_operations(
            &format!("{path}.route[{j}].headers"),
            r.headers.as_ref(),
            errs,
        );
    }
    route_destinations(
        path,
        http.route
            .iter()
            .flatten()
            .map(|r| (r.destination.as_ref(), r.weight)),
        errs,
    );
    if let Some(t) = &http.timeout {
        if let Some(p) = duration_problem(t) {
            err(errs, format!("{path}.timeout"), p);
        }
    }
}

/// A mirror percentage is 0..=100 (`what` names it as istiod does).
fn mirror_percentage_range(path: &str, what: &str, value: f64, errs: &mut Errs) {
    if value > 100.0 {
        err(
            errs,
            path,
            format!("{what} must have a max value of 100 (it has {value:.6})"),
        );
    }
    if value < 0.0 {
        err(
            errs,
            path,
            format!("{what} must have a min value of 0 (it has {value:.6})"),
        );
    }
}

/// istiod's rule for durations of routes: at least 1ms, in whole milliseconds.
fn duration_problem(d: &str) -> Option<String> {
    let ms = parse_duration_ms(d.trim_start_matches('-'))?;
    let ms = if d.starts_with('-') { -ms } else { ms };
    if ms < 1.0 {
        return Some("duration must be greater than 1ms".into());
    }
    (ms.fract() != 0.0).then(|| "only durations to ms precision are supported".into())
}

fn route_conflicts(path: &str, http: &HttpRoute, delegate: bool, errs: &mut Errs) {
    let name = http.name.as_deref().unwrap_or("");
    let mut fail = |m: &str| err(errs, path, m.to_string());
    if !delegate && http.delegate.is_some() {
        if http.redirect.is_some() {
            fail(&format!("root HTTP route {name} must not specify redirect"));
        }
        if http.route.is_some() {
            fail(&format!("root HTTP route {name} must not specify route"));
        }
        return;
    }
    if delegate && http.delegate.is_some() {
        fail("delegate HTTP route cannot contain delegate");
    }
    let has_route = non_empty(&http.route);
    if http.redirect.is_some() {
        if has_route {
            fail("HTTP route cannot contain both route and redirect");
        }
        if http.fault.is_some() {
            fail("HTTP route cannot contain both fault and redirect");
        }
        if http.rewrite.is_some() {
            fail("HTTP route rule cannot contain both rewrite and redirect");
        }
        if http.direct_response.is_some() {
            fail("HTTP route rule cannot contain both direct_response and redirect");
        }
    } else if http.direct_response.is_some() {
        if has_route {
            fail("HTTP route cannot contain both route and direct_response");
        }
        if http.fault.is_some() {
            fail("HTTP route cannot contain both fault and direct_response");
        }
        if http.rewrite.is_some() {
            fail("HTTP route rule cannot contain both rewrite and direct_response");
        }
    } else if !has_route {
        fail("HTTP route, redirect or direct_response is required");
    }
    if http.mirror.is_some() && non_empty(&http.mirrors) {
        fail("HTTP route cannot contain both mirror and mirrors");
    }
}

fn http_matches(path: &str, http: &HttpRoute, errs: &mut Errs) {
    for (j, m) in each(&http.r#match) {
        let mp = format!("{path}.match[{j}]");
        for (name, sm) in m.headers.iter().flatten() {
            if let Some(p) = match_header_name_problem(name) {
                err(errs, format!("{mp}.headers"), p);
            }
            if let Some(p) = string_match_problem(sm, "headers") {
                err(errs, format!("{mp}.headers[{name}]"), p);
            }
        }
        for (name, sm) in m.without_headers.iter().flatten() {
            if let Some(p) = match_header_name_problem(name) {
                err(errs, format!("{mp}.withoutHeaders"), p);
            }
            if sm.regex.as_deref() != Some("*") {
                if let Some(p) = string_match_problem(sm, "withoutHeaders") {
                    err(errs, format!("{mp}.withoutHeaders[{name}]"), p);
                }
            }
        }
        if let Some(p) = m.uri.as_ref().and_then(|sm| regex_match_problem(sm, "uri")) {
            err(errs, format!("{mp}.uri"), p);
        }
        for (field, sm) in [
            ("scheme", &m.scheme),
            ("method", &m.method),
            ("authority", &m.authority),
        ] {
            if let Some(p) = sm.as_ref().and_then(|sm| string_match_problem(sm, field)) {
                err(errs, format!("{mp}.{field}"), p);
            }
        }
        for (name, sm) in m.query_params.iter().flatten() {
            if let Some(p) = string_match_problem(sm, "queryParams") {
                err(errs, format!("{mp}.queryParams[{name}]"), p);
            }
        }
    }
    for (j, m) in each(&http.r#match) {
        let mp = format!("{path}.match[{j}]");
        if let Some(p) = m.port.filter(|p| *p != 0) {
            port_number(&format!("{mp}.port"), p, errs);
        }
        for p in label_problems(m.source_labels.as_ref().unwrap_or(&BTreeMap::new())) {
            err(errs, format!("{mp}.sourceLabels"), p);
        }
        errors_only(errs, |errs| {
            gateway_names(
                &format!("{mp}.gateways"),
                m.gateways.as_deref().unwrap_or_default(),
                errs,
            )
        });
        if let Some(ns) = m.source_namespace.as_deref().filter(|ns| !ns.is_empty()) {
            if !is_dns_label(ns) {
                err(
                    errs,
                    format!("{mp}.sourceNamespace"),
                    format!("sourceNamespace match {ns} is invalid"),
                );
            }
        }
    }
}

/// HTTP token characters.
fn is_header_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

const PSEUDO_HEADERS: &[&str] = &[":method", ":scheme", ":authority", ":path", ":status"];

fn match_header_name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("header name cannot be empty".into());
    }
    if is_jwt_claim_route(name) || PSEUDO_HEADERS.contains(&name) || is_header_token(name) {
        return None;
    }
    Some(format!("header name {name} is not a valid header name"))
}

fn string_match_problem(sm: &StringMatch, field: &str) -> Option<String> {
    if sm.exact.is_none() && sm.prefix.as_deref() == Some("") && sm.regex.is_none() {
        return Some(format!(
            "{field:?}: prefix string match should not be empty"
        ));
    }
    regex_match_problem(sm, field)
}

fn regex_match_problem(sm: &StringMatch, field: &str) -> Option<String> {
    let re = sm.regex.as_deref()?;
    if sm.exact.is_some() || sm.prefix.is_some() {
        return None;
    }
    if re.is_empty() {
        return Some(format!("{field:?}: regex string match should not be empty"));
    }
    regex_problem(re, field)
}

fn regex_problem(re: &str, field: &str) -> Option<String> {
    if re.len() > 1024 {
        return Some(format!(
            "{field:?}: regex is too large, max length allowed is 1024"
        ));
    }
    go_regexp::syntax_error(re).map(|e| {
        format!("{field:?}: {e}; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)")
    })
}

fn header_operations(path: &str, headers: Option<&Headers>, errs: &mut Errs) {
    let Some(h) = headers else { return };
    // Request headers may set the authority; response headers never set Host.
    let directions = [
        (
            "request",
            &h.request,
            authority_operation_name_problem as fn(&str) -> Option<String>,
        ),
        ("response", &h.response, operation_name_problem),
    ];
    for (direction, ops, name_problem) in directions {
        let Some(ops) = ops else { continue };
        let at = format!("{path}.{direction}");
        for (name, value) in ops.add.iter().flatten().chain(ops.set.iter().flatten()) {
            let problems = [name_problem(name), header_value_problem(value)];
            for p in problems.into_iter().flatten() {
                err(errs, &at, p);
            }
        }
        for name in ops.remove.iter().flatten() {
            if let Some(p) = operation_name_problem(name) {
                err(errs, &at, p);
            }
        }
    }
}

fn is_internal_header(name: &str) -> bool {
    name.starts_with(':') || name.eq_ignore_ascii_case("host")
}

fn is_authority_header(name: &str) -> bool {
    name.eq_ignore_ascii_case(":authority") || name.eq_ignore_ascii_case("host")
}

fn authority_operation_name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("header name cannot be empty".into());
    }
    (is_internal_header(name) && !is_authority_header(name))
        .then(|| format!("invalid header {name:?}: header cannot have \":\" prefix"))
}

fn operation_name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("header name cannot be empty".into());
    }
    if name.eq_ignore_ascii_case("host") {
        return Some(format!("invalid header {name:?}: cannot set Host header"));
    }
    is_internal_header(name)
        .then(|| format!("invalid header {name:?}: header cannot have \":\" prefix"))
}

/// Control characters (but tab) are not allowed; `%` must be escaped (`%%`) or open a
/// `%VARIABLE%` expression.
fn header_value_problem(value: &str) -> Option<String> {
    if value
        .chars()
        .any(|c| (c as u32) < 0x20 && c != '\t' || c as u32 == 0x7f)
    {
        return Some(format!("header value configuration {value} is invalid"));
    }
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'%' {
            i += 1;
            continue;
        }
        if i + 1 >= bytes.len() {
            return Some(
                "header value configuration: invalid header configuration. Un-escaped %".into(),
            );
        }
        if bytes[i + 1] == b'%' {
            i += 2;
            continue;
        }
        match value[i + 1..].find('%') {
            Some(end) => i += end + 2,
            None => return Some("header value configuration: invalid header configuration. Un-terminated variable expression".into()),
        }
    }
    None
}

fn authority_rewrite_problem(http: &HttpRoute) -> Option<String> {
    let mut current = http
        .rewrite
        .as_ref()
        .and_then(|r| r.authority.clone())
        .unwrap_or_default();
    let request = http.headers.as_ref().and_then(|h| h.request.as_ref())?;
    for (name, value) in request
        .set
        .iter()
        .flatten()
        .chain(request.add.iter().flatten())
    {
        if !is_authority_header(name) {
            continue;
        }
        if !current.is_empty() {
            return Some(format!("authority header cannot be set multiple times: have {current:?}, attempting to set {value:?}"));
        }
        current = value.clone();
    }
    None
}

const CORS_METHODS: &[&str] = &[
    "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE", "*",
];

fn cors_policy(path: &str, cors: &CorsPolicy, errs: &mut Errs) {
    for origin in cors.allow_origins.iter().flatten() {
        let value = origin
            .exact
            .as_deref()
            .or(origin.prefix.as_deref())
            .or(origin.regex.as_deref())
            .unwrap_or("");
        if value.is_empty() {
            err(
                errs,
                format!("{path}.allowOrigins"),
                format!("'{value}' is not a valid match type for CORS allow origins"),
            );
        } else if let Some(p) = regex_match_problem(origin, "corsPolicy.allowOrigins") {
            err(errs, format!("{path}.allowOrigins"), p);
        }
    }
    for method in cors.allow_methods.iter().flatten() {
        if !CORS_METHODS.contains(&method.as_str()) {
            err(
                errs,
                format!("{path}.allowMethods"),
                format!("{method:?} is not a supported HTTP method"),
            );
        }
    }
    for name in cors
        .allow_headers
        .iter()
        .flatten()
        .chain(cors.expose_headers.iter().flatten())
    {
        if name.is_empty() {
            err(errs, path, "header name cannot be empty");
        } else if name != "*" && !is_header_token(name) {
            err(
                errs,
                path,
                format!("header name {name} is not a valid header name"),
            );
        }
    }
    if let Some(age) = &cors.max_age {
        if let Some(p) = duration_problem(age) {
            err(errs, format!("{path}.maxAge"), p);
        }
        if parse_duration_ms(age).is_some_and(|ms| ms % 1000.0 != 0.0) {
            err(
                errs,
                format!("{path}.maxAge"),
                "max_age duration is accurate only to seconds precision",
            );
        }
    }
}

/// gRPC status names istiod accepts for an abort.
const GRPC_STATUSES: &[&str] = &[
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];

fn fault_injection(path: &str, fault: &Fault, errs: &mut Errs) {
    if fault.abort.is_none() && fault.delay.is_none() {
        err(
            errs,
            path,
            "HTTP fault injection must have an abort and/or a delay",
        );
    }
    if let Some(abort) = &fault.abort {
        errors_only(errs, |errs| {
            fault_abort(&format!("{path}.abort"), abort, errs)
        });
    }
    if let Some(delay) = &fault.delay {
        fault_delay(&format!("{path}.delay"), delay, errs);
    }
}

fn fault_abort(path: &str, abort: &Abort, errs: &mut Errs) {
    percentage(path, abort.percentage.as_ref(), errs);
    if let Some(status) = &abort.grpc_status {
        if !GRPC_STATUSES.contains(&status.as_str()) {
            err(errs, path, format!("gRPC status {status:?} is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example 'NOT_FOUND'"));
        }
    } else if abort.http2_error.is_some() {
        err(errs, path, "HTTP/2 abort fault injection not supported yet");
    } else if let Some(status) = abort.http_status {
        http_status(path, status, errs);
    } else {
        warn(errs, path, "abort configured, but error type not set");
    }
}

fn fault_delay(path: &str, delay: &Delay, errs: &mut Errs) {
    percentage(path, delay.percentage.as_ref(), errs);
    if let Some(d) = &delay.fixed_delay {
        if let Some(p) = duration_problem(d) {
            err(errs, format!("{path}.fixedDelay"), p);
        }
    } else if let Some(d) = &delay.exponential_delay {
        if let Some(p) = duration_problem(d) {
            err(errs, format!("{path}.exponentialDelay"), p);
        }
        err(
            errs,
            format!("{path}.exponentialDelay"),
            "exponentialDelay not supported yet",
        );
    }
}

fn percentage(path: &str, p: Option<&Percentage>, errs: &mut Errs) {
    let Some(value) = p.map(|p| p.value.unwrap_or(0.0)) else {
        return;
    };
    if !(0.0..=100.0).contains(&value) || (value > 0.0 && value < 0.0001) {
        err(
            errs,
            format!("{path}.percentage"),
            format!("percentage {value} is neither 0.0, nor in range [0.0001, 100.0]"),
        );
    }
}

fn http_status(path: &str, status: i64, errs: &mut Errs) {
    if !(200..=600).contains(&status) {
        err(
            errs,
            path,
            format!("HTTP status {status} is not in range 200-599"),
        );
    }
}

fn redirect_problem(r: &Redirect) -> Option<String> {
    let empty = |v: &Option<String>| v.as_deref().unwrap_or("").is_empty();
    if empty(&r.uri)
        && empty(&r.authority)
        && r.port.is_none()
        && r.derive_port.is_none()
        && empty(&r.scheme)
    {
        return Some("redirect must specify URI, authority, scheme, or port".into());
    }
    if let Some(code) = r.redirect_code.filter(|c| *c != 0) {
        if !(300..=399).contains(&code) {
            return Some(format!("{code} is not a valid redirect code, must be 3xx"));
        }
    }
    if !matches!(r.scheme.as_deref().unwrap_or(""), "" | "http" | "https") {
        return Some("invalid redirect scheme, must be \"http\" or \"https\"".into());
    }
    r.port
        .filter(|p| *p > 65535)
        .map(|p| format!("port number {p} must be in the range 1..65535"))
}

fn direct_response(path: &str, d: &DirectResponse, errs: &mut Errs) {
    if let Some(body) = &d.body {
        let size = body
            .string
            .as_ref()
            .or(body.bytes.as_ref())
            .map_or(0, String::len);
        if size > 1024 * 1024 {
            err(errs, format!("{path}.body"), "large direct_responses may impact control plane performance, must be less than 1MB");
        } else if size > 100 * 1024 {
            warn(
                errs,
                format!("{path}.body"),
                "large direct_responses may impact control plane performance",
            );
        }
    }
    http_status(&format!("{path}.status"), d.status.unwrap_or(0), errs);
}

/// Envoy's retry-on policies istiod accepts (besides HTTP status codes).
const RETRY_ON: &[&str] = &[
    "5xx",
    "gateway-error",
    "reset",
    "reset-before-request",
    "connect-failure",
    "retriable-4xx",
    "refused-stream",
    "retriable-status-codes",
    "retriable-headers",
    "envoy-ratelimited",
    "http3-post-connect-failure",
    "cancelled",
    "deadline-exceeded",
    "internal",
    "resource-exhausted",
    "unavailable",
];

fn retries(path: &str, r: &Retries, errs: &mut Errs) {
    let attempts = r.attempts.unwrap_or(0);
    if attempts < 0 {
        err(
            errs,
            format!("{path}.attempts"),
            "attempts cannot be negative",
        );
    }
    if attempts == 0
        && (r.per_try_timeout.is_some()
            || !r.retry_on.as_deref().unwrap_or("").is_empty()
            || r.retry_remote_localities.is_some())
    {
        err(
            errs,
            path,
            "http retry policy configured when attempts are set to 0 (disabled)",
        );
    }
    if let Some(p) = r.per_try_timeout.as_deref().and_then(duration_problem) {
        err(errs, format!("{path}.perTryTimeout"), p);
    }
    let retry_on = r.retry_on.as_deref().unwrap_or("");
    for policy in retry_on.split(',').filter(|_| !retry_on.is_empty()) {
        let status = policy.parse::<u16>().ok().filter(|c| is_http_status(*c));
        if status.is_none() && !RETRY_ON.contains(&policy) {
            err(
                errs,
                format!("{path}.retryOn"),
                format!("{policy:?} is not a valid retryOn policy"),
            );
        }
    }
    if let Some(p) = r.backoff.as_deref().and_then(duration_problem) {
        err(errs, format!("{path}.backoff"), p);
    }
}

/// HTTP status codes Go's `http.StatusText` knows.
fn is_http_status(code: u16) -> bool {
    matches!(code,
        100..=103 | 200..=208 | 226 | 300..=305 | 307 | 308 | 400..=418 | 421..=426 | 428 | 429
        | 431 | 451 | 500..=508 | 510 | 511)
        && code != 306
}

fn rewrite_problem(r: &Rewrite) -> Option<String> {
    let uri = r.uri.as_deref().unwrap_or("");
    if !uri.is_empty() && r.uri_regex_rewrite.is_some() {
        return Some("rewrite may only contain one of URI or UriRegexRewrite".into());
    }
    if uri.is_empty()
        && r.uri_regex_rewrite.is_none()
        && r.authority.as_deref().unwrap_or("").is_empty()
    {
        return Some("rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified".into());
    }
    let rr = r.uri_regex_rewrite.as_ref()?;
    let (m, w) = (
        rr.r#match.as_deref().unwrap_or(""),
        rr.rewrite.as_deref().unwrap_or(""),
    );
    let problem = if m.is_empty() || w.is_empty() {
        Some("UriRegexRewrite requires both Rewrite and Match fields to be specified".to_string())
    } else {
        regex_problem(m, "HTTPRewrite.UriRegexRewrite.Match")
    };
    problem.map(|p| format!("UriRegexRewrite has errors\n{p}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_follow_istiods_wildcard_rule() {
        assert_eq!(wildcard_domain_problem("*.example.com"), None);
        assert_eq!(wildcard_domain_problem("*"), None);
        assert_eq!(wildcard_domain_problem("*x.example.com"), None);
        assert_eq!(wildcard_domain_problem("reviews"), None);
        assert_eq!(
            wildcard_domain_problem("-bad.com").as_deref(),
            Some("domain name \"-bad.com\" invalid (label \"-bad\" invalid)")
        );
        assert_eq!(
            wildcard_domain_problem("").as_deref(),
            Some("empty domain name not allowed")
        );
        assert_eq!(
            wildcard_domain_problem("a.123").as_deref(),
            Some("domain name \"123\" invalid (top level domain \"123\" cannot be all-numeric)")
        );
    }

    #[test]
    fn header_values_need_escaped_percent_signs() {
        assert_eq!(header_value_problem("100%%"), None);
        assert_eq!(header_value_problem("%HOSTNAME%"), None);
        assert!(header_value_problem("50%").is_some());
    }
}
