#!/usr/bin/env python3
"""REQUIREMENTS.md against `casekit check --list-rules`.

Fails when the requirement list names a rule casekit does not have, when a
desk-guide rule serves no requirement, when a row is malformed, or when the
count at the top of the file is not the table's. Prints the count.

usage: requirements.py CASEKIT REQUIREMENTS.md
"""
import re
import subprocess
import sys

STATUSES = {"faithful", "partial", "unchecked", "judgement"}
RULE = re.compile(r"^[a-z]+/[a-z-]+$")


def listed_rules(casekit):
    out = subprocess.run([casekit, "check", "--list-rules"], check=True,
                         capture_output=True, text=True).stdout
    return {line.split()[0] for line in out.splitlines() if line.strip()}


def rows(text, problems):
    table = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("| R"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6:
            problems.append(f"line {number}: {len(cells)} cells, not 6")
            continue
        rid, seed, requirement, rules, status, _note = cells
        if status not in STATUSES:
            problems.append(f"line {number}: {rid}: status '{status}' is not one of {sorted(STATUSES)}")
        named = rules.split()
        for rule in named:
            if not RULE.match(rule):
                problems.append(f"line {number}: {rid}: '{rule}' is not a rule id")
        if status in ("faithful", "partial") and not named:
            problems.append(f"line {number}: {rid}: {status} but names no rule")
        if status in ("unchecked", "judgement") and named:
            problems.append(f"line {number}: {rid}: {status} but names {rules}")
        if not re.match(r"^00[0-4]$", seed) or not requirement:
            problems.append(f"line {number}: {rid}: no seed (000-004) or no requirement")
        table.append((rid, status, named, number))
    return table


def count_line(table):
    by = {s: sum(1 for r in table if r[1] == s) for s in STATUSES}
    representable = by["faithful"] + by["partial"] + by["unchecked"]
    percent = round(100 * by["faithful"] / representable) if representable else 0
    return (f"**Faithful: {by['faithful']} of {representable} representable requirements "
            f"({percent}%); {by['partial']} partial, {by['unchecked']} unchecked; "
            f"{by['judgement']} judgement.**")


def main():
    casekit, path = sys.argv[1], sys.argv[2]
    text = open(path, encoding="utf-8").read()
    problems = []
    table = rows(text, problems)
    ids = [r[0] for r in table]
    for rid in {i for i in ids if ids.count(i) > 1}:
        problems.append(f"{rid} appears twice")
    known = listed_rules(casekit)
    for rid, _status, named, number in table:
        for rule in named:
            if rule not in known:
                problems.append(f"line {number}: {rid}: no rule {rule} in --list-rules")
    served = {rule for r in table for rule in r[2]}
    for rule in sorted(known):
        if not rule.startswith(("format/", "check/")) and rule not in served:
            problems.append(f"rule {rule} serves no requirement in {path}")
    expected = count_line(table)
    written = re.search(r"<!-- count -->\n(.*)\n<!-- /count -->", text)
    if not written or written.group(1) != expected:
        problems.append(f"the count should read:\n{expected}")
    for p in problems:
        print(p)
    print(expected)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
