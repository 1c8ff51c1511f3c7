//! Istio's semantic rules per kind, beyond what the schemas' structural constraints say
//! (the rules Istio's webhook and CEL expressions enforce).

use std::collections::{BTreeMap, HashSet};

use super::common::{
    check_host, check_label_keys, check_percent, check_port, check_regex, err, fqdn_problem,
    is_cidr, is_dns1123_label, is_valid_header_name, parse_duration_ms,
};
use crate::model::api::*;
use crate::model::schema::FieldError;

type Errs = Vec<FieldError>;

fn each<T>(items: &Option<Vec<T>>) -> impl Iterator<Item = (usize, &T)> {
    items.iter().flatten().enumerate()
}

fn non_empty<T>(v: &Option<Vec<T>>) -> bool {
    v.as_ref().is_some_and(|v| !v.is_empty())
}

// ---------------------------------------------------------------- networking

pub fn virtual_service(vs: &VirtualServiceSpec, errs: &mut Errs) {
    let hosts = vs.hosts.as_deref().unwrap_or_default();
    let delegate = hosts.is_empty();
    if delegate && non_empty(&vs.gateways) {
        err(
            errs,
            "spec.hosts",
            "Required value: virtual service must have at least one host",
        );
    }
    for (i, h) in hosts.iter().enumerate() {
        check_host(&format!("spec.hosts[{i}]"), h, errs);
    }
    if !non_empty(&vs.http) && !non_empty(&vs.tcp) && !non_empty(&vs.tls) {
        err(
            errs,
            "spec",
            "Required value: http, tcp or tls must be provided in virtual service",
        );
    }
    for (i, g) in each(&vs.gateways) {
        if g.is_empty() {
            err(
                errs,
                format!("spec.gateways[{i}]"),
                "Invalid value: gateway name must not be empty",
            );
        }
    }
    for (i, http) in each(&vs.http) {
        http_route(&format!("spec.http[{i}]"), http, errs);
    }
    for (i, tcp) in each(&vs.tcp) {
        let path = format!("spec.tcp[{i}]");
        route_destinations(&path, tcp.route.as_deref().unwrap_or_default(), errs);
        for (j, m) in each(&tcp.r#match) {
            if let Some(p) = m.port {
                check_port(&format!("{path}.match[{j}].port"), p, errs);
            }
        }
    }
    for (i, tls) in each(&vs.tls) {
        let path = format!("spec.tls[{i}]");
        if !non_empty(&tls.r#match) {
            err(
                errs,
                format!("{path}.match"),
                "Required value: TLS route must have at least one match condition",
            );
        }
        for (j, m) in each(&tls.r#match) {
            if !non_empty(&m.sni_hosts) {
                err(
                    errs,
                    format!("{path}.match[{j}].sniHosts"),
                    "Required value: TLS match must have at least one SNI host",
                );
            }
            for (k, h) in each(&m.sni_hosts) {
                check_host(&format!("{path}.match[{j}].sniHosts[{k}]"), h, errs);
            }
            if let Some(p) = m.port {
                check_port(&format!("{path}.match[{j}].port"), p, errs);
            }
        }
        route_destinations(&path, tls.route.as_deref().unwrap_or_default(), errs);
    }
}

