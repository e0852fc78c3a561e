#!/usr/bin/env python3
"""Runs the documentation's commands, so that it cannot drift from casekit.

Every command of the README's walkthrough ("A first case folder") and of
each man page's EXAMPLES section runs, in order, with the real binary: the
README's in a new empty folder, each page's in a fresh copy of the sample
caseload (or an empty folder when the page starts with `casekit init`).
Fails when:
- a command exits with another status than the one expected below (0
  unless listed), which is how a renamed or removed option shows;
- an output line a man page shows under its command (up to a "..." where
  the page shortens it) is not in what the command printed;
- what the commands print differs from the golden transcript
  tests/docs/golden/PAGE.txt (UPDATE_GOLDEN=1 rewrites it).

usage: examples.py CASEKIT REPOSITORY
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

TODAY = "2026-11-23"

# Commands that cannot run in a test, by a word they contain, and why.
SKIPPED = {
    "EDITOR=": "opens an editor",
    "--edit": "opens an editor",
    "casekit edit": "opens an editor",
    "export-intake": "a program of the agency's own",
    "~/": "writes outside the test folder",
    "git pull": "needs a second copy of the folder (tests/e2e/cases/git-two-clones-merge)",
    "--changed-since origin/main": "needs a remote",
    "--server /srv/": "needs the server's bare repository (tests/e2e/cases/git-server-gate-*)",
    "git push": "needs the server's bare repository (tests/e2e/cases/git-server-gate-*)",
}

# Where each page's story starts, in the order they run: an empty folder,
# the sample caseload, or the folder another page left; and its today.
# Hidden setup commands (`prepare`) give a page what its story assumes.
PAGES = {
    # A scan of the signed plan, beside the case folder the walkthrough makes.
    "README.md": {"start": "empty", "prepare": ["head -c 2048 /dev/zero > signed-plan.pdf"]},
    "casekit.1": {"start": "empty", "today": "2026-11-20"},
    "casekit-init.1": {"start": "empty"},
    "casekit-new-client.1": {"start": "empty", "prepare": ["casekit init . --profile dycd"]},
    # "Later:" in the page: its second half happens weeks after the first.
    "casekit-plan.1": {"start": "after casekit-new-client.1",
                       "later": ("casekit plan marcus-jones complete-milestone", "2026-12-20")},
    "casekit-note.1": {"start": "after casekit-new-client.1", "today": "2026-11-20", "prepare": [
        "casekit plan marcus-jones add-need --domain education --description 'Needs an HSE'",
        "casekit plan marcus-jones add-goal --statement 'Marcus will pass 4 HSE tests by "
        "2027-06-30' --need N1 --target-date 2027-06-30",
        "casekit plan marcus-jones add-service --name 'HSE prep' --need N1 --goal G1",
        "printf 'date: 2026-11-18\\ntime: \"16:00\"\\ncontact: phone\\nobjective: Called.\\n'"
        " > draft.yaml"]},
    # A scan to attach, beside the records.
    "casekit-attach.1": {"prepare": [
        "mkdir scans && head -c 2048 /dev/zero > scans/release-family-support.pdf"]},
}

# Commands whose documented exit status is not 0, by page and a word.
EXIT_STATUS = {
    ("casekit-check.1", "casekit check --fail-on warning"): 1,
    ("casekit-due.1", "casekit due --case-manager"): 1,
    ("casekit-close.1", "casekit close marcus-jones"): 2,
}

ROFF = [("\\-", "-"), ("\\e", "\\"), ("\\(aq", "'"), ("\\(dq", '"'), ("\\(pc", "\u00b7"),
        ("\\(em", "\u2014"), ("\\(en", "\u2013"), ("\\&", ""), ("\\%", ""), ("\\(lq", "\u201c"),
        ("\\(rq", "\u201d"), ("\\(cq", "\u2019"), ("\\(ga", "`")]


# A commit of a new case folder holds the JSON Schemas init writes, which
# change with every key of the format: its hash and its count of lines
# would make the transcript change with them, the files it lists do not.
def stable(output):
    output = re.sub(r"^\[(\S+) \(root-commit\) [0-9a-f]+\]", r"[\1 (root-commit) COMMIT]", output,
                    flags=re.M)
    return re.sub(r"^( \d+ files? changed), \d+ insertions?\(\+\)$", r"\1", output, flags=re.M)


def unroff(line):
    for code, text in ROFF:
        line = line.replace(code, text)
    return re.sub(r"\\f[BIRP]", "", line)


def man_examples(path):
    """The page's EXAMPLES as (command, shown output lines) in order."""
    lines = open(path, encoding="utf-8").read().splitlines()
    inside = in_block = False
    examples = []
    prompts = None
    for line in lines:
        if line.startswith(".SH"):
            inside = line.strip() == ".SH EXAMPLES"
            continue
        if not inside:
            continue
        if line.startswith(".nf"):
            in_block = True
            continue
        if line.startswith(".fi"):
            in_block = False
            continue
        if not in_block or line.startswith(".") or line.startswith("\\\""):
            continue
        text = unroff(line)
        if prompts is None:
            prompts = text.startswith("$ ")
        continued = examples and examples[-1][0].endswith("\\")
        if continued:
            examples[-1][0] += "\n" + text
        elif prompts and text.startswith("$ "):
            examples.append([text[2:], []])
        elif not prompts and text.strip():
            examples.append([text, []])
        elif examples and prompts:
            examples[-1][1].append(text)
    return [(command, shown) for command, shown in examples]


