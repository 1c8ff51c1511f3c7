//! The default revision tag istioctl's installer adds beside a control plane: a second set
//! of injection webhooks (`istio-revision-tag-default`), the default validator
//! (`istiod-default-validator`) and the tag's Service, pointing at the installed revision;
//! the default revision's own injection webhooks are then deactivated (never-matching
//! selectors) so that one webhook answers for `istio-injection=enabled`.

use serde_json::{json, Value};

use super::owned::{self, Owner};
use crate::cluster::{Cluster, ClusterError};
use crate::model::effective as inputs;
use crate::render::{self, ComponentKind, RenderError, Rendered};

pub const TAG_LABEL: &str = "istio.io/tag";
const DEFAULT_TAG: &str = "default";
const INJECTOR: &str = "MutatingWebhookConfiguration";
const VALIDATOR: &str = "ValidatingWebhookConfiguration";
const VALIDATOR_NAME: &str = "istiod-default-validator";
const WEBHOOK_API: &str = "admissionregistration.k8s.io/v1";

/// Whether install adds the default tag: never when the operator manages the webhooks;
/// always for the default revision; for a named revision only while no default tag exists.
pub fn wanted(iop: &Value, default_tag_exists: bool) -> bool {
    let operator_manages = iop
        .pointer("/spec/values/global/operatorManageWebhooks")
        .is_some_and(render::truthy);
    !operator_manages && (!default_tag_exists || render::revision_of(iop).is_empty())
}

/// Whether the cluster has a default revision tag already.
pub async fn default_tag_exists(cluster: &Cluster) -> Result<bool, ClusterError> {
    let selector = format!("app=sidecar-injector,{TAG_LABEL}={DEFAULT_TAG}");
    Ok(!cluster
        .list(WEBHOOK_API, INJECTOR, None, &selector)
        .await?
        .is_empty())
}

/// The default revision's own injection webhooks in the cluster (not a tag's).
pub async fn default_revision_injectors(cluster: &Cluster) -> Result<Vec<Value>, ClusterError> {
    let selector = format!("{}=default,!{TAG_LABEL}", owned::REVISION_LABEL);
    cluster.list(WEBHOOK_API, INJECTOR, None, &selector).await
}

/// Deactivates the default revision's injectors in the cluster that the render does not
/// carry (an earlier installation's), as istioctl does when a default tag takes over;
/// returns what it changed.
pub async fn deactivate_other_injectors(
    cluster: &Cluster,
    rendered: &[Rendered],
) -> Result<Vec<String>, ClusterError> {
    let ours: std::collections::BTreeSet<String> = rendered
        .iter()
        .flat_map(|r| r.objects.iter().map(owned::key))
        .collect();
    let mut changed = Vec::new();
    for mut injector in default_revision_injectors(cluster).await? {
        if ours.contains(&owned::key(&injector)) {
            continue;
        }
        deactivate(&mut injector);
        let patch = json!({
            "apiVersion": WEBHOOK_API,
            "kind": INJECTOR,
            "metadata": {"name": injector["metadata"]["name"]},
            "webhooks": injector["webhooks"],
        });
        cluster.apply(&patch, None).await?;
        changed.push(owned::display(&injector));
    }
    Ok(changed)
}

/// Makes every webhook of an injector configuration match nothing, keeping the object so
/// that the default can be switched back to it.
pub fn deactivate(injector: &mut Value) {
    let never = json!({"matchLabels": {"istio.io/deactivated": "never-match"}});
    if let Some(hooks) = injector["webhooks"].as_array_mut() {
        for hook in hooks {
            hook["namespaceSelector"] = never.clone();
            hook["objectSelector"] = never.clone();
        }
    }
}

/// Whether an object is a revision's own injector configuration (not a tag's).
fn is_revision_injector(object: &Value, revision: &str) -> bool {
    object["kind"] == INJECTOR
        && object["metadata"]["labels"][owned::REVISION_LABEL] == revision
        && object["metadata"]["labels"][TAG_LABEL].is_null()
}

/// Adds the default tag's objects to the Pilot component of a stamped render and
/// deactivates the default revision's injector in it. Without a Pilot component (nothing
/// to point the tag at) the render is left alone.
pub fn add_default_tag(rendered: &mut [Rendered], owner: &Owner) -> Result<(), RenderError> {
    let Some(pilot) = rendered
        .iter_mut()
        .find(|r| r.component.kind == ComponentKind::Pilot)
    else {
        return Ok(());
    };
    let Some(canonical) = pilot
        .objects
        .iter()
        .find(|o| is_revision_injector(o, &owner.revision))
        .cloned()
    else {
        return Ok(());
    };
    let mut tag_objects = tag_objects(&canonical, owner)?;
    for object in pilot.objects.iter_mut() {
        if is_revision_injector(object, "default") {
            deactivate(object);
        }
    }
    pilot.objects.append(&mut tag_objects);
    Ok(())
}

