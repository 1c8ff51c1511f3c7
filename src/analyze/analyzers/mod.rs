//! The analyzers, one file per area, and the registry slice listing them in name order.

mod annotations;
mod config;
mod destinationrule;
mod gateway;
mod gateway_hosts;
mod imageauto;
mod multicluster;
mod policies;
mod proxy_image;
mod schema;
mod util;
mod virtualservice;
mod workloads;

pub use util::fqdn;

use super::Analyzer;

/// Every analyzer skiff runs by default, sorted by name (a test checks the order).
pub static ALL: &[&Analyzer] = &[
    &annotations::K8S,
    &workloads::APPLICATION_UID,
    &policies::AUTHORIZATION_POLICIES,
    &policies::BLOCKED_CIDRS,
    &config::CONDITION,
    &workloads::MULTI_SERVICE,
    &schema::DEPRECATION,
    &destinationrule::CA_CERTIFICATE,
    &destinationrule::SUBSET_SELECT_POD,
    &config::ENVOY_PATCH,
    &config::EXTERNAL_CONTROL_PLANE,
    &gateway::CERTIFICATE,
    &gateway::CONFLICTING_GATEWAY,
    &gateway::INGRESS_GATEWAY_PORT,
    &gateway::SECRET,
    &workloads::INJECTION,
    &proxy_image::IMAGE,
    &imageauto::IMAGE_AUTO,
    &config::CRD_VERSION,
    &policies::K8S_GATEWAY_SELECTOR,
    &config::MESH_NETWORKS,
    &schema::VALIDATION[0],
    &schema::VALIDATION[1],
    &schema::VALIDATION[2],
    &schema::VALIDATION[3],
    &schema::MESH_CONFIG,
    &schema::MESH_NETWORKS,
    &schema::VALIDATION[4],
    &schema::VALIDATION[5],
    &schema::VALIDATION[6],
    &schema::VALIDATION[7],
    &schema::VALIDATION[8],
    &schema::VALIDATION[9],
    &schema::VALIDATION[10],
    &schema::VALIDATION[11],
    &schema::VALIDATION[12],
    &schema::VALIDATION[13],
    &schema::VALIDATION[14],
    &workloads::PORT_NAME,
    &config::SERVICE_ENTRY,
    &config::CONFLICTING_SERVICE_ENTRY_PROTOCOL,
    &multicluster::MULTI_CLUSTER_SERVICE,
    &policies::SIDECAR_SELECTOR,
    &policies::TELEMETRY_DEFAULT_SELECTOR,
    &policies::LIGHTSTEP,
    &policies::TELEMETRY_PROVIDER,
    &policies::TELEMETRY_SELECTOR,
    &virtualservice::CONFLICTING_MESH_GATEWAY_HOSTS,
    &virtualservice::DESTINATION_HOST,
    &virtualservice::DESTINATION_RULE,
    &virtualservice::GATEWAY,
    &virtualservice::JWT_CLAIM_ROUTE,
    &config::WEBHOOK,
];
