//! Analysis of mesh configuration: the message catalog (IST codes), the analyzer registry,
//! and running analyzers over a resource snapshot (pure: no cluster I/O here).

/// The kinds workloads come from — Pods and the controllers with a pod template, in
/// `snapshot::WORKLOAD_TEMPLATES` order — then the given ones: an analyzer reading
/// workloads declares them all (`snapshot::WORKLOAD_KINDS` is `with_workloads![]`).
macro_rules! with_workloads {
    ($($kind:literal),* $(,)?) => {
        &[
            "Pod",
            "Deployment",
            "StatefulSet",
            "DaemonSet",
            "ReplicaSet",
            "ReplicationController",
            "Job",
            "CronJob",
            "Rollout",
            "DeploymentConfig",
            $($kind),*
        ]
    };
}

pub(crate) mod analyzers;
pub mod messages;
pub mod output;
pub mod reference;

pub mod snapshot;

use std::cmp::Ordering;

pub use messages::{Arg, Level, MessageType};
pub use snapshot::{RemoteServices, Snapshot};

use crate::model::Resource;

/// Annotation listing codes (or `*`) a resource suppresses.
pub const SUPPRESS_ANNOTATION: &str = "galley.istio.io/analyze-suppress";

/// The resource a message is about: kind, namespace (maybe empty), name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    pub kind: String,
    pub namespace: String,
    pub name: String,
}

impl Origin {
    pub fn of(r: &Resource) -> Self {
        Origin {
            kind: r.kind().to_string(),
            namespace: r.namespace().unwrap_or("").to_string(),
            name: r.name().to_string(),
        }
    }

    /// `Kind ns/name`, or `Kind name` without a namespace (istioctl's FriendlyName).
    pub fn friendly(&self) -> String {
        if self.namespace.is_empty() {
            format!("{} {}", self.kind, self.name)
        } else {
            format!("{} {}/{}", self.kind, self.namespace, self.name)
        }
    }

    fn comparator(&self) -> String {
        format!("{}/{}/{}", self.kind, self.name, self.namespace)
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub kind: &'static MessageType,
    pub text: String,
    pub origin: Option<Origin>,
    /// `file:line` of the resource (of the field, where known).
    pub reference: Option<String>,
    /// The cluster the resource is in; set only when several clusters are analyzed.
    pub cluster: Option<String>,
}

impl Message {
    pub fn level(&self) -> Level {
        self.kind.level
    }

    /// istioctl's one-line form: `Level [CODE] (Kind ns/name file:line) text`, with
    /// ` [cluster-ID]` after the code when several clusters are analyzed.
    pub fn line(&self) -> String {
        let code = match &self.cluster {
            Some(c) => format!("{}] [cluster-{c}", self.kind.code),
            None => self.kind.code.to_string(),
        };
        let mut origin = String::new();
        if let Some(o) = &self.origin {
            origin.push_str(&o.friendly());
            if let Some(r) = &self.reference {
                origin.push(' ');
                origin.push_str(r);
            }
        }
        if origin.is_empty() {
            format!("{} [{code}] {}", self.level().as_str(), self.text)
        } else {
            format!(
                "{} [{code}] ({origin}) {}",
                self.level().as_str(),
                self.text
            )
        }
    }
}

/// Collects messages from analyzers, honouring the suppression annotation.
#[derive(Default)]
pub struct Reporter {
    messages: Vec<Message>,
}

impl Reporter {
    /// Reports a message of a type named by its code, as the shared model's validation
    /// names them; an unknown code is an internal error (IST0001).
    pub fn report_code(
        &mut self,
        code: &str,
        resource: Option<&Resource>,
        field: Option<&str>,
        args: &[Arg],
    ) {
        match messages::by_code(code) {
            Some(kind) => self.report(kind, resource, field, args),
            None => self.report(
                &messages::INTERNAL_ERROR,
                resource,
                field,
                &[format!("unknown message code {code}").into()],
            ),
        }
    }

    /// Reports a message on a resource; `field` (e.g. `spec.gateways[0]`) points the
    /// reference at the field's line.
    pub fn report(
        &mut self,
        kind: &'static MessageType,
        resource: Option<&Resource>,
        field: Option<&str>,
        args: &[Arg],
    ) {
        if let Some(r) = resource {
            if is_suppressed_by_annotation(r, kind.code) {
                return;
            }
        }
        let reference = resource.and_then(|r| {
            if r.text.is_none() || r.source.file.is_empty() {
                return None;
            }
            if r.source.file.ends_with(".json") {
                return Some(r.source.file.clone());
            }
            let line = field
                .map(|f| r.analysis_line_of(f))
                .unwrap_or(r.source.line);
            Some(format!("{}:{}", r.source.file, line))
        });
        self.messages.push(Message {
            kind,
            text: messages::format_template(kind.template, args),
            origin: resource.map(Origin::of),
            reference,
            cluster: None,
        });
    }

    /// Reports on a resource of another cluster than the snapshot's.
    pub fn report_in_cluster(
        &mut self,
        cluster: &str,
        kind: &'static MessageType,
        resource: &Resource,
        args: &[Arg],
    ) {
        let before = self.messages.len();
        self.report(kind, Some(resource), None, args);
        if let Some(m) = self.messages.get_mut(before) {
            m.cluster = Some(cluster.to_string());
        }
    }

