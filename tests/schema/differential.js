// The differential test: every record of the given case folders gets the
// same verdict from the JSON Schemas (ajv, draft 2020-12, on the YAML read
// as an editor's language server reads it) as from `casekit check`'s
// format rules that say what a schema can (records.js). The few records
// where the two cannot agree are listed, with the reason, in exceptions.json.
// Usage: node differential.js TOOLS SCHEMAS EXCEPTIONS FOLDER=CHECK_JSON...
"use strict";
const fs = require("fs");
const path = require("path");
const { COMPARED_RULES, recordKinds } = require("./records.js");

const [tools, schemas, exceptionsFile, ...folders] = process.argv.slice(2);
const Ajv2020 = require(path.join(tools, "node_modules/ajv/dist/2020")).default;
const YAML = require(path.join(tools, "node_modules/yaml"));

// Union types ("string or null") are how a schema says an empty key is allowed.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
// yaml-language-server's message for a pattern, shown in the editor.
ajv.addKeyword({ keyword: "patternErrorMessage", schemaType: "string" });
const validators = {};
for (const name of fs.readdirSync(schemas))
  validators[name.replace(".schema.json", "")] = ajv.compile(JSON.parse(fs.readFileSync(path.join(schemas, name), "utf8")));

// Each exception: the folder (a sample or an e2e case), the record, the reason.
const exceptions = JSON.parse(fs.readFileSync(exceptionsFile, "utf8")).exceptions;
const excepted = (name, file) => exceptions.find((e) => e.folder === name && e.file === file);
const used = new Set();

// check's findings by file. When check refuses the folder (casekit.yaml
// invalid), its errors are on stderr and only casekit.yaml is compared.
function checkFindings(checkJson) {
  const text = fs.readFileSync(checkJson, "utf8");
  if (text) {
    const report = JSON.parse(text);
    return { findings: report.folder.concat(...report.clients.map((c) => c.findings)), refused: false };
  }
  const findings = [];
  for (const line of fs.readFileSync(checkJson + ".err", "utf8").split("\n")) {
    const m = /^casekit: error: ([^:]+):(\d+):\d+: (.*) \[([a-z/-]+)\]$/.exec(line);
    if (m) findings.push({ file: m[1], line: m[2], message: m[3], rule: m[4] });
  }
  return { findings, refused: true };
}

function checkVerdicts(findings) {
  const invalid = new Map();
  for (const f of findings.filter((f) => COMPARED_RULES.includes(f.rule)))
    invalid.set(f.file, (invalid.get(f.file) || []).concat(`${f.line}: ${f.rule} ${f.message}`));
  return invalid;
}

// The YAML as yaml-language-server reads it (YAML 1.2, the `yaml` package);
// null when it does not parse, which is format/parse's, not the schema's.
function read(file) {
  try {
    const doc = YAML.parseDocument(fs.readFileSync(file, "utf8"));
    return doc.errors.length ? null : doc.toJS();
  } catch (error) {
    return null;  // an alias bomb, refused by both readers
  }
}

let records = 0, unparsed = 0, refusedByBoth = 0;
const disagreements = [];
for (const arg of folders) {
  const [name, folder, checkJson] = arg.split("=");
  const { findings, refused } = checkFindings(checkJson);
  const byCheck = checkVerdicts(findings);
  for (const { file, kind } of recordKinds(folder)) {
    if (refused && file !== "casekit.yaml") continue;
    const data = read(path.join(folder, file));
    if (data === null) { unparsed++; continue; }
    records++;
    const validate = validators[kind];
    const schemaSays = !validate(data);
    const checkSays = byCheck.has(file);
    if (schemaSays === checkSays) {
      if (checkSays) refusedByBoth++;
      continue;
    }
    const exception = excepted(name, file);
    if (exception) { used.add(exception); continue; }
    disagreements.push(`${name} ${file}: check says ${checkSays ? JSON.stringify(byCheck.get(file)) : "valid"}, ` +
      `the schema says ${schemaSays ? ajv.errorsText(validate.errors) : "valid"}`);
  }
}
for (const e of exceptions)
  if (!used.has(e)) disagreements.push(`exceptions.json: ${e.folder} ${e.file} agrees now; remove it`);
// The test must see both verdicts: the e2e cases hold many broken records.
if (refusedByBoth < 10) disagreements.push(`only ${refusedByBoth} records refused by both: is check reporting?`);
if (disagreements.length) {
  console.error(disagreements.join("\n"));
  process.exit(1);
}
console.log(`${records} records (${refusedByBoth} refused), the same verdict from the JSON Schemas and check ` +
  `(${used.size} listed exceptions; ${unparsed} records that are not YAML left to format/parse)`);