fn http_route(path: &str, http: &HttpRoute, errs: &mut Errs) {
    let has_route = non_empty(&http.route);
    let actions = [
        has_route,
        http.redirect.is_some(),
        http.direct_response.is_some(),
        http.delegate.is_some(),
    ];
    match actions.iter().filter(|a| **a).count() {
        0 => err(
            errs,
            path,
            "Required value: HTTP route, redirect, direct response or delegate is required",
        ),
        1 => {}
        _ => err(
            errs,
            path,
            "Invalid value: only one of route, redirect, directResponse or delegate may be set",
        ),
    }
    if let Some(routes) = &http.route {
        let mut total = 0i64;
        for (j, r) in routes.iter().enumerate() {
            let rp = format!("{path}.route[{j}]");
            destination(&format!("{rp}.destination"), r.destination.as_ref(), errs);
            if let Some(w) = r.weight {
                if w < 0 {
                    err(
                        errs,
                        format!("{rp}.weight"),
                        format!("Invalid value: {w}: weight must not be negative"),
                    );
                }
                total += w.max(0);
            }
        }
        if routes.len() > 1 && total == 0 && routes.iter().all(|r| r.weight.is_some()) {
            err(
                errs,
                format!("{path}.route"),
                "Invalid value: total destination weight = 0",
            );
        }
    }
    if let Some(redirect) = &http.redirect {
        if let Some(code) = redirect.redirect_code {
            if !(300..=399).contains(&code) {
                err(
                    errs,
                    format!("{path}.redirect.redirectCode"),
                    format!("Invalid value: {code}: redirect code must be 3xx"),
                );
            }
        }
        if let Some(p) = redirect.port {
            check_port(&format!("{path}.redirect.port"), p, errs);
        }
        if redirect.uri.is_some() && redirect.prefix_rewrite.is_some() {
            err(
                errs,
                format!("{path}.redirect"),
                "Invalid value: only one of uri or prefixRewrite may be set",
            );
        }
    }
    if let Some(dr) = &http.direct_response {
        if let Some(status) = dr.status {
            check_status(&format!("{path}.directResponse.status"), status, errs);
        }
    }
    if let Some(rewrite) = &http.rewrite {
        if rewrite.uri.is_some() && rewrite.uri_regex_rewrite.is_some() {
            err(
                errs,
                format!("{path}.rewrite"),
                "Invalid value: only one of uri or uriRegexRewrite may be set",
            );
        }
        if let Some(rr) = &rewrite.uri_regex_rewrite {
            if let Some(m) = &rr.r#match {
                check_regex(&format!("{path}.rewrite.uriRegexRewrite.match"), m, errs);
            }
        }
        if http.redirect.is_some() {
            err(
                errs,
                format!("{path}.rewrite"),
                "Invalid value: rewrite may not be used with redirect",
            );
        }
    }
    if let Some(fault) = &http.fault {
        if fault.abort.is_none() && fault.delay.is_none() {
            err(
                errs,
                format!("{path}.fault"),
                "Required value: fault must have abort or delay",
            );
        }
        if let Some(abort) = &fault.abort {
            let ap = format!("{path}.fault.abort");
            if let Some(status) = abort.http_status {
                check_status(&format!("{ap}.httpStatus"), status, errs);
            }
            if abort.http_status.is_none()
                && abort.grpc_status.is_none()
                && abort.http2_error.is_none()
            {
                err(
                    errs,
                    &ap,
                    "Required value: abort must set httpStatus, grpcStatus or http2Error",
                );
            }
            if let Some(p) = abort.percentage.as_ref().and_then(|p| p.value) {
                check_percent(&format!("{ap}.percentage.value"), p, errs);
            }
        }
        if let Some(delay) = &fault.delay {
            let dp = format!("{path}.fault.delay");
            if let Some(p) = delay.percentage.as_ref().and_then(|p| p.value) {
                check_percent(&format!("{dp}.percentage.value"), p, errs);
            }
            if let Some(p) = delay.percent {
                check_percent(&format!("{dp}.percent"), p as f64, errs);
            }
            match (&delay.fixed_delay, &delay.exponential_delay) {
                (None, None) => err(errs, &dp, "Required value: delay must set fixedDelay"),
                (Some(d), _) if parse_duration_ms(d).is_some_and(|ms| ms < 1.0) => err(
                    errs,
                    format!("{dp}.fixedDelay"),
                    "Invalid value: duration must be at least 1ms",
                ),
                _ => {}
            }
        }
    }
    if let Some(retries) = &http.retries {
        if let Some(a) = retries.attempts {
            if a < 0 {
                err(
                    errs,
                    format!("{path}.retries.attempts"),
                    "Invalid value: attempts cannot be negative",
                );
            }
        }
        if let Some(t) = &retries.per_try_timeout {
            if parse_duration_ms(t).is_some_and(|ms| ms < 1.0) {
                err(
                    errs,
                    format!("{path}.retries.perTryTimeout"),
                    "Invalid value: perTryTimeout must be at least 1ms",
                );
            }
        }
    }
    if let Some(p) = http.mirror_percentage.as_ref().and_then(|p| p.value) {
        check_percent(&format!("{path}.mirrorPercentage.value"), p, errs);
    }
    if let Some(m) = &http.mirror {
        destination(&format!("{path}.mirror"), Some(m), errs);
    }
    for (j, m) in each(&http.mirrors) {
        destination(
            &format!("{path}.mirrors[{j}].destination"),
            m.destination.as_ref(),
            errs,
        );
        if let Some(p) = m.percentage.as_ref().and_then(|p| p.value) {
            check_percent(&format!("{path}.mirrors[{j}].percentage.value"), p, errs);
        }
    }
    if http.mirror.is_some() && non_empty(&http.mirrors) {
        err(
            errs,
            path,
            "Invalid value: only one of mirror or mirrors may be set",
        );
    }
    if let Some(cors) = &http.cors_policy {
        for (j, o) in each(&cors.allow_origins) {
            string_match(&format!("{path}.corsPolicy.allowOrigins[{j}]"), o, errs);
        }
    }
    for (j, m) in each(&http.r#match) {
        let mp = format!("{path}.match[{j}]");
        for (field, sm) in [
            ("uri", &m.uri),
            ("scheme", &m.scheme),
            ("method", &m.method),
            ("authority", &m.authority),
        ] {
            if let Some(sm) = sm {
                string_match(&format!("{mp}.{field}"), sm, errs);
            }
        }
        for (field, map) in [
            ("headers", &m.headers),
            ("withoutHeaders", &m.without_headers),
        ] {
            for (name, sm) in map.iter().flatten() {
                if !is_valid_header_name(name) {
                    err(errs, format!("{mp}.{field}[{name}]"), format!("Invalid value: \"{name}\": header name must be lowercase and a valid HTTP token"));
                }
                string_match(&format!("{mp}.{field}[{name}]"), sm, errs);
            }
        }
        for (name, sm) in m.query_params.iter().flatten() {
            string_match(&format!("{mp}.queryParams[{name}]"), sm, errs);
        }
        if let Some(p) = m.port {
            check_port(&format!("{mp}.port"), p, errs);
        }
    }
    for (section, headers) in [("headers", &http.headers)] {
        if let Some(h) = headers {
            for (dir, ops) in [("request", &h.request), ("response", &h.response)] {
                if let Some(ops) = ops {
                    for (name, _) in ops.set.iter().flatten().chain(ops.add.iter().flatten()) {
                        if name.is_empty() || name.chars().any(|c| c.is_whitespace()) {
                            err(
                                errs,
                                format!("{path}.{section}.{dir}"),
                                format!("Invalid value: \"{name}\": invalid header name"),
                            );
                        }
                    }
                }
            }
        }
    }
    if let Some(t) = &http.timeout {
        if parse_duration_ms(t).is_some_and(|ms| ms < 0.0) {
            err(
                errs,
                format!("{path}.timeout"),
                "Invalid value: timeout must not be negative",
            );
        }
    }
}

