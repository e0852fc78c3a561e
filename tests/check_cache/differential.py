#!/usr/bin/env python3
"""The caches of check, list and due never change a result (issue 18).

Runs `casekit check` with its cache and with --no-cache over a fixed-seed
random sequence of edits to a copy of the sample caseload (grown to 25
clients, so that two workers share it), and compares what both print, byte
for byte, in every format, and the text format on a terminal too (with the
source lines under findings). The edits: of different sizes; of the same
size with the modification time set back to what it was; files added,
removed and renamed; casekit.yaml's numbers and dictionary; another
--as-of date. `casekit list` and `casekit due` are compared the same way
after each edit, with and without their own caches (due under the step's
--as-of date, and with its filters now and then). No sleeps: the run takes seconds, and
clients left alone for more than two of them come from the cache.

usage: differential.py CASEKIT REPOSITORY
"""
import os
import pty
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile

casekit, repo = os.path.abspath(sys.argv[1]), sys.argv[2]
rng = random.Random(18)
# Fewer under the sanitizers (CMakeLists.txt), where each run costs ten
# times as much and the search is for memory errors, not for a stale result.
STEPS = int(os.environ.get("CASEKIT_CACHE_STEPS", "30"))
FORMATS = ["json", "text", "sarif", "junit", "github", "checklist"]
ENV = dict(os.environ, TZ="UTC", LC_ALL="C.UTF-8", NO_COLOR="1", COLUMNS="100",
           CASEKIT_TODAY="2026-11-23")
ENV.pop("CASEKIT_NO_CACHE", None)


def run(folder, args, terminal=False):
    """(status, stdout, stderr) of casekit ARGS in `folder`."""
    cmd = [casekit] + args
    if not terminal:
        p = subprocess.run(cmd, cwd=folder, env=ENV, capture_output=True)
        return p.returncode, p.stdout, p.stderr
    leader, follower = pty.openpty()
    p = subprocess.Popen(cmd, cwd=folder, env=ENV, stdout=follower, stderr=subprocess.PIPE)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    err = p.stderr.read()
    p.wait()
    os.close(leader)
    return p.returncode, out, err


def cache_entries(folder, name="check"):
    """How many clients the cache file `name` holds (0 when there is none)."""
    path = os.path.join(folder, ".casekit", "cache", name)
    try:
        data = open(path, "rb").read()
    except OSError:
        return 0
    start = len(b"casekit %s cache 1\n" % name.encode())
    (key_size,) = struct.unpack_from("<Q", data, start)
    (count,) = struct.unpack_from("<Q", data, start + 8 + key_size)
    return count


def yaml_files(folder):
    found = []
    for top, _, names in os.walk(os.path.join(folder, "clients")):
        found += [os.path.join(top, n) for n in names if n.endswith(".yaml")]
    return sorted(found)


def keep_times(path, change):
    """Changes the file and sets its times back: only size and ctime may tell."""
    st = os.stat(path)
    change()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def same_size_edit(path):
    def change():
        text = open(path, encoding="utf-8").read()
        spots = [m.start() for m in re.finditer(r"(?<=[a-z])[a-z](?=[a-z])", text)]
        if not spots:
            return
        i = rng.choice(spots)
        letter = rng.choice([c for c in "aeiourst" if c != text[i]])
        open(path, "w", encoding="utf-8").write(text[:i] + letter + text[i + 1:])
    keep_times(path, change)


def sized_edit(path):
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    i = rng.randrange(len(lines))
    kind = rng.choice(["typo", "delete", "comment", "date"])
    if kind == "typo":
        lines[i] = lines[i].replace(" the ", " teh recieved ", 1)
    elif kind == "delete":
        del lines[i]
    elif kind == "comment":
        lines.insert(i, "# " + "x" * rng.randrange(1, 40))
    else:
        text = re.sub(r"2026-(\d\d)-(\d\d)", lambda m: "2026-%s-%02d" % (m.group(1), rng.randrange(1, 28)),
                      text, count=1)
        lines = text.split("\n")
    open(path, "w", encoding="utf-8").write("\n".join(lines))


def note_files(folder):
    return [p for p in yaml_files(folder) if os.sep + "notes" + os.sep in p]


def new_note_name(path):
    day = rng.randrange(1, 28)
    return os.path.join(os.path.dirname(path), "2026-10-%02d-1%03d-phone.yaml" % (day, rng.randrange(1000)))


def settings_edit(folder):
    """An edit of casekit.yaml that changes some clients' findings, so that
    a cache serving reports made under the old settings is caught whatever
    the timing (each kind changes clients that are not edited in a step):
    the note deadline (note/timely for the jasmine-rivera copies), of the
    same size with the times set back; Soundview taken out of the
    dictionary or put back, and misspelled in it, of the same size
    (language/spelling for the marcus-jones and dana-okafor copies)."""
    path = os.path.join(folder, "casekit.yaml")
    text = open(path, encoding="utf-8").read()
    kind = rng.choice(["number", "word", "word-same-size"])
    if kind == "number":
        days = "9" if "note_deadline_days: 2\n" in text else "2"
        keep_times(path, lambda: open(path, "w", encoding="utf-8").write(
            re.sub(r"note_deadline_days: \d\n", "note_deadline_days: %s\n" % days, text)))
        return
    entry = next((w for w in ("Soundview", "Soundvieq") if "  - %s\n" % w in text), None)
    if kind == "word" or entry is None:
        open(path, "w", encoding="utf-8").write(
            text.replace("  - %s\n" % entry, "", 1) if entry
            else text.replace("dictionary:\n", "dictionary:\n  - Soundview\n", 1))
    else:
        other = "Soundvieq" if entry == "Soundview" else "Soundview"
        keep_times(path, lambda: open(path, "w", encoding="utf-8").write(
            text.replace("  - %s\n" % entry, "  - %s\n" % other, 1)))


