#!/usr/bin/env python3
"""Builds a single-layer image from Debian's static busybox as a docker-archive tar
("docker save" format) that `ctr images import` accepts, with no registry.

  busybox-image.py OUT.tar REPO:TAG CMD_JSON [--entrypoint] [--user UID:GID]
                   [--file SRC:DEST:MODE]...

--entrypoint makes CMD_JSON the image's entrypoint (arguments come from the pod spec);
--file adds a host file (a binary built for the test environment) at DEST.
"""
import argparse
import hashlib
import io
import json
import os
import tarfile

APPLETS = ["sh", "sleep", "httpd", "cat", "echo", "ls", "wget", "nc", "true", "false", "env", "ps", "kill", "dd", "mkdir", "head"]


def add(tar, name, data=None, mode=0o644, kind=tarfile.REGTYPE, target=None):
    info = tarfile.TarInfo(name)
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.mode = mode
    info.mtime = 0
    info.type = kind
    if kind == tarfile.SYMTYPE:
        info.linkname = target
        tar.addfile(info)
    elif kind == tarfile.DIRTYPE:
        tar.addfile(info)
    else:
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))


def layer_bytes(extra_files):
    buf = io.BytesIO()
    dirs = ["bin", "etc", "www", "www/kiali", "tmp", "proc", "sys", "dev", "var", "var/run"]
    for _, dest, _ in extra_files:
        parts = dest.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            d = "/".join(parts[:i])
            if d not in dirs:
                dirs.append(d)
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for d in dirs:
            add(tar, d, mode=0o1777 if d == "tmp" else 0o755, kind=tarfile.DIRTYPE)
        for src, dest, mode in extra_files:
            with open(src, "rb") as f:
                add(tar, dest, f.read(), mode=mode)
        add(tar, "bin/busybox", open("/bin/busybox", "rb").read(), mode=0o755)
        for applet in APPLETS:
            add(tar, "bin/" + applet, kind=tarfile.SYMTYPE, target="busybox", mode=0o777)
        add(tar, "etc/passwd", b"root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n")
        add(tar, "etc/group", b"root:x:0:\nnobody:x:65534:\n")
        add(tar, "www/index.html", b"<html><body>skiff test page</body></html>\n")
        add(tar, "www/kiali/index.html", b"<html><body>skiff test kiali</body></html>\n")
    return buf.getvalue()


def parse_file(spec):
    src, dest, mode = spec.rsplit(":", 2)
    return src, dest.lstrip("/"), int(mode, 8)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("ref")
    ap.add_argument("cmd", type=json.loads)
    ap.add_argument("--entrypoint", action="store_true")
    ap.add_argument("--user")
    ap.add_argument("--file", type=parse_file, action="append", default=[])
    args = ap.parse_args()
    out, ref = args.out, args.ref
    layer = layer_bytes(args.file)
    image_config = {"Env": ["PATH=/usr/local/bin:/bin"], "WorkingDir": "/"}
    image_config["Entrypoint" if args.entrypoint else "Cmd"] = args.cmd
    if args.user:
        image_config["User"] = args.user
    diff_id = hashlib.sha256(layer).hexdigest()
    config = json.dumps({
        "architecture": "amd64",
        "os": "linux",
        "config": image_config,
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff_id]},
    }, sort_keys=True).encode()
    config_name = hashlib.sha256(config).hexdigest() + ".json"
    manifest = json.dumps([{"Config": config_name, "RepoTags": [ref], "Layers": [diff_id + "/layer.tar"]}]).encode()
    tmp = out + ".tmp"
    with tarfile.open(tmp, mode="w") as tar:
        add(tar, config_name, config)
        add(tar, diff_id, mode=0o755, kind=tarfile.DIRTYPE)
        add(tar, diff_id + "/layer.tar", layer)
        add(tar, "manifest.json", manifest)
    os.replace(tmp, out)


if __name__ == "__main__":
    main()
