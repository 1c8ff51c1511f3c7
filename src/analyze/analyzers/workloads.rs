//! Analyzers of Kubernetes workloads and namespaces: sidecar injection,
//! Service port names, Deployments behind several Services, the reserved UID 1337.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::util::*;
use crate::analyze::messages as msg;
use crate::analyze::snapshot::selects;
use crate::analyze::{Analyzer, Reporter, Snapshot};
use crate::model::Resource;

const INJECTION_LABEL: &str = "istio-injection";
const REVISION_LABEL: &str = "istio.io/rev";
const DATAPLANE_LABEL: &str = "istio.io/dataplane-mode";

fn label<'a>(r: &'a Resource, key: &str) -> Option<&'a str> {
    r.labels().and_then(|l| l.get(key)).and_then(Value::as_str)
}

/// The `values` of the sidecar injector ConfigMap (revision `rev`, or the default one).
fn injector_values(snap: &Snapshot, name: &str) -> Option<Value> {
    let cm = snap.core("ConfigMap").find(|c| c.name() == name)?;
    let text = cm.object.pointer("/data/values")?.as_str()?;
    serde_json::from_str(text).ok()
}

/// Whether a pod spec has the proxy: the first container or init container named
/// `istio-proxy` names an image.
fn has_proxy(pod_spec: &Value) -> bool {
    ["/containers", "/initContainers"]
        .iter()
        .flat_map(|p| array_at(pod_spec, p))
        .find(|c| c.get("name").and_then(Value::as_str) == Some("istio-proxy"))
        .and_then(|c| c.get("image").and_then(Value::as_str))
        .is_some_and(|image| !image.is_empty())
}

/// Whether a pod opts out of injection: its `sidecar.istio.io/inject` label, else the
/// annotation of that name, is `false` in any case.
fn injection_disabled(r: &Resource) -> bool {
    label(r, "sidecar.istio.io/inject")
        .or_else(|| {
            r.annotations()
                .and_then(|a| a.get("sidecar.istio.io/inject"))
                .and_then(Value::as_str)
        })
        .is_some_and(|v| v.eq_ignore_ascii_case("false"))
}

pub static INJECTION: Analyzer = Analyzer {
    name: "injection.Analyzer",
    doc: "Checks namespace injection labels (missing, conflicting, enabled by default) and pods in injected namespaces that lack the proxy",
    inputs: &["Namespace", "Pod", "ConfigMap"],
    requires: &["Namespace"],
    codes: &[&msg::NAMESPACE_NOT_INJECTED, &msg::POD_MISSING_PROXY, &msg::NAMESPACE_MULTIPLE_INJECTION_LABELS, &msg::NAMESPACE_INJECTION_ENABLED_BY_DEFAULT],
    run: injection,
};

fn injection(snap: &Snapshot, out: &mut Reporter) {
    // Istio reads enableNamespacesByDefault from the injector ConfigMap of each namespace's
    // revision, keeping the last value found when a revision has no ConfigMap.
    let mut by_default = false;
    let mut injected = BTreeSet::new();
    for ns_obj in snap.core("Namespace") {
        let name = ns_obj.name();
        if name == "istio-system" {
            continue;
        }
        let injection = label(ns_obj, INJECTION_LABEL);
        let revision = label(ns_obj, REVISION_LABEL);
        let labels = injection_labels(ns_obj);
        if labels.len() > 1 {
            out.report(
                &msg::NAMESPACE_MULTIPLE_INJECTION_LABELS,
                Some(ns_obj),
                None,
                &[labels.into()],
            );
        }
        if label(ns_obj, DATAPLANE_LABEL) == Some("ambient") {
            continue;
        }
        let injector = match revision {
            Some(rev) if !rev.is_empty() && rev != "default" => {
                format!("istio-sidecar-injector-{rev}")
            }
            _ => "istio-sidecar-injector".to_string(),
        };
        if let Some(values) = injector_values(snap, &injector) {
            by_default = values
                .pointer("/sidecarInjectorWebhook/enableNamespacesByDefault")
                .and_then(Value::as_bool)
                .unwrap_or(false);
        }
        if injection.unwrap_or("").is_empty() && revision.is_none() {
            if by_default {
                out.report(
                    &msg::NAMESPACE_INJECTION_ENABLED_BY_DEFAULT,
                    Some(ns_obj),
                    None,
                    &[],
                );
            } else {
                out.report(
                    &msg::NAMESPACE_NOT_INJECTED,
                    Some(ns_obj),
                    Some("metadata.name"),
                    &[name.into(), name.into()],
                );
            }
            continue;
        }
        // Only the legacy label set to `enabled` makes Istio expect proxies in the pods.
        if injection == Some("enabled") {
            injected.insert(name.to_string());
        }
    }
    for pod in snap.core("Pod") {
        if !injected.contains(ns(pod)) || injection_disabled(pod) {
            continue;
        }
        let Some(spec) = pod.spec() else { continue };
        if spec.get("hostNetwork").and_then(Value::as_bool) == Some(true) || has_proxy(spec) {
            continue;
        }
        out.report(
            &msg::POD_MISSING_PROXY,
            Some(pod),
            None,
            &[qualified(pod).into()],
        );
    }
}

