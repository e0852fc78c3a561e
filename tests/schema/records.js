// What the schema tests share: the rules of `casekit check` a JSON Schema
// can say (the shape of a file), and where a case folder's records are.
"use strict";
const fs = require("fs");
const path = require("path");

// format/parse is the YAML reader's, not the shape's; format/duplicate-id
// is a check a JSON Schema cannot make (an id unique across list items).
const COMPARED_RULES = ["format/unknown-key", "format/missing-key", "format/type", "format/date",
                        "format/control-character"];

const CLIENT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function yamlIn(folder, relative) {
  const at = path.join(folder, relative);
  if (!fs.existsSync(at) || !fs.statSync(at).isDirectory()) return [];
  return fs.readdirSync(at).filter((n) => n.endsWith(".yaml") && !n.startsWith("."))
    .sort().map((n) => path.join(relative, n));
}

// The records check reads, by path in the folder, with the kind of each:
// the schema's name.
function recordFiles(folder) {
  return recordKinds(folder).map((r) => r.file);
}

function recordKinds(folder) {
  const out = [];
  const add = (file, kind) => fs.existsSync(path.join(folder, file)) && out.push({ file, kind });
  add("casekit.yaml", "casekit");
  const clients = path.join(folder, "clients");
  if (!fs.existsSync(clients)) return out;
  for (const id of fs.readdirSync(clients).sort()) {
    const at = path.join(clients, id);
    if (!CLIENT_ID.test(id) || fs.lstatSync(at).isSymbolicLink() || !fs.statSync(at).isDirectory()) continue;
    for (const kind of ["client", "plan", "disclosures"]) add(`clients/${id}/${kind}.yaml`, kind);
    for (const file of yamlIn(folder, `clients/${id}/notes`)) out.push({ file, kind: "note" });
    for (const file of yamlIn(folder, `clients/${id}/reviews`)) out.push({ file, kind: "review" });
  }
  return out;
}

module.exports = { COMPARED_RULES, recordFiles, recordKinds };
