//! Dashboard components (kiali, grafana, ...) and their port-forwarded local listeners.
//! Not built yet: `dashboard` says so and exits 1.

/// A UI skiff can open: its pod selector, remote port and URL path.
#[derive(Debug, Clone, Copy)]
pub struct Component {
    pub name: &'static str,
    pub selector: &'static str,
    pub port: u16,
    pub path: &'static str,
}

/// The addon dashboards, as Istio's sample addons label them.
pub const COMPONENTS: &[Component] = &[
    Component {
        name: "kiali",
        selector: "app=kiali",
        port: 20001,
        path: "/kiali",
    },
    Component {
        name: "prometheus",
        selector: "app.kubernetes.io/name=prometheus",
        port: 9090,
        path: "",
    },
    Component {
        name: "grafana",
        selector: "app.kubernetes.io/name=grafana",
        port: 3000,
        path: "",
    },
    Component {
        name: "jaeger",
        selector: "app=jaeger",
        port: 16686,
        path: "",
    },
    Component {
        name: "zipkin",
        selector: "app=zipkin",
        port: 9411,
        path: "",
    },
    Component {
        name: "skywalking",
        selector: "app=skywalking-ui",
        port: 8080,
        path: "",
    },
    Component {
        name: "loki",
        selector: "app.kubernetes.io/name=loki",
        port: 3100,
        path: "",
    },
];