def readme_walkthrough(path):
    text = open(path, encoding="utf-8").read()
    section = text.split("## A first case folder", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    commands, current, heredoc = [], "", None
    for line in block.splitlines():
        current += line
        # A here-document (`<<'EOF'` ... `EOF`) is one command with its text.
        if heredoc is None:
            opened = re.search(r"<<'(\w+)'", line)
            heredoc = opened.group(1) if opened else None
            if heredoc:
                current += "\n"
                continue
        elif line != heredoc:
            current += "\n"
            continue
        else:
            heredoc = None
        if current.endswith("\\"):
            current += "\n"
            continue
        if current.strip():
            commands.append((current, []))
        current = ""
    return commands


def fenced_blocks(text, info=""):
    """The lines of each fenced block whose opening fence has this info
    string (a plain ``` by default), fences paired in order."""
    blocks, current, opened_with = [], None, None
    for line in text.splitlines():
        if line.startswith("```"):
            if current is None:
                current, opened_with = [], line[3:].strip()
            else:
                if opened_with == info:
                    blocks.append(current)
                current = None
        elif current is not None:
            current.append(line)
    return blocks


def readme_examples(path):
    """The README's other examples: fenced blocks of `$ ` commands and what
    they print, run on the sample caseload."""
    examples = []
    for block in fenced_blocks(open(path, encoding="utf-8").read()):
        for line in block:
            if line.startswith("$ "):
                examples.append([line[2:], []])
            elif examples:
                examples[-1][1].append(line)
    return [(command, shown) for command, shown in examples]


def skip_reason(command):
    # `casekit edit CLIENT --phone ...` sets fields without an editor.
    if command.startswith("casekit edit ") and " --" in command and "--resume" not in command:
        return None
    for word, why in SKIPPED.items():
        if word in command:
            return why
    return None


def shell(command, cwd, env):
    """Runs one command; returns it done and the folder it ended in (`cd`)."""
    where = os.path.join(env["HOME"], "pwd")
    script = command + f'\n__status=$?; pwd > "{where}"; exit $__status'
    done = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True,
                          text=True)
    return done, open(where).read().strip()


