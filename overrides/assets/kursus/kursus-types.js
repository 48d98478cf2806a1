/* Kursus Konselor: the registry of question types on the browser side, the counterpart of
   scripts/kursus/quiz/types/ (one entry per type there, the same names: tests/test_question_types_js.py).
   Each entry says what a stored answer may look like (valid), how it is judged against the key the page
   carries (judge), and whether the type is scored; kursus-quiz.js adds the page's part to the same entry
   (reading and setting the controls, reading the key, the answer's part of a result code). Everything
   else asks here (KK.judge, KK.validAnswer) and never branches on a type's name. Runs after kursus-core.js. */
(function () {
  "use strict";
  var KK = window.KK;
  if (!KK || !KK.ready) return;

  function isIndex(x, n) { return typeof x === "number" && x === Math.floor(x) && x >= 0 && x < n; }
  function distinct(v) { return v.every(function (x, i) { return v.indexOf(x) === i; }); }
  function indexes(v, n) { return Array.isArray(v) && v.every(function (x) { return isIndex(x, n); }); }
  function isText(v, max) { return typeof v === "string" && v.length <= max; }
  /* Ordering and matching: the right answer is the identity order (the page shuffles what it shows). */
  function inOrder(key, v) { return Array.isArray(v) && v.every(function (x, i) { return x === i; }); }

  /* valid(v, n): v could be a saved answer to a question with n options, steps or pairs (storage checks
     every stored or imported answer with it; Python: the type's usable). judge(key, v): a valid answer
     against the page's key (Python: browser_key), true or false; null for a type that is not judged.
     options: the answer is the chosen options, and each chosen option shows its own feedback.
     selfCheck(s, n): the ticked points of a self-check list of n points (reflective only). */
  KK.types = {
    single: {
      scored: true,
      options: true,
      valid: function (v, n) { return isIndex(v, n); },
      judge: function (key, v) { return key.indexOf(v) >= 0; }
    },
    multiple: {
      scored: true,
      options: true,
      valid: function (v, n) { return indexes(v, n) && v.length > 0 && v.length <= n && distinct(v); },
      judge: function (key, v) {
        return Array.isArray(v) && v.length === key.length && key.every(function (k) { return v.indexOf(k) >= 0; });
      }
    },
    truefalse: {
      scored: true,
      valid: function (v) { return v === "true" || v === "false"; },
      judge: function (key, v) { return v === key; }
    },
    short: {
      scored: true,
      valid: function (v) { return isText(v, KK.MAX_SHORT) && KK.normalise(v) !== ""; },
      judge: function (key, v) { return key.some(function (a) { return KK.sameAnswer(v, a); }); },
      // every accepted answer is a number: phones offer a number pad
      numeric: function (key) { return key.length > 0 && key.every(KK.numeric); }
    },
    ordering: {
      scored: true,
      valid: function (v, n) { return indexes(v, n) && v.length === n && distinct(v); },
      judge: inOrder
    },
    matching: {
      scored: true,
      valid: function (v, n) { return indexes(v, n) && v.length === n; }, // two rows may pick the same pair
      judge: inOrder
    },
    reflective: {
      scored: false,
      valid: function (v) { return isText(v, KK.MAX_TEXT) && v.trim() !== ""; },
      judge: function () { return null; },
      selfCheck: function (s, n) { return indexes(s, n) && s.length <= n && distinct(s); }
    }
  };

  function kind(type) { return Object.prototype.hasOwnProperty.call(KK.types, type) ? KK.types[type] : null; }
  KK.typeOf = kind;

  /* Is v a possible answer to a question of this type with n options, steps or pairs? An unknown type
     (a page newer than this script, or damaged data): never. */
  KK.validAnswer = function (type, n, v) { var k = kind(type); return !!k && k.valid(v, n) === true; };

  /* One judge for every place that scores: a quiz on the page or the progress page's key. Never a stored
     "correct" flag: stored progress can be edited or imported. null = not judged (reflective); an
     unknown type is wrong. */
  KK.judge = function (type, key, v) { var k = kind(type); return k ? k.judge(key, v) : false; };
})();
