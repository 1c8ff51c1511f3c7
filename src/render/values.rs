//! The built-in default `values` of every component, in IstioOperator layout
//! (`global`, `pilot`, `gateways.<name>`, `cni`, `ztunnel`, ...), for the targeted
//! Istio release. Profiles and the user's `spec.values` are merged on top.

use serde_json::{json, Value};

/// Defaults of the values the renderer reads.
pub fn defaults() -> Value {
    json!({
        "defaultRevision": "default",
        "revision": "",
        "revisionTags": [],
        "profile": "",
        "global": global(),
        "pilot": pilot(),
        "gateways": {
            "securityContext": {},
            "seccompProfile": {},
            "istio-ingressgateway": gateway("istio-ingressgateway", "ingressgateway", true),
            "istio-egressgateway": gateway("istio-egressgateway", "egressgateway", false),
        },
        "cni": cni(),
        "ztunnel": ztunnel(),
        "meshConfig": {"enablePrometheusMerge": true},
        "sidecarInjectorWebhook": {
            "neverInjectSelector": [],
            "alwaysInjectSelector": [],
            "injectedAnnotations": {},
            "enableNamespacesByDefault": false,
            "reinvocationPolicy": "Never",
            "rewriteAppHTTPProbe": true,
            "templates": {},
            "defaultTemplates": []
        },
        "istiodRemote": {
            "enabled": false,
            "enabledLocalInjectorIstiod": false,
            "injectionURL": "",
            "injectionPath": "/inject",
            "injectionCABundle": ""
        },
        "telemetry": {"enabled": true, "v2": {"enabled": true, "prometheus": {"enabled": true}}},
        "base": {
            "excludedCRDs": [],
            "enableCRDTemplates": true,
            "validationURL": "",
            "validationCABundle": "",
            "enableIstioConfigCRDs": true
        },
        "experimental": {"stableValidationPolicy": false}
    })
}

fn global() -> Value {
    json!({
        "istioNamespace": "istio-system",
        "certSigners": [],
        "defaultPodDisruptionBudget": {"enabled": true},
        "defaultResources": {"requests": {"cpu": "10m"}},
        "hub": crate::ISTIO_HUB,
        "tag": crate::ISTIO_VERSION,
        "variant": "",
        "imagePullPolicy": "",
        "imagePullSecrets": [],
        "istiod": {"enableAnalysis": false},
        "logAsJson": false,
        "nativeNftables": false,
        "logging": {"level": "default:info"},
        "networkPolicy": {"enabled": false},
        "omitSidecarInjectorConfigMap": false,
        "resourceScope": "all",
        "operatorManageWebhooks": false,
        "priorityClassName": "",
        "proxy": {
            "image": "proxyv2",
            "autoInject": "enabled",
            "clusterDomain": "cluster.local",
            "componentLogLevel": "misc:error",
            "excludeInboundPorts": "",
            "includeInboundPorts": "*",
            "includeIPRanges": "*",
            "excludeIPRanges": "",
            "includeOutboundPorts": "",
            "excludeOutboundPorts": "",
            "logLevel": "warning",
            "outlierLogPath": "",
            "privileged": false,
            "seccompProfile": {},
            "readinessFailureThreshold": 4,
            "readinessInitialDelaySeconds": 0,
            "readinessPeriodSeconds": 15,
            "startupProbe": {"enabled": true, "failureThreshold": 600},
            "resources": {
                "requests": {"cpu": "100m", "memory": "128Mi"},
                "limits": {"cpu": "2000m", "memory": "1024Mi"}
            },
            "statusPort": 15020,
            "tracer": "none"
        },
        "proxy_init": {"image": "proxyv2", "forceApplyIptables": false},
        "remotePilotAddress": "",
        "caAddress": "",
        "externalIstiod": false,
        "configCluster": false,
        "configValidation": true,
        "meshID": "",
        "meshNetworks": {},
        "mountMtlsCerts": false,
        "multiCluster": {"clusterName": ""},
        "network": "",
        "pilotCertProvider": "istiod",
        "sds": {"token": {"aud": "istio-ca"}},
        "sts": {"servicePort": 0},
        "caName": "",
        "waypoint": {
            "resources": {
                "requests": {"cpu": "100m", "memory": "128Mi"},
                "limits": {"cpu": "2", "memory": "1Gi"}
            },
            "affinity": {},
            "topologySpreadConstraints": [],
            "nodeSelector": {},
            "tolerations": []
        }
    })
}

fn pilot() -> Value {
    json!({
        "autoscaleEnabled": true,
        "autoscaleMin": 1,
        "autoscaleMax": 5,
        "autoscaleBehavior": {},
        "replicaCount": 1,
        "rollingMaxSurge": "100%",
        "rollingMaxUnavailable": "25%",
        "hub": "",
        "tag": "",
        "variant": "",
        "image": "pilot",
        "traceSampling": 1.0,
        "resources": {"requests": {"cpu": "500m", "memory": "2048Mi"}},
        "seccompProfile": {},
        "cni": {"enabled": false, "provider": "default"},
        "extraContainerArgs": [],
        "env": {},
        "envVarFrom": [],
        "taint": {"enabled": false, "namespace": "", "name": "cni.istio.io/not-ready"},
        "affinity": {},
        "tolerations": [],
        "cpu": {"targetAverageUtilization": 80},
        "memory": {},
        "volumeMounts": [],
        "volumes": [],
        "initContainers": [],
        "nodeSelector": {},
        "podAnnotations": {},
        "serviceAnnotations": {},
        "serviceAccountAnnotations": {},
        "sidecarInjectorWebhookAnnotations": {},
        "topologySpreadConstraints": [],
        "jwksResolverExtraRootCA": "",
        "keepaliveMaxServerConnectionAge": "30m",
        "deploymentLabels": {},
        "deploymentAnnotations": {},
        "configMap": true,
        "podLabels": {},
        "ipFamilyPolicy": "",
        "ipFamilies": [],
        "trustedZtunnelNamespace": "",
        "trustedZtunnelName": "",
        "terminationMessagePolicy": ""
    })
}

