#!/usr/bin/env python3
"""Generate the CRD facts skiff installs (src/model/crd-facts.json) from a CRD file.

Usage: python3 scripts/gen-crds.py CRD_FILE > src/model/crd-facts.json

CRD_FILE is the CRD file of the Istio release skiff installs (the base chart's generated
CRDs in the istio.io/istio Go module that scripts/build-testenv downloads). Only facts are
kept: per kind, the structural OpenAPI schema (types, formats, enums, bounds, required
fields, one-of groups, CEL rules and their messages) and the printer columns. Every
`description` (Istio's prose) is dropped. Versions that share one schema store it once.
"""
import json
import sys

import yaml


def without_descriptions(node):
    if isinstance(node, dict):
        return {k: without_descriptions(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [without_descriptions(v) for v in node]
    return node


def facts_of(crd):
    spec = crd["spec"]
    versions, schemas = [], []
    for version in spec["versions"]:
        schema = without_descriptions(version.get("schema", {}))
        if schema not in schemas:
            schemas.append(schema)
        entry = {k: version[k] for k in ("name", "served", "storage") if k in version}
        entry["schema"] = schemas.index(schema)
        for key in ("subresources", "deprecated", "deprecationWarning"):
            if key in version:
                entry[key] = version[key]
        if "additionalPrinterColumns" in version:
            entry["additionalPrinterColumns"] = without_descriptions(version["additionalPrinterColumns"])
        versions.append(entry)
    return {
        "name": crd["metadata"]["name"],
        "annotations": crd["metadata"].get("annotations", {}),
        "labels": crd["metadata"].get("labels", {}),
        "group": spec["group"],
        "names": spec["names"],
        "scope": spec["scope"],
        "versions": versions,
        "schemas": schemas,
    }


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        crds = [d for d in yaml.safe_load_all(f) if d and d.get("kind") == "CustomResourceDefinition"]
    facts = [facts_of(c) for c in crds]
    json.dump(facts, sys.stdout, separators=(",", ":"), sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
