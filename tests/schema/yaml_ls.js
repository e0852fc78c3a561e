// Drives the real yaml-language-server (npm) over stdio on a case folder
// where `casekit schema --install` ran, with the yaml.schemas mapping it
// wrote to .vscode/settings.json: the editor's view of the records.
// Usage: node yaml_ls.js TOOLS FOLDER CHECK_JSON
//   TOOLS       the npm folder holding yaml-language-server
//   FOLDER      the case folder
//   CHECK_JSON  `casekit check --format json` of the folder, for which
//               records check finds format errors in
"use strict";
const fs = require("fs");
const path = require("path");
const { pathToFileURL } = require("url");
const { LspClient } = require("./lsp_client.js");
const { COMPARED_RULES, recordFiles } = require("./records.js");

const [tools, folder, checkJson] = process.argv.slice(2);
const failures = [];
const fail = (what) => failures.push(what);
const uriOf = (relative) => pathToFileURL(path.join(folder, relative)).href;

// The records check finds a compared format error in, by path in the folder.
function invalidByCheck() {
  const report = JSON.parse(fs.readFileSync(checkJson, "utf8"));
  const findings = report.folder.concat(...report.clients.map((c) => c.findings));
  return new Set(findings.filter((f) => COMPARED_RULES.includes(f.rule)).map((f) => f.file));
}

async function start() {
  const server = path.join(tools, "node_modules/yaml-language-server/bin/yaml-language-server");
  const client = new LspClient(process.execPath, [server, "--stdio"]);
  const root = pathToFileURL(folder).href;
  await client.request("initialize", {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: "caseload" }],
    capabilities: { textDocument: { completion: { completionItem: { documentationFormat: ["plaintext"] } } } },
  });
  client.notify("initialized", {});
  const vscode = JSON.parse(fs.readFileSync(path.join(folder, ".vscode/settings.json"), "utf8"));
  // What an editor sends: the mapping casekit wrote, and no schema store
  // (it is fetched from the network).
  client.configure({ yaml: { schemas: vscode["yaml.schemas"], validate: true, completion: true, hover: true,
                              schemaStore: { enable: false } } });
  return client;
}

// Every sample record: reported exactly when check reports a format error.
async function samples(client) {
  const invalid = invalidByCheck();
  let valid = 0;
  for (const file of recordFiles(folder)) {
    const diagnostics = await client.open(uriOf(file), fs.readFileSync(path.join(folder, file), "utf8"));
    client.close(uriOf(file));
    if (invalid.has(file) !== diagnostics.length > 0)
      fail(`${file}: check ${invalid.has(file) ? "reports" : "finds nothing"}, the language server ` +
           `reports ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    if (!invalid.has(file)) valid++;
  }
  if (valid < 10) fail(`only ${valid} valid sample records: the test needs the sample caseload`);
}

// One change to a sample record, reported on the changed line.
async function broken(client, what, file, newFile, from, to, words) {
  const text = fs.readFileSync(path.join(folder, file), "utf8");
  const changed = text.replace(from, to);
  if (changed === text) return fail(`${what}: could not change ${file}`);
  // The line `to` starts on, after its leading line break (0-based, as LSP counts).
  const line = changed.slice(0, changed.indexOf(to) + 1).split("\n").length - 1;
  const diagnostics = await client.open(uriOf(newFile), changed);
  client.close(uriOf(newFile));
  const hit = diagnostics.find((d) => d.range.start.line === line && words.test(d.message));
  if (!hit) fail(`${what}: nothing on line ${line + 1}, only ${JSON.stringify(diagnostics)}`);
}

async function completion(client, file, line, character, schemaKeys, present) {
  const items = await client.request("textDocument/completion", {
    textDocument: { uri: uriOf(file) }, position: { line, character } });
  const list = Array.isArray(items) ? items : items.items;
  const labels = new Set(list.map((i) => i.label));
  // Each key's words from casekit(5), shown beside it.
  for (const item of list.filter((i) => schemaKeys.includes(i.label))) {
    const shown = JSON.stringify(item.documentation || "");
    if (shown.length < 10) fail(`completion of ${item.label} in ${file} shows no description`);
  }
  const missing = schemaKeys.filter((k) => !present.includes(k) && !labels.has(k));
  if (missing.length)
    fail(`completion in ${file} line ${line + 1} lacks ${missing.join(", ")}; offers ${[...labels].join(" ")}`);
  return labels;
}

async function completions(client) {
  const plan = JSON.parse(fs.readFileSync(path.join(folder, "schemas/plan.schema.json"), "utf8"));
  // A new plan: at the top, then in a goal (each a file of its own).
  const top = "created: 2026-11-20\n\n";
  await client.open(uriOf("clients/new-client/plan.yaml"), top);
  await completion(client, "clients/new-client/plan.yaml", 1, 0, Object.keys(plan.properties), ["created"]);
  const goal = "short_term_goals:\n  - id: G1\n    \n";
  await client.open(uriOf("clients/other-client/plan.yaml"), goal);
  const goalKeys = Object.keys(plan.$defs.short_term_goal.properties);
  await completion(client, "clients/other-client/plan.yaml", 2, 4, goalKeys, ["id"]);
}

// A file outside the mapping names its schema on its first line.
async function modeline(client) {
  const text = "# yaml-language-server: $schema=../schemas/note.schema.json\n" +
    "date: 2026-11-20\ntime: 14:30\ncontact: by-pigeon\n";
  const diagnostics = await client.open(uriOf("drafts/note.yaml"), text);
  if (!diagnostics.some((d) => d.range.start.line === 3 && /in-person/.test(d.message)))
    fail(`the modeline's schema reported nothing on line 4: ${JSON.stringify(diagnostics)}`);
}

async function main() {
  const client = await start();
  await samples(client);
  await broken(client, "an unknown key", "clients/marcus-jones/client.yaml",
    "clients/marcus-copy/client.yaml", /\nname: /, "\nfavourite_colour: blue\nname: ",
    /favourite_colour|not allowed/);
  await broken(client, "a date that is not real", "clients/marcus-jones/plan.yaml",
    "clients/marcus-copy/plan.yaml", /\ncreated: \S+/, "\ncreated: 2026-02-30", /not a real date/);
  await broken(client, "a word not in the enum", "clients/marcus-jones/notes/2026-11-20-1430-in-person.yaml",
    "clients/marcus-copy/notes/2026-11-20-1430-in-person.yaml", /\ncontact: in-person/,
    "\ncontact: in-persn", /in-person/);
  await completions(client);
  await modeline(client);
  await client.stop();
  if (failures.length) {
    console.error(failures.join("\n"));
    process.exit(1);
  }
  console.log("yaml-language-server reports what check reports, and completes keys");
}

main().catch((error) => {
  console.error(error.stack || String(error));
  process.exit(1);
});
