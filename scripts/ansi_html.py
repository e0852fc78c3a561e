"""A terminal screen as tmux's `capture-pane -e -p` prints it (text with
SGR colour escapes) to an HTML page in a monospace font, for
scripts/screenshot-lsp to photograph with headless Chromium."""

import html
import re
import sys

BASIC = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
         "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"]


def color256(n):
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    g = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (g, g, g)


def apply(codes, state):
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.clear()
        elif c == 1:
            state["bold"] = True
        elif c == 4:
            state["underline"] = True
        elif c == 7:
            state["reverse"] = True
        elif 30 <= c <= 37 or 90 <= c <= 97:
            state["fg"] = BASIC[c - 30 if c < 90 else c - 82]
        elif 40 <= c <= 47 or 100 <= c <= 107:
            state["bg"] = BASIC[c - 40 if c < 100 else c - 92]
        elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
            state["fg" if c == 38 else "bg"] = color256(codes[i + 2])
            i += 2
        elif c in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
            state["fg" if c == 38 else "bg"] = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5])
            i += 4
        elif c == 39:
            state.pop("fg", None)
        elif c == 49:
            state.pop("bg", None)
        i += 1


def style(state):
    fg, bg = state.get("fg", "#e5e5e5"), state.get("bg", "#1e1e1e")
    if state.get("reverse"):
        fg, bg = bg, fg
    out = f"color:{fg};background:{bg};"
    if state.get("bold"):
        out += "font-weight:bold;"
    if state.get("underline"):
        out += "text-decoration:underline;"
    return out


def main():
    state = {}
    body = []
    for line in sys.stdin.read().split("\n"):
        parts = re.split(r"\x1b\[([0-9;]*)m", line)
        row = []
        for n, part in enumerate(parts):
            if n % 2:
                apply([int(x) if x else 0 for x in part.split(";")], state)
            elif part:
                row.append(f'<span style="{style(state)}">{html.escape(part)}</span>')
        body.append("".join(row))
    print('<!doctype html><meta charset="utf-8"><body style="margin:0;background:#1e1e1e">'
          '<pre style="margin:8px;font:15px/1.25 DejaVu Sans Mono,monospace;color:#e5e5e5">'
          + "\n".join(body) + "</pre>")


main()
