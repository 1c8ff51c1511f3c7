//! Injecting one pod (metadata + spec): the istio-init and istio-proxy containers,
//! volumes, labels and annotations, probe rewriting and Prometheus merge, as Istio's
//! default `sidecar` template produces them.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::settings::Settings;
use super::InjectError;
use super::{cluster_info, prometheus};

pub const STATUS_ANNOTATION: &str = "sidecar.istio.io/status";
const STATUS_PORT_DEFAULT: i64 = 15020;

/// Several metrics endpoints of the app (`port:path,port:path`) for Prometheus merge.
const SCRAPE_TARGETS: &str = "prometheus.istio.io/scrape-targets";

/// `8080:/metrics,9100:/custom` as `[{"port": "8080", "path": "/metrics"}, ...]` (a
/// target without a path is scraped at `/metrics`).
fn parse_scrape_targets(text: &str) -> Vec<Value> {
    text.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| {
            let (port, path) = t.split_once(':').unwrap_or((t, "/metrics"));
            json!({"port": port.trim(), "path": path.trim()})
        })
        .collect()
}

/// The workload that owns a pod template, for ISTIO_META_OWNER and naming.
pub struct Owner<'a> {
    pub api_version: &'a str,
    pub kind: &'a str,
    pub name: &'a str,
    pub namespace: &'a str,
}

fn annotation<'a>(meta: &'a Value, key: &str) -> Option<&'a str> {
    meta.get("annotations")
        .and_then(|a| a.get(key))
        .and_then(Value::as_str)
}

fn label<'a>(meta: &'a Value, key: &str) -> Option<&'a str> {
    meta.get("labels")
        .and_then(|a| a.get(key))
        .and_then(Value::as_str)
}

/// Canonical Kubernetes quantity text for the forms the values use (`2000m` -> `2`,
/// `1024Mi` -> `1Gi`).
pub fn canonical_quantity(q: &Value) -> Value {
    let Some(s) = q.as_str() else {
        return q.clone();
    };
    if let Some(m) = s.strip_suffix('m') {
        if let Ok(n) = m.parse::<u64>() {
            if n % 1000 == 0 {
                return Value::String((n / 1000).to_string());
            }
        }
    }
    for (suffix, next) in [("Ki", "Mi"), ("Mi", "Gi"), ("Gi", "Ti")] {
        if let Some(n) = s.strip_suffix(suffix).and_then(|n| n.parse::<u64>().ok()) {
            if n >= 1024 && n % 1024 == 0 {
                return canonical_quantity(&Value::String(format!("{}{next}", n / 1024)));
            }
        }
    }
    Value::String(s.to_string())
}

fn resources(settings: &Settings, meta: &Value) -> Value {
    const ANNOTATIONS: [&str; 4] = [
        "sidecar.istio.io/proxyCPU",
        "sidecar.istio.io/proxyMemory",
        "sidecar.istio.io/proxyCPULimit",
        "sidecar.istio.io/proxyMemoryLimit",
    ];
    // Resource annotations replace the values' resources entirely.
    let mut res = if ANNOTATIONS.iter().any(|a| annotation(meta, a).is_some()) {
        json!({})
    } else {
        settings
            .value("/global/proxy/resources")
            .cloned()
            .unwrap_or(json!({}))
    };
    for (anno, section, key) in [
        ("sidecar.istio.io/proxyCPU", "requests", "cpu"),
        ("sidecar.istio.io/proxyMemory", "requests", "memory"),
        ("sidecar.istio.io/proxyCPULimit", "limits", "cpu"),
        ("sidecar.istio.io/proxyMemoryLimit", "limits", "memory"),
    ] {
        if let Some(v) = annotation(meta, anno) {
            if !res.is_object() {
                res = json!({});
            }
            res[section][key] = Value::String(v.to_string());
        }
    }
    if let Some(obj) = res.as_object_mut() {
        for section in obj.values_mut() {
            if let Some(m) = section.as_object_mut() {
                for q in m.values_mut() {
                    *q = canonical_quantity(q);
                }
            }
        }
    }
    res
}

fn validate_cidrs(name: &str, value: &str) -> Result<(), InjectError> {
    if value == "*" || value.is_empty() {
        return Ok(());
    }
    for cidr in value.split(',').map(str::trim) {
        let ok = match cidr.split_once('/') {
            Some((ip, bits)) => ip.parse::<std::net::IpAddr>().is_ok_and(|ip| {
                let max = if ip.is_ipv4() { 32 } else { 128 };
                bits.parse::<u8>().is_ok_and(|b| b <= max)
            }),
            None => false,
        };
        if !ok {
            return Err(InjectError::Annotation(format!(
                "{name} invalid: {cidr:?} is not a CIDR"
            )));
        }
    }
    Ok(())
}

fn validate_ports(name: &str, value: &str) -> Result<(), InjectError> {
    if value == "*" || value.is_empty() {
        return Ok(());
    }
    for p in value.split(',').map(str::trim) {
        if p.parse::<u16>().map_or(true, |n| n == 0) {
            return Err(InjectError::Annotation(format!(
                "{name} invalid: {p:?} is not a port"
            )));
        }
    }
    Ok(())
}

/// Whether a pod should be skipped, and why.
pub fn skip_reason(meta: &Value, spec: &Value) -> Option<&'static str> {
    if spec.get("hostNetwork").and_then(Value::as_bool) == Some(true) {
        return Some("has host networking enabled");
    }
    // The label is the newer API: when both are set, the label decides.
    let choice = label(meta, "sidecar.istio.io/inject")
        .or_else(|| annotation(meta, "sidecar.istio.io/inject"));
    if choice == Some("false") {
        return Some("has sidecar injection disabled");
    }
    None
}

/// Whether the proxy runs as a native sidecar: the pod's `sidecar.istio.io/nativeSidecar`,
/// else the settings'.
pub(super) fn native_sidecar(settings: &Settings, meta: &Value) -> bool {
    match annotation(meta, "sidecar.istio.io/nativeSidecar") {
        Some("true") => true,
        Some("false") => false,
        _ => settings.native_sidecars,
    }
}

