#!/usr/bin/env python3
"""Generate skiff's typed Istio API structs (src/model/api.rs) from a CRD file.

Usage: python3 scripts/gen-model.py ../shared/spec/istio-crds.yaml > src/model/api.rs

The CRD schemas are only read for their facts: field names and JSON types. Descriptions
are not carried over. The output is Rust written by this script: serde structs (unknown
fields rejected, explicit nulls rejected where the schema does not allow them) that
istiod's rules in src/model/validate/ read. The schemas' constraints and CEL rules are
not code: src/model/validate/structural.rs and crd_rules.rs apply them from the CRD facts
(src/model/crd-facts.json), as the API server does.
"""
import re
import sys

import yaml

RUST_KEYWORDS = {
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn",
    "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
    "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final",
    "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
}


# Friendlier names for types that structural de-duplication named after their first use.
RENAMES = {
    "AllowOrigin": "StringMatch",
    "EgressProxy": "Destination",
    "HttpRoute": "HttpRouteDestination",
    "VirtualServiceSpecHttp": "HttpRoute",
    "TcpRoute": "RouteDestination",
    "VirtualServiceSpecTcp": "TcpRoute",
    "VirtualServiceSpecTls": "TlsRoute",
    "TlsMatch": "TlsMatchAttributes",
    "PortLevelSettingPort": "PortSelector",
    "EgressPort": "SidecarPort",
    "Endpoint": "WorkloadEntrySpec",
    "ServerTls": "ServerTlsSettings",
    "Tls": "ClientTlsSettings",
    "Http": "HttpSettings",
    "Tcp": "TcpSettings",
    "ServiceEntrySpecPort": "ServicePort",
    "Match": "TrafficSelector",
}


def camel(name):
    parts = re.split(r"[^A-Za-z0-9]+", name)
    out = "".join(p[:1].upper() + p[1:] for p in parts if p)
    if not out or out[0].isdigit():
        out = "F" + out
    return out


def snake(name):
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    s = re.sub(r"[^A-Za-z0-9]+", "_", s).lower().strip("_")
    if not s or s[0].isdigit():
        s = "f_" + s
    if s in ("self", "super", "crate"):
        return s + "_"
    if s in RUST_KEYWORDS:
        return "r#" + s
    return s


def singular(name):
    if name.endswith("ies"):
        return name[:-3] + "y"
    if name.lower() in ("tls", "status", "headers", "address"):
        return name
    if name.endswith(("ses", "xes", "ches", "shes")):
        return name[:-2]
    if name.endswith("s") and not name.endswith("ss"):
        return name[:-1]
    return name


def float_lit(v):
    return "%s_f64" % repr(float(v))


def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def one_of_groups(node):
    """Sets of mutually exclusive fields from the schema's oneOf/allOf blocks."""
    groups = []

    def collect(n):
        if not isinstance(n, dict):
            return
        one = n.get("oneOf")
        if one:
            fields = []
            optional = False
            for branch in one:
                if "not" in branch:
                    optional = True
                elif branch.get("required"):
                    fields.append(branch["required"])
            if fields:
                groups.append((fields, optional))
        for sub in n.get("allOf") or []:
            collect(sub)

    collect(node)
    return groups


class Generator:
    def __init__(self):
        self.structs = {}  # name -> (signature, code)
        self.by_signature = {}  # signature -> name
        self.order = []

    def type_of(self, node, hint, parent):
        """Rust type for a schema node, defining structs as needed."""
        if node.get("x-kubernetes-int-or-string"):
            return "serde_json::Value"
        t = node.get("type")
        if t == "string":
            return "String"
        if t == "integer":
            return "i64"
        if t == "number":
            return "f64"
        if t == "boolean":
            return "bool"
        if t == "array":
            item = node.get("items") or {}
            return "Vec<%s>" % self.type_of(item, singular(hint), parent)
        if t == "object" or "properties" in node:
            props = node.get("properties")
            ap = node.get("additionalProperties")
            if props:
                return self.struct_for(node, hint, parent)
            if isinstance(ap, dict):
                return "BTreeMap<String, %s>" % self.type_of(ap, singular(hint) + "Value", parent)
            return "serde_json::Value"
        return "serde_json::Value"

    def struct_for(self, node, hint, parent):
        fields = []
        props = node["properties"]
        required = set(node.get("required") or [])
        for key in sorted(props):
            child = props[key]
            ty = self.type_of(child, camel(key), camel(hint))
            fields.append((key, ty, child))
        signature = repr([(k, t, constraint_sig(c)) for k, t, c in fields]) + repr(sorted(required)) + repr(
            one_of_groups(node)) + repr(constraint_sig(node))
        if signature in self.by_signature:
            return self.by_signature[signature]
        name = camel(hint)
        if name in self.structs:
            name = parent + name
        base, n = name, 2
        while name in self.structs:
            name = "%s%d" % (base, n)
            n += 1
        self.by_signature[signature] = name
        self.structs[name] = self.emit_struct(name, fields, required, node)
        self.order.append(name)
        return name

    def emit_struct(self, name, fields, required, node):
        lines = ["#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]",
                 "#[serde(deny_unknown_fields)]",
                 "pub struct %s {" % name]
        used = set()
        for key, ty, child in fields:
            ident = snake(key)
            if ident in used:
                ident = ident + "_alt"
            used.add(ident)
            child = dict(child, _ident=ident)
            lines.append("    #[serde(rename = %s, default, skip_serializing_if = \"Option::is_none\"%s)]"
                         % (rust_str(key), "" if child.get("nullable") else ", deserialize_with = \"crate::model::schema::non_null\""))
            lines.append("    pub %s: Option<%s>," % (ident, ty))
        lines.append("}")
        lines.append("")
        return "\n".join(lines)


