#!/usr/bin/env python3
"""Generate the chart facts skiff renders with (src/render/chart-facts.json).

Usage: python3 scripts/gen-chart-facts.py MANIFESTS_DIR > src/render/chart-facts.json

MANIFESTS_DIR is the `manifests` directory of the Istio release skiff installs (in the
istio.io/istio Go module that scripts/build-testenv downloads). Kept as facts: each
chart's default values (its `_internal_defaults_do_not_set` tree) and the values of each
Helm profile (`helm-profiles/<name>.yaml`: profiles, platforms, compatibility versions).
Comments and templates are not read.
"""
import json
import os
import sys

import yaml

CHARTS = {
    "base": "charts/base",
    "istiod": "charts/istio-control/istio-discovery",
    "istio-ingress": "charts/gateways/istio-ingress",
    "istio-egress": "charts/gateways/istio-egress",
    "cni": "charts/istio-cni",
    "ztunnel": "charts/ztunnel",
}


def main():
    root = sys.argv[1]
    defaults = {}
    for name, path in CHARTS.items():
        with open(os.path.join(root, path, "values.yaml"), encoding="utf-8") as f:
            defaults[name] = (yaml.safe_load(f) or {}).get("_internal_defaults_do_not_set", {})
    profiles = {}
    profile_dir = os.path.join(root, "helm-profiles")
    for entry in sorted(os.listdir(profile_dir)):
        if entry.endswith(".yaml"):
            with open(os.path.join(profile_dir, entry), encoding="utf-8") as f:
                profiles[entry[: -len(".yaml")]] = yaml.safe_load(f) or {}
    json.dump({"defaults": defaults, "profiles": profiles}, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
