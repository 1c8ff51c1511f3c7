#!/usr/bin/env python3
"""Generate the protobuf facts skiff decodes Istio specs with (src/model/proto-facts.json).

Usage: python3 scripts/gen-proto-facts.py [API_DIR] > src/model/proto-facts.json

API_DIR is the istio.io/api Go module the reference istioctl builds with (default: the version
scripts/go/istio requires, from the module cache via `go mod download`). istioctl decodes a
resource's spec into its protobuf message with Go's legacy JSON decoder, which walks each
message's fields in declaration order, accepts a field's proto name as well as its JSON name
and names the message or enum in its errors. Kept as facts, for every message and enum the
Istio kinds reach: full name, fields in declaration order (proto name, JSON name, type,
repeated or map key, oneof group) and enum values with their numbers. Comments are not read.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The proto files of the resource kinds (and what they import).
FILES = [
    "networking/v1alpha3/destination_rule.proto", "networking/v1alpha3/envoy_filter.proto",
    "networking/v1alpha3/gateway.proto", "networking/v1alpha3/service_entry.proto",
    "networking/v1alpha3/sidecar.proto", "networking/v1alpha3/virtual_service.proto",
    "networking/v1alpha3/workload_entry.proto", "networking/v1alpha3/workload_group.proto",
    "networking/v1beta1/proxy_config.proto", "security/v1beta1/authorization_policy.proto",
    "security/v1beta1/peer_authentication.proto", "security/v1beta1/request_authentication.proto",
    "telemetry/v1alpha1/telemetry.proto", "extensions/v1alpha1/wasm.proto",
    "extensions/v1alpha1/traffic_extension.proto", "type/v1beta1/selector.proto",
    "analysis/v1alpha1/message.proto", "meta/v1alpha1/status.proto",
]
# Each kind's spec message.
KINDS = {
    "VirtualService": "istio.networking.v1alpha3.VirtualService",
    "DestinationRule": "istio.networking.v1alpha3.DestinationRule",
    "Gateway": "istio.networking.v1alpha3.Gateway",
    "ServiceEntry": "istio.networking.v1alpha3.ServiceEntry",
    "Sidecar": "istio.networking.v1alpha3.Sidecar",
    "WorkloadEntry": "istio.networking.v1alpha3.WorkloadEntry",
    "WorkloadGroup": "istio.networking.v1alpha3.WorkloadGroup",
    "EnvoyFilter": "istio.networking.v1alpha3.EnvoyFilter",
    "ProxyConfig": "istio.networking.v1beta1.ProxyConfig",
    "AuthorizationPolicy": "istio.security.v1beta1.AuthorizationPolicy",
    "PeerAuthentication": "istio.security.v1beta1.PeerAuthentication",
    "RequestAuthentication": "istio.security.v1beta1.RequestAuthentication",
    "Telemetry": "istio.telemetry.v1alpha1.Telemetry",
    "WasmPlugin": "istio.extensions.v1alpha1.WasmPlugin",
    "TrafficExtension": "istio.extensions.v1alpha1.TrafficExtension",
}
SCALARS = {"double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32",
           "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes"}
TOKEN = re.compile(r'\s+|//[^\n]*|/\*.*?\*/|"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|[A-Za-z_.][\w.]*|-?\d[\w.+-]*|.',
                   re.S)


def api_dir():
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    wrapper = ROOT / "scripts" / "go" / "istio"
    version = subprocess.run(["go", "list", "-m", "-f", "{{.Version}}", "istio.io/api"], cwd=wrapper,
                             capture_output=True, text=True, check=True).stdout.strip()
    out = subprocess.run(["go", "mod", "download", "-json", f"istio.io/api@{version}"], cwd=wrapper,
                         capture_output=True, text=True, check=True).stdout
    return Path(json.loads(out)["Dir"])


def tokens(text):
    return [t for t in TOKEN.findall(text) if t.strip() and not t.startswith(("//", "/*"))]


def json_name(name):
    """protoc's default JSON name: lowerCamelCase of the field name."""
    return re.sub(r"_(.)", lambda m: m.group(1).upper(), name)


