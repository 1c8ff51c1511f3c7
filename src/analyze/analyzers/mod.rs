//! The analyzers, one file per area, and the registry slice listing them in name order.

use super::Analyzer;

pub static ALL: &[&dyn Analyzer] = &[];