/// The agent's status port: the pod's `status.sidecar.istio.io/port`, else the values'.
pub(super) fn status_port(settings: &Settings, meta: &Value) -> i64 {
    annotation(meta, "status.sidecar.istio.io/port")
        .and_then(|p| p.parse::<i64>().ok())
        .or_else(|| {
            settings
                .value("/global/proxy/statusPort")
                .and_then(Value::as_i64)
        })
        .unwrap_or(STATUS_PORT_DEFAULT)
}

pub(super) fn proxy_config(settings: &Settings, meta: &Value) -> Result<Value, InjectError> {
    let mut pc = settings
        .mesh
        .get("defaultConfig")
        .cloned()
        .unwrap_or(json!({}));
    if let Some(text) = annotation(meta, "proxy.istio.io/config") {
        let overlay: Value = serde_yaml::from_str(text)
            .map_err(|e| InjectError::Annotation(format!("proxy.istio.io/config invalid: {e}")))?;
        super::settings::merge(&mut pc, &overlay);
    }
    Ok(pc)
}

/// The PROXY_CONFIG env value: the effective ProxyConfig minus what equals the defaults.
fn proxy_config_env(pc: &Value) -> String {
    let mut m = pc.as_object().cloned().unwrap_or_default();
    if m.get("discoveryAddress").and_then(Value::as_str) == Some("istiod.istio-system.svc:15012") {
        m.remove("discoveryAddress");
    }
    serde_json::to_string(&Value::Object(m)).unwrap_or_else(|_| "{}".into()) + "\n"
}

/// The image of an injected container: the pod's `sidecar.istio.io/proxyImage`, else the
/// values' image, when that names a repository (has a `/`); else the proxy image composed
/// from hub and tag.
fn container_image(
    meta: &Value,
    settings: &Settings,
    values_image: &str,
    hub_image: &str,
) -> String {
    let chosen = annotation(meta, "sidecar.istio.io/proxyImage")
        .map(str::to_string)
        .unwrap_or_else(|| settings.value_str(values_image));
    if chosen.contains('/') {
        chosen
    } else {
        hub_image.to_string()
    }
}

/// Image types Istio publishes as tag suffixes.
const IMAGE_TYPES: &[&str] = &["distroless", "debug"];