/// What the injector of the tagged revision serves: its namespace, service, URL and
/// reinvocation policy, from its first injection webhook.
struct Target {
    namespace: String,
    url: String,
    reinvocation: String,
    auto_inject: bool,
}

fn target_of(canonical: &Value) -> Target {
    let hooks = canonical["webhooks"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let hook = hooks.first().cloned().unwrap_or(Value::Null);
    let client = &hook["clientConfig"];
    let text = |v: &Value| v.as_str().unwrap_or("").to_string();
    Target {
        namespace: client["service"]["namespace"]
            .as_str()
            .unwrap_or("istio-system")
            .to_string(),
        url: text(&client["url"]),
        reinvocation: text(&hook["reinvocationPolicy"]),
        auto_inject: hooks
            .iter()
            .any(|h| h["name"] == "auto.sidecar-injector.istio.io"),
    }
}

/// Renders the tag's webhook, Service and validator, labelled as istioctl labels them:
/// the render's labels, the canonical injector's (less `app`), the owner's, and
/// `owning-resource-not-pruned`.
fn tag_objects(canonical: &Value, owner: &Owner) -> Result<Vec<Value>, RenderError> {
    let target = target_of(canonical);
    let revision = if owner.revision == "default" {
        ""
    } else {
        &owner.revision
    };
    let mut sets = vec![format!(
        "values.sidecarInjectorWebhook.enableNamespacesByDefault={}",
        target.auto_inject
    )];
    if !revision.is_empty() {
        sets.push(format!("revision={revision}"));
    }
    if !target.url.is_empty() {
        sets.push(format!("values.istiodRemote.injectionURL={}", target.url));
    }
    if !target.reinvocation.is_empty() {
        sets.push(format!(
            "values.sidecarInjectorWebhook.reinvocationPolicy={}",
            target.reinvocation
        ));
    }
    let webhook = pick(&target, sets, INJECTOR)?;
    // The Service is rendered for the revision by name, `default` included.
    let service = pick(
        &target,
        vec![format!("revision={}", owner.revision)],
        "Service",
    )?;
    let validator = default_validator(&target, revision)?;

    let inherited: Vec<(String, String)> = canonical["metadata"]["labels"]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(k, _)| k.as_str() != "app")
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
        .collect();
    let mut own = owner.labels(None);
    own.push((owned::NOT_PRUNED_LABEL, "true".into()));
    let mut out = Vec::new();
    for (mut object, inherit) in [(webhook, true), (validator, true), (service, false)] {
        if inherit {
            for (k, v) in &inherited {
                object["metadata"]["labels"][k.as_str()] = json!(v);
            }
        }
        owned::label(&mut object, &own);
        out.push(object);
    }
    Ok(out)
}

/// The `default` tag's object of one kind from the istiod chart rendered alone (the
/// `empty` profile with Pilot) in the target's namespace.
fn pick(target: &Target, extra: Vec<String>, kind: &str) -> Result<Value, RenderError> {
    let mut sets = vec![
        "profile=empty".to_string(),
        "components.pilot.enabled=true".to_string(),
        format!("values.revisionTags[0]={DEFAULT_TAG}"),
        format!("values.global.istioNamespace={}", target.namespace),
    ];
    sets.extend(extra);
    find_rendered(&sets, kind, |o| {
        o["metadata"]["labels"][TAG_LABEL] == DEFAULT_TAG
    })
}

/// The base chart's default validator for the tagged revision.
fn default_validator(target: &Target, revision: &str) -> Result<Value, RenderError> {
    let mut sets = vec![
        "profile=empty".to_string(),
        "components.base.enabled=true".to_string(),
        format!(
            "values.defaultRevision={}",
            if revision.is_empty() {
                "default"
            } else {
                revision
            }
        ),
        format!("values.global.istioNamespace={}", target.namespace),
    ];
    if let Some(url) = target.url.strip_suffix("/inject") {
        sets.push(format!("values.base.validationURL={url}/validate"));
    }
    let mut validator = find_rendered(&sets, VALIDATOR, |o| {
        o["metadata"]["name"] == VALIDATOR_NAME
    })?;
    validator["metadata"]["labels"][TAG_LABEL] = json!(DEFAULT_TAG);
    // The tag's validator leaves objects of a named revision to that revision's own.
    for hook in validator["webhooks"].as_array_mut().into_iter().flatten() {
        hook["objectSelector"] = json!({"matchExpressions": [{"key": owned::REVISION_LABEL, "operator": "DoesNotExist"}]});
    }
    Ok(validator)
}