def run(commands, page, folder, env):
    transcript, problems = [], []
    cwd = folder
    for command in PAGES.get(page, {}).get("prepare", []):
        done, _ = shell(command, cwd, env)
        if done.returncode != 0:
            problems.append(f"{page}: the setup `{command}` failed:\n{done.stdout}{done.stderr}")
    later = PAGES.get(page, {}).get("later")
    for command, shown in commands:
        if later and command.startswith(later[0]):
            env = dict(env, CASEKIT_TODAY=later[1])
        transcript.append("$ " + command)
        why = skip_reason(command)
        if why:
            transcript.append(f"(not run: {why})")
            continue
        done, cwd = shell(command, cwd, env)
        output = done.stdout + done.stderr
        transcript.extend(stable(output.replace(folder, "FOLDER")).rstrip("\n").splitlines())
        expected = next((status for (p, word), status in EXIT_STATUS.items()
                         if p == page and (command + "\n").startswith(word)), 0)
        if done.returncode != expected:
            transcript.append(f"(exit {done.returncode})")
            problems.append(f"{page}: `{command}` exited {done.returncode}, not {expected}:\n"
                            f"{output}")
        for line in shown:
            wanted = line.split("...")[0].rstrip()
            if wanted and wanted not in output:
                problems.append(f"{page}: `{command}` does not print what the page shows:\n"
                                f"  shown:   {line}\n  printed: {output}")
    return "\n".join(transcript) + "\n", problems


def main():
    casekit, repo = os.path.realpath(sys.argv[1]), os.path.realpath(sys.argv[2])
    work = tempfile.mkdtemp()
    try:
        bin_dir = os.path.join(work, "bin")
        os.mkdir(bin_dir)
        os.symlink(casekit, os.path.join(bin_dir, "casekit"))
        env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"],
                   CASEKIT_TODAY=TODAY, TZ="UTC", LC_ALL="C.UTF-8", HOME=work,
                   GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1",
                   GIT_AUTHOR_DATE="2026-11-23T12:00:00Z", GIT_COMMITTER_DATE="2026-11-23T12:00:00Z")
        # git as on a set-up machine: a name, and no hints that vary by version.
        with open(os.path.join(work, ".gitconfig"), "w") as config:
            config.write("[user]\n  name = Alicia Moreno\n  email = alicia@example.org\n"
                         "[init]\n  defaultBranch = main\n[advice]\n  detachedHead = false\n")
        env.pop("EDITOR", None)
        env.pop("VISUAL", None)
        readme = os.path.join(repo, "README.md")
        pages = [("README.md", readme_walkthrough(readme)),
                 ("README.md examples", readme_examples(readme))]
        man = os.path.join(repo, "man")
        for name in sorted(os.listdir(man)):
            if name.endswith(".1"):
                pages.append((name, man_examples(os.path.join(man, name))))
        # Pages that others continue run first, in PAGES' order.
        pages.sort(key=lambda p: list(PAGES).index(p[0]) if p[0] in PAGES else len(PAGES))
        problems = []
        golden_dir = os.path.join(repo, "tests", "docs", "golden")
        for page, commands in pages:
            if not commands:
                continue
            folder = os.path.join(work, page)
            start = PAGES.get(page, {}).get("start", "sample")
            if start == "empty":
                os.mkdir(folder)
            elif start.startswith("after "):
                shutil.copytree(os.path.join(work, start[6:]), folder, symlinks=True)
            else:
                shutil.copytree(os.path.join(repo, "examples", "caseload"), folder)
            page_env = dict(env, CASEKIT_TODAY=PAGES.get(page, {}).get("today", TODAY))
            transcript, found = run(commands, page, folder, page_env)
            problems += found
            golden = os.path.join(golden_dir, page + ".txt")
            if os.environ.get("UPDATE_GOLDEN"):
                os.makedirs(golden_dir, exist_ok=True)
                open(golden, "w", encoding="utf-8").write(transcript)
            elif not os.path.exists(golden) or open(golden, encoding="utf-8").read() != transcript:
                problems.append(f"{page}: the transcript differs from {golden} (run with "
                                "UPDATE_GOLDEN=1 and read the diff)")
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{sum(len(c) for _, c in pages)} documented commands on {len(pages)} pages")
        return 1 if problems else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
