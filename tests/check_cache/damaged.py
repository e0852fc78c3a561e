#!/usr/bin/env python3
"""A damaged check cache is ignored and rebuilt, and nothing else changes.

For each kind of damage at .casekit/cache/check (truncated, garbage, a
wrong checksum, a file anyone may read, a link to a file outside, a
folder), `casekit check` prints what --no-cache prints, the records and
everything outside the cache are as they were, a link's target is never
written, and the cache is a private file of casekit's again (a folder
stays, untouched).

usage: damaged.py CASEKIT REPOSITORY
"""
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile

casekit, repo = os.path.abspath(sys.argv[1]), sys.argv[2]
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", NO_COLOR="1", CASEKIT_TODAY="2026-11-23")
ENV.pop("CASEKIT_NO_CACHE", None)
MAGIC = b"casekit check cache 1\n"


def check(folder, *extra):
    p = subprocess.run([casekit, "check", "--format", "json", *extra], cwd=folder, env=ENV,
                       capture_output=True)
    return p.returncode, p.stdout, p.stderr


def snapshot(root, skip):
    """Every entry under root but `skip`: kind, mode and bytes."""
    seen = {}
    for top, dirs, names in os.walk(root):
        for name in dirs + names:
            path = os.path.join(top, name)
            if path == skip:
                continue
            st = os.lstat(path)
            data = open(path, "rb").read() if stat.S_ISREG(st.st_mode) else os.readlink(path) \
                if stat.S_ISLNK(st.st_mode) else b""
            seen[os.path.relpath(path, root)] = (stat.S_IFMT(st.st_mode), st.st_mode & 0o7777, data)
    return seen


def a_good_cache(path):
    data = open(path, "rb").read()
    st = os.lstat(path)
    return (stat.S_ISREG(st.st_mode) and st.st_mode & 0o777 == 0o600 and data.startswith(MAGIC)
            and hashlib.sha256(data[:-32]).digest() == data[-32:])


def main():
    work = tempfile.mkdtemp(prefix="casekit-cache-")
    failures = []
    try:
        folder = os.path.join(work, "caseload")
        outside = os.path.join(work, "outside")
        os.mkdir(outside)
        shutil.copytree(os.path.join(repo, "examples", "caseload"), folder)
        expected = check(folder, "--no-cache")
        cache = os.path.join(folder, ".casekit", "cache", "check")
        # A first damaged cache makes the private area, with its .gitignore.
        os.makedirs(os.path.dirname(cache))
        open(cache, "wb").write(b"x")
        check(folder)
        if not a_good_cache(cache):
            failures.append("a first damaged cache was not rebuilt")
        good = MAGIC + b"\0" * 64
        damages = {
            "truncated": lambda: open(cache, "wb").write(good[:10]),
            "garbage": lambda: open(cache, "wb").write(os.urandom(4096)),
            "wrong checksum": lambda: open(cache, "wb").write(good + b"\1" * 32),
            "readable by anyone": lambda: (open(cache, "wb").write(good), os.chmod(cache, 0o644)),
            "a link": lambda: os.symlink(os.path.join(outside, "precious"), cache),
            "a folder": lambda: (os.mkdir(cache), open(os.path.join(cache, "mine"), "w").write("x")),
        }
        for name, damage in damages.items():
            if os.path.isdir(cache) and not os.path.islink(cache):
                shutil.rmtree(cache)
            elif os.path.lexists(cache):
                os.remove(cache)
            with open(os.path.join(outside, "precious"), "w") as f:
                f.write("not a cache\n")
            damage()
            before = snapshot(folder, cache)
            got = check(folder)
            if got != expected:
                failures.append("%s: check printed otherwise than with --no-cache" % name)
            if snapshot(folder, cache) != before:
                failures.append("%s: something outside the cache changed" % name)
            if open(os.path.join(outside, "precious")).read() != "not a cache\n":
                failures.append("%s: the link's target was written" % name)
            if name == "a folder":
                if open(os.path.join(cache, "mine")).read() != "x":
                    failures.append("a folder: its file changed")
            elif not a_good_cache(cache):
                failures.append("%s: the cache was not rebuilt as a private file" % name)
        if failures:
            print("\n".join(failures))
            sys.exit(1)
        print("%d kinds of damage: ignored, rebuilt, nothing else changed" % len(damages))
    finally:
        shutil.rmtree(work)


main()
