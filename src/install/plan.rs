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
                let (live, desired) = (owned::comparable(&live), owned::comparable(&desired));
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
