"""Times `casekit lsp` re-checking one client after an edit, on a large
case folder, against a cold `casekit check CLIENT` of the same client.
An edit is a didChange of one of the client's notes followed at once by
a hover request: a request makes the server check the waiting edit first
(no debounce wait), so the time to the hover's reply is the re-check, the
diagnostics sent, and the hover. Prints the median and the 99th
percentile of each. Usage: lsp_bench.py CASEKIT FOLDER [RUNS]"""

import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../lsp"))
from lsp_client import Client, uri  # noqa: E402

casekit, folder = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 200
env = dict(os.environ, CASEKIT_TODAY="2026-11-23", TZ="UTC")
clients = sorted(os.listdir(os.path.join(folder, "clients")))
client = clients[len(clients) // 2]
notes_dir = os.path.join(folder, "clients", client, "notes")
note = os.path.join(notes_dir, sorted(os.listdir(notes_dir))[-1])
text = open(note).read()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def report(name, seconds):
    ms = [s * 1000 for s in seconds]
    print(f"{name:34} median {statistics.median(ms):8.1f} ms   p99 {percentile(ms, 99):8.1f} ms"
          f"   ({len(ms)} runs)")


cold = []
for _ in range(max(5, runs // 20)):
    start = time.perf_counter()
    subprocess.run([casekit, "-C", folder, "check", client], env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cold.append(time.perf_counter() - start)

server = Client(casekit, folder, env)
server.request("initialize", {"capabilities": {}})
server.notify("initialized", {})
start = time.perf_counter()
server.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(note), "languageId": "yaml", "version": 1, "text": text}})
server.diagnostics(uri(note), timeout=120)
first = time.perf_counter() - start

edits = []
for n in range(runs):
    changed = text + f"# edit {n}\n" if n % 2 else text.replace("\n", "\n\n", 1)
    start = time.perf_counter()
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri(note), "version": n + 2}, "contentChanges": [{"text": changed}]})
    server.request("textDocument/hover", {
        "textDocument": {"uri": uri(note)}, "position": {"line": 0, "character": 0}})
    edits.append(time.perf_counter() - start)
    server.kept.clear()
server.request("shutdown", None)
server.notify("exit", None)
server.close()

print(f"{len(clients)} clients; {client}, {os.path.basename(note)}")
report("cold `casekit check CLIENT`", cold)
report("lsp: first open (loads dictionary)", [first])
report("lsp: re-check after an edit", edits)