fn check_status(path: &str, status: i64, errs: &mut Errs) {
    if !(200..=599).contains(&status) {
        err(
            errs,
            path,
            format!("Invalid value: {status}: HTTP status must be in range 200-599"),
        );
    }
}

fn string_match(path: &str, sm: &StringMatch, errs: &mut Errs) {
    let set = [sm.exact.is_some(), sm.prefix.is_some(), sm.regex.is_some()];
    if set.iter().filter(|s| **s).count() > 1 {
        err(
            errs,
            path,
            "Invalid value: only one of exact, prefix or regex may be set",
        );
    }
    if let Some(re) = &sm.regex {
        check_regex(&format!("{path}.regex"), re, errs);
    }
}

fn destination(path: &str, d: Option<&Destination>, errs: &mut Errs) {
    let Some(d) = d else {
        err(errs, path, "Required value: destination is required");
        return;
    };
    match &d.host {
        None => err(
            errs,
            format!("{path}.host"),
            "Required value: destination must have a host",
        ),
        Some(h) => check_host(&format!("{path}.host"), h, errs),
    }
    if let Some(s) = &d.subset {
        if !is_dns1123_label(s) && !s.is_empty() {
            err(
                errs,
                format!("{path}.subset"),
                format!("Invalid value: \"{s}\": subset name is invalid"),
            );
        }
    }
    if let Some(n) = d.port.as_ref().and_then(|p| p.number) {
        check_port(&format!("{path}.port.number"), n, errs);
    }
}

fn route_destinations(path: &str, routes: &[RouteDestination], errs: &mut Errs) {
    let mut total = 0;
    for (j, r) in routes.iter().enumerate() {
        destination(
            &format!("{path}.route[{j}].destination"),
            r.destination.as_ref(),
            errs,
        );
        if let Some(w) = r.weight {
            if w < 0 {
                err(
                    errs,
                    format!("{path}.route[{j}].weight"),
                    "Invalid value: weight must not be negative",
                );
            }
            total += w.max(0);
        }
    }
    if routes.len() > 1 && total == 0 && routes.iter().all(|r| r.weight.is_some()) {
        err(
            errs,
            format!("{path}.route"),
            "Invalid value: total destination weight = 0",
        );
    }
}

pub fn destination_rule(dr: &DestinationRuleSpec, errs: &mut Errs) {
    if let Some(h) = &dr.host {
        check_host("spec.host", h, errs);
    }
    if let Some(tp) = &dr.traffic_policy {
        traffic_policy("spec.trafficPolicy", tp, errs);
    }
    let mut names = HashSet::new();
    for (i, s) in each(&dr.subsets) {
        let sp = format!("spec.subsets[{i}]");
        match &s.name {
            None => err(
                errs,
                format!("{sp}.name"),
                "Required value: subset must have a name",
            ),
            Some(n) => {
                if !is_dns1123_label(n) {
                    err(
                        errs,
                        format!("{sp}.name"),
                        format!("Invalid value: \"{n}\": subset name is invalid"),
                    );
                }
                if !names.insert(n.clone()) {
                    err(
                        errs,
                        format!("{sp}.name"),
                        format!("Duplicate value: \"{n}\": subset names must be unique"),
                    );
                }
            }
        }
        if let Some(tp) = &s.traffic_policy {
            traffic_policy(&format!("{sp}.trafficPolicy"), tp, errs);
        }
    }
}

fn traffic_policy(path: &str, tp: &TrafficPolicy, errs: &mut Errs) {
    if let Some(lb) = &tp.load_balancer {
        load_balancer(&format!("{path}.loadBalancer"), lb, errs);
    }
    if let Some(od) = &tp.outlier_detection {
        if let Some(p) = od.max_ejection_percent {
            check_percent(
                &format!("{path}.outlierDetection.maxEjectionPercent"),
                p as f64,
                errs,
            );
        }
        if let Some(p) = od.min_health_percent {
            check_percent(
                &format!("{path}.outlierDetection.minHealthPercent"),
                p as f64,
                errs,
            );
        }
        if let Some(i) = &od.interval {
            if parse_duration_ms(i).is_some_and(|ms| ms < 1.0) {
                err(
                    errs,
                    format!("{path}.outlierDetection.interval"),
                    "Invalid value: interval must be at least 1ms",
                );
            }
        }
    }
    if let Some(tls) = &tp.tls {
        client_tls(&format!("{path}.tls"), tls, errs);
    }
    let mut ports = HashSet::new();
    for (i, pls) in each(&tp.port_level_settings) {
        let pp = format!("{path}.portLevelSettings[{i}]");
        match pls.port.as_ref().and_then(|p| p.number) {
            None => err(
                errs,
                format!("{pp}.port"),
                "Required value: port level setting must have a port",
            ),
            Some(n) => {
                check_port(&format!("{pp}.port.number"), n, errs);
                if !ports.insert(n) {
                    err(
                        errs,
                        format!("{pp}.port.number"),
                        format!("Duplicate value: {n}: port level settings must have unique ports"),
                    );
                }
            }
        }
        if let Some(lb) = &pls.load_balancer {
            load_balancer(&format!("{pp}.loadBalancer"), lb, errs);
        }
        if let Some(tls) = &pls.tls {
            client_tls(&format!("{pp}.tls"), tls, errs);
        }
    }
    if let Some(t) = &tp.tunnel {
        if let Some(p) = t.target_port {
            check_port(&format!("{path}.tunnel.targetPort"), p, errs);
        }
    }
    if let Some(rb) = &tp.retry_budget {
        if let Some(p) = rb.percent {
            check_percent(&format!("{path}.retryBudget.percent"), p, errs);
        }
    }
}

