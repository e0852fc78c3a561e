// The checks of validate_fhir.sh. Usage: node validate_fhir.js SCHEMA_TOOLS
// FHIRJS_TOOLS BUNDLE... (the folders npm_tool installed each package in).
const fs = require('fs');
const SchemaValidator = require(process.argv[2] + '/node_modules/@asymmetrik/fhir-json-schema-validator');
const { Fhir } = require(process.argv[3] + '/node_modules/fhir');
const schema = new SchemaValidator();
const fhirjs = new Fhir();
const files = process.argv.slice(4);
let failed = false;
const fail = (file, what) => { console.error(`${file}: ${what}`); failed = true; };

// Each validator's objections to a Bundle, as text.
function objections(bundle) {
  const bySchema = schema.validate(bundle, true).map((e) => `schema: ${e.dataPath || ''} ${e.message}`);
  const byFhirjs = fhirjs.validate(bundle, { errorOnUnexpected: true }).messages
    .filter((m) => m.severity === 'error')
    .map((m) => `FHIR.js: ${m.location} ${m.message}`);
  return { bySchema, byFhirjs };
}

function references(node, out) {
  if (Array.isArray(node)) node.forEach((n) => references(n, out));
  else if (node && typeof node === 'object')
    for (const [key, value] of Object.entries(node))
      if (key === 'reference' && typeof value === 'string') out.push(node);
      else references(value, out);
  return out;
}

const uuid = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
function structure(file, bundle) {
  const urls = new Map(), keys = new Set();
  for (const entry of bundle.entry) {
    const key = `${entry.resource.resourceType}/${entry.resource.id}`;
    if (keys.has(key)) fail(file, `${key} appears twice`);
    keys.add(key);
    if (entry.resource.id.length > 64) fail(file, `${key}: id longer than 64`);
    if (entry.request.url !== key) fail(file, `${key} is PUT to ${entry.request.url}`);
    if (!uuid.test(entry.fullUrl || '')) fail(file, `${key}: fullUrl ${entry.fullUrl} is not a name-based urn:uuid`);
    if (urls.has(entry.fullUrl)) fail(file, `${key}: fullUrl ${entry.fullUrl} appears twice`);
    urls.set(entry.fullUrl, entry.resource.resourceType);
    // A note carries its text; a document (casekit attach) names its file.
    const attachment = entry.resource.resourceType === 'DocumentReference' ? entry.resource.content[0].attachment : null;
    if (attachment && attachment.data) {
      const text = Buffer.from(attachment.data, 'base64').toString('utf8');
      if (!text.startsWith('# Progress note')) fail(file, `${key}: the attachment does not decode to the note`);
    } else if (attachment && !(attachment.url || '').startsWith('documents/')) {
      fail(file, `${key}: a document's attachment does not name its file in documents/`);
    }
  }
  for (const ref of references(bundle, []))
    if (urls.get(ref.reference) !== ref.type) fail(file, `reference ${JSON.stringify(ref)} is not an entry of that type`);
}

// The codes the sample's records call for.
function codes(all) {
  const resources = all.flatMap((b) => b.entry.map((e) => e.resource));
  const coded = (type, pick, system, code) => resources.filter((r) => r.resourceType === type)
    .some((r) => (pick(r) || []).some((c) => (c.coding || []).some((k) => k.system === system && k.code === code)));
  const notes = resources.filter((r) => r.resourceType === 'DocumentReference' && r.content[0].attachment.data);
  if (!resources.some((r) => r.resourceType === 'DocumentReference' && r.content[0].attachment.url))
    fail('documents', 'the attached release is not a DocumentReference');
  if (!notes.length || !notes.every((r) => r.type.coding[0].code === '11506-3' && r.type.coding[0].system === 'http://loinc.org'))
    fail('notes', 'a progress note is not LOINC 11506-3');
  if (!coded('Patient', (r) => (r.communication || []).map((c) => c.language), 'urn:ietf:bcp:47', 'es'))
    fail('languages', 'no Spanish speaker has language es');
  if (!coded('Condition', (r) => r.category, 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes', 'housing-instability'))
    fail('needs', 'no housing need has the SDOH category housing-instability');
  if (!resources.some((r) => r.resourceType === 'Patient' && r.identifier[0].system === 'urn:casekit:hunts-point-youth-pathways'))
    fail('identifiers', 'the default identifier system is not urn:casekit:hunts-point-youth-pathways');
  if (resources.some((r) => r.resourceType === 'CarePlan' && (r.activity || []).some((a) => a.detail)))
    fail('care plans', 'a CarePlan activity repeats its service inline');
}

const bundles = [];
for (const file of files) {
  const bundle = JSON.parse(fs.readFileSync(file));
  bundles.push(bundle);
  const { bySchema, byFhirjs } = objections(bundle);
  for (const what of [...bySchema, ...byFhirjs].slice(0, 10)) fail(file, what);
  structure(file, bundle);
}
codes(bundles);

// Both validators must be able to say no: a Goal with a lifecycleStatus
// that is no code of R4's, and (FHIR.js) a long-term goal as a short-term
// goal's outcomeReference, which R4 does not allow and casekit once wrote.
const isGoal = (e) => e.resource.resourceType === 'Goal';
const broken = JSON.parse(JSON.stringify(bundles.find((b) => b.entry.some(isGoal))));
const goal = broken.entry.find(isGoal).resource;
goal.lifecycleStatus = 'finished';
goal.outcomeReference = [{ reference: 'Goal/some-goal' }];
const { bySchema, byFhirjs } = objections(broken);
if (!bySchema.length) fail('broken bundle', 'the JSON schema accepted it; it is not checking');
if (!byFhirjs.some((m) => /lifecycleStatus/.test(m))) fail('broken bundle', 'FHIR.js accepted the lifecycleStatus');
if (!byFhirjs.some((m) => /outcomeReference/.test(m))) fail('broken bundle', 'FHIR.js accepted a Goal as outcomeReference');
process.exit(failed ? 1 : 0);
