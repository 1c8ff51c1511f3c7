//! The known-hosts bookkeeping of the conflicting-gateway rule, kept linear in the
//! number of gateways.
//!
//! Istio's rule keeps, per (selector, port), each gateway's hosts with their bind, and
//! checks every server of every gateway against every other gateway's entry: a host
//! already known there with the same bind is a conflict; when there is none, the
//! server's hosts become known in that entry too (they are written into it), which later
//! checks then see. Written out, every entry grows to hold the hosts of every server
//! checked against it: quadratic in the gateways sharing a selector. Here an entry is
//! its own hosts plus the marks later servers left, each mark applying to every gateway
//! of the group but its writer and the gateways it conflicted with, so a check costs
//! the hosts it looks up, not the size of the group.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

/// The gateways of one (selector, port): their own hosts and what later servers marked.
#[derive(Default)]
pub struct ServerGroup {
    /// Each gateway's hosts (host to bind) as its server declares them.
    declared: BTreeMap<String, HashMap<String, String>>,
    /// The gateways declaring each host.
    declared_by: HashMap<String, Vec<String>>,
    /// For each host, the marks servers left, oldest first.
    marks: HashMap<String, Vec<Mark>>,
}

/// A server's hosts written into the other gateways' entries.
struct Mark {
    bind: String,
    /// The gateway whose server wrote it (its own entry is not written).
    writer: String,
    /// The gateways the server conflicted with (their entries are not written either).
    skipped: Rc<BTreeSet<String>>,
}

impl Mark {
    fn applies_to(&self, gateway: &str) -> bool {
        self.writer != gateway && !self.skipped.contains(gateway)
    }
}

impl ServerGroup {
    /// Records a gateway's server in this group; a later server of the same gateway
    /// replaces the earlier one's hosts (as Istio's table keeps one entry per gateway).
    pub fn declare(&mut self, gateway: &str, hosts: &[String], bind: &str) {
        if let Some(previous) = self.declared.remove(gateway) {
            for host in previous.keys() {
                if let Some(holders) = self.declared_by.get_mut(host) {
                    holders.retain(|g| g != gateway);
                }
            }
        }
        let entry: HashMap<String, String> = hosts
            .iter()
            .map(|h| (h.clone(), bind.to_string()))
            .collect();
        for host in entry.keys() {
            self.declared_by
                .entry(host.clone())
                .or_default()
                .push(gateway.to_string());
        }
        self.declared.insert(gateway.to_string(), entry);
    }

    /// The bind a host has in a gateway's entry now, if the host is known there.
    fn known_bind(&self, gateway: &str, host: &str) -> Option<&str> {
        let marked = self
            .marks
            .get(host)
            .and_then(|marks| marks.iter().rev().find(|m| m.applies_to(gateway)));
        match marked {
            Some(mark) => Some(&mark.bind),
            None => self.declared.get(gateway)?.get(host).map(String::as_str),
        }
    }

    /// Checks a server of `gateway` against every other gateway of the group: returns
    /// the gateways where one of its hosts is already known with the same bind (in name
    /// order), and marks its hosts known in all the others.
    pub fn check(&mut self, gateway: &str, hosts: &[String], bind: &str) -> Vec<String> {
        let mut conflicting: BTreeSet<String> = BTreeSet::new();
        for host in hosts {
            self.conflicts_on(gateway, host, bind, &mut conflicting);
        }
        let others = self.declared.len() - usize::from(self.declared.contains_key(gateway));
        if conflicting.len() < others {
            let skipped = Rc::new(conflicting.clone());
            for host in hosts {
                self.marks.entry(host.clone()).or_default().push(Mark {
                    bind: bind.to_string(),
                    writer: gateway.to_string(),
                    skipped: Rc::clone(&skipped),
                });
            }
        }
        conflicting.into_iter().collect()
    }

    /// Adds the gateways (other than `gateway`) that know `host` with `bind`.
    fn conflicts_on(&self, gateway: &str, host: &str, bind: &str, out: &mut BTreeSet<String>) {
        let mut candidates: Vec<&String> = Vec::new();
        match self.marks.get(host).and_then(|marks| marks.last()) {
            // The latest mark sets the host in every entry but its exceptions'.
            Some(last) => {
                if last.bind == bind {
                    let all = self.declared.keys().filter(|g| last.applies_to(g));
                    out.extend(all.filter(|g| *g != gateway).cloned());
                }
                candidates.push(&last.writer);
                candidates.extend(last.skipped.iter());
            }
            None => candidates.extend(self.declared_by.get(host).into_iter().flatten()),
        }
        for candidate in candidates {
            let known = candidate != gateway
                && self.declared.contains_key(candidate)
                && self.known_bind(candidate, host) == Some(bind);
            if known {
                out.insert(candidate.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Istio's rule written out: every entry a full host map, written on every check.
    #[derive(Default)]
    struct WrittenOut {
        entries: BTreeMap<String, BTreeMap<String, String>>,
    }

    impl WrittenOut {
        fn check(&mut self, gateway: &str, hosts: &[String], bind: &str) -> Vec<String> {
            let mut conflicts = Vec::new();
            for (other, known) in self.entries.iter_mut().filter(|(o, _)| *o != gateway) {
                let duplicate = hosts
                    .iter()
                    .any(|h| known.get(h).is_some_and(|b| b == bind));
                if duplicate {
                    conflicts.push(other.clone());
                } else {
                    for h in hosts {
                        known.insert(h.clone(), bind.to_string());
                    }
                }
            }
            conflicts
        }
    }

    /// A small deterministic generator (no dependency on a random crate).
    struct Lcg(u64);
    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    #[test]
    fn agrees_with_the_written_out_rule() {
        let mut rng = Lcg(7);
        for _ in 0..3000 {
            let gateways = 1 + rng.below(6);
            let servers: Vec<(String, Vec<String>, String)> = (0..gateways)
                .map(|g| {
                    let hosts = (0..rng.below(4))
                        .map(|_| ["a", "b", "c", "*"][rng.below(4) as usize].to_string())
                        .collect();
                    let bind = ["", "", "10.0.0.1"][rng.below(3) as usize].to_string();
                    (format!("ns/gw{g}"), hosts, bind)
                })
                .collect();
            let mut group = ServerGroup::default();
            let mut written = WrittenOut::default();
            for (name, hosts, bind) in &servers {
                group.declare(name, hosts, bind);
                let entry = hosts.iter().map(|h| (h.clone(), bind.clone())).collect();
                written.entries.insert(name.clone(), entry);
            }
            // Each gateway's server checked, some twice (a gateway with two servers on
            // the port), in the order the analyzer goes.
            for _ in 0..2 {
                for (name, hosts, bind) in &servers {
                    assert_eq!(
                        group.check(name, hosts, bind),
                        written.check(name, hosts, bind),
                        "{servers:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn hosts_a_check_marks_are_seen_by_later_checks() {
        let mut group = ServerGroup::default();
        group.declare("ns/a", &["x".into()], "");
        group.declare("ns/b", &["y".into()], "");
        group.declare("ns/c", &["x".into()], "");
        assert_eq!(group.check("ns/a", &["x".into()], ""), vec!["ns/c"]);
        assert!(group.check("ns/b", &["y".into()], "").is_empty());
        // a's check left x known in b's entry, so c now conflicts with b as well.
        assert_eq!(group.check("ns/c", &["x".into()], ""), vec!["ns/a", "ns/b"]);
        // Another bind is another listener: no conflict.
        assert!(group.check("ns/c", &["x".into()], "10.0.0.1").is_empty());
    }
}
