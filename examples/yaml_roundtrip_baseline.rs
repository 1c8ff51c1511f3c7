//! Benchmark baseline for kube-inject: parse every document of a YAML file into generic
//! values and write them back out with the same library, nothing else.
//! Usage: cargo run --release --example yaml_roundtrip_baseline -- FILE > OUT

use std::io::Write;

use serde::Deserialize;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: yaml_roundtrip_baseline FILE");
    let text = std::fs::read_to_string(&path).expect("read file");
    let mut out = String::with_capacity(text.len() * 2);
    for doc in serde_yaml::Deserializer::from_str(&text) {
        let value = serde_json::Value::deserialize(doc).expect("valid YAML");
        if !value.is_null() {
            out.push_str(&serde_yaml::to_string(&value).expect("serialize"));
            out.push_str("---\n");
        }
    }
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .expect("write");
}
