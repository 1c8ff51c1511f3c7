//! The analyzers, one file per area, and the registry slice listing them in name order.

mod annotations;
mod config;
mod destinationrule;
mod gateway;
mod imageauto;
mod multicluster;
mod policies;
mod schema;
mod util;
mod virtualservice;
mod workloads;

pub use util::fqdn;

use super::Analyzer;

/// Every analyzer skiff runs by default, sorted by name (a test checks the order).
pub static ALL: &[&dyn Analyzer] = &[
    &annotations::K8sAnalyzer,
    &workloads::ApplicationUidAnalyzer,
    &policies::AuthorizationPoliciesAnalyzer,
    &policies::BlockedCidrsAnalyzer,
    &config::ConditionAnalyzer,
    &workloads::MultiServiceAnalyzer,
    &schema::DeprecationAnalyzer,
    &destinationrule::CaCertificateAnalyzer,
    &destinationrule::SubsetSelectPodAnalyzer,
    &config::EnvoyPatchAnalyzer,
    &config::ExternalControlPlaneAnalyzer,
    &gateway::CertificateAnalyzer,
    &gateway::ConflictingGatewayAnalyzer,
    &gateway::IngressGatewayPortAnalyzer,
    &gateway::SecretAnalyzer,
    &workloads::InjectionAnalyzer,
    &workloads::ImageAnalyzer,
    &imageauto::ImageAutoAnalyzer,
    &config::CrdVersionAnalyzer,
    &policies::K8sGatewaySelectorAnalyzer,
    &config::MeshNetworksAnalyzer,
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
    &workloads::PortNameAnalyzer,
    &config::ServiceEntryAnalyzer,
    &config::ConflictingServiceEntryProtocolAnalyzer,
    &multicluster::MultiClusterServiceAnalyzer,
    &policies::SidecarSelectorAnalyzer,
    &policies::TelemetryDefaultSelectorAnalyzer,
    &policies::LightstepAnalyzer,
    &policies::TelemetryProviderAnalyzer,
    &policies::TelemetrySelectorAnalyzer,
    &virtualservice::ConflictingMeshGatewayHostsAnalyzer,
    &virtualservice::DestinationHostAnalyzer,
    &virtualservice::DestinationRuleAnalyzer,
    &virtualservice::GatewayAnalyzer,
    &virtualservice::JwtClaimRouteAnalyzer,
    &config::WebhookAnalyzer,
];
