//! istiod's webhook rules for traffic policies: a DestinationRule's (top level, per port,
//! per subset) and a Sidecar's inbound connection pool — connection pools, outlier
//! detection, load balancing (consistent hash, locality, warm-up), client TLS, tunnels.

use std::collections::HashSet;

use serde_json::Value;

use super::common::{each, err, errors_only, parse_duration_ms};
use crate::model::api::*;
use crate::model::schema::FieldError;

type Errs = Vec<FieldError>;

/// `validateTrafficPolicy`: an empty policy, or a tunnel with PROXY protocol, is all that
/// is said; otherwise every part is checked.
pub fn traffic_policy(path: &str, tp: &TrafficPolicy, errs: &mut Errs) {
    let empty = tp.outlier_detection.is_none()
        && tp.connection_pool.is_none()
        && tp.load_balancer.is_none()
        && tp.tls.is_none()
        && tp.port_level_settings.is_none()
        && tp.tunnel.is_none()
        && tp.proxy_protocol.is_none()
        && tp.retry_budget.is_none();
    if empty {
        return err(errs, path, "traffic policy must have at least one field");
    }
    if tp.tunnel.is_some() && tp.proxy_protocol.is_some() {
        return err(
            errs,
            path,
            "tunnel and proxyProtocol must not be set together",
        );
    }
    let sub = |name: &str| format!("{path}.{name}");
    if let Some(od) = &tp.outlier_detection {
        outlier_detection(&sub("outlierDetection"), od, errs);
    }
    if let Some(pool) = &tp.connection_pool {
        connection_pool(&sub("connectionPool"), pool, errs);
    }
    if let Some(lb) = &tp.load_balancer {
        load_balancer(
            &sub("loadBalancer"),
            lb,
            tp.outlier_detection.is_some(),
            errs,
        );
    }
    if let Some(tls) = &tp.tls {
        client_tls(&sub("tls"), tls, errs);
    }
    for (i, pls) in each(&tp.port_level_settings) {
        // istiod collects port-level results as plain errors: their warnings are lost.
        let start = errs.len();
        port_traffic_policy(&format!("{path}.portLevelSettings[{i}]"), pls, errs);
        drop_warnings(errs, start);
    }
    if let Some(tunnel) = &tp.tunnel {
        tunnel_settings(&sub("tunnel"), tunnel, errs);
    }
}

/// Drops the warnings recorded since `start`, as istiod's error-only merging does.
pub fn drop_warnings(errs: &mut Errs, start: usize) {
    let mut index = 0;
    errs.retain(|e| {
        index += 1;
        index <= start || !e.warning
    });
}

fn port_traffic_policy(path: &str, pls: &PortLevelSetting, errs: &mut Errs) {
    if pls.port.is_none() {
        err(
            errs,
            format!("{path}.port"),
            "portTrafficPolicy must have valid port",
        );
    }
    let empty = pls.outlier_detection.is_none()
        && pls.connection_pool.is_none()
        && pls.load_balancer.is_none()
        && pls.tls.is_none();
    if empty {
        return err(
            errs,
            path,
            "port traffic policy must have at least one field",
        );
    }
    // istiod keeps a port's errors only: the deprecation warnings of its settings are lost.
    errors_only(errs, |errs| {
        if let Some(od) = &pls.outlier_detection {
            outlier_detection(&format!("{path}.outlierDetection"), od, errs);
        }
        if let Some(pool) = &pls.connection_pool {
            connection_pool(&format!("{path}.connectionPool"), pool, errs);
        }
        if let Some(lb) = &pls.load_balancer {
            let has_outlier = pls.outlier_detection.is_some();
            load_balancer(&format!("{path}.loadBalancer"), lb, has_outlier, errs);
        }
        if let Some(tls) = &pls.tls {
            client_tls(&format!("{path}.tls"), tls, errs);
        }
    });
}

