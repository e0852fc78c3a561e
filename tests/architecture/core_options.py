#!/usr/bin/env python3
"""The core names fields, not options (ARCHITECTURE.md, "Options belong to
the command line").

Reads every string literal of the sources under src/ but src/cli/ and
fails on one that names a command-line option (--date), unless the table
of that section lists that option for that file: a how-to-fix hint that shows a whole command to type, or an argument
handed to git. A refusal of an input names its field with input_field()
instead, and the command line names the field by its option. A row that
no longer happens fails too, so the list only shrinks.

With a casekit binary as second argument, it also asks `casekit COMMAND
--help` for each row's options, so that a renamed option cannot leave a
stale hint behind.

Usage: core_options.py ROOT [CASEKIT]
"""
import os, re, subprocess, sys
import architecture_doc

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')
casekit = sys.argv[2] if len(sys.argv) > 2 else None
doc = architecture_doc.read_doc(root)
OPTION = re.compile(r'(?<![\w-])--[a-z][a-z-]*')


def table(heading):
    """The rows of the first table after `heading` in ARCHITECTURE.md."""
    return architecture_doc.table(doc, heading)


def literals(text):
    """(line, text) of each string literal of C++ source, comments left out."""
    out, i, line = [], 0, 1
    while i < len(text):
        c = text[i]
        if text.startswith('//', i):
            i = text.find('\n', i)
            i = len(text) if i < 0 else i
            continue
        if text.startswith('/*', i):
            end = text.find('*/', i) + 2
            line += text.count('\n', i, end)
            i = end
            continue
        raw = re.match(r'R"([^(\s]*)\(', text[i:])
        if raw and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == '_')):
            end = text.find(')' + raw.group(1) + '"', i)
            out.append((line, text[i + raw.end():end]))
            line += text.count('\n', i, end)
            i = end + len(raw.group(1)) + 2
            continue
        if c in '"\'':
            j = i + 1
            while text[j] != c:
                j += 2 if text[j] == '\\' else 1
            if c == '"':
                out.append((line, text[i + 1:j]))
            i = j + 1
            continue
        if c == '\n':
            line += 1
        i += 1
    return out


allowed = {}  # (file, option) -> the command whose option it is
for row in table('## Options belong to the command line'):
    for option in row[2].split():
        allowed[(row[0], option)] = row[1]

problems, seen = [], set()
for folder, _, names in sorted(os.walk(os.path.join(root, 'src'))):
    for name in sorted(names):
        path = os.path.join(folder, name)
        rel = os.path.relpath(path, root)
        if not name.endswith(('.cpp', '.hpp')) or rel.startswith('src/cli/'):
            continue
        for line, text in literals(open(path, encoding='utf-8').read()):
            for option in OPTION.findall(text):
                if (rel, option) in allowed:
                    seen.add((rel, option))
                    continue
                problems.append(f'{rel}:{line}: names the option {option} in "{text}": the core '
                                'names the field (input_field("...")), and the command line '
                                'names it by its option; a hint that shows a whole command '
                                'goes in the table of ARCHITECTURE.md\'s "Options belong to the command line"')
for (rel, option), command in sorted(allowed.items()):
    if (rel, option) not in seen:
        problems.append(f'ARCHITECTURE.md lets {rel} name {option}, and it no longer does: '
                        'remove it from the table')


def help_text(command):
    words = command.split() if command != 'casekit' else []  # casekit's global options
    # The client comes before a plan verb: casekit plan CLIENT VERB.
    if len(words) > 1 and words[0] == 'plan':
        words = ['plan', 'CLIENT'] + words[1:]
    run = subprocess.run([casekit] + words + ['--help'], capture_output=True, text=True)
    return run.stdout + run.stderr


if casekit:
    helps = {}
    for (rel, option), command in sorted(allowed.items()):
        if command == 'git':
            continue  # git's own options
        text = helps.setdefault(command, help_text(command))
        if not re.search(r'(?<![\w-])' + re.escape(option) + r'(?![\w-])', text):
            problems.append(f'{rel} names {option} of `casekit {command}`, which has no such '
                            'option: change the hint, or the row of ARCHITECTURE.md')

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