def edit(folder, step):
    """One random edit; returns what it was, for the failure message. Every
    sixth step (from the second) edits casekit.yaml whatever the draw, so
    that a cache keyed without the settings is caught whatever the seed
    and the caseload's files draw."""
    kind = rng.choice(["same-size", "same-size", "sized", "sized", "add", "remove", "rename",
                       "settings", "touch", "none"])
    if step % 6 == 1:
        kind = "settings"
    files = yaml_files(folder)
    path = rng.choice(files)
    notes = note_files(folder)
    if kind == "same-size":
        same_size_edit(path)
    elif kind == "sized":
        sized_edit(path)
    elif kind == "add" and notes:
        shutil.copyfile(rng.choice(notes), new_note_name(rng.choice(notes)))
    elif kind == "remove" and len(notes) > 10:
        os.remove(rng.choice(notes))
    elif kind == "rename" and notes:
        note = rng.choice(notes)
        os.rename(note, new_note_name(note))
    elif kind == "settings":
        settings_edit(folder)
    elif kind == "touch":
        os.utime(path)
    return kind + " " + os.path.relpath(path, folder)


def grow(folder):
    """Copies of the sample's clients, each under its own id."""
    clients = os.path.join(folder, "clients")
    for original in sorted(os.listdir(clients)):
        for n in range(2, 6):
            copy = "%s-%d" % (original, n)
            shutil.copytree(os.path.join(clients, original), os.path.join(clients, copy))
            path = os.path.join(clients, copy, "client.yaml")
            text = open(path, encoding="utf-8").read()
            open(path, "w", encoding="utf-8").write(text.replace("id: " + original, "id: " + copy, 1))


def compare(folder, args, terminal, step, what, command="check"):
    cached = run(folder, [command] + args, terminal)
    fresh = run(folder, [command] + args + ["--no-cache"], terminal)
    if cached != fresh:
        print("step %d (%s): %s %s differs with the cache%s" %
              (step, what, command, " ".join(args), " on a terminal" if terminal else ""))
        for name, a, b in zip(["status", "stdout", "stderr"], cached, fresh):
            if a != b:
                print("--- %s with the cache:\n%s\n--- without:\n%s" % (name, a, b))
        sys.exit(1)


def main():
    work = tempfile.mkdtemp(prefix="casekit-cache-")
    try:
        folder = os.path.join(work, "caseload")
        shutil.copytree(os.path.join(repo, "examples", "caseload"), folder)
        # Coaching reviews of two clients, for due's --reviewer.
        reviewed = os.path.join(repo, "tests", "e2e", "cases", "export-caseload-quality", "before",
                                "clients")
        for client in ("jasmine-rivera", "marcus-jones"):
            shutil.copytree(os.path.join(reviewed, client, "reviews"),
                            os.path.join(folder, "clients", client, "reviews"))
        grow(folder)
        dates = ["2026-11-23", "2026-11-23", "2027-02-01", "2026-10-01"]
        with_entries = list_entries = due_entries = 0
        last_as_of = None
        for step in range(STEPS):
            what = edit(folder, step)
            as_of = ["--as-of", rng.choice(dates)]
            # A same-size edit that sets the modification time back shows
            # only in the change time, and an edit of casekit.yaml only in
            # the key: check them under the date the cache was last written
            # with, so that a kept report is there to be served wrongly (a
            # stamp without ctime, a key without the settings are caught).
            if what.split()[0] in ("same-size", "settings") and last_as_of:
                as_of = last_as_of
            with_entries += cache_entries(folder) > 0
            list_entries += cache_entries(folder, "list") > 0
            due_entries += cache_entries(folder, "due") > 0
            for fmt in ["json", "text", rng.choice(FORMATS)]:
                compare(folder, ["--format", fmt] + as_of, False, step, what)
            # A second run with the cache: what the first kept, now used.
            compare(folder, ["--format", "json"] + as_of, False, step, what)
            if step % 4 == 0:
                compare(folder, ["--format", "text"] + as_of, True, step, what)
            if step % 7 == 0:
                compare(folder, ["dana-okafor", "--format", "json"] + as_of, False, step, what)
            # The cache ends the step under this step's plain key.
            compare(folder, ["--format", "json"] + as_of, False, step, what)
            # list's rows: the second run uses what the first kept.
            for args in ([], [], ["--status", "active"]):
                compare(folder, args, False, step, what, "list")
            # due's items, of the step's day; the second run uses the first's.
            for args in (["--format", "json"], ["--format", "json"],
                         random.Random(step).choice([["--format", "text"], ["--format", "ics"],
                                     ["--case-manager", "Alicia Moreno"],
                                     ["--reviewer", "Ruth Adler"], ["--within", "30"]])):
                compare(folder, args + as_of, False, step, what, "due")
            last_as_of = as_of
        for name, entries in (("check", with_entries), ("list", list_entries),
                              ("due", due_entries)):
            if entries < STEPS // 3:
                print("the %s cache held clients before only %d of %d steps: the test tests little"
                      % (name, entries, STEPS))
                sys.exit(1)
        print("%d steps, the same findings, rows and items with and without the caches; %d, %d "
              "and %d steps began with a cache of check, list and due"
              % (STEPS, with_entries, list_entries, due_entries))
    finally:
        shutil.rmtree(work)


main()
