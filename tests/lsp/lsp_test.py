"""Drives `casekit lsp` over standard input and output as an editor does:
initialize, didOpen of a note with a finding, a didChange that fixes it
(the finding goes away) and one that breaks the YAML (a parse finding),
code actions, hover, a file outside the case folder, shutdown and exit.
Usage: lsp_test.py CASEKIT REPO"""

import atexit
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, uri  # noqa: E402

casekit, repo = os.path.abspath(sys.argv[1]), sys.argv[2]
work = tempfile.mkdtemp(prefix="casekit-lsp-")
# Removed however the test ends, an exception included.
atexit.register(shutil.rmtree, work, True)
folder = os.path.join(work, "caseload")
shutil.copytree(os.path.join(repo, "examples/caseload"), folder)
note_path = os.path.join(folder, "clients/marcus-jones/notes/2026-11-20-1430-in-person.yaml")
on_disk = open(note_path).read()
env = dict(os.environ, CASEKIT_TODAY="2026-11-21", TZ="UTC", LC_ALL="C.UTF-8")
failures = []


def check(what, ok):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def codes(diagnostics):
    return sorted(d["code"] for d in diagnostics)


def change_note(text, version):
    """The note's text changed to `text`: the findings that brings."""
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": note_uri, "version": version}, "contentChanges": [{"text": text}]})
    return client.diagnostics(note_uri)


def actions_for(diagnostics):
    return client.request("textDocument/codeAction", {
        "textDocument": {"uri": note_uri}, "range": diagnostics[0]["range"],
        "context": {"diagnostics": diagnostics}})["result"]


client = Client(casekit, work, env)
reply = client.request("initialize", {
    "processId": os.getpid(), "rootUri": uri(folder),
    "capabilities": {"textDocument": {"publishDiagnostics": {"relatedInformation": True}}}})
caps = reply["result"]["capabilities"]
check("initialize: full sync, hover, completion and quick fixes",
      caps["textDocumentSync"]["change"] == 1 and caps["hoverProvider"]
      and "completionProvider" in caps
      and caps["codeActionProvider"]["codeActionKinds"] == ["quickfix"])
check("initialize: the server names itself", reply["result"]["serverInfo"]["name"] == "casekit")
client.notify("initialized", {})

# The note as a worker types it: a labelling phrase, not saved yet.
note_uri = uri(note_path)
labelled = on_disk.replace("  - Submitted six job applications.",
                           "  - Tested clean at the clinic on 2026-11-18.")
assert labelled != on_disk
line = labelled.split("\n").index("  - Tested clean at the clinic on 2026-11-18.")
client.notify("textDocument/didOpen", {"textDocument": {
    "uri": note_uri, "languageId": "yaml", "version": 1, "text": labelled}})
found = client.diagnostics(note_uri)
label = [d for d in found if d["code"] == "language/label"]
check("didOpen: the unsaved text's labelling phrase is a finding", len(label) == 1)
d = label[0]
check("the range covers the phrase",
      d["range"] == {"start": {"line": line, "character": 4},
                     "end": {"line": line, "character": 16}})
check("severity is the rule's (warning)", d["severity"] == 2)
check("codeDescription points at the rule's explanation",
      d["codeDescription"]["href"] == "man:casekit-check(1)#language/label")
check("the hint is related information at the finding",
      d["relatedInformation"][0]["message"].startswith("instead: tested negative")
      and d["relatedInformation"][0]["location"]["uri"] == note_uri)
check("the file on disk is unchanged", open(note_path).read() == on_disk)

# Quick fixes for the finding.
actions = actions_for([d])
titles = [a["title"] for a in actions]
check("code actions: the replacement from words.yaml", "Write 'Tested negative' instead" in titles)
check("code actions: a suppression on the line",
      "Suppress language/label on this line" in titles)
reword = next(a for a in actions if a["title"] == "Write 'Tested negative' instead")
edit = reword["edit"]["changes"][note_uri][0]
check("the replacement's edit is the phrase's range", edit["range"] == d["range"]
      and edit["newText"] == "Tested negative")
suppress = next(a for a in actions if a["title"] == "Suppress language/label on this line")
sedit = suppress["edit"]["changes"][note_uri][0]
check("the suppression goes at the end of the line",
      sedit["newText"] == "  # casekit: disable=language/label"
      and sedit["range"]["start"]["line"] == line)

# Hover on the finding shows --explain's text.
hover = client.request("textDocument/hover", {
    "textDocument": {"uri": note_uri}, "position": {"line": line, "character": 6}})["result"]
