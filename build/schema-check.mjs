// The feed schemas against the feeds: every demo feed (demo/api/) must be
// valid, and every fixture in tests/fixtures/feeds/ must get the verdict its
// name gives, the same one tests/contract.rs asserts of the parsers:
//
//   article/ok-*     valid against schema/article.schema.json
//   article/bad-*    not: the envelope, the JSON or the schema refuses it
//   related/ok-*     an array valid against schema/related.schema.json
//   related/skip-*   an array whose every item fails the item schema
//                    (#/$defs/item): the widget skips each one
//   related/bad-*    not: the envelope, the JSON or the schema refuses it
//
// A `.txt` fixture is a response body that is not bare JSON (an envelope, an
// HTML error page). Prints each mismatch, then one summary line; exits 1 on
// any mismatch.
//
//   node build/schema-check.mjs
import Ajv2020 from "ajv/dist/2020.js";
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (path) => readFileSync(join(root, path), "utf8");

const ajv = new Ajv2020({ allErrors: true });
const schemas = {};
for (const kind of ["article", "related"]) {
  const schema = JSON.parse(read(`schema/${kind}.schema.json`));
  ajv.addSchema(schema);
  schemas[kind] = schema;
}
const article = ajv.getSchema(schemas.article.$id);
const related = ajv.getSchema(schemas.related.$id);
const item = ajv.getSchema(`${schemas.related.$id}#/$defs/item`);

/** The JSON text of a response body, as src/core/envelope.rs takes it out of
 * a PHP `var_dump` envelope `string(N) "…"` (N: its UTF-8 byte length), or
 * the body itself; `{ error }` for an envelope that does not hold. */
function unwrapEnvelope(body) {
  const s = body.replace(/^\uFEFF/, "").trim();
  if (!s.startsWith("string(")) return { json: s };
  const close = s.indexOf(")");
  const length = close < 0 ? "" : s.slice("string(".length, close);
  if (!/^[0-9]+$/.test(length)) return { error: "malformed envelope" };
  const quoted = s.slice(close + 1).trimStart();
  if (!quoted.startsWith('"')) return { error: "malformed envelope" };
  const content = quoted.slice(1);
  if (!content.endsWith('"')) return { error: "truncated envelope" };
  const json = content.slice(0, -1);
  if (Buffer.byteLength(json, "utf8") !== Number(length)) {
    return { error: `truncated envelope: ${length} bytes announced, ${Buffer.byteLength(json, "utf8")} there` };
  }
  return { json };
}

/** What the schemas say of a body: "ok", "skip" (related only: an array of
 * items that each fail the item schema) or "bad", with the reason. */
function verdict(kind, body) {
  const { json, error } = unwrapEnvelope(body);
  if (error) return { verdict: "bad", why: error };
  let value;
  try {
    value = JSON.parse(json);
  } catch (e) {
    return { verdict: "bad", why: `not JSON: ${e.message}` };
  }
  const validate = kind === "article" ? article : related;
  if (validate(value)) return { verdict: "ok" };
  const why = ajv.errorsText(validate.errors);
  if (kind === "related" && Array.isArray(value) && value.length > 0) {
    const kept = value.filter((v) => item(v)).length;
    if (kept === 0) return { verdict: "skip", why };
    return { verdict: "mixed", why: `${kept} of ${value.length} items valid: ${why}` };
  }
  return { verdict: "bad", why };
}

const files = (dir) =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );

const checks = [];
for (const path of files("demo/api").filter((f) => f.endsWith(".json"))) {
  const kind = path.includes("/article/") ? "article" : path.includes("/related/") ? "related" : null;
  if (kind) checks.push({ path, kind, want: "ok" });
}
const fixtures = "tests/fixtures/feeds";
for (const kind of ["article", "related"]) {
  for (const path of files(join(fixtures, kind))) {
    const want = /^(ok|skip|bad)-[^/]*\.(json|txt)$/.exec(path.split("/").pop())?.[1];
    if (!want || (want === "skip" && kind !== "related")) {
      console.log(`FAIL ${path}: not named ok-, bad- (or, for related, skip-) *.json or *.txt`);
      checks.push({ path, kind, want: "a fixture name" });
      continue;
    }
    checks.push({ path, kind, want });
  }
}

// One definition of non-blank text, the same in both schemas.
const sameText = JSON.stringify(schemas.article.$defs.text) === JSON.stringify(schemas.related.$defs.text);
if (!sameText) console.log("FAIL schema/: the two schemas' $defs/text differ");

let passed = 0;
let failed = sameText ? 0 : 1;
for (const { path, kind, want } of checks) {
  if (want === "a fixture name") {
    failed++;
    continue;
  }
  const got = verdict(kind, read(path));
  if (got.verdict === want) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL ${relative(root, join(root, path))}: expected ${want}, the schema says ${got.verdict}${got.why ? ` (${got.why})` : ""}`);
  }
}
const demo = checks.filter((c) => c.path.startsWith("demo/")).length;
console.log(
  `schema-check: ${passed} passed, ${failed} failed (${demo} demo feeds and ${checks.length - demo} fixtures against schema/article.schema.json and schema/related.schema.json)`,
);
process.exitCode = failed > 0 ? 1 : 0;