class Parser:
    def __init__(self, toks, package, messages, enums):
        self.toks, self.i = toks, 0
        self.package, self.messages, self.enums = package, messages, enums

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, expected=None):
        tok = self.toks[self.i]
        if expected is not None and tok != expected:
            raise SystemExit(f"expected {expected!r}, got {tok!r} at token {self.i}")
        self.i += 1
        return tok

    def skip_statement(self):
        """Skips to the end of a statement (`;`), over any balanced braces/brackets."""
        depth = 0
        while True:
            tok = self.take()
            if tok in "{[(":
                depth += 1
            elif tok in "}])":
                depth -= 1
            elif tok == ";" and depth == 0:
                return

    def skip_options(self):
        if self.peek() == "[":
            depth = 0
            while True:
                tok = self.take()
                depth += tok == "["
                depth -= tok == "]"
                if depth == 0:
                    return

    def file(self):
        while self.peek() is not None:
            tok = self.take()
            if tok == "package":
                self.package = self.take()
                self.take(";")
            elif tok == "message":
                self.message(self.package)
            elif tok == "enum":
                self.enum(self.package)
            elif tok in ("service", "extend"):
                self.take()
                self.skip_block()
            elif tok != ";":
                self.skip_statement()

    def skip_block(self):
        self.take("{")
        depth = 1
        while depth:
            tok = self.take()
            depth += (tok == "{") - (tok == "}")

    def message(self, scope):
        name = f"{scope}.{self.take()}"
        fields = []
        self.take("{")
        self.body(name, fields, None)
        self.messages[name] = {"fields": fields, "scope": name}

    def body(self, name, fields, oneof):
        while (tok := self.take()) != "}":
            if tok == "message":
                self.message(name)
            elif tok == "enum":
                self.enum(name)
            elif tok == "oneof":
                group = self.take()
                self.take("{")
                self.body(name, fields, group)
            elif tok in ("option", "reserved", "extensions"):
                self.skip_statement()
            elif tok == ";":
                continue
            else:
                fields.append(self.field(tok, oneof))

    def field(self, tok, oneof):
        entry = {}
        if tok in ("repeated", "optional"):
            entry["repeated"] = tok == "repeated"
            tok = self.take()
        if tok == "map":
            self.take("<")
            entry["map_key"] = self.take()
            self.take(",")
            tok = self.take()
            self.take(">")
        entry["type"] = tok
        entry["name"] = self.take()
        self.take("=")
        self.take()
        start = self.i
        self.skip_options()
        options = " ".join(self.toks[start:self.i])
        self.take(";")
        declared = re.search(r'json_name\s*=\s*"([^"]*)"', options)
        entry["json"] = declared.group(1) if declared else json_name(entry["name"])
        if oneof:
            entry["oneof"] = oneof
        if not entry.get("repeated"):
            entry.pop("repeated", None)
        return entry

    def enum(self, scope):
        name = f"{scope}.{self.take()}"
        values = []
        self.take("{")
        while (tok := self.take()) != "}":
            if tok in ("option", "reserved"):
                self.skip_statement()
            elif tok != ";":
                self.take("=")
                values.append([tok, int(self.take(), 0)])
                self.skip_options()
                self.take(";")
        self.enums[name] = values


def resolve(type_name, scope, messages, enums):
    """Protobuf's name resolution: innermost scope outwards; a leading dot is absolute."""
    if type_name in SCALARS:
        return type_name
    if type_name.startswith("."):
        return type_name[1:]
    parts = scope.split(".")
    while True:
        candidate = ".".join(parts + [type_name])
        if candidate in messages or candidate in enums:
            return candidate
        if not parts:
            if type_name.startswith("google.protobuf."):
                return type_name
            raise SystemExit(f"cannot resolve {type_name} in {scope}")
        parts.pop()


def main():
    base = api_dir()
    messages, enums = {}, {}
    for rel in FILES:
        Parser(tokens((base / rel).read_text()), "", messages, enums).file()
    reached, todo = set(), list(KINDS.values())
    while todo:
        name = todo.pop()
        if name in reached or name not in messages:
            continue
        reached.add(name)
        for field in messages[name]["fields"]:
            field["type"] = resolve(field["type"], messages[name]["scope"], messages, enums)
            todo.append(field["type"])
    out = {
        "kinds": KINDS,
        "messages": {n: messages[n]["fields"] for n in sorted(reached)},
        "enums": {n: v for n, v in sorted(enums.items())
                  if any(f["type"] == n for m in reached for f in messages[m]["fields"])},
    }
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
