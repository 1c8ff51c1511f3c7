//! IstioOperator -> Kubernetes manifests (pure, offline). Not built yet: the commands that
//! need it (`manifest generate`, `install`, `profile ...`) say so and exit 1.