check("hover shows the rule's explanation",
      hover is not None and "language/label" in hover["contents"]["value"]
      and "Avoid blaming" in hover["contents"]["value"])

# Completion of values casekit knows, where the record expects them.
lines = labelled.split("\n")


def completion(text_line, character):
    reply = client.request("textDocument/completion", {
        "textDocument": {"uri": note_uri}, "position": {"line": text_line,
                                                        "character": character}})
    return [i["label"] for i in reply["result"]]


check("completion: a note's service: offers the plan's services",
      completion(lines.index("service: S5"), 9) == ["S1", "S2", "S3", "S4", "S5"])
check("completion: a list item under goals: offers the goals",
      completion(lines.index("  - G2"), 4) == ["G1", "G2", "G3"])
check("completion: needs: offers the needs",
      completion(lines.index("  - N1"), 4) == ["N1", "N2", "N3", "N4", "N5"])
check("completion: author: offers the folder's case managers",
      "Alicia Moreno" in completion(lines.index("author: Alicia Moreno"), 8))
check("completion: other keys offer nothing",
      completion(lines.index("contact: in-person"), 9) == [])

# A change that fixes it: the finding goes away.
fixed = labelled.replace("Tested clean", "Tested negative")
found = change_note(fixed, 2)
check("didChange that fixes it: no language/label", "language/label" not in codes(found))

# Hover on a rule id written in a suppression comment explains that rule.
commented = fixed + "# casekit: disable-file=language/slang\n"
found = change_note(commented, 2)
last = len(commented.split("\n")) - 2
hover = client.request("textDocument/hover", {
    "textDocument": {"uri": note_uri}, "position": {"line": last, "character": 30}})["result"]
check("hover on a rule id in a comment explains it",
      hover is not None and "language/slang" in hover["contents"]["value"])
check("an unused suppression is a finding", "check/unused-suppression" in codes(found))

# A change that breaks the YAML: a parse finding, and the server goes on.
broken = fixed.replace("goals:\n  - G1", "goals: [G1\n  - G1")
found = change_note(broken, 3)
check("didChange that breaks the YAML: a format/parse finding", "format/parse" in codes(found))

# Half-typed text, change after change: never a crash.
for n in range(0, len(fixed), 97):
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": note_uri, "version": 4 + n},
        "contentChanges": [{"text": fixed[:n]}]})
client.notify("textDocument/didChange", {
    "textDocument": {"uri": note_uri, "version": 99999}, "contentChanges": [{"text": fixed}]})
reply = client.request("textDocument/hover", {
    "textDocument": {"uri": note_uri}, "position": {"line": 0, "character": 0}})
check("after a run of half-typed texts the server still answers", "result" in reply)

# A note without its data: section: a quick fix adds it from the template.
no_data = fixed.split("data: >-")[0] + "# What each goal's measure" + \
    fixed.split("# What each goal's measure")[1]
found = change_note(no_data, 100000)
missing = [d for d in found if d["code"] == "note/data"]
check("a note without data: has note/data", len(missing) == 1)
if missing:
    actions = actions_for(missing)
    section = [a for a in actions if a["title"] == "Add the note's data section"]
    check("code actions: the missing section", len(section) == 1
          and section[0]["edit"]["changes"][note_uri][0]["newText"].endswith("data: |\n"))

# A misspelt word: its suggestion, and adding it to the folder's dictionary.
if os.path.exists("/usr/share/hunspell/en_US.dic") or os.environ.get("CASEKIT_DICTIONARY"):
    typo = fixed.replace("Completed two mock interviews", "Completed two mock intervews")
    found = change_note(typo, 100001)
    spelling = [d for d in found if d["code"] == "language/spelling"]
    check("a misspelt word is a finding", len(spelling) == 1)
    if spelling:
        actions = actions_for(spelling)
        titles = [a["title"] for a in actions]
        check("code actions: the suggestion", "Write 'interviews' instead" in titles)
        add = [a for a in actions if a["title"].startswith("Add 'intervews' to the case folder")]
        settings_uri = uri(os.path.join(folder, "casekit.yaml"))
        check("code actions: add the word to casekit.yaml's dictionary", len(add) == 1
              and "  - intervews\n" in add[0]["edit"]["changes"][settings_uri][0]["newText"])
else:
    print("skip spelling: no en_US dictionary")

# Saving the file and closing it: disk text counts again.
client.notify("textDocument/didClose", {"textDocument": {"uri": note_uri}})
found = client.diagnostics(note_uri)
check("didClose: the findings come from the file on disk again",
      "format/parse" not in codes(found) and "note/data" not in codes(found))

