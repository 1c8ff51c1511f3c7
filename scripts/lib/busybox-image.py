#!/usr/bin/env python3
"""Builds a single-layer image from Debian's static busybox as a docker-archive tar
("docker save" format) that `ctr images import` accepts, with no registry.

  busybox-image.py OUT.tar REPO:TAG CMD_JSON
"""
import hashlib
import io
import json
import os
import sys
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


def layer_bytes():
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as tar:
        for d in ["bin", "etc", "www", "www/kiali", "tmp", "proc", "sys", "dev", "var", "var/run"]:
            add(tar, d, mode=0o1777 if d == "tmp" else 0o755, kind=tarfile.DIRTYPE)
        add(tar, "bin/busybox", open("/bin/busybox", "rb").read(), mode=0o755)
        for applet in APPLETS:
            add(tar, "bin/" + applet, kind=tarfile.SYMTYPE, target="busybox", mode=0o777)
        add(tar, "etc/passwd", b"root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n")
        add(tar, "etc/group", b"root:x:0:\nnobody:x:65534:\n")
        add(tar, "www/index.html", b"<html><body>skiff test page</body></html>\n")
        add(tar, "www/kiali/index.html", b"<html><body>skiff test kiali</body></html>\n")
    return buf.getvalue()


def main():
    out, ref, cmd = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    layer = layer_bytes()
    diff_id = hashlib.sha256(layer).hexdigest()
    config = json.dumps({
        "architecture": "amd64",
        "os": "linux",
        "config": {"Cmd": cmd, "Env": ["PATH=/bin"], "WorkingDir": "/"},
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