fn load_balancer(path: &str, lb: &LoadBalancer, errs: &mut Errs) {
    if let Some(w) = &lb.warmup {
        if let Some(p) = w.minimum_percent {
            if !(0.0..=100.0).contains(&p) {
                err(
                    errs,
                    format!("{path}.warmup.minimumPercent"),
                    format!("Invalid value: {p}: minimumPercent must be in the range [0, 100]"),
                );
            }
        }
        if let Some(a) = w.aggression {
            if a < 1.0 {
                err(
                    errs,
                    format!("{path}.warmup.aggression"),
                    format!("Invalid value: {a}: aggression must be at least 1"),
                );
            }
        }
        if w.duration.is_none() {
            err(
                errs,
                format!("{path}.warmup.duration"),
                "Required value: warmup must set duration",
            );
        }
    }
    if lb.warmup.is_some() && lb.warmup_duration_secs.is_some() {
        err(
            errs,
            path,
            "Invalid value: only one of warmup or warmupDurationSecs may be set",
        );
    }
    if let Some(ch) = &lb.consistent_hash {
        if let Some(c) = &ch.http_cookie {
            if c.name.as_deref().unwrap_or("").is_empty() {
                err(
                    errs,
                    format!("{path}.consistentHash.httpCookie.name"),
                    "Required value: cookie name is required",
                );
            }
        }
    }
    if let Some(l) = &lb.locality_lb_setting {
        for (i, d) in each(&l.distribute) {
            let total: i64 = d.to.iter().flatten().map(|(_, w)| *w).sum();
            if total != 100 {
                err(
                    errs,
                    format!("{path}.localityLbSetting.distribute[{i}].to"),
                    format!("Invalid value: {total}: the weights must sum to 100"),
                );
            }
        }
        if non_empty(&l.distribute) && non_empty(&l.failover) {
            err(
                errs,
                format!("{path}.localityLbSetting"),
                "Invalid value: only one of distribute or failover may be set",
            );
        }
    }
}

fn client_tls(path: &str, tls: &ClientTlsSettings, errs: &mut Errs) {
    let mode = tls.mode.as_deref().unwrap_or("DISABLE");
    if mode == "MUTUAL" && tls.credential_name.is_none() {
        if tls.client_certificate.is_none() {
            err(
                errs,
                format!("{path}.clientCertificate"),
                "Required value: client certificate required for mutual tls",
            );
        }
        if tls.private_key.is_none() {
            err(
                errs,
                format!("{path}.privateKey"),
                "Required value: private key required for mutual tls",
            );
        }
    }
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
        match &s.port {
            None => err(
                errs,
                format!("{sp}.port"),
                "Required value: port is required",
            ),
            Some(p) => {
                // A Unix domain socket server has no port number.
                let unix_bind = s
                    .bind
                    .as_deref()
                    .is_some_and(|b| b.starts_with(UNIX_PREFIX));
                if let Some(n) = p.number.filter(|n| *n > 0 || !unix_bind) {
                    check_port(&format!("{sp}.port.number"), n, errs);
                }
                if p.target_port.is_some_and(|n| n > 0) {
                    err(
                        errs,
                        format!("{sp}.port.targetPort"),
                        "Invalid value: targetPort has no impact on Gateways",
                    );
                }
                let proto = p.protocol.as_deref().unwrap_or("").to_ascii_uppercase();
                let is_tls = matches!(proto.as_str(), "HTTPS" | "TLS");
                if is_tls && s.tls.is_none() {
                    err(
                        errs,
                        format!("{sp}.tls"),
                        "Required value: server must have TLS settings for HTTPS/TLS protocols",
                    );
                }
                if !is_tls && proto != "HTTP" && s.tls.is_some() {
                    let https_redirect = s
                        .tls
                        .as_ref()
                        .and_then(|t| t.https_redirect)
                        .unwrap_or(false);
                    if !https_redirect && !proto.is_empty() && proto != "HTTP2" && proto != "GRPC" {
                        err(errs, format!("{sp}.tls"), format!("Invalid value: server cannot have TLS settings for plain text {proto} ports"));
                    }
                }
            }
        }
        if let Some(bind) = s.bind.as_deref() {
            server_bind(&format!("{sp}.bind"), bind, errs);
        }
        if let Some(tls) = &s.tls {
            server_tls(&format!("{sp}.tls"), tls, errs);
        }
        if let Some(n) = &s.name {
            if !n.is_empty() && !names.insert(n.clone()) {
                err(
                    errs,
                    format!("{sp}.name"),
                    format!("Duplicate value: \"{n}\": server names must be unique"),
                );
            }
        }
    }
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

