// Loads the browser's question types (kursus-core.js, kursus-types.js, then kursus-quiz.js, which adds
// each type's page part) as a page would, but without a page, and says what they make of some answers.
// Used by tests/test_question_types_js.py: node tests/js/question-types.cjs < input.json
// Input: {"questions": {type: {"n": count, "key": browser key}}, "cases": [[type, saved answer], ...],
//         "unknown": [type name, ...]}. Output: the registry's types, and per case [valid, judged].
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const ASSETS = path.join(__dirname, "..", "..", "overrides", "assets", "kursus");
const SCRIPTS = ["kursus-core.js", "kursus-types.js", "kursus-quiz.js"];

// The little of a page the scripts touch while loading: the page data that kursus-core.js reads.
const pageData = JSON.stringify({ ui: {}, modules: [], lang: "id" });
const page = { document: { getElementById: (id) => (id === "kk-data" ? { textContent: pageData } : null) } };
page.window = page;
vm.createContext(page);
for (const name of SCRIPTS) vm.runInContext(fs.readFileSync(path.join(ASSETS, name), "utf8"), page, { filename: name });
const KK = page.KK;

function attempt(f) {
  try { return f(); } catch (error) { return `threw ${error.message}`; }
}

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const PAGE_PART = ["get", "set", "key"];
const out = {
  types: Object.keys(KK.types).map((name) => {
    const entry = KK.types[name];
    const has = (f) => typeof entry[f] === "function";
    return { name, scored: entry.scored, page: PAGE_PART.every(has), code: has("code") };
  }),
  // the browser judges only what storage accepts (kursus-storage.js checks every answer before use)
  cases: input.cases.map(([type, v]) => {
    const q = input.questions[type] || { n: 0, key: null };
    const valid = attempt(() => KK.validAnswer(type, q.n, v));
    return [valid, valid === true ? attempt(() => KK.judge(type, q.key, v)) : null];
  }),
  unknown: (input.unknown || []).map((type) => [
    attempt(() => KK.validAnswer(type, 3, 1)), attempt(() => KK.judge(type, [1], 1)), KK.typeOf(type),
  ]),
};
process.stdout.write(JSON.stringify(out));
