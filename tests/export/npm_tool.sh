# Sourced by the export tests that validate with a package from npm.
# npm_tool NAME PACKAGE@VERSION: installs the package once into
# ~/.cache/casekit/NAME (or $XDG_CACHE_HOME) and sets $tools to that folder;
# exits 77, CTest's "skipped", when npm or the registry cannot be had.
npm_tool() {
  tools=${XDG_CACHE_HOME:-$HOME/.cache}/casekit/$1
  local package=${2%@*}
  command -v npm >/dev/null || { echo "skipped: npm is not installed"; exit 77; }
  if [ ! -d "$tools/node_modules/$package" ]; then
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error "$2" >&2 ||
      { echo "skipped: npm could not install $2"; exit 77; }
  fi
}
