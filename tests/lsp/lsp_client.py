"""A small Language Server Protocol client for the tests: starts
`casekit lsp`, writes framed JSON-RPC messages to its standard input and
reads its messages from standard output on a thread, so a test can wait
for a reply or a notification with a timeout (never a sleep)."""

import json
import os
import queue
import subprocess
import threading


class Client:
    def __init__(self, casekit, cwd, env=None):
        self.proc = subprocess.Popen(
            [casekit, "lsp", "--stdio"], cwd=cwd, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.kept = []  # messages read and not yet asked for
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.decode("ascii").rstrip("\r\n")
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def write_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.write_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        # Diagnostics read before a change are of an older text: a test
        # waits for the ones this change brings.
        if method.startswith("textDocument/did"):
            self.kept = [m for m in self.kept
                         if m.get("method") != "textDocument/publishDiagnostics"]
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=30):
        self.next_id += 1
        ident = self.next_id
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == ident and "method" not in m, timeout)

    def wait(self, wanted, timeout=30):
        """The first message (kept or new) for which wanted() is true."""
        for i, m in enumerate(self.kept):
            if wanted(m):
                return self.kept.pop(i)
        while True:
            m = self.messages.get(timeout=timeout)
            if m is None:
                raise AssertionError("the server closed its output")
            if wanted(m):
                return m
            self.kept.append(m)

    def diagnostics(self, uri, timeout=30):
        m = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                      and m["params"]["uri"] == uri, timeout)
        return m["params"]["diagnostics"]

    def close(self, timeout=30):
        self.proc.stdin.close()
        status = self.proc.wait(timeout=timeout)
        err = self.proc.stderr.read().decode()
        return status, err


def uri(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))