def constraint_sig(node):
    """The constraints of a node: types that differ only in them stay distinct structs (as
    they always were), so the generated names are stable."""
    keys = ("enum", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems", "pattern",
            "minProperties", "maxProperties", "format", "nullable")
    sig = tuple((k, repr(node.get(k))) for k in keys if k in node)
    items = node.get("items")
    if isinstance(items, dict):
        sig += (("items", constraint_sig(items)),)
    ap = node.get("additionalProperties")
    if isinstance(ap, dict):
        sig += (("values", constraint_sig(ap)),)
    return sig


def main():
    docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
    gen = Generator()
    kinds = []
    for doc in sorted(docs, key=lambda d: (d["spec"]["group"], d["spec"]["names"]["kind"])):
        spec = doc["spec"]
        names = spec["names"]
        kind = names["kind"]
        versions = spec["versions"]
        schema = versions[0]["schema"]["openAPIV3Schema"]
        spec_node = schema["properties"]["spec"]
        spec_ty = gen.struct_for(spec_node, kind + "Spec", kind)
        kinds.append((spec, names, versions, spec_ty))
    out = [
        "//! Typed Istio APIs: one struct per schema object, generated by scripts/gen-model.py",
        "//! from the field facts of Istio's CRDs (names and types). Do not edit by hand; the",
        "//! schemas' constraints and CEL rules are applied from the CRD facts by `model::validate`.",
        "#![allow(clippy::all, non_camel_case_types, unused_variables)]",
        "",
        "use std::collections::BTreeMap;",
        "",
        "use schemars::JsonSchema;",
        "use serde::{Deserialize, Serialize};",
        "",
    ]
    for name in gen.order:
        out.append(gen.structs[name])
        out.append("")
    out.append("/// What Kubernetes needs to serve one Istio kind (its CRD), as Istio publishes it.")
    out.append("pub static ISTIO_KINDS: &[crate::model::schema::KindInfo] = &[")
    for spec, names, versions, spec_ty in kinds:
        vers = ", ".join("crate::model::schema::VersionInfo { name: %s, served: %s, storage: %s }"
                         % (rust_str(v["name"]), str(v.get("served", True)).lower(), str(v.get("storage", False)).lower())
                         for v in versions)
        out.append("    crate::model::schema::KindInfo { group: %s, kind: %s, plural: %s, singular: %s, list_kind: %s, "
                   "short_names: &[%s], categories: &[%s], namespaced: %s, versions: &[%s], spec_type: %s },"
                   % (rust_str(spec["group"]), rust_str(names["kind"]), rust_str(names["plural"]),
                      rust_str(names.get("singular", names["kind"].lower())), rust_str(names.get("listKind", names["kind"] + "List")),
                      ", ".join(rust_str(s) for s in names.get("shortNames") or []),
                      ", ".join(rust_str(s) for s in names.get("categories") or []),
                      str(spec.get("scope") == "Namespaced").lower(), vers, rust_str(spec_ty)))
    out.append("];")
    out.append("")
    out.append("/// JSON schema of the typed spec of an Istio kind, derived from the Rust types.")
    out.append("pub fn spec_schema(kind: &str) -> Option<schemars::Schema> {")
    out.append("    Some(match kind {")
    for spec, names, versions, spec_ty in kinds:
        out.append("        %s => schemars::schema_for!(%s)," % (rust_str(names["kind"]), spec_ty))
    out.append("        _ => return None,")
    out.append("    })")
    out.append("}")
    text = "\n".join(out)
    text = re.sub(r"\b(%s)\b" % "|".join(RENAMES), lambda m: RENAMES[m.group(1)], text)
    print(text)


if __name__ == "__main__":
    main()