/// istiod's rule for a duration field: at least 1ms, in whole milliseconds.
pub fn duration_problem(d: &str) -> Option<&'static str> {
    let ms = parse_duration_ms(d)?;
    if ms < 1.0 {
        return Some("duration must be greater than 1ms");
    }
    (ms.fract() != 0.0).then_some("only durations to ms precision are supported")
}

fn check_duration(path: &str, d: &Option<String>, errs: &mut Errs) {
    if let Some(problem) = d.as_deref().and_then(duration_problem) {
        err(errs, path, problem);
    }
}

fn non_negative(path: &str, value: Option<i64>, what: &str, errs: &mut Errs) {
    if value.is_some_and(|v| v < 0) {
        err(errs, path, format!("{what} must be non-negative"));
    }
}

/// `validateConnectionPool`, shared with the Sidecar's inbound pool.
pub fn connection_pool(path: &str, pool: &ConnectionPool, errs: &mut Errs) {
    if pool.http.is_none() && pool.tcp.is_none() {
        return err(errs, path, "connection pool must have at least one field");
    }
    if let Some(http) = &pool.http {
        let p = |name: &str| format!("{path}.http.{name}");
        let pending = http.http1_max_pending_requests;
        non_negative(
            &p("http1MaxPendingRequests"),
            pending,
            "http1 max pending requests",
            errs,
        );
        non_negative(
            &p("http2MaxRequests"),
            http.http2_max_requests,
            "http2 max requests",
            errs,
        );
        let per_connection = http.max_requests_per_connection;
        non_negative(
            &p("maxRequestsPerConnection"),
            per_connection,
            "max requests per connection",
            errs,
        );
        non_negative(&p("maxRetries"), http.max_retries, "max retries", errs);
        check_duration(&p("idleTimeout"), &http.idle_timeout, errs);
        let upgrade = http.h2_upgrade_policy.as_deref() == Some("UPGRADE");
        if upgrade && http.use_client_protocol == Some(true) {
            err(
                errs,
                p("useClientProtocol"),
                "use client protocol must not be true when H2UpgradePolicy is UPGRADE",
            );
        }
        let streams = http.max_concurrent_streams;
        non_negative(
            &p("maxConcurrentStreams"),
            streams,
            "max concurrent streams",
            errs,
        );
    }
    if let Some(tcp) = &pool.tcp {
        let p = |name: &str| format!("{path}.tcp.{name}");
        non_negative(
            &p("maxConnections"),
            tcp.max_connections,
            "max connections",
            errs,
        );
        check_duration(&p("connectTimeout"), &tcp.connect_timeout, errs);
        check_duration(
            &p("maxConnectionDuration"),
            &tcp.max_connection_duration,
            errs,
        );
        // An idle timeout of zero turns the timeout off.
        let idle_off = tcp.idle_timeout.as_deref().and_then(parse_duration_ms);
        if idle_off.is_some_and(|ms| ms.trunc() != 0.0) {
            check_duration(&p("idleTimeout"), &tcp.idle_timeout, errs);
        }
        if let Some(keepalive) = &tcp.tcp_keepalive {
            check_duration(&p("tcpKeepalive.time"), &keepalive.time, errs);
            check_duration(&p("tcpKeepalive.interval"), &keepalive.interval, errs);
        }
    }
}

fn outlier_detection(path: &str, od: &OutlierDetection, errs: &mut Errs) {
    check_duration(
        &format!("{path}.baseEjectionTime"),
        &od.base_ejection_time,
        errs,
    );
    if od.consecutive_errors.is_some_and(|n| n != 0) {
        errs.push(FieldError::warning(
            format!("{path}.consecutiveErrors"),
            "outlier detection consecutive errors is deprecated, use consecutiveGatewayErrors or consecutive5xxErrors instead",
        ));
    }
    let split = od.split_external_local_origin_errors == Some(true);
    if !split && od.consecutive_local_origin_failures.is_some_and(|n| n > 0) {
        err(errs, format!("{path}.consecutiveLocalOriginFailures"), "outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false");
    }
    check_duration(&format!("{path}.interval"), &od.interval, errs);
    for (name, value) in [
        ("maxEjectionPercent", od.max_ejection_percent),
        ("minHealthPercent", od.min_health_percent),
    ] {
        if let Some(v) = value.filter(|v| !(0..=100).contains(v)) {
            err(
                errs,
                format!("{path}.{name}"),
                format!("percentage {v} is not in range 0..100"),
            );
        }
    }
}

