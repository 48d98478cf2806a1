// Reads a GIFT file with the independent parser gift-pegjs and prints what it understood as JSON.
// Used by tests/test_export_gift_parser.py: node tests/js/parse-gift.cjs FILE
"use strict";
const fs = require("fs");
const gift = require("gift-pegjs");

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: node parse-gift.cjs FILE\n");
  process.exit(2);
}
// gift-pegjs 1.0.2 leaves its escape placeholders (&&058; for "\\:" ...) in a matching question's right-hand
// sides; Moodle's importer decodes them there as everywhere (escapedchar_post), so decode them the same way.
const PLACEHOLDERS = { "092": "\\", "058": ":", "035": "#", "061": "=", "123": "{", "125": "}", "126": "~" };
const decode = (text) => text.replace(/&&(092|058|035|061|123|125|126);/g, (_, code) => PLACEHOLDERS[code]);

try {
  const questions = gift.parse(fs.readFileSync(file, "utf8"));
  for (const question of questions) {
    for (const pair of question.matchPairs || []) pair.subanswer = decode(pair.subanswer);
  }
  process.stdout.write(JSON.stringify(questions));
} catch (error) {
  const where = error.location ? `${file}:${error.location.start.line}: ` : `${file}: `;
  process.stderr.write(`${where}${error.message}\n`);
  process.exit(1);
}