fn server_tls(path: &str, tls: &ServerTlsSettings, errs: &mut Errs) {
    let mode = tls.mode.as_deref().unwrap_or("SIMPLE");
    let has_credential = tls.credential_name.is_some() || non_empty(&tls.credential_names);
    if matches!(mode, "SIMPLE" | "MUTUAL" | "OPTIONAL_MUTUAL")
        && !has_credential
        && !non_empty(&tls.tls_certificates)
        && tls.https_redirect != Some(true)
    {
        if tls.server_certificate.is_none() {
            err(
                errs,
                format!("{path}.serverCertificate"),
                format!(
                    "Required value: {mode} TLS requires a server certificate or credentialName"
                ),
            );
        }
        if tls.private_key.is_none() {
            err(
                errs,
                format!("{path}.privateKey"),
                format!("Required value: {mode} TLS requires a private key or credentialName"),
            );
        }
    }
    if tls.credential_name.is_some() && non_empty(&tls.credential_names) {
        err(
            errs,
            path,
            "Invalid value: only one of credentialName or credentialNames may be set",
        );
    }
}

pub fn service_entry(se: &ServiceEntrySpec, errs: &mut Errs) {
    let hosts = se.hosts.as_deref().unwrap_or_default();
    if hosts.is_empty() {
        err(
            errs,
            "spec.hosts",
            "Required value: service entry must have at least one host",
        );
    }
    for (i, h) in hosts.iter().enumerate() {
        if h == "*" {
            err(
                errs,
                format!("spec.hosts[{i}]"),
                "Invalid value: \"*\": hostname cannot be wildcard",
            );
        } else {
            check_host(&format!("spec.hosts[{i}]"), h, errs);
        }
    }
    alpha_selector(
        "spec.workloadSelector.labels",
        "service entry",
        &se.workload_selector,
        errs,
    );
    let mut port_names = HashSet::new();
    let mut port_numbers = HashSet::new();
    let has_addresses = non_empty(&se.addresses);
    for (i, p) in each(&se.ports) {
        let pp = format!("spec.ports[{i}]");
        if !has_addresses && matches!(p.protocol.as_deref().unwrap_or(""), "" | "TCP") {
            errs.push(FieldError::warning(
                &pp,
                "addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is not enabled",
            ));
        }
        if let Some(n) = p.number {
            check_port(&format!("{pp}.number"), n, errs);
            if !port_numbers.insert(n) {
                err(
                    errs,
                    format!("{pp}.number"),
                    format!("Duplicate value: {n}: port numbers must be unique"),
                );
            }
        }
        if let Some(n) = p.target_port {
            check_port(&format!("{pp}.targetPort"), n, errs);
        }
        if let Some(name) = &p.name {
            if !port_names.insert(name.clone()) {
                err(
                    errs,
                    format!("{pp}.name"),
                    format!("Duplicate value: \"{name}\": port names must be unique"),
                );
            }
        }
    }
    let resolution = se.resolution.as_deref().unwrap_or("NONE");
    let endpoints = se.endpoints.as_deref().unwrap_or_default();
    if se.workload_selector.is_some() && !endpoints.is_empty() {
        err(
            errs,
            "spec",
            "Invalid value: only one of workloadSelector or endpoints may be set",
        );
    }
    if resolution == "NONE" && se.workload_selector.is_some() {
        errs.push(FieldError::warning(
            "spec.workloadSelector",
            "workloadSelector should not be set when resolution mode is NONE",
        ));
    }
    match resolution {
        "NONE" if !endpoints.is_empty() => {
            err(
                errs,
                "spec.endpoints",
                "Invalid value: NONE mode cannot set endpoints",
            );
        }
        "DNS" | "DNS_ROUND_ROBIN" if endpoints.is_empty() => {
            // Without endpoints the hosts themselves are resolved: each must be an FQDN.
            if let Some((i, problem)) = hosts
                .iter()
                .enumerate()
                .find_map(|(i, h)| fqdn_problem(h).map(|p| (i, p)))
            {
                err(
                    errs,
                    format!("spec.hosts[{i}]"),
                    format!("Invalid value: hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode {resolution}, {problem}"),
                );
            }
        }
        "DNS_ROUND_ROBIN" if endpoints.len() > 1 => {
            err(
                errs,
                "spec.endpoints",
                "Invalid value: DNS_ROUND_ROBIN mode cannot have multiple endpoints",
            );
        }
        _ => {}
    }
    for (i, ep) in endpoints.iter().enumerate() {
        let ep_path = format!("spec.endpoints[{i}]");
        workload_address(&ep_path, ep, errs);
        if resolution == "STATIC" {
            if let Some(a) = &ep.address {
                if !a.starts_with("unix://") && a.parse::<std::net::IpAddr>().is_err() {
                    err(
                        errs,
                        format!("{ep_path}.address"),
                        format!("Invalid value: \"{a}\": STATIC resolution requires IP addresses"),
                    );
                }
            }
        }
    }
    for (i, a) in each(&se.addresses) {
        if a.parse::<std::net::IpAddr>().is_err() && !is_cidr(a) {
            err(
                errs,
                format!("spec.addresses[{i}]"),
                format!("Invalid value: \"{a}\": address must be an IP or CIDR"),
            );
        }
    }
}