/// The proxy image from hub, image name and tag, with the image type as tag suffix: the
/// pod's `sidecar.istio.io/proxyImageType`, else ProxyConfig `image.imageType`, else the
/// values' variant (`default` means none; a known suffix already on the tag is replaced).
pub fn hub_proxy_image(settings: &Settings, pc: &Value, meta: &Value) -> String {
    let mut name = settings.value_str("/global/proxy/image");
    if name.is_empty() {
        name = "proxyv2".into();
    }
    let image_type = annotation(meta, "sidecar.istio.io/proxyImageType")
        .map(str::to_string)
        .or_else(|| {
            pc.pointer("/image/imageType")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .unwrap_or_else(|| settings.value_str("/global/variant"));
    let mut tag = settings.value_str("/global/tag");
    if !image_type.is_empty() {
        if let Some(known) = IMAGE_TYPES.iter().find(|t| tag.ends_with(&format!("-{t}"))) {
            tag.truncate(tag.len() - known.len() - 1);
        }
        if image_type != "default" {
            tag = format!("{tag}-{image_type}");
        }
    }
    format!("{}/{}:{}", settings.value_str("/global/hub"), name, tag)
}

/// A readiness probe setting: the pod's `readiness.status.sidecar.istio.io/<field>`
/// (an unsigned 32-bit integer), else the values' `global.proxy.<values_key>`, else
/// `default`.
fn readiness_setting(
    meta: &Value,
    settings: &Settings,
    (field, values_key): (&str, &str),
    default: i64,
) -> Result<i64, InjectError> {
    let name = format!("readiness.status.sidecar.istio.io/{field}");
    if let Some(text) = annotation(meta, &name) {
        return text.parse::<u32>().map(i64::from).map_err(|e| {
            InjectError::Annotation(format!(
                "invalid value '{text}' for annotation '{name}': {e}"
            ))
        });
    }
    Ok(settings
        .value(&format!("/global/proxy/{values_key}"))
        .and_then(Value::as_i64)
        .unwrap_or(default))
}

/// The volumes or volume mounts of a `sidecar.istio.io/userVolume(Mount)` annotation: a
/// JSON list (each entry named by its `name`, else by its index) or a JSON object (each
/// entry named by its `name`, else by its key, in key order).
fn user_entries(meta: &Value, key: &str) -> Result<Vec<Value>, InjectError> {
    let Some(text) = annotation(meta, key) else {
        return Ok(Vec::new());
    };
    let invalid = |why: String| {
        InjectError::Annotation(format!(
            "invalid value '{text}' for annotation '{key}': {why}"
        ))
    };
    let parsed: Value = serde_json::from_str(text).map_err(|e| invalid(e.to_string()))?;
    let named: Vec<(String, Value)> = match parsed {
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        Value::Object(map) => {
            let sorted: BTreeMap<String, Value> = map.into_iter().collect();
            sorted.into_iter().collect()
        }
        _ => return Err(invalid("not a JSON list or object".into())),
    };
    named
        .into_iter()
        .map(|(fallback, entry)| {
            let Value::Object(fields) = entry else {
                return Err(invalid(format!("entry {fallback} is not an object")));
            };
            let mut out = Map::new();
            out.insert(
                "name".into(),
                fields.get("name").cloned().unwrap_or(json!(fallback)),
            );
            out.extend(fields.into_iter().filter(|(k, _)| k != "name"));
            Ok(Value::Object(out))
        })
        .collect()
}

/// The proxy container's security context: unprivileged as user 1337, unless TPROXY
/// interception (NET_ADMIN) or `capNetBindService` (NET_BIND_SERVICE) make it run as root.
fn proxy_security(settings: &Settings, tproxy: bool, net_bind: bool) -> Value {
    let privileged = settings.value_bool("/global/proxy/privileged");
    let mut add = Vec::new();
    if tproxy {
        add.push("NET_ADMIN");
    }
    if net_bind {
        add.push("NET_BIND_SERVICE");
    }
    let mut capabilities = json!({"drop": ["ALL"]});
    if !add.is_empty() {
        capabilities["add"] = json!(add);
    }
    let (non_root, user) = if add.is_empty() {
        (true, 1337)
    } else {
        (false, 0)
    };
    let mut security = json!({"allowPrivilegeEscalation": privileged, "capabilities": null, "privileged": privileged,
           "readOnlyRootFilesystem": true, "runAsGroup": 1337, "runAsNonRoot": non_root, "runAsUser": user});
    security["capabilities"] = capabilities;
    security
}

/// Fields of a container in the order Go's Container encodes them.
const CONTAINER_FIELDS: &[&str] = &[
    "name",
    "image",
    "command",
    "args",
    "workingDir",
    "ports",
    "envFrom",
    "env",
    "resources",
    "resizePolicy",
    "restartPolicy",
    "restartPolicyRules",
    "volumeMounts",
    "volumeDevices",
    "livenessProbe",
    "readinessProbe",
    "startupProbe",
    "lifecycle",
    "terminationMessagePath",
    "terminationMessagePolicy",
    "imagePullPolicy",
    "securityContext",
    "stdin",
    "stdinOnce",
    "tty",
];

/// A container's fields reordered as Go encodes a Container (unknown fields last).
pub(super) fn in_go_container_order(container: Value) -> Value {
    let Value::Object(mut fields) = container else {
        return container;
    };
    let mut ordered = Map::new();
    for name in CONTAINER_FIELDS {
        if let Some(v) = fields.shift_remove(*name) {
            ordered.insert((*name).to_string(), v);
        }
    }
    ordered.extend(fields);
    Value::Object(ordered)
}

/// A container as Go's `encoding/json` writes a core/v1 Container (how Istio records the
/// user's overrides): fields in Go's order (its ports' too), `resources` always (a struct,
/// not a pointer) and a gRPC probe's `service` as `null` when unset (a pointer without
/// `omitempty`).
pub(super) fn go_encoded_container(mut container: Value) -> Value {
    if container.get("resources").is_none() {
        container["resources"] = json!({});
    }
    for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
        if let Some(grpc) = container
            .get_mut(probe)
            .and_then(|p| p.get_mut("grpc"))
            .and_then(Value::as_object_mut)
        {
            grpc.entry("service").or_insert(Value::Null);
        }
    }
    if let Some(ports) = container.get_mut("ports").and_then(Value::as_array_mut) {
        ports.iter_mut().for_each(|p| *p = in_go_port_order(p));
    }
    in_go_container_order(container)
}

/// Fields of a container port in the order Go's ContainerPort encodes them.
const PORT_FIELDS: &[&str] = &["name", "hostPort", "containerPort", "protocol", "hostIP"];

/// A container port's known fields in the order Go's ContainerPort encodes them.
pub(super) fn in_go_port_order(port: &Value) -> Value {
    let mut ordered = Map::new();
    for field in PORT_FIELDS {
        if let Some(v) = port.get(*field) {
            ordered.insert((*field).to_string(), v.clone());
        }
    }
    Value::Object(ordered)
}

/// ISTIO_META_POD_PORTS as istiod's template writes it: one JSON object per port, each on
/// its own line after the first with a leading comma, fields in Go's order.
fn pod_ports_env(ports: &[Value]) -> String {
    let encoded: Vec<String> = ports
        .iter()
        .map(|port| serde_json::to_string(&in_go_port_order(port)).unwrap_or_default())
        .collect();
    if encoded.is_empty() {
        "[\n]".to_string()
    } else {
        format!("[\n    {}\n]", encoded.join("\n    ,"))
    }
}

fn env_field(name: &str, path: &str) -> Value {
    json!({"name": name, "valueFrom": {"fieldRef": {"fieldPath": path}}})
}

fn env_resource(name: &str, resource: &str) -> Value {
    json!({"name": name, "valueFrom": {"resourceFieldRef": {"divisor": "1", "resource": resource}}})
}

fn env(name: &str, value: impl Into<String>) -> Value {
    json!({"name": name, "value": value.into()})
}

/// Rewrites app probes and lifecycle hooks to the agent's status port; returns the
/// originals keyed by their new paths.
pub(super) fn rewrite_probes(containers: &mut [Value], status_port: i64) -> Map<String, Value> {
    let mut probers = Map::new();
    for c in containers.iter_mut() {
        let name = c
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        if name == "istio-proxy" {
            continue;
        }
        let ports: Vec<(String, i64)> = c
            .get("ports")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|p| {
                Some((
                    p.get("name")?.as_str()?.to_string(),
                    p.get("containerPort")?.as_i64()?,
                ))
            })
            .collect();
        for (field, suffix) in [
            ("readinessProbe", "readyz"),
            ("livenessProbe", "livez"),
            ("startupProbe", "startupz"),
        ] {
            let Some(probe) = c.get_mut(field) else {
                continue;
            };
            let handler_key = ["httpGet", "tcpSocket", "grpc"]
                .into_iter()
                .find(|k| probe.get(*k).is_some());
            let Some(key) = handler_key else { continue };
            let path = format!("/app-health/{name}/{suffix}");
            let mut original = Map::new();
            let mut handler = probe[key].clone();
            // The agent is told of the probe unless its port cannot be resolved (a name
            // the container does not declare) or it already points at the agent.
            let mut listed = true;
            match handler.get("port").cloned() {
                Some(Value::String(port_name)) if key != "grpc" => {
                    match ports.iter().find(|(p, _)| *p == port_name) {
                        Some((_, n)) => handler["port"] = json!(n),
                        None => listed = false,
                    }
                }
                Some(Value::Number(n)) if key != "grpc" && n.as_i64() == Some(status_port) => {
                    listed = false
                }
                _ => {}
            }
            if key == "grpc" && handler.get("service").is_none() {
                handler["service"] = Value::Null; // Go writes the unset *string
            }
            // The agent serves the rewritten probe over plain HTTP whatever the app used.
            let had_scheme = handler.get("scheme").is_some();
            original.insert(key.to_string(), handler);
            if let Some(t) = probe.get("timeoutSeconds") {
                original.insert("timeoutSeconds".into(), t.clone());
            }
            if listed {
                probers.insert(path.clone(), Value::Object(original));
            }
            if let Some(obj) = probe.as_object_mut() {
                obj.remove(key);
                let mut get = json!({"path": path, "port": status_port});
                if had_scheme {
                    get["scheme"] = json!("HTTP");
                }
                obj.insert("httpGet".into(), get);
            }
        }
        for (hook, suffix) in [("preStop", "prestopz"), ("postStart", "poststartz")] {
            let Some(h) = c.pointer_mut(&format!("/lifecycle/{hook}")) else {
                continue;
            };
            let Some(key) = ["httpGet", "tcpSocket"]
                .into_iter()
                .find(|k| h.get(*k).is_some())
            else {
                continue;
            };
            let path = format!("/app-lifecycle/{name}/{suffix}");
            probers.insert(path.clone(), json!({ key: h[key].clone() }));
            if let Some(obj) = h.as_object_mut() {
                obj.remove(key);
                obj.insert("httpGet".into(), json!({"path": path, "port": status_port}));
            }
        }
    }
    probers
}