fn load_balancer(path: &str, lb: &LoadBalancer, has_outlier: bool, errs: &mut Errs) {
    if let Some(hash) = &lb.consistent_hash {
        consistent_hash(&format!("{path}.consistentHash"), hash, errs);
    }
    if let Some(locality) = &lb.locality_lb_setting {
        super::locality::locality_lb_setting(
            &format!("{path}.localityLbSetting"),
            locality,
            has_outlier,
            errs,
        );
    }
    if let Some(warmup) = &lb.warmup {
        let wp = format!("{path}.warmup");
        match &warmup.duration {
            None => err(errs, format!("{wp}.duration"), "duration is required"),
            Some(_) => check_duration(&format!("{wp}.duration"), &warmup.duration, errs),
        }
        if warmup.minimum_percent.is_some_and(|p| p > 100.0) {
            err(
                errs,
                format!("{wp}.minimumPercent"),
                "minimumPercent value should be less than or equal to 100",
            );
        }
        if warmup.aggression.is_some_and(|a| a < 1.0) {
            err(
                errs,
                format!("{wp}.aggression"),
                "aggression should be greater than or equal to 1",
            );
        }
    }
}

fn consistent_hash(path: &str, hash: &ConsistentHash, errs: &mut Errs) {
    if let Some(cookie) = &hash.http_cookie {
        let cp = format!("{path}.httpCookie");
        if cookie.name.as_deref().unwrap_or("").is_empty() {
            err(errs, format!("{cp}.name"), "name required for HttpCookie");
        }
        let mut names = HashSet::new();
        for (i, attribute) in each(&cookie.attributes) {
            let name = attribute.name.as_deref().unwrap_or("");
            let ap = format!("{cp}.attributes[{i}].name");
            if name.is_empty() {
                err(errs, ap, "cookie attribute name cannot be empty");
            } else if !names.insert(name) {
                err(errs, ap, format!("duplicate cookie attribute name: {name}"));
            }
        }
    }
    let ring_size = hash.minimum_ring_size.unwrap_or(0);
    if ring_size != 0 {
        errs.push(FieldError::warning(
            format!("{path}.minimumRingSize"),
            "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash configuration instead",
        ));
        if hash.ring_hash.is_some() || hash.maglev.is_some() {
            err(
                errs,
                path,
                "only one of MinimumRingSize or Maglev/Ringhash can be specified",
            );
        }
    }
    if let Some(maglev) = &hash.maglev {
        let size = maglev.table_size.unwrap_or(0).max(0) as u64;
        let tp = format!("{path}.maglev.tableSize");
        if size == 0 {
            err(errs, &tp, "tableSize must be set for maglev");
        }
        if size >= 5_000_011 {
            err(errs, &tp, "tableSize must be less than 5000011 for maglev");
        }
        if !is_prime(size) {
            err(errs, &tp, "tableSize must be a prime number for maglev");
        }
    }
}

/// Envoy's primality test for Maglev table sizes (0 is not prime; 1, 2 and 3 are).
fn is_prime(x: u64) -> bool {
    if x != 0 && x < 4 {
        return true;
    }
    if x.is_multiple_of(2) {
        return false;
    }
    let limit = (x as f64).sqrt() as u64;
    (3..=limit)
        .step_by(2)
        .all(|factor| !x.is_multiple_of(factor))
}

