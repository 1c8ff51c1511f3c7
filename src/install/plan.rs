//! `install --dry-run`: what an install would do, computed without changing anything —
//! objects to create, objects whose server-side dry-run apply differs from the live
//! object (with the diff), and owned objects to prune.

use serde_json::Value;

use super::owned;
use crate::cluster::{Cluster, ClusterError};
use crate::render::Rendered;

/// One object that would change: its name and the live and desired YAML.
#[derive(Debug)]
pub struct Change {
    pub object: String,
    pub live: String,
    pub desired: String,
}

#[derive(Debug, Default)]
pub struct Plan {
    pub create: Vec<String>,
    pub change: Vec<Change>,
    pub prune: Vec<String>,
    pub unchanged: usize,
}

/// The parts of a stored object that are the server's bookkeeping, not configuration.
pub fn comparable(object: &Value) -> Value {
    let mut o = object.clone();
    if let Some(md) = o["metadata"].as_object_mut() {
        for key in [
            "managedFields",
            "resourceVersion",
            "generation",
            "creationTimestamp",
            "uid",
            "selfLink",
        ] {
            md.remove(key);
        }
        if let Some(a) = md.get_mut("annotations").and_then(Value::as_object_mut) {
            a.remove("deprecated.daemonset.template.generation");
            a.remove("deployment.kubernetes.io/revision");
            if a.is_empty() {
                md.remove("annotations");
            }
        }
    }
    if let Some(m) = o.as_object_mut() {
        m.remove("status");
    }
    o
}

pub async fn plan(
    cluster: &Cluster,
    rendered: &[Rendered],
    previous: &[Value],
) -> Result<Plan, ClusterError> {
    let objects: Vec<&Value> = rendered.iter().flat_map(|r| r.objects.iter()).collect();
    let results = futures::future::join_all(objects.iter().map(|object| async move {
        let api = object["apiVersion"].as_str().unwrap_or("");
        let kind = object["kind"].as_str().unwrap_or("");
        let ns = object["metadata"]["namespace"].as_str();
        let name = object["metadata"]["name"].as_str().unwrap_or("");
        let live = match cluster.get(api, kind, ns, name).await {
            Ok(live) => live,
            Err(ClusterError::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(e),
        };
        let desired = cluster.apply_with(object, None, true).await?;
        Ok(Some((live, desired)))
    }))
    .await;
    let mut plan = Plan::default();
    for (object, result) in objects.iter().zip(results) {
        match result? {
            None => plan.create.push(owned::display(object)),
            Some((live, desired)) => {
                let (live, desired) = (comparable(&live), comparable(&desired));
                if live == desired {
                    plan.unchanged += 1;
                } else {
                    plan.change.push(Change {
                        object: owned::display(object),
                        live: crate::render::output::yaml_text(&live),
                        desired: crate::render::output::yaml_text(&desired),
                    });
                }
            }
        }
    }
    plan.prune = super::apply::stale(rendered, previous)
        .into_iter()
        .map(owned::display)
        .collect();
    Ok(plan)
}
