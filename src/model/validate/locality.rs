//! istiod's rules for locality load balancing (a DestinationRule's `localityLbSetting` and
//! the mesh config's): distribute weights, overlapping localities, failover regions.

use std::collections::{BTreeMap, BTreeSet};

use super::common::{each, err, non_empty};
use crate::model::api::LocalityLbSetting;
use crate::model::schema::FieldError;

type Errs = Vec<FieldError>;

/// The topology labels that may not be failover priorities when `failover` is set.
const TOPOLOGY_LABELS: &[&str] = &[
    "topology.kubernetes.io/region",
    "topology.kubernetes.io/zone",
    "topology.istio.io/subzone",
];

/// `has_outlier`: whether the same policy sets outlier detection (failover needs it).
pub fn locality_lb_setting(path: &str, lb: &LocalityLbSetting, has_outlier: bool, errs: &mut Errs) {
    let failover = non_empty(&lb.failover);
    if non_empty(&lb.distribute) && failover {
        return err(
            errs,
            path,
            "can not simultaneously specify 'distribute' and 'failover'",
        );
    }
    if failover {
        let priorities = lb.failover_priority.iter().flatten();
        if let Some(label) = priorities
            .into_iter()
            .find(|l| TOPOLOGY_LABELS.contains(&l.as_str()))
        {
            let message = format!("can not simultaneously set 'failover' and topology label '{label}' in 'failover_priority'");
            return err(errs, format!("{path}.failoverPriority"), message);
        }
    }
    let mut sources = Vec::new();
    for (i, distribute) in each(&lb.distribute) {
        let dp = format!("{path}.distribute[{i}]");
        sources.push(distribute.from.clone().unwrap_or_default());
        let weights = distribute.to.clone().unwrap_or_default();
        if weights.values().any(|w| !(1..=100).contains(w)) {
            return err(
                errs,
                format!("{dp}.to"),
                "locality weight must be in range [1, 100]",
            );
        }
        let total: i64 = weights.values().sum();
        if total != 100 {
            return err(
                errs,
                format!("{dp}.to"),
                format!("total locality weight {total} != 100"),
            );
        }
        let destinations: Vec<String> = weights.into_keys().collect();
        if let Some(problem) = localities_problem(&destinations) {
            err(errs, format!("{dp}.to"), problem);
        }
    }
    if let Some(problem) = localities_problem(&sources) {
        err(errs, format!("{path}.distribute"), problem);
    }
    if (failover || non_empty(&lb.failover_priority)) && !has_outlier {
        let message = "outlier detection policy must be provided for failover";
        errs.push(FieldError::warning(path, message));
    }
    for (i, f) in each(&lb.failover) {
        let fp = format!("{path}.failover[{i}]");
        let (from, to) = (
            f.from.as_deref().unwrap_or(""),
            f.to.as_deref().unwrap_or(""),
        );
        if from == to {
            err(
                errs,
                &fp,
                "locality lb failover settings must specify different regions",
            );
        }
        if from.contains('/') || to.contains('/') {
            err(errs, &fp, "locality lb failover only specify region");
        }
        if from.contains('*') || to.contains('*') {
            err(
                errs,
                &fp,
                "locality lb failover region should not contain '*' wildcard",
            );
        }
    }
}

/// A set of localities (`region[/zone[/subzone]]`, `*` only as a last character) must not
/// overlap: a region taken whole (or `*`) covers everything under it.
fn localities_problem(localities: &[String]) -> Option<String> {
    let mut covered = Covered::default();
    for locality in localities {
        let wildcards = locality.matches('*').count();
        if wildcards > 1 || (wildcards == 1 && !locality.ends_with('*')) {
            return Some(format!(
                "locality {locality} wildcard '*' number can not exceed 1 and must be in the end"
            ));
        }
        let overlap = || {
            Some(format!(
                "locality {locality} overlap with previous specified ones"
            ))
        };
        if covered.regions.contains_key("*") {
            return overlap();
        }
        let parts: Vec<&str> = locality.splitn(3, '/').collect();
        if parts.iter().any(|p| p.is_empty()) {
            return Some(format!(
                "locality {locality} must not contain empty region/zone/subzone info"
            ));
        }
        if !covered.insert(&parts) {
            return overlap();
        }
    }
    None
}

/// What a list of localities already covers: region -> zone -> subzones, `*` standing for
/// "all of it".
#[derive(Default)]
struct Covered {
    regions: BTreeMap<String, BTreeMap<String, BTreeSet<String>>>,
}

impl Covered {
    /// Adds a locality; false when it overlaps one added before.
    fn insert(&mut self, parts: &[&str]) -> bool {
        let all = || BTreeSet::from(["*".to_string()]);
        let region = parts[0].to_string();
        match parts.len() {
            1 => {
                if self.regions.contains_key(&region) {
                    return false;
                }
                self.regions
                    .insert(region, BTreeMap::from([("*".into(), all())]));
            }
            2 => {
                let zones = self.regions.entry(region).or_default();
                if zones.contains_key("*") || zones.contains_key(parts[1]) {
                    return false;
                }
                zones.insert(parts[1].to_string(), all());
            }
            _ => {
                let zones = self.regions.entry(region).or_default();
                if zones.contains_key("*") {
                    return false;
                }
                let subzones = zones.entry(parts[1].to_string()).or_default();
                if subzones.contains("*") || !subzones.insert(parts[2].to_string()) {
                    return false;
                }
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(localities: &[&str]) -> Option<String> {
        localities_problem(&localities.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn overlapping_localities_are_found() {
        assert_eq!(problem(&["us", "eu/a", "eu/b/c", "eu/b/d"]), None);
        assert!(problem(&["us", "us/a"]).unwrap().contains("us/a overlap"));
        assert!(problem(&["eu/a", "eu/a/x"])
            .unwrap()
            .contains("eu/a/x overlap"));
        assert!(problem(&["*", "eu"]).unwrap().contains("eu overlap"));
        assert!(problem(&["e*u"]).unwrap().contains("must be in the end"));
        assert!(problem(&["eu//x"])
            .unwrap()
            .contains("must not contain empty"));
    }
}