/// `ValidateTLS` for a client (upstream) TLS setting.
pub fn client_tls(path: &str, tls: &ClientTlsSettings, errs: &mut Errs) {
    let set = |v: &Option<String>| !v.as_deref().unwrap_or("").is_empty();
    let mode = tls.mode.as_deref().unwrap_or("DISABLE");
    let credential = tls.credential_name.as_deref().unwrap_or("");
    if let Some(problem) = configmap_credential_problem(credential) {
        err(errs, format!("{path}.credentialName"), problem);
    }
    let sans = tls.subject_alt_names.is_some();
    if tls.insecure_skip_verify == Some(true) {
        if mode == "SIMPLE" && (set(&tls.ca_certificates) || !credential.is_empty() || sans) {
            err(errs, path, "cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true");
        }
        if mode == "MUTUAL" && (set(&tls.ca_certificates) || sans) {
            err(errs, path, "cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true");
        }
    }
    if matches!(mode, "SIMPLE" | "MUTUAL") && !credential.is_empty() {
        let files = [
            &tls.client_certificate,
            &tls.ca_certificates,
            &tls.private_key,
            &tls.ca_crl,
        ];
        if files.into_iter().any(set) {
            err(errs, path, "cannot specify client certificates or CA certificate or CA CRL If credentialName is set");
        }
        return;
    }
    if mode == "MUTUAL" {
        if !set(&tls.client_certificate) {
            err(
                errs,
                format!("{path}.clientCertificate"),
                "client certificate required for mutual tls",
            );
        }
        if !set(&tls.private_key) {
            err(
                errs,
                format!("{path}.privateKey"),
                "private key required for mutual tls",
            );
        }
    }
}

/// A `configmap://namespace/name` credential must name both parts. (That the namespace is
/// the resource's own is checked where the namespace is known, [`configmap_namespace`].)
fn configmap_credential_problem(credential: &str) -> Option<String> {
    let rest = credential.strip_prefix("configmap://")?;
    let mut parts = rest.split('/');
    let namespace = parts.next().unwrap_or("");
    let Some(name) = parts.next() else {
        return Some(format!("invalid configmap:// credentialName: invalid resource name {credential:?}. Expected namespace and name"));
    };
    if namespace.is_empty() {
        return Some(format!("invalid configmap:// credentialName: invalid resource name {credential:?}. Expected namespace"));
    }
    if name.is_empty() {
        return Some(format!("invalid configmap:// credentialName: invalid resource name {credential:?}. Expected name"));
    }
    None
}

/// The namespace a well-formed `configmap://namespace/name` credential names.
pub fn configmap_namespace(credential: &str) -> Option<&str> {
    let rest = credential.strip_prefix("configmap://")?;
    configmap_credential_problem(credential)
        .is_none()
        .then(|| rest.split('/').next().unwrap_or(""))
}

fn tunnel_settings(path: &str, tunnel: &Tunnel, errs: &mut Errs) {
    let protocol = tunnel.protocol.as_deref().unwrap_or("");
    if !matches!(protocol, "" | "CONNECT" | "POST") {
        err(
            errs,
            format!("{path}.protocol"),
            "tunnel protocol must be \"CONNECT\" or \"POST\"",
        );
    }
    let host = tunnel.target_host.as_deref().unwrap_or("");
    if let Some(fqdn) = super::common::fqdn_problem(host) {
        if host.parse::<std::net::IpAddr>().is_err() {
            let ip = format!("{host} is not a valid IP");
            err(
                errs,
                format!("{path}.targetHost"),
                format!("tunnel target host must be valid FQDN or IP address: {fqdn}; {ip}"),
            );
        }
    }
    let port = tunnel.target_port.unwrap_or(0);
    if !(1..=65535).contains(&port) {
        err(
            errs,
            format!("{path}.targetPort"),
            format!(
                "tunnel target port is invalid: port number {port} must be in the range 1..65535"
            ),
        );
    }
}