fn workload_address(path: &str, ep: &WorkloadEntrySpec, errs: &mut Errs) {
    if let Some(addr) = &ep.address {
        if let Some(socket) = addr.strip_prefix("unix://") {
            if !(socket.starts_with('/') || socket.starts_with('@')) || socket.len() <= 1 {
                err(errs, format!("{path}.address"), format!("Invalid value: \"{addr}\": UDS must be an absolute path or abstract socket"));
            }
            if ep.ports.as_ref().is_some_and(|p| !p.is_empty()) {
                err(
                    errs,
                    format!("{path}.ports"),
                    "Invalid value: UDS may not include ports",
                );
            }
        }
    }
    for (name, port) in ep.ports.iter().flatten() {
        if !is_port_name(name) {
            err(
                errs,
                format!("{path}.ports"),
                format!("Invalid value: \"{name}\": port name must be a valid DNS label"),
            );
        }
        check_port(&format!("{path}.ports[{name}]"), *port, errs);
    }
    if let Some(w) = ep.weight {
        if w < 0 {
            err(
                errs,
                format!("{path}.weight"),
                "Invalid value: weight must not be negative",
            );
        }
    }
    if let Some(labels) = &ep.labels {
        check_label_keys(&format!("{path}.labels"), labels.keys(), errs);
    }
}

fn is_port_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 63
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
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
            if !special && !is_dns1123_label(ns) {
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
    if first.len() > 63 || !(unstarred.is_empty() || is_dns1123_label(unstarred)) {
        return Some(format!(
            "domain name {domain:?} invalid (label {first:?} invalid)"
        ));
    }
    rest.and_then(fqdn_problem)
}

pub fn sidecar(sc: &SidecarSpec, errs: &mut Errs) {
    if !non_empty(&sc.egress)
        && !non_empty(&sc.ingress)
        && sc.outbound_traffic_policy.is_none()
        && sc.inbound_connection_pool.is_none()
    {
        err(
            errs,
            "spec",
            "Required value: sidecar: empty configuration provided",
        );
    }
    for (i, e) in each(&sc.egress) {
        let ep = format!("spec.egress[{i}]");
        if !non_empty(&e.hosts) {
            err(
                errs,
                format!("{ep}.hosts"),
                "Required value: sidecar: egress listener must contain at least one host",
            );
        }
        for (j, h) in each(&e.hosts) {
            namespace_slash_host(&format!("{ep}.hosts[{j}]"), h, Listener::Sidecar, errs);
        }
        if let Some(n) = e.port.as_ref().and_then(|p| p.number) {
            check_port(&format!("{ep}.port.number"), n, errs);
        }
    }
    for (i, ing) in each(&sc.ingress) {
        let ip = format!("spec.ingress[{i}]");
        match ing.port.as_ref().and_then(|p| p.number) {
            None => err(
                errs,
                format!("{ip}.port"),
                "Required value: sidecar: ingress listener must have a port",
            ),
            Some(n) => check_port(&format!("{ip}.port.number"), n, errs),
        }
        if let Some(tls) = &ing.tls {
            server_tls(&format!("{ip}.tls"), tls, errs);
        }
    }
    alpha_selector(
        "spec.workloadSelector.labels",
        "sidecar",
        &sc.workload_selector,
        errs,
    );
}

pub fn workload_entry(we: &WorkloadEntrySpec, errs: &mut Errs) {
    let address = we.address.as_deref().unwrap_or("");
    let network = we.network.as_deref().unwrap_or("");
    if address.is_empty() {
        if network.is_empty() {
            err(errs, "spec.address", "Required value: address is required");
        } else {
            errs.push(FieldError::warning(
                "spec.address",
                format!("address is unset with network {network:?}"),
            ));
        }
    } else if !address.starts_with("unix://")
        && address.parse::<std::net::IpAddr>().is_err()
        && fqdn_problem(address).is_some()
    {
        // Not a socket, not an IP: the address can only be a host name to resolve.
        err(
            errs,
            "spec.address",
            format!(
                "Invalid value: endpoint address {address:?} is not a valid FQDN or an IP address"
            ),
        );
    }
    workload_address("spec", we, errs);
}

pub fn workload_group(wg: &WorkloadGroupSpec, errs: &mut Errs) {
    if let Some(t) = &wg.template {
        if t.address.is_some() {
            err(
                errs,
                "spec.template.address",
                "Forbidden: address may not be set in a workload group template",
            );
        }
        workload_address("spec.template", t, errs);
    }
    if let Some(m) = &wg.metadata {
        if let Some(l) = &m.labels {
            check_label_keys("spec.metadata.labels", l.keys(), errs);
        }
    }
    if let Some(p) = &wg.probe {
        let set = [
            p.http_get.is_some(),
            p.tcp_socket.is_some(),
            p.exec.is_some(),
            p.grpc.is_some(),
        ];
        if set.iter().filter(|s| **s).count() > 1 {
            err(
                errs,
                "spec.probe",
                "Invalid value: only one of httpGet, tcpSocket, exec or grpc may be set",
            );
        }
        if let Some(port) = p.http_get.as_ref().and_then(|h| h.port) {
            check_port("spec.probe.httpGet.port", port, errs);
        }
        if let Some(port) = p.tcp_socket.as_ref().and_then(|h| h.port) {
            check_port("spec.probe.tcpSocket.port", port, errs);
        }
        if let Some(port) = p.grpc.as_ref().and_then(|h| h.port) {
            check_port("spec.probe.grpc.port", port, errs);
        }
    }
}

