#!/usr/bin/env bash
# The dependency test must fail when a rule breaks: on a copy of the tree,
# plant an upward include, a forbidden include, a cycle and a source
# outside the families, one at a time,
# and expect layers.py to name each.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fresh() { rm -rf "$work/tree" && mkdir "$work/tree" && cp -r "$repo/src" "$repo/ARCHITECTURE.md" "$work/tree/"; }
plant() { printf '%s\n' "$2" >>"$work/tree/$1"; }
expect_failure() {  # WORDS: layers.py fails on the tree, saying WORDS
  if out=$(python3 "$here/layers.py" "$work/tree"); then
    echo "layers.py passed a tree that breaks a rule ($1)"; exit 1
  fi
  grep -qF "$1" <<<"$out" || { echo "expected '$1' in:"; echo "$out"; exit 1; }
}
python3 "$here/layers.py" "$repo" >/dev/null
fresh; plant src/base/date.cpp '#include "record/case_folder.hpp"'; expect_failure 'base may not use record'
fresh; plant src/yaml/yaml_tree.cpp '#include <CLI/CLI.hpp>'; expect_failure 'must not include CLI/'
fresh; plant src/record/model_read.cpp '#include "edit/client_edit.hpp"'; expect_failure 'must not include edit/'
fresh; plant src/base/date.hpp '#include "base/printable.hpp"'
plant src/base/printable.hpp '#include "base/date.hpp"'; expect_failure 'a cycle of includes'
fresh; mkdir "$work/tree/src/newmodule"; plant src/newmodule/x.cpp ''; expect_failure 'is not in ARCHITECTURE.md'
fresh; plant src/base/orphan.cpp ''; expect_failure 'no orphan.hpp beside it'
fresh; sed -i '/#include "check\/rule_groups.hpp"/d' "$work/tree/src/check/rules_note.cpp"
expect_failure 'a member of the check/rule_groups.hpp family, but does not include it'
fresh; sed -i 's|`src/views/due_render.cpp`|`src/views/due_gone.cpp`|' "$work/tree/ARCHITECTURE.md"
expect_failure 'names the family views/due.hpp, and no source is in it'
echo "layers.py catches upward, forbidden and circular includes, unknown modules, and sources outside their family"
