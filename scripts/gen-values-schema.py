#!/usr/bin/env python3
"""Generate the typed schema of the IstioOperator `values` (src/model/values-schema.json)
from the release's protobuf definition of them.

Usage: python3 scripts/gen-values-schema.py VALUES_PROTO > src/model/values-schema.json

VALUES_PROTO is operator/pkg/apis/values_types.proto in the istio.io/istio Go module that
scripts/build-testenv downloads. Only facts are kept: per message (by full name) its
fields in declaration order, each with its proto name, JSON name, type and cardinality;
per enum its value names. Comments (Istio's prose) are dropped.
"""
import json
import re
import sys

SCALARS = {"string", "bool", "int32", "uint32", "int64", "uint64", "sint32", "sint64",
           "fixed32", "fixed64", "sfixed32", "sfixed64", "float", "double", "bytes"}

TOKEN = re.compile(r'"[^"]*"|\'[^\']*\'|[A-Za-z_][A-Za-z0-9_.]*|-?\d+|[{}\[\]<>=;,()]')


def tokens(text):
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return TOKEN.findall(text)


def json_name(name):
    """protoc's default JSON name: lowerCamelCase of the field name."""
    parts = name.split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


class Parser:
    def __init__(self, toks):
        self.toks, self.i = toks, 0
        self.package = ""
        self.messages, self.enums = {}, {}

    def next(self):
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def skip_statement(self):
        while self.next() != ";":
            pass

    def parse(self):
        while self.i < len(self.toks):
            tok = self.next()
            if tok == "package":
                self.package = self.next()
                self.skip_statement()
            elif tok == "message":
                self.message(self.package)
            elif tok == "enum":
                self.enum(self.package)
            else:
                self.skip_statement()

    def enum(self, scope):
        name = f"{scope}.{self.next()}"
        assert self.next() == "{"
        values = []
        while (tok := self.next()) != "}":
            if tok == "option":
                self.skip_statement()
                continue
            values.append(tok)
            self.skip_statement()
        self.enums[name] = values

    def message(self, scope):
        name = f"{scope}.{self.next()}"
        assert self.next() == "{"
        fields = []
        while (tok := self.next()) != "}":
            if tok == "message":
                self.message(name)
            elif tok == "enum":
                self.enum(name)
            elif tok in ("option", "reserved"):
                self.skip_statement()
            else:
                fields.append(self.field(tok, name))
        self.messages[name] = fields

    def field(self, tok, scope):
        field = {"repeated": False}
        if tok == "repeated":
            field["repeated"] = True
            tok = self.next()
        if tok == "map":
            assert self.next() == "<"
            key = self.next()
            assert self.next() == ","
            value = self.next()
            assert self.next() == ">"
            field["map"] = key
            tok = value
        field["type"], field["scope"] = tok, scope
        field["name"] = self.next()
        field["json"] = json_name(field["name"])
        assert self.next() == "="
        self.next()  # the field number
        tok = self.next()
        if tok == "[":
            while (tok := self.next()) != "]":
                if tok == "json_name":
                    assert self.next() == "="
                    field["json"] = self.next().strip("\"'")
            tok = self.next()
        assert tok == ";", f"unexpected {tok} after field {field['name']}"
        return field


def resolve(parser, type_name, scope):
    """A field's type: a scalar, a well-known type, or a message/enum of this file."""
    if type_name in SCALARS or type_name.startswith("google.protobuf."):
        return {"kind": type_name}
    # Protobuf scoping: innermost scope first.
    parts = scope.split(".")
    while parts:
        candidate = ".".join(parts + [type_name])
        if candidate in parser.messages:
            return {"kind": "message", "message": candidate}
        if candidate in parser.enums:
            return {"kind": "enum", "enum": candidate}
        parts.pop()
    raise SystemExit(f"unknown type {type_name} in {scope}")


def main():
    parser = Parser(tokens(open(sys.argv[1]).read()))
    parser.parse()
    messages = {}
    for name, fields in parser.messages.items():
        out = []
        for f in fields:
            entry = {"name": f["name"], "json": f["json"]}
            entry.update(resolve(parser, f["type"], f["scope"]))
            if f["repeated"]:
                entry["repeated"] = True
            if "map" in f:
                entry["map"] = f["map"]
            out.append(entry)
        messages[name] = out
    facts = {
        "root": f"{parser.package}.Values",
        "messages": dict(sorted(messages.items())),
        "enums": dict(sorted(parser.enums.items())),
    }
    json.dump(facts, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