    pub fn into_messages(self) -> Vec<Message> {
        self.messages
    }
}

fn is_suppressed_by_annotation(r: &Resource, code: &str) -> bool {
    r.annotations()
        .and_then(|a| a.get(SUPPRESS_ANNOTATION))
        .and_then(|v| v.as_str())
        .is_some_and(|v| v.split(',').any(|c| c.trim() == code || c.trim() == "*"))
}

/// One analyzer, declared once: everything skiff says about it (`--list-analyzers`,
/// `analyze explain`, docs/analyzers.md) and everything the runner needs comes from here.
pub struct Analyzer {
    /// istioctl's name, e.g. `virtualservice.GatewayAnalyzer`.
    pub name: &'static str,
    /// What it checks.
    pub doc: &'static str,
    /// The kinds it reads; a live analysis lists just the inputs of the analyzers it runs.
    pub inputs: &'static [&'static str],
    /// Kinds the analysis cannot judge without (e.g. Services to resolve hosts); when the
    /// inputs say nothing about one of them, the analyzer is skipped.
    pub requires: &'static [&'static str],
    /// The messages it may report.
    pub codes: &'static [&'static MessageType],
    /// The check itself.
    pub run: fn(&Snapshot, &mut Reporter),
}

/// Every analyzer, in name order.
pub fn registry() -> &'static [&'static Analyzer] {
    analyzers::ALL
}

/// The analyzers named in `only`, or all when it names none of them.
fn chosen(only: &[String]) -> Vec<&'static Analyzer> {
    let all = registry();
    let named: Vec<&Analyzer> = all
        .iter()
        .copied()
        .filter(|a| only.iter().any(|n| n == a.name))
        .collect();
    if named.is_empty() {
        all.to_vec()
    } else {
        named
    }
}

/// Every kind the analyzers named in `only` (all when none) read: what a live analysis
/// lists from the cluster.
pub fn input_kinds(only: &[String]) -> Vec<&'static str> {
    let kinds: std::collections::BTreeSet<&str> = chosen(only)
        .iter()
        .flat_map(|a| a.inputs.iter().copied())
        .collect();
    kinds.into_iter().collect()
}

/// The analyzers a run uses: those named in `only` (all when it names none of them),
/// minus those whose required kinds the snapshot cannot speak for.
pub fn selected<'a>(
    snapshot: &Snapshot,
    only: &[String],
) -> (Vec<&'a Analyzer>, Vec<&'a Analyzer>) {
    chosen(only).into_iter().partition(|a| {
        // Reading files as istioctl does, an analyzer of a cluster-only kind cannot run.
        let runtime_inputs = a
            .inputs
            .iter()
            .filter(|k| snapshot.cluster_only_kinds_unknown() && RUNTIME_KINDS.contains(k));
        a.requires
            .iter()
            .chain(runtime_inputs)
            .all(|k| snapshot.knows(k))
    })
}

/// Kinds istioctl reads only from a cluster, never from files.
pub const RUNTIME_KINDS: &[&str] = &["Service", "Namespace", "Node", "Pod", "Secret"];

/// Whether files holding `kind` describe the cluster (so every kind absent from them is
/// taken as empty): a cluster-only kind, or a workload controller (Deployment, ...).
pub fn describes_cluster(kind: &str) -> bool {
    RUNTIME_KINDS.contains(&kind) || snapshot::WORKLOAD_KINDS.contains(&kind)
}

/// Runs the selected analyzers and returns the sorted, de-duplicated messages.
pub fn run(snapshot: &Snapshot, only: &[String]) -> Vec<Message> {
    let (run, _skipped) = selected(snapshot, only);
    // Analyzers only read the snapshot: one thread per core takes the next analyzer until
    // none is left; the messages are sorted afterwards, so their order does not matter.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let work = || {
        let mut reporter = Reporter::default();
        while let Some(analyzer) = run.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
        {
            (analyzer.run)(snapshot, &mut reporter);
        }
        reporter.into_messages()
    };
    let messages: Vec<Message> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            all.extend(helper.join().expect("analyzer thread panicked"));
        }
        all
    });
    let mut messages = messages;
    if let Some(cluster) = &snapshot.cluster {
        for m in messages.iter_mut().filter(|m| m.cluster.is_none()) {
            m.cluster = Some(cluster.clone());
        }
    }
    sorted_deduped(messages)
}

/// istioctl's order: cluster, level (Error first), code, messages without origin first, origin
/// (`Kind/name/namespace`), then the full line; identical neighbours are dropped.
pub fn sorted_deduped(messages: Vec<Message>) -> Vec<Message> {
    let mut keyed: Vec<(String, Option<String>, Message)> = messages
        .into_iter()
        .map(|m| (m.line(), m.origin.as_ref().map(Origin::comparator), m))
        .collect();
    keyed.sort_by(|(a_line, a_origin, a), (b_line, b_origin, b)| {
        a.cluster
            .cmp(&b.cluster)
            .then_with(|| b.level().cmp(&a.level()))
            .then_with(|| a.kind.code.cmp(b.kind.code))
            .then_with(|| match (a_origin, b_origin) {
                (None, None) => Ordering::Equal,
                (None, Some(_)) => Ordering::Less,
                (Some(_), None) => Ordering::Greater,
                (Some(x), Some(y)) => x.cmp(y),
            })
            .then_with(|| a_line.cmp(b_line))
    });
    keyed.dedup_by(|a, b| a.0 == b.0);
    keyed.into_iter().map(|(_, _, m)| m).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_invariants() {
        let all = registry();
        let mut names: Vec<&str> = all.iter().map(|a| a.name).collect();
        let sorted = {
            let mut s = names.clone();
            s.sort();
            s
        };
        assert_eq!(names, sorted, "analyzers must be listed in name order");
        names.dedup();
        assert_eq!(names.len(), all.len(), "analyzer names must be unique");
        for a in all {
            assert!(!a.doc.is_empty(), "{} has no doc", a.name);
            assert!(!a.codes.is_empty(), "{} declares no codes", a.name);
            assert!(!a.inputs.is_empty(), "{} declares no inputs", a.name);
        }
    }
}
