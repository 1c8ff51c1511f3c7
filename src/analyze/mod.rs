//! Message catalog (IST codes) and analyzers over a resource snapshot (pure). Not built
//! yet: `analyze` says so and exits 1.
