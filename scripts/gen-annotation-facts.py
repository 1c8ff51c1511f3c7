#!/usr/bin/env python3
"""Generate the Istio annotation facts skiff checks with (src/model/annotation-facts.json).

Usage: python3 scripts/gen-annotation-facts.py [API_DIR] > src/model/annotation-facts.json

API_DIR is the istio.io/api Go module Istio 1.30 builds with (default: the version
scripts/go/istio requires, from the module cache via `go mod download`). Kept as facts, for
every annotation of `annotation/annotations.yaml`: its name, the resource kinds it applies
to and whether it is deprecated. Descriptions are not read.
"""
import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def api_dir():
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    wrapper = ROOT / "scripts" / "go" / "istio"
    version = subprocess.run(["go", "list", "-m", "-f", "{{.Version}}", "istio.io/api"], cwd=wrapper,
                             capture_output=True, text=True, check=True).stdout.strip()
    out = subprocess.run(["go", "mod", "download", "-json", f"istio.io/api@{version}"], cwd=wrapper,
                         capture_output=True, text=True, check=True).stdout
    return Path(json.loads(out)["Dir"])


def main():
    doc = yaml.safe_load((api_dir() / "annotation" / "annotations.yaml").read_text())
    facts = [{"name": a["name"], "resources": a.get("resources") or [], "deprecated": bool(a.get("deprecated"))}
             for a in doc["annotations"]]
    facts.sort(key=lambda a: a["name"])
    json.dump(facts, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