/// The injection labels a namespace carries, as Istio lists them when there are several:
/// the legacy label with any value, and the revision and dataplane-mode labels unless the
/// legacy label is there with a value other than `enabled`.
fn injection_labels(ns_obj: &Resource) -> Vec<String> {
    let injection = label(ns_obj, INJECTION_LABEL);
    let mut labels: Vec<String> = injection
        .map(|v| format!("{INJECTION_LABEL}={v}"))
        .into_iter()
        .collect();
    for key in [REVISION_LABEL, DATAPLANE_LABEL] {
        if let Some(v) = label(ns_obj, key) {
            if injection.is_none_or(|i| i == "enabled") {
                labels.push(format!("{key}={v}"));
            }
        }
    }
    labels
}

pub static PORT_NAME: Analyzer = Analyzer {
    name: "service.PortNameAnalyzer",
    doc: "Checks that Service ports follow Istio's protocol naming (http-, grpc-, tcp-, ... or appProtocol)",
    inputs: &["Service"],
    requires: &[],
    codes: &[&msg::PORT_NAME_IS_NOT_UNDER_NAMING_CONVENTION, &msg::EXTERNAL_NAME_SERVICE_TYPE_INVALID_PORT_NAME],
    run: port_name,
};

/// Values of `gateway.istio.io/managed` on the Services Istio's gateway controllers create.
const CONTROLLER_MANAGED: &[&str] = &[
    "istio.io-gateway-controller",
    "istio.io-mesh-controller",
    "istio.io-eastwest-controller",
];

fn port_name(snap: &Snapshot, out: &mut Reporter) {
    for svc in snap.core("Service") {
        let managed = label(svc, "gateway.istio.io/managed").unwrap_or("");
        if is_istio_control_plane(svc) || CONTROLLER_MANAGED.contains(&managed) {
            continue;
        }
        let external = str_at(&svc.object, "/spec/type") == Some("ExternalName");
        for (i, port) in array_at(&svc.object, "/spec/ports").iter().enumerate() {
            let name = port.get("name").and_then(Value::as_str).unwrap_or("");
            if port_protocol(port) != "UNSUPPORTED" && !(external && name == "tcp") {
                continue;
            }
            let field = format!("spec.ports[{i}].port");
            if external {
                let kind = &msg::EXTERNAL_NAME_SERVICE_TYPE_INVALID_PORT_NAME;
                out.report(kind, Some(svc), Some(&field), &[]);
                continue;
            }
            let number = port.get("port").and_then(Value::as_i64).unwrap_or(0);
            out.report(
                &msg::PORT_NAME_IS_NOT_UNDER_NAMING_CONVENTION,
                Some(svc),
                Some(&field),
                &[name.into(), number.into(), target_port_text(port).into()],
            );
        }
    }
}

pub static MULTI_SERVICE: Analyzer = Analyzer {
    name: "deployment.MultiServiceAnalyzer",
    doc: "Checks that a Deployment in the mesh behind several Services does not get one port with different protocols, or one targetPort with different ports",
    inputs: &["Deployment", "Service", "Namespace"],
    requires: &[],
    codes: &[&msg::DEPLOYMENT_ASSOCIATED_TO_MULTIPLE_SERVICES, &msg::DEPLOYMENT_CONFLICTING_PORTS],
    run: multi_service,
};

/// A label or selector map.
type Labels = BTreeMap<String, String>;

