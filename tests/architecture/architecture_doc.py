"""ARCHITECTURE.md's tables, as the architecture tests read them."""
import os


def read_doc(root):
    return open(os.path.join(root, 'ARCHITECTURE.md'), encoding='utf-8').read()


def table(doc, heading):
    """The rows of the first table after `heading`, as lists of cells."""
    part = doc.split(heading, 1)[1]
    rows = []
    for line in part.splitlines()[1:]:
        if line.startswith('## '):
            break
        if line.startswith('|') and not line.startswith('| ---'):
            rows.append([c.replace('`', '').strip() for c in line.strip().strip('|').split('|')])
    return rows[1:]  # without the header row
