#!/usr/bin/env python3
"""A damaged cache is ignored and rebuilt, and nothing else changes.

For each kind of damage at .casekit/cache/check (truncated, garbage, a
wrong checksum, a file anyone may read, a link to a file outside, a
folder), `casekit check` prints what --no-cache prints, the records and
everything outside the cache are as they were, a link's target is never
written, and the cache is a private file of casekit's again (a folder
stays, untouched). The same for .casekit/cache/list and `casekit list`, and
.casekit/cache/due and `casekit due`.

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
# Each cache, and the command that keeps it.
COMMANDS = {"check": ["check", "--format", "json"], "list": ["list"],
            "due": ["due", "--format", "json"]}


def run(folder, name, *extra):
    p = subprocess.run([casekit, *COMMANDS[name], *extra], cwd=folder, env=ENV,
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


def magic(name):
    return b"casekit %s cache 1\n" % name.encode()


def a_good_cache(path, name):
    data = open(path, "rb").read()
    st = os.lstat(path)
    return (stat.S_ISREG(st.st_mode) and st.st_mode & 0o777 == 0o600
            and data.startswith(magic(name))
            and hashlib.sha256(data[:-32]).digest() == data[-32:])


def damage_each_way(folder, outside, name, failures):
    """Every kind of damage at the cache `name`; returns how many kinds."""
    expected = run(folder, name, "--no-cache")
    cache = os.path.join(folder, ".casekit", "cache", name)
    if not a_good_cache(cache, name):
        failures.append("%s: a first damaged cache was not rebuilt" % name)
    good = magic(name) + b"\0" * 64
    damages = {
        "truncated": lambda: open(cache, "wb").write(good[:10]),
        "garbage": lambda: open(cache, "wb").write(os.urandom(4096)),
        "wrong checksum": lambda: open(cache, "wb").write(good + b"\1" * 32),
        "readable by anyone": lambda: (open(cache, "wb").write(good), os.chmod(cache, 0o644)),
        "a link": lambda: os.symlink(os.path.join(outside, "precious"), cache),
        "a folder": lambda: (os.mkdir(cache), open(os.path.join(cache, "mine"), "w").write("x")),
        "the other cache": lambda: shutil.copyfile(
            os.path.join(folder, ".casekit", "cache", "list" if name == "check" else "check"),
            cache),
    }
    for kind, damage in damages.items():
        if os.path.isdir(cache) and not os.path.islink(cache):
            shutil.rmtree(cache)
        elif os.path.lexists(cache):
            os.remove(cache)
        with open(os.path.join(outside, "precious"), "w") as f:
            f.write("not a cache\n")
        damage()
        before = snapshot(folder, cache)
        got = run(folder, name)
        what = "%s cache, %s" % (name, kind)
        if got != expected:
            failures.append("%s: %s printed otherwise than with --no-cache" % (what, name))
        if snapshot(folder, cache) != before:
            failures.append("%s: something outside the cache changed" % what)
        if open(os.path.join(outside, "precious")).read() != "not a cache\n":
            failures.append("%s: the link's target was written" % what)
        if kind == "a folder":
            if open(os.path.join(cache, "mine")).read() != "x":
                failures.append("%s: its file changed" % what)
        elif not a_good_cache(cache, name):
            failures.append("%s: the cache was not rebuilt as a private file" % what)
    return len(damages)


def main():
    work = tempfile.mkdtemp(prefix="casekit-cache-")
    failures = []
    try:
        folder = os.path.join(work, "caseload")
        outside = os.path.join(work, "outside")
        os.mkdir(outside)
        shutil.copytree(os.path.join(repo, "examples", "caseload"), folder)
        # Both caches made first (over a damaged file, which is always
        # rewritten), so that each can be put in the other's place.
        for name in COMMANDS:
            cache = os.path.join(folder, ".casekit", "cache", name)
            os.makedirs(os.path.dirname(cache), exist_ok=True)
            open(cache, "wb").write(b"x")
            run(folder, name)
        kinds = sum(damage_each_way(folder, outside, name, failures) for name in COMMANDS)
        if failures:
            print("\n".join(failures))
            sys.exit(1)
        print("%d kinds of damage to the caches of check, list and due: ignored, rebuilt, nothing "
              "else changed" % kinds)
    finally:
        shutil.rmtree(work)


main()