/// The `credentialName` of every client TLS setting of a DestinationRule spec, with its
/// path (read from the spec as given: no second decode).
pub fn destination_rule_credentials(spec: &Value) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    policy_credentials(
        "spec.trafficPolicy".into(),
        spec.get("trafficPolicy"),
        &mut out,
    );
    let subsets = spec.get("subsets").and_then(Value::as_array);
    for (i, subset) in subsets.into_iter().flatten().enumerate() {
        let path = format!("spec.subsets[{i}].trafficPolicy");
        policy_credentials(path, subset.get("trafficPolicy"), &mut out);
    }
    out
}

/// The credentials of a traffic policy's TLS settings, its own and per port.
fn policy_credentials<'a>(path: String, tp: Option<&'a Value>, out: &mut Vec<(String, &'a str)>) {
    let Some(tp) = tp else { return };
    let ports = tp.get("portLevelSettings").and_then(Value::as_array);
    let per_port = ports
        .into_iter()
        .flatten()
        .enumerate()
        .map(|(i, port)| (format!("{path}.portLevelSettings[{i}]"), port));
    for (at, holder) in std::iter::once((path.clone(), tp)).chain(per_port) {
        let name = holder
            .pointer("/tls/credentialName")
            .and_then(Value::as_str);
        if let Some(name) = name {
            out.push((format!("{at}.tls.credentialName"), name));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(policy: serde_json::Value) -> Vec<String> {
        let tp: TrafficPolicy = serde_json::from_value(policy).unwrap();
        let mut errs = Vec::new();
        traffic_policy("spec.trafficPolicy", &tp, &mut errs);
        errs.into_iter().map(|e| e.message).collect()
    }

    #[test]
    fn an_empty_policy_or_tunnel_with_proxy_protocol_is_all_that_is_said() {
        let empty = messages(serde_json::json!({}));
        assert_eq!(empty, ["traffic policy must have at least one field"]);
        let both = messages(serde_json::json!({
            "tunnel": {"protocol": "BAD"}, "proxyProtocol": {}
        }));
        assert_eq!(both, ["tunnel and proxyProtocol must not be set together"]);
    }

    #[test]
    fn every_part_of_a_policy_is_checked_in_istiods_words() {
        let found = messages(serde_json::json!({
            "connectionPool": {"tcp": {"connectTimeout": "100us", "idleTimeout": "0s"},
                               "http": {"maxRetries": -1}},
            "outlierDetection": {"consecutiveLocalOriginFailures": 3, "maxEjectionPercent": 101},
            "loadBalancer": {"consistentHash": {"maglev": {"tableSize": 10},
                                                "httpCookie": {"name": "", "attributes": [{"name": "a"}, {"name": "a"}]}},
                             "warmup": {"aggression": 0.5}},
            "tls": {"mode": "MUTUAL"},
            "tunnel": {"protocol": "GET", "targetHost": "*x.example.com", "targetPort": 0},
            "portLevelSettings": [{"port": {"number": 80}}]
        }));
        for expected in [
            "duration must be greater than 1ms",
            "max retries must be non-negative",
            "outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false",
            "percentage 101 is not in range 0..100",
            "tableSize must be a prime number for maglev",
            "name required for HttpCookie",
            "duplicate cookie attribute name: a",
            "duration is required",
            "aggression should be greater than or equal to 1",
            "client certificate required for mutual tls",
            "private key required for mutual tls",
            "tunnel protocol must be \"CONNECT\" or \"POST\"",
            "tunnel target port is invalid: port number 0 must be in the range 1..65535",
            "port traffic policy must have at least one field",
        ] {
            assert!(found.iter().any(|m| m == expected), "{expected} not in {found:#?}");
        }
        assert!(found
            .iter()
            .any(|m| m.starts_with("tunnel target host must be valid FQDN or IP address")));
        assert_eq!(found.len(), 15, "{found:#?}");
    }

    #[test]
    fn maglev_table_sizes_are_primes_below_the_limit() {
        assert!(is_prime(65537) && is_prime(2) && is_prime(3) && !is_prime(0) && !is_prime(9));
    }
}