# A new note, never saved: its findings come from the buffer alone.
new_path = os.path.join(folder, "clients/marcus-jones/notes/2026-11-21-0900-phone.yaml")
new_text = ("date: 2026-11-21\ntime: \"09:00\"\ncontact: phone\nauthor: Alicia Moreno\n"
            "goals: [G1]\nobjective: Called Marcus; he tested clean on 2026-11-18.\n")
client.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(new_path), "languageId": "yaml", "version": 1, "text": new_text}})
found = client.diagnostics(uri(new_path))
check("a new unsaved note: its labelling phrase is a finding", "language/label" in codes(found))
check("a new unsaved note: nothing is written", not os.path.exists(new_path))
client.notify("textDocument/didClose", {"textDocument": {"uri": uri(new_path)}})

# casekit.yaml is checked too, from its unsaved text; fixed, its findings go.
settings_path = os.path.join(folder, "casekit.yaml")
settings_text = open(settings_path).read()
bad_settings = settings_text.replace("note_deadline_days: 2", "note_deadline_days: many")
assert bad_settings != settings_text
client.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(settings_path), "languageId": "yaml", "version": 1, "text": bad_settings}})
found = client.diagnostics(uri(settings_path))
check("casekit.yaml: a wrong value is a format finding",
      any(d["code"].startswith("format/") and d["severity"] == 1 for d in found))
client.notify("textDocument/didChange", {
    "textDocument": {"uri": uri(settings_path), "version": 2},
    "contentChanges": [{"text": settings_text}]})
found = client.diagnostics(uri(settings_path))
check("casekit.yaml: fixed, no error left", not [d for d in found if d["severity"] == 1])
client.notify("textDocument/didClose", {"textDocument": {"uri": uri(settings_path)}})

# A file outside any case folder: no diagnostics, no error.
outside = os.path.join(work, "elsewhere.yaml")
open(outside, "w").write("a: [\n")
client.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri(outside), "languageId": "yaml", "version": 1, "text": "a: [\n"}})
reply = client.request("textDocument/hover", {
    "textDocument": {"uri": uri(outside)}, "position": {"line": 0, "character": 0}})
check("outside a case folder: no error", "error" not in reply)
published = [m for m in client.kept if m.get("method") == "textDocument/publishDiagnostics"
             and m["params"]["uri"] == uri(outside)]
check("outside a case folder: nothing published", not published)
errors = [m for m in client.kept if m.get("method") == "window/logMessage"]
check("no error was logged", not errors)

# A message split across writes reads the same.
body = b'{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":' \
    b'{"textDocument":{"uri":"file:///nowhere.yaml"},"position":{"line":0,"character":0}}}'
framed = b"Content-Length: %d\r\n\r\n" % len(body) + body
client.write_raw(framed[:10])
client.write_raw(framed[10:40])
client.write_raw(framed[40:])
reply = client.wait(lambda m: m.get("id") == 77)
check("a message split across writes is read whole", reply.get("result", "x") is None)

# An unknown request is refused; shutdown then exit ends with status 0.
reply = client.request("textDocument/unheardOf", {})
check("an unknown request: MethodNotFound", reply["error"]["code"] == -32601)
reply = client.request("shutdown", None)
check("shutdown answers null", "result" in reply and reply["result"] is None)
client.notify("exit", None)
status, err = client.close()
check("exit after shutdown: status 0", status == 0)
check("nothing on standard error", err == "")
check("the note on disk is unchanged", open(note_path).read() == on_disk)

# Exit without shutdown: status 1, as the protocol says.
client = Client(casekit, work, env)
client.request("initialize", {"capabilities": {}})
client.notify("exit", None)
status, _ = client.close()
check("exit without shutdown: status 1", status == 1)

# A body that is not JSON: a ParseError reply, and the server goes on.
client = Client(casekit, work, env)
client.write_raw(b"Content-Length: 9\r\n\r\n{not json")
reply = client.wait(lambda m: "error" in m)
check("a body that is not JSON: ParseError", reply["error"]["code"] == -32700
      and reply["id"] is None)
reply = client.request("initialize", {"capabilities": {}})
check("the server goes on after it", "result" in reply)
# A header that cannot be read: the stream cannot go on; status 1 and why.
client.write_raw(b"Content-Length: twelve\r\n\r\n{}")
status, err = client.close()
check("a broken header: status 1", status == 1)
check("a broken header: the reason on standard error",
      err == "casekit: error: a message header's Content-Length is not a number\n")
check("the note on disk is still unchanged", open(note_path).read() == on_disk)

if failures:
    print(f"{len(failures)} failed")
    sys.exit(1)