pub fn envoy_filter(ef: &EnvoyFilterSpec, errs: &mut Errs) {
    errs.push(FieldError::warning(
        "spec",
        "EnvoyFilter exposes internal implementation details that may change at any time. \
         Prefer other APIs if possible, and exercise extreme caution, especially around upgrades.",
    ));
    if ef.workload_selector.is_some() && non_empty(&ef.target_refs) {
        err(
            errs,
            "spec",
            "Invalid value: only one of targetRefs or workloadSelector can be set",
        );
    }
    for (i, cp) in each(&ef.config_patches) {
        let pp = format!("spec.configPatches[{i}]");
        if cp.patch.is_none() {
            err(errs, format!("{pp}.patch"), "Required value: missing patch");
        }
        if let Some(m) = &cp.r#match {
            if let Some(w) = &m.waypoint {
                if let Some(p) = w.port_number {
                    check_port(&format!("{pp}.match.waypoint.portNumber"), p, errs);
                }
            }
            if let Some(l) = &m.listener {
                if let Some(p) = l.port_number {
                    check_port(&format!("{pp}.match.listener.portNumber"), p, errs);
                }
            }
            if let Some(c) = &m.cluster {
                if let Some(p) = c.port_number {
                    check_port(&format!("{pp}.match.cluster.portNumber"), p, errs);
                }
            }
            if let Some(r) = &m.route_configuration {
                if let Some(p) = r.port_number {
                    check_port(
                        &format!("{pp}.match.routeConfiguration.portNumber"),
                        p,
                        errs,
                    );
                }
            }
        }
    }
}

pub fn proxy_config(pc: &ProxyConfigSpec, errs: &mut Errs) {
    if let Some(l) = pc.selector.as_ref().and_then(|s| s.match_labels.as_ref()) {
        check_label_keys("spec.selector.matchLabels", l.keys(), errs);
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
        err(errs, format!("{path}.name"), "Required value");
    }
    if r.kind.as_deref().unwrap_or("").is_empty() {
        err(errs, format!("{path}.kind"), "Required value");
    }
}

/// istiod's rule for the `workloadSelector.labels` of ServiceEntry and Sidecar: no empty
/// key, no `*`; no labels at all is a warning (it applies to every service of the namespace).
fn alpha_selector(path: &str, owner: &str, sel: &Option<WorkloadSelector>, errs: &mut Errs) {
    let Some(selector) = sel else {
        return;
    };
    let labels = selector.labels.as_ref();
    if labels.is_none_or(|l| l.is_empty()) {
        errs.push(FieldError::warning(
            path,
            format!("{owner}: workload selector specified without labels, will be applied to all services in namespace"),
        ));
    }
    selector_labels(path, labels, errs);
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
    if action == "CUSTOM" && ap.provider.is_none() {
        err(
            errs,
            "spec.provider",
            "Required value: CUSTOM action must have a provider",
        );
    }
    if action != "CUSTOM" && ap.provider.is_some() {
        err(
            errs,
            "spec.provider",
            "Invalid value: provider can only be used with the CUSTOM action",
        );
    }
    for (i, rule) in each(&ap.rules) {
        let rp = format!("spec.rules[{i}]");
        for (j, from) in each(&rule.from) {
            let fp = format!("{rp}.from[{j}].source");
            let Some(src) = &from.source else {
                err(
                    errs,
                    format!("{rp}.from[{j}]"),
                    "Required value: from must have a source",
                );
                continue;
            };
            let service_accounts =
                non_empty(&src.service_accounts) || non_empty(&src.not_service_accounts);
            let identities = non_empty(&src.namespaces)
                || non_empty(&src.not_namespaces)
                || non_empty(&src.principals)
                || non_empty(&src.not_principals);
            if service_accounts && identities {
                err(
                    errs,
                    &fp,
                    "Invalid value: Cannot set serviceAccounts with namespaces or principals",
                );
            }
            for (field, values) in [
                ("principals", &src.principals),
                ("namespaces", &src.namespaces),
                ("ipBlocks", &src.ip_blocks),
                ("remoteIpBlocks", &src.remote_ip_blocks),
                ("requestPrincipals", &src.request_principals),
            ] {
                for (k, v) in each(values) {
                    if v.is_empty() {
                        err(
                            errs,
                            format!("{fp}.{field}[{k}]"),
                            "Invalid value: empty value is not allowed",
                        );
                    }
                }
            }
        }
        for (j, to) in each(&rule.to) {
            if let Some(op) = &to.operation {
                for (k, port) in each(&op.ports).chain(each(&op.not_ports)) {
                    match port.parse::<i64>() {
                        Ok(p) => check_port(&format!("{rp}.to[{j}].operation.ports[{k}]"), p, errs),
                        Err(_) => err(
                            errs,
                            format!("{rp}.to[{j}].operation.ports[{k}]"),
                            format!("Invalid value: \"{port}\": port must be a number"),
                        ),
                    }
                }
            }
        }
        for (j, when) in each(&rule.when) {
            if when.key.as_deref().unwrap_or("").is_empty() {
                err(
                    errs,
                    format!("{rp}.when[{j}].key"),
                    "Required value: key is required",
                );
            }
            if !non_empty(&when.values) && !non_empty(&when.not_values) {
                err(
                    errs,
                    format!("{rp}.when[{j}]"),
                    "Required value: values or notValues is required",
                );
            }
        }
    }
}