/// Injects the sidecar (or, as a `gateway`, the proxy that replaces the pod's istio-proxy
/// container, with no traffic redirection) into a pod's metadata and spec.
pub fn inject_pod(
    settings: &Settings,
    owner: &Owner,
    gateway: bool,
    meta: &mut Value,
    spec: &mut Value,
) -> Result<(), InjectError> {
    if !meta.is_object() {
        *meta = json!({});
    }
    let annotations_in = meta.get("annotations").cloned().unwrap_or(json!({}));
    let pc = proxy_config(settings, meta)?;
    let status_port = status_port(settings, meta);
    let native = !gateway && native_sidecar(settings, meta);
    let hold = pc
        .get("holdApplicationUntilProxyStarts")
        .and_then(Value::as_bool)
        .unwrap_or_else(|| settings.value_bool("/global/proxy/holdApplicationUntilProxyStarts"));
    let cni = settings.value_bool("/pilot/cni/enabled");
    let mesh_interception = pc.get("interceptionMode").and_then(Value::as_str);
    let interception = annotation(meta, "sidecar.istio.io/interceptionMode")
        .or(mesh_interception)
        .unwrap_or("REDIRECT")
        .to_string();
    let tproxy = interception == "TPROXY";
    let net_bind = annotation(meta, "sidecar.istio.io/capNetBindService")
        .map(str::to_string)
        .unwrap_or_else(|| settings.value_str("/global/proxy/capNetBindService"))
        == "true";

    // Each traffic setting: the pod's `traffic.sidecar.istio.io/<annotation>`, else the value.
    let traffic = |annotation_name: &str, value_key: &str| {
        annotation(meta, &format!("traffic.sidecar.istio.io/{annotation_name}"))
            .map(str::to_string)
            .unwrap_or_else(|| settings.value_str(&format!("/global/proxy/{value_key}")))
    };
    let include_ip = traffic("includeOutboundIPRanges", "includeIPRanges");
    let exclude_ip = traffic("excludeOutboundIPRanges", "excludeIPRanges");
    let include_in = traffic("includeInboundPorts", "includeInboundPorts");
    let exclude_in = traffic("excludeInboundPorts", "excludeInboundPorts");
    let include_out = traffic("includeOutboundPorts", "includeOutboundPorts");
    let exclude_out = traffic("excludeOutboundPorts", "excludeOutboundPorts");
    validate_cidrs("includeIPRanges", &include_ip)?;
    validate_cidrs("excludeIPRanges", &exclude_ip)?;
    if exclude_ip.trim() == "*" {
        return Err(InjectError::Annotation(
            "excludeIPRanges invalid: \"*\" is not a CIDR".into(),
        ));
    }
    validate_ports("includeInboundPorts", &include_in)?;
    validate_ports("excludeInboundPorts", &exclude_in)?;
    validate_ports("includeOutboundPorts", &include_out)?;
    validate_ports("excludeOutboundPorts", &exclude_out)?;

    let mut excluded_inbound = vec!["15090".to_string(), "15021".to_string()];
    if !exclude_in.is_empty() {
        excluded_inbound.push(exclude_in.clone());
    }
    if status_port != 0 {
        excluded_inbound.push(status_port.to_string());
    }
    let hub_image = hub_proxy_image(settings, &pc, meta);
    let bootstrap = annotation(meta, "sidecar.istio.io/bootstrapOverride").map(str::to_string);
    let proxy_image = container_image(meta, settings, "/global/proxy/image", &hub_image);
    let agent_level = annotation(meta, "sidecar.istio.io/agentLogLevel")
        .map(str::to_string)
        .unwrap_or_else(|| settings.value_str("/global/logging/level"));
    let res = resources(settings, meta);
    // A user-supplied istio-proxy container may run the proxy as another user.
    let user_security = spec
        .get("containers")
        .and_then(Value::as_array)
        .and_then(|cs| {
            cs.iter()
                .find(|c| c.get("name").and_then(Value::as_str) == Some("istio-proxy"))
        })
        .and_then(|c| c.get("securityContext"))
        .cloned()
        .unwrap_or(Value::Null);
    let proxy_uid = user_security
        .get("runAsUser")
        .and_then(Value::as_i64)
        .unwrap_or(1337);
    let proxy_gid = user_security
        .get("runAsGroup")
        .and_then(Value::as_i64)
        .unwrap_or(1337);
    let namespace = if owner.namespace.is_empty() {
        "default"
    } else {
        owner.namespace
    };

    // The init container (istio-init, or istio-validation with the CNI plugin).
    let mut init_args = vec![
        "istio-iptables".to_string(),
        "-p".into(),
        "15001".into(),
        "-z".into(),
        "15006".into(),
        "-u".into(),
        proxy_uid.to_string(),
        "-m".into(),
        interception.clone(),
        "-i".into(),
        include_ip.clone(),
        "-x".into(),
        exclude_ip.clone(),
        "-b".into(),
        include_in.clone(),
        "-d".into(),
        excluded_inbound.join(","),
    ];
    if !include_out.is_empty() {
        init_args.extend(["-q".into(), include_out.clone()]);
    }
    if !exclude_out.is_empty() {
        init_args.extend(["-o".into(), exclude_out.clone()]);
    }
    // The newer annotation wins over the older one.
    let virtual_interfaces = annotation(meta, "istio.io/reroute-virtual-interfaces")
        .or_else(|| annotation(meta, "traffic.sidecar.istio.io/kubevirtInterfaces"));
    if let Some(k) = virtual_interfaces {
        init_args.extend(["-k".into(), k.to_string()]);
    }
    if let Some(c) = annotation(meta, "traffic.sidecar.istio.io/excludeInterfaces") {
        init_args.extend(["-c".into(), c.to_string()]);
    }
    init_args.push(format!("--log_output_level={agent_level}"));
    if cni {
        init_args.push("--run-validation".into());
        init_args.push("--skip-rule-apply".into());
    }
    let init_name = if cni {
        "istio-validation"
    } else {
        "istio-init"
    };
    let init_security = if cni {
        json!({"allowPrivilegeEscalation": false, "capabilities": {"drop": ["ALL"]}, "privileged": false,
               "readOnlyRootFilesystem": true, "runAsGroup": proxy_gid, "runAsNonRoot": true, "runAsUser": proxy_uid})
    } else {
        json!({"allowPrivilegeEscalation": false, "capabilities": {"add": ["NET_ADMIN", "NET_RAW"], "drop": ["ALL"]},
               "privileged": false, "readOnlyRootFilesystem": false, "runAsGroup": 0, "runAsNonRoot": false, "runAsUser": 0})
    };
    // `json!` deep-copies the values it interpolates: the built ones are moved in after.
    let mut init = json!({
        "args": init_args,
        "image": container_image(meta, settings, "/global/proxy_init/image", &hub_image),
        "name": init_name,
        "resources": null,
        "securityContext": null,
    });
    init["resources"] = res.clone();
    init["securityContext"] = init_security;
    add_pull_policy(settings, &mut init);
    if let Some(md) = pc
        .get("proxyMetadata")
        .and_then(Value::as_object)
        .filter(|m| !m.is_empty())
    {
        let sorted: BTreeMap<&String, &Value> = md.iter().collect();
        init["env"] = Value::Array(
            sorted
                .into_iter()
                .map(|(k, v)| env(k, v.as_str().unwrap_or_default()))
                .collect(),
        );
    }

    // App containers, probes and ports.
    let mut containers: Vec<Value> = spec
        .get("containers")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut user_inits: Vec<Value> = spec
        .get("initContainers")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let user_proxy = containers
        .iter()
        .position(|c| c.get("name").and_then(Value::as_str) == Some("istio-proxy"))
        .map(|i| containers.remove(i));
    let rewrite = match annotation(meta, "sidecar.istio.io/rewriteAppHTTPProbers") {
        Some(v) => v == "true",
        None => settings.value_bool("/sidecarInjectorWebhook/rewriteAppHTTPProbe"),
    };
    let mut probers = Map::new();
    if rewrite {
        probers.extend(rewrite_probes(&mut containers, status_port));
        let mut sidecars: Vec<Value> = user_inits
            .iter()
            .filter(|c| c.get("restartPolicy").and_then(Value::as_str) == Some("Always"))
            .cloned()
            .collect();
        probers.extend(rewrite_probes(&mut sidecars, status_port));
        let mut it = sidecars.into_iter();
        for c in user_inits
            .iter_mut()
            .filter(|c| c.get("restartPolicy").and_then(Value::as_str) == Some("Always"))
        {
            if let Some(new) = it.next() {
                *c = new;
            }
        }
    }
    let app_names: Vec<String> = containers
        .iter()
        .filter_map(|c| c.get("name").and_then(Value::as_str).map(str::to_string))
        .collect();
    let pod_ports: Vec<Value> = containers
        .iter()
        .flat_map(|c| {
            c.get("ports")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default()
        })
        .collect();

    // Prometheus merge: the app's own scrape settings, each defaulting to its first
    // scrape target's.
    let no_annotations = Map::new();
    let app_scrape = prometheus::app_scrape(
        settings,
        annotations_in.as_object().unwrap_or(&no_annotations),
    );
    let merge_metrics = app_scrape.is_some();
    let scrape_targets = annotation(meta, SCRAPE_TARGETS)
        .filter(|_| merge_metrics)
        .map(parse_scrape_targets);
    let mut prom_original = app_scrape.unwrap_or_default();
    if let Some(first) = scrape_targets.as_ref().and_then(|t| t.first()) {
        for (key, value) in prom_original.iter_mut() {
            if value == "" {
                *value = first.get(key).cloned().unwrap_or(json!(""));
            }
        }
    }
    if let Some(targets) = scrape_targets.clone().filter(|t| !t.is_empty()) {
        prom_original.insert("targets".into(), Value::Array(targets));
    }

    // The proxy container.
    let mut envs = vec![
        env("PILOT_CERT_PROVIDER", "istiod"),
        env("CA_ADDR", {
            let ca = settings.value_str("/global/caAddress");
            if ca.is_empty() {
                let suffix = if settings.revision.is_empty() || settings.revision == "default" {
                    String::new()
                } else {
                    format!("-{}", settings.revision)
                };
                format!("istiod{suffix}.{}.svc:15012", settings.istio_namespace())
            } else {
                ca
            }
        }),
        env_field("POD_NAME", "metadata.name"),
        env_field("POD_NAMESPACE", "metadata.namespace"),
        env_field("INSTANCE_IP", "status.podIP"),
        env_field("SERVICE_ACCOUNT", "spec.serviceAccountName"),
        env_field("HOST_IP", "status.hostIP"),
        env_resource("ISTIO_CPU_LIMIT", "limits.cpu"),
        env("PROXY_CONFIG", proxy_config_env(&pc)),
    ];
    envs.push(env("ISTIO_META_POD_PORTS", pod_ports_env(&pod_ports)));
    if gateway {
        envs.push(env_resource("GOMEMLIMIT", "limits.memory"));
        envs.push(env("ISTIO_META_APP_CONTAINERS", app_names.join(",")));
    } else {
        envs.push(env("ISTIO_META_APP_CONTAINERS", app_names.join(",")));
        envs.push(env_resource("GOMEMLIMIT", "limits.memory"));
    }
    if let Ok(policy) = std::env::var("COMPLIANCE_POLICY") {
        if !policy.is_empty() {
            envs.push(env("COMPLIANCE_POLICY", policy));
            envs.push(env("GODEBUG", "fips140=only"));
        }
    }
    let cluster = settings.value_str("/global/multiCluster/clusterName");
    envs.push(env(
        "ISTIO_META_CLUSTER_ID",
        if cluster.is_empty() {
            "Kubernetes".to_string()
        } else {
            cluster
        },
    ));
    envs.push(env_field("ISTIO_META_NODE_NAME", "spec.nodeName"));
    // The gateway reports the ProxyConfig's mode; a sidecar the pod's annotation first.
    let reported_mode = if gateway {
        mesh_interception.unwrap_or("REDIRECT").to_string()
    } else {
        interception.clone()
    };
    envs.push(env("ISTIO_META_INTERCEPTION_MODE", reported_mode));
    let network = settings.value_str("/global/network");
    if !network.is_empty() {
        envs.push(env("ISTIO_META_NETWORK", network));
    }
    let workload_name = label(meta, "service.istio.io/workload-name")
        .filter(|n| !n.is_empty() && !gateway)
        .unwrap_or(owner.name)
        .to_string();
    envs.push(env("ISTIO_META_WORKLOAD_NAME", workload_name));
    let group_path = owner.api_version;
    envs.push(env(
        "ISTIO_META_OWNER",
        format!(
            "kubernetes://apis/{group_path}/namespaces/{namespace}/{}s/{}",
            owner.kind.to_ascii_lowercase(),
            owner.name
        ),
    ));
    if bootstrap.is_some() {
        envs.push(env(
            "ISTIO_BOOTSTRAP_OVERRIDE",
            "/etc/istio/custom-bootstrap/custom_bootstrap.json",
        ));
    }
    let trust = settings
        .mesh
        .get("trustDomain")
        .and_then(Value::as_str)
        .unwrap_or("cluster.local")
        .to_string();
    let mesh_id = settings.value_str("/global/meshID");
    envs.push(env(
        "ISTIO_META_MESH_ID",
        if mesh_id.is_empty() {
            trust.clone()
        } else {
            mesh_id
        },
    ));
    envs.push(env("TRUST_DOMAIN", trust));
    let semantic_conventions = settings
        .mesh
        .get("extensionProviders")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .any(|p| {
            p.pointer("/opentelemetry/serviceAttributeEnrichment")
                .and_then(Value::as_str)
                == Some("OTEL_SEMANTIC_CONVENTIONS")
        });
    if semantic_conventions {
        let labels = meta.get("labels");
        let version = [
            "service.istio.io/canonical-revision",
            "app.kubernetes.io/version",
            "version",
        ]
        .iter()
        .find_map(|k| labels.and_then(|l| l.get(*k)).and_then(Value::as_str))
        .unwrap_or("latest");
        let container = app_names.first().map(String::as_str).unwrap_or(owner.name);
        envs.push(env(
            "OTEL_RESOURCE_ATTRIBUTES",
            format!("service.namespace={namespace},service.version={version},service.instance.id={namespace}.$(POD_NAME).{container}"),
        ));
    }
    let metadata_env: Vec<Value> = pc
        .get("proxyMetadata")
        .and_then(Value::as_object)
        .map(|md| {
            let sorted: BTreeMap<&String, &Value> = md.iter().collect();
            sorted
                .into_iter()
                .map(|(k, v)| env(k, v.as_str().unwrap_or_default()))
                .collect()
        })
        .unwrap_or_default();
    envs.extend(metadata_env.iter().cloned());
    cluster_info::overwrite_envs(&mut envs, &cluster_info::cluster_envs(settings, meta));
    if prom_original.values().any(|v| v != "" && !v.is_null()) {
        envs.push(env(
            "ISTIO_PROMETHEUS_ANNOTATIONS",
            serde_json::to_string(&Value::Object(prom_original.clone())).unwrap_or_default(),
        ));
    }
    if !probers.is_empty() {
        let sorted: BTreeMap<_, _> = probers.into_iter().collect();
        envs.push(env(
            "ISTIO_KUBE_APP_PROBERS",
            serde_json::to_string(&sorted).unwrap_or_default(),
        ));
    }
    let domain = format!(
        "$(POD_NAMESPACE).svc.{}",
        settings.value_str("/global/proxy/clusterDomain")
    );
    let log_level = annotation(meta, "sidecar.istio.io/logLevel")
        .map(str::to_string)
        .unwrap_or_else(|| settings.value_str("/global/proxy/logLevel"));
    let component_level = annotation(meta, "sidecar.istio.io/componentLogLevel")
        .map(str::to_string)
        .unwrap_or_else(|| settings.value_str("/global/proxy/componentLogLevel"));
    let mut proxy = json!({
        "args": ["proxy", "sidecar", "--domain", domain, format!("--proxyLogLevel={log_level}"),
                 format!("--proxyComponentLogLevel={component_level}"),
                 format!("--log_output_level={agent_level}")],
        "env": null,
        "image": proxy_image,
        "name": "istio-proxy",
        "ports": [{"containerPort": 15090, "name": "http-envoy-prom", "protocol": "TCP"}],
        "resources": null,
        "securityContext": null,
        "volumeMounts": [
            {"mountPath": "/var/run/secrets/workload-spiffe-uds", "name": "workload-socket"},
            {"mountPath": "/var/run/secrets/credential-uds", "name": "credential-socket"},
            {"mountPath": "/var/run/secrets/workload-spiffe-credentials", "name": "workload-certs"},
            {"mountPath": "/var/run/secrets/istio", "name": "istiod-ca-cert"},
            {"mountPath": "/var/run/secrets/istio/crl", "name": "istio-ca-crl"},
            {"mountPath": "/var/lib/istio/data", "name": "istio-data"},
            {"mountPath": "/etc/istio/proxy", "name": "istio-envoy"},
            {"mountPath": "/var/run/secrets/tokens", "name": "istio-token"},
            {"mountPath": "/etc/istio/pod", "name": "istio-podinfo"}
        ]
    });
    proxy["env"] = Value::Array(envs);
    proxy["resources"] = res;
    proxy["securityContext"] = proxy_security(settings, tproxy, net_bind);
    // The gateway takes no user volumes.
    let user_entries_of = |key: &str| {
        if gateway {
            Ok(Vec::new())
        } else {
            user_entries(meta, key)
        }
    };
    let user_volumes_in = user_entries_of("sidecar.istio.io/userVolume")?;
    if let Some(mounts) = proxy["volumeMounts"].as_array_mut() {
        if bootstrap.is_some() {
            let at = mounts.len() - 3;
            mounts.insert(
                at,
                json!({"mountPath": "/etc/istio/custom-bootstrap", "name": "custom-bootstrap-volume"}),
            );
        }
        mounts.extend(user_entries_of("sidecar.istio.io/userVolumeMount")?);
    }
    add_pull_policy(settings, &mut proxy);
    if gateway {
        proxy["args"][1] = json!("router");
        proxy["resources"] = json!({});
        proxy["securityContext"] = json!({"runAsGroup": 1337, "runAsUser": 1337});
        if let Some(mounts) = proxy["volumeMounts"].as_array_mut() {
            mounts.retain(|m| m.get("name").and_then(Value::as_str) != Some("istio-ca-crl"));
        }
    }
    // The gateway is always probed, from the values alone; a sidecar unless its status
    // port is 0, with the pod's readiness annotations first.
    if status_port != 0 || gateway {
        let probe_meta = if gateway { &Value::Null } else { &*meta };
        let initial = readiness_setting(
            probe_meta,
            settings,
            ("initialDelaySeconds", "readinessInitialDelaySeconds"),
            0,
        )?;
        let mut readiness = json!({
            "failureThreshold": readiness_setting(probe_meta, settings, ("failureThreshold", "readinessFailureThreshold"), 4)?,
            "httpGet": {"path": "/healthz/ready", "port": 15021},
            "periodSeconds": readiness_setting(probe_meta, settings, ("periodSeconds", "readinessPeriodSeconds"), 15)?,
            "timeoutSeconds": 3
        });
        if initial != 0 {
            readiness["initialDelaySeconds"] = json!(initial);
        }
        proxy["readinessProbe"] = readiness;
        if settings.value_bool("/global/proxy/startupProbe/enabled") && !gateway {
            proxy["startupProbe"] = json!({
                "failureThreshold": settings.value("/global/proxy/startupProbe/failureThreshold").and_then(Value::as_i64).unwrap_or(600),
                "httpGet": {"path": "/healthz/ready", "port": 15021},
                "periodSeconds": 1,
                "timeoutSeconds": 3
            });
        }
    }
    if native {
        proxy["restartPolicy"] = json!("Always");
        proxy["lifecycle"] = json!({"preStop": {"exec": {"command": ["pilot-agent", "request", format!("--debug-port={status_port}"), "POST", "drain"]}}});
    } else if hold && !gateway {
        proxy["lifecycle"] = json!({"postStart": {"exec": {"command": ["pilot-agent", "wait"]}}});
    }
    let mut overrides = None;
    if let Some(mut user) = user_proxy {
        // The user's istio-proxy container overrides the template's (an `auto` image means
        // "the injector's image"); the original is recorded as Istio does.
        let mut recorded = user.clone();
        if recorded.get("image").and_then(Value::as_str) == Some("auto") {
            if let Some(o) = recorded.as_object_mut() {
                o.remove("image");
            }
        }
        overrides = Some(go_encoded_container(recorded));
        if user.get("image").and_then(Value::as_str) == Some("auto") {
            if let Some(o) = user.as_object_mut() {
                o.remove("image");
            }
        }
        super::settings::merge(&mut proxy, &user);
        // TPROXY needs the proxy to run as root: a user's runAsUser does not survive.
        let tproxy_anywhere = tproxy || mesh_interception == Some("TPROXY");
        let has_init = !gateway && (interception != "NONE" || cni);
        if tproxy_anywhere && has_init && user_security.get("runAsUser").is_some() {
            proxy["securityContext"]["runAsUser"] = json!(0);
        }
    }

    // Assemble containers and init containers.
    let mut init_list = Vec::new();
    let intercept = interception != "NONE";
    if (intercept || cni) && !gateway {
        init_list.push(init);
    }
    let mut status_inits: Vec<String> = init_list
        .iter()
        .map(|c| c["name"].as_str().unwrap_or("").to_string())
        .collect();
    let mut status_containers = Vec::new();
    if native {
        init_list.push(proxy);
        status_inits.push("istio-proxy".into());
        init_list.extend(user_inits);
    } else {
        let mut ordered = user_inits;
        ordered.extend(init_list);
        init_list = ordered;
        if hold {
            containers.insert(0, proxy);
        } else {
            containers.push(proxy);
        }
        status_containers.push("istio-proxy".to_string());
    }
    spec["containers"] = Value::Array(containers);
    spec["initContainers"] = Value::Array(init_list);

    // Istio's volumes come first, then the pod's own.
    let user_volumes: Vec<Value> = spec
        .get("volumes")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut volumes: Vec<Value> = Vec::new();
    volumes.extend([
        json!({"name": "workload-socket", "emptyDir": {}}),
        json!({"name": "credential-socket", "emptyDir": {}}),
        json!({"name": "workload-certs", "emptyDir": {}}),
    ]);
    if let Some(config_map) = &bootstrap {
        volumes.push(json!({"name": "custom-bootstrap-volume", "configMap": {"name": config_map}}));
    }
    volumes.extend([
        json!({"name": "istio-envoy", "emptyDir": {"medium": "Memory"}}),
        json!({"name": "istio-data", "emptyDir": {}}),
        json!({"name": "istio-podinfo", "downwardAPI": {"items": [
            {"fieldRef": {"fieldPath": "metadata.labels"}, "path": "labels"},
            {"fieldRef": {"fieldPath": "metadata.annotations"}, "path": "annotations"}]}}),
        json!({"name": "istio-token", "projected": {"sources": [{"serviceAccountToken": {"audience": "istio-ca", "expirationSeconds": 43200, "path": "istio-token"}}]}}),
        json!({"name": "istiod-ca-cert", "configMap": {"name": "istio-ca-root-cert"}}),
        json!({"name": "istio-ca-crl", "configMap": {"name": "istio-ca-crl", "optional": true}}),
    ]);
    if gateway {
        volumes.retain(|v| v.get("name").and_then(Value::as_str) != Some("istio-ca-crl"));
        let security = spec
            .as_object_mut()
            .expect("object")
            .entry("securityContext")
            .or_insert_with(|| json!({}));
        let sysctls = security
            .as_object_mut()
            .map(|m| m.entry("sysctls").or_insert_with(|| json!([])));
        if let Some(Value::Array(list)) = sysctls {
            const SYSCTL: &str = "net.ipv4.ip_unprivileged_port_start";
            if !list
                .iter()
                .any(|s| s.get("name").and_then(Value::as_str) == Some(SYSCTL))
            {
                list.push(json!({"name": SYSCTL, "value": "0"}));
            }
        }
    }
    volumes.extend(user_volumes_in);
    let status_volumes: Vec<Value> = volumes.iter().map(|v| v["name"].clone()).collect();
    volumes.extend(user_volumes);
    spec["volumes"] = Value::Array(volumes);
    let pull_secrets: Vec<Value> = settings
        .value("/global/imagePullSecrets")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut secret_names = Vec::new();
    if !pull_secrets.is_empty() {
        let mut existing: Vec<Value> = spec
            .get("imagePullSecrets")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for s in pull_secrets {
            let name = s
                .as_str()
                .map(str::to_string)
                .or_else(|| s.get("name").and_then(Value::as_str).map(str::to_string))
                .unwrap_or_default();
            secret_names.push(name.clone());
            existing.push(json!({"name": name}));
        }
        spec["imagePullSecrets"] = Value::Array(existing);
    }

    // Labels and annotations.
    let network = cluster_info::network(settings, meta);
    let labels = meta
        .as_object_mut()
        .expect("object")
        .entry("labels")
        .or_insert_with(|| json!({}));
    let canonical_name = [
        "service.istio.io/canonical-name",
        "app.kubernetes.io/name",
        "app",
    ]
    .iter()
    .find_map(|k| labels.get(*k).and_then(Value::as_str).map(str::to_string))
    .unwrap_or_else(|| owner.name.to_string());
    let canonical_name: String = canonical_name
        .chars()
        .take(63)
        .collect::<String>()
        .trim_matches(['-', '_', '.'])
        .to_string();
    let canonical_revision = [
        "service.istio.io/canonical-revision",
        "app.kubernetes.io/version",
        "version",
    ]
    .iter()
    .find_map(|k| labels.get(*k).and_then(Value::as_str).map(str::to_string))
    .unwrap_or_else(|| "latest".to_string());
    if !gateway && labels.get("security.istio.io/tlsMode").is_none() {
        labels["security.istio.io/tlsMode"] = json!("istio");
    }
    labels["service.istio.io/canonical-name"] = json!(canonical_name);
    labels["service.istio.io/canonical-revision"] = json!(canonical_revision);
    cluster_info::label_network(labels, &network);

    let default_container = app_names.first().cloned();
    let annotations = meta
        .as_object_mut()
        .expect("object")
        .entry("annotations")
        .or_insert_with(|| json!({}));
    let rev = if settings.revision.is_empty() {
        "default".to_string()
    } else {
        settings.revision.clone()
    };
    annotations["istio.io/rev"] = json!(rev);
    if let Some(dc) = default_container {
        if annotations_in
            .get("kubectl.kubernetes.io/default-container")
            .is_none()
        {
            annotations["kubectl.kubernetes.io/default-container"] = json!(dc);
        }
        if annotations_in
            .get("kubectl.kubernetes.io/default-logs-container")
            .is_none()
        {
            annotations["kubectl.kubernetes.io/default-logs-container"] = json!(dc);
        }
    }
    if scrape_targets.is_some() {
        // The agent serves the targets (ISTIO_PROMETHEUS_ANNOTATIONS) from now on.
        if let Some(a) = annotations.as_object_mut() {
            a.shift_remove(SCRAPE_TARGETS);
        }
    }
    if merge_metrics {
        if let Some(a) = annotations.as_object_mut() {
            prometheus::point_at_agent(settings, a);
        }
    }
    if cni {
        annotations["sidecar.istio.io/interceptionMode"] = json!(interception);
        annotations["traffic.sidecar.istio.io/excludeInboundPorts"] =
            json!(excluded_inbound[2..].join(","));
        annotations["traffic.sidecar.istio.io/includeInboundPorts"] = json!(include_in);
        annotations["traffic.sidecar.istio.io/includeOutboundIPRanges"] = json!(include_ip);
        if !exclude_ip.is_empty() {
            annotations["traffic.sidecar.istio.io/excludeOutboundIPRanges"] = json!(exclude_ip);
        }
        if settings.value_str("/pilot/cni/provider") == "multus" {
            let existing = annotations_in
                .get("k8s.v1.cni.cncf.io/networks")
                .and_then(Value::as_str)
                .unwrap_or("");
            let networks = if existing.is_empty() {
                "default/istio-cni".to_string()
            } else if existing.trim_start().starts_with('[') {
                let mut list: Vec<Value> = serde_json::from_str(existing).unwrap_or_default();
                list.push(json!({"name": "istio-cni", "namespace": "default"}));
                serde_json::to_string(&list).unwrap_or_default()
            } else {
                format!("{existing}, default/istio-cni")
            };
            annotations["k8s.v1.cni.cncf.io/networks"] = json!(networks);
        }
    }
    if let Some(o) = overrides {
        let section = if native {
            "initContainers"
        } else {
            "containers"
        };
        annotations["proxy.istio.io/overrides"] =
            json!(serde_json::to_string(&json!({ section: [o] })).unwrap_or_default());
    }
    let status = json!({
        "initContainers": if status_inits.is_empty() { Value::Null } else { json!(status_inits) },
        "containers": if status_containers.is_empty() { Value::Null } else { json!(status_containers) },
        "volumes": status_volumes,
        "imagePullSecrets": if secret_names.is_empty() { Value::Null } else { json!(secret_names) },
        "revision": rev,
    });
    annotations[STATUS_ANNOTATION] = json!(serde_json::to_string(&status).unwrap_or_default());
    Ok(())
}

fn add_pull_policy(settings: &Settings, container: &mut Value) {
    let policy = settings.value_str("/global/imagePullPolicy");
    if !policy.is_empty() {
        container["imagePullPolicy"] = json!(policy);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_are_canonical() {
        assert_eq!(canonical_quantity(&json!("2000m")), json!("2"));
        assert_eq!(canonical_quantity(&json!("1024Mi")), json!("1Gi"));
        assert_eq!(canonical_quantity(&json!("100m")), json!("100m"));
        assert_eq!(canonical_quantity(&json!("128Mi")), json!("128Mi"));
    }
}