/// The ports an Istio gateway listens on by default.
fn gateway_ports(ingress: bool) -> Value {
    if ingress {
        json!([
            {"port": 15021, "targetPort": 15021, "name": "status-port", "protocol": "TCP"},
            {"port": 80, "targetPort": 8080, "name": "http2", "protocol": "TCP"},
            {"port": 443, "targetPort": 8443, "name": "https", "protocol": "TCP"}
        ])
    } else {
        json!([
            {"port": 80, "targetPort": 8080, "name": "http2", "protocol": "TCP"},
            {"port": 443, "targetPort": 8443, "name": "https", "protocol": "TCP"}
        ])
    }
}

pub fn gateway(name: &str, istio_label: &str, ingress: bool) -> Value {
    let kind = if ingress {
        "ingressgateway"
    } else {
        "egressgateway"
    };
    json!({
        "name": name,
        "labels": {"app": format!("istio-{kind}"), "istio": istio_label},
        "ports": gateway_ports(ingress),
        "rollingMaxSurge": "100%",
        "rollingMaxUnavailable": "25%",
        "autoscaleEnabled": true,
        "autoscaleMin": 1,
        "autoscaleMax": 5,
        "cpu": {"targetAverageUtilization": 80},
        "memory": {},
        "resources": {
            "requests": {"cpu": "100m", "memory": "128Mi"},
            "limits": {"cpu": "2000m", "memory": "1024Mi"}
        },
        "loadBalancerIP": "",
        "loadBalancerSourceRanges": [],
        "serviceAnnotations": {},
        "podAnnotations": {},
        "type": if ingress { "LoadBalancer" } else { "ClusterIP" },
        "secretVolumes": [
            {"name": format!("{kind}-certs"), "secretName": format!("istio-{kind}-certs"), "mountPath": format!("/etc/istio/{kind}-certs")},
            {"name": format!("{kind}-ca-certs"), "secretName": format!("istio-{kind}-ca-certs"), "mountPath": format!("/etc/istio/{kind}-ca-certs")}
        ],
        "externalTrafficPolicy": "",
        "env": {},
        "nodeSelector": {},
        "tolerations": [],
        "runAsRoot": false,
        "injectionTemplate": ""
    })
}

fn cni() -> Value {
    json!({
        "hub": "",
        "tag": "",
        "variant": "",
        "image": "install-cni",
        "pullPolicy": "",
        "logging": {"level": ""},
        "cniBinDir": "/opt/cni/bin",
        "cniConfDir": "/etc/cni/net.d",
        "cniConfFileName": "",
        "cniNetnsDir": "/var/run/netns",
        "excludeNamespaces": ["kube-system"],
        "affinity": {},
        "podAnnotations": {},
        "podLabels": {},
        "chained": true,
        "provider": "default",
        "ambient": {
            "enabled": false,
            "dnsCapture": true,
            "ipv6": true,
            "reconcileIptablesOnStartup": true,
            "shareHostNetworkNamespace": false,
            "enableAmbientDetectionRetry": false
        },
        "repair": {
            "enabled": true,
            "labelPods": false,
            "deletePods": false,
            "repairPods": true,
            "initContainerName": "istio-validation",
            "brokenPodLabelKey": "cni.istio.io/uninitialized",
            "brokenPodLabelValue": "true"
        },
        "seccompProfile": {},
        "seLinuxOptions": {},
        "useAppArmorAnnotation": true,
        "resources": {"requests": {"cpu": "100m", "memory": "100Mi"}},
        "tolerations": [
            {"effect": "NoSchedule", "operator": "Exists"},
            {"key": "CriticalAddonsOnly", "operator": "Exists"},
            {"effect": "NoExecute", "operator": "Exists"}
        ],
        "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1}},
        "terminationGracePeriodSeconds": 30,
        "env": {}
    })
}

fn ztunnel() -> Value {
    json!({
        "hub": "",
        "tag": "",
        "variant": "",
        "image": "ztunnel",
        "resourceName": "ztunnel",
        "labels": {},
        "annotations": {},
        "volumeMounts": [],
        "volumes": [],
        "tolerations": [
            {"effect": "NoSchedule", "operator": "Exists"},
            {"key": "CriticalAddonsOnly", "operator": "Exists"},
            {"effect": "NoExecute", "operator": "Exists"}
        ],
        "podAnnotations": {"prometheus.io/port": "15020", "prometheus.io/scrape": "true"},
        "podLabels": {},
        "resources": {"requests": {"cpu": "200m", "memory": "512Mi"}},
        "env": {},
        "imagePullPolicy": "",
        "terminationGracePeriodSeconds": 30,
        "caAddress": "",
        "xdsAddress": "",
        "logLevel": "info",
        "logAsJson": false,
        "seLinuxOptions": {},
        "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1, "maxUnavailable": 0}}
    })
}