pub fn peer_authentication(pa: &PeerAuthenticationSpec, errs: &mut Errs) {
    match_labels("spec.selector.matchLabels", &pa.selector, errs);
    if let Some(levels) = &pa.port_level_mtls {
        if pa
            .selector
            .as_ref()
            .and_then(|s| s.match_labels.as_ref())
            .is_none_or(|l| l.is_empty())
            && !levels.is_empty()
        {
            err(
                errs,
                "spec.portLevelMtls",
                "Invalid value: portLevelMtls requires a workload selector",
            );
        }
        for port in levels.keys() {
            match port.parse::<i64>() {
                Ok(p) => check_port(&format!("spec.portLevelMtls[{port}]"), p, errs),
                Err(_) => err(
                    errs,
                    format!("spec.portLevelMtls[{port}]"),
                    format!("Invalid value: \"{port}\": port must be a number"),
                ),
            }
        }
    }
}

pub fn request_authentication(ra: &RequestAuthenticationSpec, errs: &mut Errs) {
    policy_target(&ra.selector, &ra.target_ref, &ra.target_refs, errs);
    for (i, rule) in each(&ra.jwt_rules) {
        let rp = format!("spec.jwtRules[{i}]");
        if rule.issuer.as_deref().unwrap_or("").is_empty()
            && rule.jwks_uri.as_deref().unwrap_or("").is_empty()
        {
            err(
                errs,
                format!("{rp}.issuer"),
                "Required value: issuer or jwksUri must be non-empty string",
            );
        }
        if rule.jwks.is_some() && rule.jwks_uri.is_some() {
            err(
                errs,
                &rp,
                "Invalid value: only one of jwks or jwksUri may be set",
            );
        }
        if let Some(uri) = rule.jwks_uri.as_ref().or(rule.jwks_uri_alt.as_ref()) {
            check_url(&format!("{rp}.jwksUri"), uri, &["http", "https"], errs);
        }
        if let Some(t) = &rule.timeout {
            if parse_duration_ms(t).is_some_and(|ms| ms <= 0.0) {
                err(
                    errs,
                    format!("{rp}.timeout"),
                    "Invalid value: timeout must be positive",
                );
            }
        }
        for (j, h) in each(&rule.from_headers) {
            if h.name.as_deref().unwrap_or("").is_empty() && h.name.is_some() {
                err(
                    errs,
                    format!("{rp}.fromHeaders[{j}].name"),
                    "Required value",
                );
            }
        }
    }
}

/// `url` must parse with one of `schemes`.
fn check_url(path: &str, url: &str, schemes: &[&str], errs: &mut Errs) {
    match url.split_once("://") {
        None => err(
            errs,
            path,
            format!("Invalid value: \"{url}\": url must have scheme"),
        ),
        Some((scheme, rest)) => {
            if !schemes.contains(&scheme.to_ascii_lowercase().as_str()) {
                err(
                    errs,
                    path,
                    format!(
                        "Invalid value: \"{url}\": url must have schema one of [{}]",
                        schemes.join(", ")
                    ),
                );
            } else if rest.is_empty() || rest.contains(char::is_whitespace) || rest.contains('\\') {
                err(
                    errs,
                    path,
                    format!("Invalid value: \"{url}\": url is not valid"),
                );
            }
        }
    }
}

// ---------------------------------------------------------------- telemetry, extensions

pub fn telemetry(t: &TelemetrySpec, errs: &mut Errs) {
    policy_target(&t.selector, &t.target_ref, &t.target_refs, errs);
    for (i, tr) in each(&t.tracing) {
        if let Some(p) = tr.random_sampling_percentage {
            check_percent(
                &format!("spec.tracing[{i}].randomSamplingPercentage"),
                p,
                errs,
            );
        }
    }
}

pub fn wasm_plugin(w: &WasmPluginSpec, errs: &mut Errs) {
    policy_target(&w.selector, &w.target_ref, &w.target_refs, errs);
    match w.url.as_deref() {
        None | Some("") => err(
            errs,
            "spec.url",
            "Required value: url field needs to be set",
        ),
        Some(url) => wasm_url("spec.url", url, errs),
    }
    if let Some(vm) = &w.vm_config {
        env_names("spec.vmConfig.env", &vm.env, errs);
    }
    for (i, m) in each(&w.r#match) {
        for (j, p) in each(&m.ports) {
            if let Some(n) = p.number {
                check_port(&format!("spec.match[{i}].ports[{j}].number"), n, errs);
            }
        }
    }
}

pub fn traffic_extension(t: &TrafficExtensionSpec, errs: &mut Errs) {
    if t.wasm.is_some() == t.lua.is_some() {
        err(
            errs,
            "spec",
            "Invalid value: exactly one of wasm or lua must be set",
        );
    }
    match_labels("spec.selector.matchLabels", &t.selector, errs);
    if let Some(w) = &t.wasm {
        if let Some(url) = &w.url {
            wasm_url("spec.wasm.url", url, errs);
        }
        if let Some(vm) = &w.vm_config {
            env_names("spec.wasm.vmConfig.env", &vm.env, errs);
        }
    }
}

fn wasm_url(path: &str, url: &str, errs: &mut Errs) {
    if url.contains("://") {
        check_url(path, url, &["oci", "file", "http", "https"], errs);
    } else if url.is_empty()
        || !url
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-/:@".contains(&b))
    {
        err(errs, path, format!("Invalid value: \"{url}\": url must have schema one of [oci, file, http, https] or be an image reference"));
    }
}

fn env_names(path: &str, env: &Option<Vec<Env>>, errs: &mut Errs) {
    let mut seen = HashSet::new();
    for (i, e) in each(env) {
        if let Some(n) = &e.name {
            if !seen.insert(n.clone()) {
                err(
                    errs,
                    format!("{path}[{i}].name"),
                    format!("Duplicate value: \"{n}\""),
                );
            }
        }
    }
}
