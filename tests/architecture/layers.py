#!/usr/bin/env python3
"""The dependency rules of ARCHITECTURE.md, enforced on every #include.

Reads the three tables of ARCHITECTURE.md (modules and what each may use,
rules that must never break, known exceptions) and the includes of every
file under src/. Fails on an include of a module a file's module may not
use, on an include a rule forbids, on a cycle between files, on a module
folder the table does not name, on an exception that no longer happens
(so the list only shrinks), and on a source with neither its own header
nor a family (ARCHITECTURE.md's families table).
"""
import fnmatch, os, re, sys
import architecture_doc

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')
doc = architecture_doc.read_doc(root)


def table(heading):
    """The rows of the first table after `heading` in ARCHITECTURE.md."""
    return architecture_doc.table(doc, heading)


may_use = {row[0]: set(row[2].split()) for row in table('## Modules, from the bottom up')}
forbidden = [(row[0], row[1]) for row in table('## Rules that must never break')]
allowed = {(row[0], row[1]) for row in table('## Known exceptions, being removed')}

includes = {}  # src-relative file -> [(line number, include text)]
src = os.path.join(root, 'src')
for folder, _, names in os.walk(src):
    for name in names:
        if name.endswith(('.cpp', '.hpp')):
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            found = []
            for n, line in enumerate(open(path, encoding='utf-8'), 1):
                m = re.match(r'\s*#\s*include\s*[<"]([^">]+)[">]', line)
                if m:
                    found.append((n, m.group(1)))
            includes[rel] = found

problems = []
used_exceptions = set()


def matches(path, pattern):
    if ' but ' in pattern:
        yes, no = pattern.split(' but ')
        return fnmatch.fnmatch(path, yes.strip()) and not fnmatch.fnmatch(path, no.strip())
    return fnmatch.fnmatch(path, pattern)


for path, found in sorted(includes.items()):
    module = path.split('/')[1]
    if module not in may_use and module != 'data':
        problems.append(f'{path}: module "{module}" is not in ARCHITECTURE.md\'s table')
        continue
    for line, inc in found:
        where = f'{path}:{line}: includes "{inc}"'
        if (path, inc) in allowed:
            used_exceptions.add((path, inc))
            continue
        for pattern, prefix in forbidden:
            if matches(path, pattern) and inc.startswith(prefix):
                problems.append(f'{where}, which the rule "{pattern} must not include {prefix}" forbids')
        target = inc.split('/')[0]
        if '/' in inc and target in may_use and target != module and target not in may_use[module]:
            problems.append(f'{where}: {module} may not use {target} (ARCHITECTURE.md)')

for path, inc in sorted(allowed - used_exceptions):
    problems.append(f'ARCHITECTURE.md lists the exception "{path} includes {inc}", which no longer '
                    'happens: remove its row')

# Cycles between files: a header that, through its includes, includes itself,
# or two .cpp files whose headers include each other.
graph = {}
for path, found in includes.items():
    targets = []
    for _, inc in found:
        candidate = os.path.join('src', inc)
        if candidate in includes:
            targets.append(candidate)
    # a .cpp and its header are one unit
    unit = path[:-4] + '.hpp' if path.endswith('.cpp') else path
    graph.setdefault(unit, set()).update(t for t in targets if t != unit)

state = {}


def visit(node, stack):
    state[node] = 'open'
    stack.append(node)
    for nxt in sorted(graph.get(node, ())):
        if state.get(nxt) == 'open':
            cycle = stack[stack.index(nxt):] + [nxt]
            problems.append('a cycle of includes: ' + ' -> '.join(cycle))
        elif nxt not in state:
            visit(nxt, stack)
    stack.pop()
    state[node] = 'done'


for node in sorted(graph):
    if node not in state:
        visit(node, [])

# Families: a source without its own header belongs to exactly one family,
# and includes the family's header.
families = [(row[0], row[1].split()) for row in table('## Families: one header, several sources')]
family_used = set()
for path in sorted(includes):
    if not path.endswith('.cpp') or path[:-4] + '.hpp' in includes:
        continue
    homes = [(h, pats) for h, pats in families if any(fnmatch.fnmatch(path, p) for p in pats)]
    if len(homes) != 1:
        problems.append(f'{path}: no {path.split("/")[-1][:-4]}.hpp beside it, and '
                        f'{len(homes)} rows of ARCHITECTURE.md\'s families name it (one must)')
        continue
    header = homes[0][0]
    family_used.add(header)
    if header not in (inc for _, inc in includes[path]):
        problems.append(f'{path}: a member of the {header} family, but does not include it')
for header, _ in families:
    if header not in family_used:
        problems.append(f'ARCHITECTURE.md names the family {header}, and no source is in it')

for p in problems:
    print(p)
print(f'{len(includes)} files, {sum(len(f) for f in includes.values())} includes, '
      f'{len(problems)} problems')
sys.exit(1 if problems else 0)