fn find_rendered(
    sets: &[String],
    kind: &str,
    wanted: impl Fn(&Value) -> bool,
) -> Result<Value, RenderError> {
    let merged = inputs::merge(&inputs::Request {
        sets: sets.to_vec(),
        ..Default::default()
    })?;
    render::render(&merged.iop)?
        .into_iter()
        .flat_map(|r| r.objects)
        .find(|o| o["kind"] == kind && wanted(o))
        .ok_or_else(|| RenderError::Failed(format!("the default revision tag renders no {kind}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iop(sets: &[&str]) -> Value {
        let request = inputs::Request {
            sets: sets.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        };
        inputs::merge(&request).unwrap().iop
    }

    #[test]
    fn the_default_revision_always_gets_the_tag_a_named_one_only_first() {
        assert!(wanted(&iop(&[]), true));
        assert!(wanted(&iop(&["revision=canary"]), false));
        assert!(!wanted(&iop(&["revision=canary"]), true));
        assert!(!wanted(
            &iop(&["values.global.operatorManageWebhooks=true"]),
            false
        ));
    }

    fn stamped(sets: &[&str]) -> (Vec<Rendered>, Owner) {
        let iop = iop(sets);
        let mut rendered = render::render(&iop).unwrap();
        let owner = Owner::of(&iop);
        owned::stamp(&mut rendered, &owner);
        (rendered, owner)
    }

    fn find<'a>(rendered: &'a [Rendered], kind: &str, name: &str) -> &'a Value {
        rendered
            .iter()
            .flat_map(|r| &r.objects)
            .find(|o| o["kind"] == kind && o["metadata"]["name"] == name)
            .unwrap_or_else(|| panic!("no {kind} {name}"))
    }

    #[test]
    fn the_default_tag_takes_over_injection_from_the_default_revision() {
        let (mut rendered, owner) = stamped(&["profile=minimal"]);
        add_default_tag(&mut rendered, &owner).unwrap();
        let injector = find(&rendered, INJECTOR, "istio-sidecar-injector");
        for hook in injector["webhooks"].as_array().unwrap() {
            assert_eq!(
                hook["namespaceSelector"]["matchLabels"]["istio.io/deactivated"],
                "never-match"
            );
        }
        let tag = find(&rendered, INJECTOR, "istio-revision-tag-default");
        let names: Vec<&str> = tag["webhooks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["name"].as_str().unwrap())
            .collect();
        assert!(
            names.contains(&"namespace.sidecar-injector.istio.io"),
            "{names:?}"
        );
        assert_eq!(tag["metadata"]["labels"][owned::NOT_PRUNED_LABEL], "true");
        assert_eq!(
            tag["metadata"]["labels"]["operator.istio.io/managed"],
            "Reconcile"
        );
        let service = find(&rendered, "Service", "istiod-revision-tag-default");
        assert_eq!(service["spec"]["selector"]["istio.io/rev"], "default");
        let validator = find(&rendered, VALIDATOR, VALIDATOR_NAME);
        assert_eq!(
            validator["webhooks"][0]["clientConfig"]["service"]["name"],
            "istiod"
        );
    }

    #[test]
    fn a_named_revision_tag_points_at_its_istiod_and_leaves_other_injectors() {
        let (mut rendered, owner) = stamped(&["profile=minimal", "revision=canary"]);
        add_default_tag(&mut rendered, &owner).unwrap();
        let injector = find(&rendered, INJECTOR, "istio-sidecar-injector-canary");
        assert!(injector["webhooks"][0]["namespaceSelector"]["matchExpressions"].is_array());
        let tag = find(&rendered, INJECTOR, "istio-revision-tag-default");
        assert_eq!(
            tag["webhooks"][0]["clientConfig"]["service"]["name"],
            "istiod-canary"
        );
        assert_eq!(tag["metadata"]["labels"][owned::REVISION_LABEL], "canary");
        let validator = find(&rendered, VALIDATOR, VALIDATOR_NAME);
        assert_eq!(
            validator["webhooks"][0]["clientConfig"]["service"]["name"],
            "istiod-canary"
        );
    }
}
