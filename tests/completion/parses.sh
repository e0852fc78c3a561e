#!/usr/bin/env bash
# Checks that a generated completion script parses in its shell (zsh -n,
# fish -n); exit 77 (skipped) when the shell is not installed.
# Usage: parses.sh SHELL SCRIPT
set -u
command -v "$1" >/dev/null || { echo "$1 is not installed"; exit 77; }
[ -s "$2" ] || { echo "$2 is missing or empty"; exit 1; }
"$1" -n "$2"
