//! Benchmark baseline: a plain parse of a multi-document YAML file by the YAML library
//! skiff uses, into generic values, and nothing else.
//! Usage: cargo run --release --example yaml_parse_baseline -- FILE

use serde::Deserialize;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: yaml_parse_baseline FILE");
    let text = std::fs::read_to_string(&path).expect("read file");
    let mut documents = 0usize;
    for doc in serde_yaml::Deserializer::from_str(&text) {
        let value = serde_json::Value::deserialize(doc).expect("valid YAML");
        if !value.is_null() {
            documents += 1;
        }
    }
    println!("{documents}");
}