fn multi_service(snap: &Snapshot, out: &mut Reporter) {
    // The Services with a selector, by namespace (read once, not once per Deployment).
    let mut selecting: BTreeMap<&str, Vec<(&Resource, Labels)>> = BTreeMap::new();
    for svc in snap.core("Service") {
        let sel = labels_at(&svc.object, "/spec/selector");
        if !sel.is_empty() {
            selecting.entry(ns(svc)).or_default().push((svc, sel));
        }
    }
    for dep in snap.of("apps", "Deployment") {
        let template = dep.object.pointer("/spec/template").unwrap_or(&Value::Null);
        let meta = template.get("metadata").unwrap_or(&Value::Null);
        let containers = array_at(template, "/spec/containers");
        let waypoint = label(dep, "gateway.istio.io/managed") == Some("istio.io-mesh-controller");
        if waypoint || !in_mesh(snap, ns(dep), meta, containers) {
            continue;
        }
        let labels = labels_at(meta, "/labels");
        let services: Vec<&Resource> = selecting
            .get(ns(dep))
            .into_iter()
            .flatten()
            .filter(|(_, sel)| selects(sel, &labels))
            .map(|(svc, _)| *svc)
            .collect();
        conflicting_protocols(dep, &services, out);
        conflicting_target_ports(dep, &services, out);
    }
}

/// One port number served with different protocols by the Services of a Deployment.
fn conflicting_protocols(dep: &Resource, services: &[&Resource], out: &mut Reporter) {
    let mut by_port: BTreeMap<i64, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for svc in services {
        for port in array_at(&svc.object, "/spec/ports") {
            let number = port.get("port").and_then(Value::as_i64).unwrap_or(0);
            let protocol = str_at(port, "/protocol")
                .filter(|p| !p.is_empty())
                .unwrap_or("TCP");
            let names = by_port
                .entry(number)
                .or_default()
                .entry(protocol.to_string());
            names.or_default().push(qualified(svc));
        }
    }
    for (port, protocols) in by_port.into_iter().filter(|(_, p)| p.len() > 1) {
        let mut names: Vec<String> = protocols.into_values().flatten().collect();
        names.sort();
        out.report(
            &msg::DEPLOYMENT_ASSOCIATED_TO_MULTIPLE_SERVICES,
            Some(dep),
            Some("metadata.name"),
            &[dep.name().into(), port.into(), names.into()],
        );
    }
}

/// One targetPort reached from different ports of the Services of a Deployment (the
/// targetPort defaults to the port).
fn conflicting_target_ports(dep: &Resource, services: &[&Resource], out: &mut Reporter) {
    let mut by_target: BTreeMap<String, BTreeMap<i64, String>> = BTreeMap::new();
    for svc in services {
        for port in array_at(&svc.object, "/spec/ports") {
            let number = port.get("port").and_then(Value::as_i64).unwrap_or(0);
            let target = match target_port_text(port) {
                t if t == "0" || t.is_empty() => number.to_string(),
                t => t,
            };
            by_target
                .entry(target)
                .or_default()
                .insert(number, qualified(svc));
        }
    }
    for (target, ports) in by_target.into_iter().filter(|(_, p)| p.len() > 1) {
        let numbers: Vec<String> = ports.keys().map(i64::to_string).collect();
        let mut names: Vec<String> = ports.into_values().collect();
        names.sort();
        out.report(
            &msg::DEPLOYMENT_CONFLICTING_PORTS,
            Some(dep),
            Some("metadata.name"),
            &[
                dep.name().into(),
                names.into(),
                target.into(),
                numbers.into(),
            ],
        );
    }
}

pub static APPLICATION_UID: Analyzer = Analyzer {
    name: "applicationUID.Analyzer",
    doc: "Checks that application containers do not run as UID 1337, which the sidecar proxy reserves",
    inputs: &["Pod", "Deployment"],
    requires: &[],
    codes: &[&msg::INVALID_APPLICATION_UID],
    run: application_uid,
};

fn application_uid(snap: &Snapshot, out: &mut Reporter) {
    let pods = snap.core("Pod").map(|p| (p, p.spec()));
    let deployments = snap
        .of("apps", "Deployment")
        .map(|d| (d, d.object.pointer("/spec/template/spec")));
    for (r, spec) in pods.chain(deployments) {
        // Istio's control plane is exempt, by the resource's own labels.
        if is_istio_control_plane(r) {
            continue;
        }
        let spec = spec.unwrap_or(&Value::Null);
        let uid_1337 = |v: &Value| {
            v.pointer("/securityContext/runAsUser")
                .and_then(Value::as_i64)
                == Some(1337)
        };
        let pod_level = usize::from(uid_1337(spec));
        let containers = array_at(spec, "/containers")
            .iter()
            .filter(|c| {
                let name = c.get("name").and_then(Value::as_str);
                !matches!(name, Some("istio-proxy" | "istio-operator")) && uid_1337(c)
            })
            .count();
        // One message per offending setting (identical ones are shown once).
        for _ in 0..pod_level + containers {
            out.report(&msg::INVALID_APPLICATION_UID, Some(r), None, &[]);
        }
    }
}
