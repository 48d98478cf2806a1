/* Kursus Konselor, part 1 of 10: the shared namespace (window.KK), page data, interface strings and the
   answer rules every other part uses. Classic scripts, not modules: module scripts are blocked on file://.
   Load order (mkdocs.yml extra_javascript): core, types, profiles, storage, quiz, worksheets, codes, scorm (in an
   LMS only), statement, profiles-ui,
   kursus (start-up). */
(function () {
  "use strict";
  var dataEl = document.getElementById("kk-data");
  var KK = window.KK = { ready: false };
  if (!dataEl) return;
  var DATA = JSON.parse(dataEl.textContent);
  KK.ready = true;
  KK.dataEl = dataEl;
  KK.DATA = DATA;
  KK.notices = [];
  KK.keys = {}; // question id -> answer key, from the quiz on this page or the progress page's rows
  KK.MAX_SHORT = 500; // longest stored answers; far above any real one, so a longer stored value is damage
  KK.MAX_TEXT = 50000;

  KK.t = function (key, values) {
    return (DATA.ui[key] || key).replace(/\{(\w+)\}/g, function (m, k) { return values && k in values ? values[k] : m; });
  };
  KK.$$ = function (root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); };

  /* The same steps as scripts/kursus/quiz/answers.py normalise(); tests/data/normalisation.json holds
     the cases both are tested on. Invisible format characters (soft hyphen, zero-width space) go first:
     nobody can type them, so an accepted answer containing one must still match. */
  var INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;
  var EDGE = /^[\s"'.,;:!?()]+|[\s"'.,;:!?()]+$/g;
  KK.normalise = function (s) {
    var plain = String(s).replace(INVISIBLE, "").normalize("NFKD").replace(/\p{M}/gu, "");
    return caseFold(plain).replace(EDGE, "").replace(/\s+/g, " ").trim();
  };
  /* Python's str.casefold() beyond toLowerCase(): the full folds that occur in Latin-script answers. */
  var FOLDS = { "ß": "ss", "ẞ": "ss", "ς": "σ", "ſ": "s", "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st" };
  function caseFold(s) { return s.toLowerCase().replace(/[ßẞςſﬀ-ﬆ]/g, function (c) { return FOLDS[c] || c; }); }

  /* "5,0" and "5.0" are the same number (Indonesian writes a decimal comma): answers.py does the same. */
  var NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
  KK.numeric = function (s) { return NUMBER.test(KK.normalise(s)); };
  KK.sameAnswer = function (a, b) {
    var x = KK.normalise(a), y = KK.normalise(b);
    if (!x) return false;
    if (NUMBER.test(x) && NUMBER.test(y)) return parseFloat(x.replace(",", ".")) === parseFloat(y.replace(",", "."));
    return x === y;
  };

  // KK.judge and the question types: kursus-types.js

  KK.questionInfo = {}; // id -> {type, n, points, module}
  DATA.modules.forEach(function (m) {
    m.questions.forEach(function (q) { KK.questionInfo[q.id] = { type: q.type, n: q.n, points: q.points, module: m.id }; });
  });
  KK.byId = function (id) { return DATA.modules.filter(function (m) { return m.id === id; })[0]; };

  KK.showNotices = function () {
    if (!KK.notices.length) return;
    var host = document.querySelector(".md-content__inner");
    if (!host) return;
    var box = document.createElement("div");
    box.className = "admonition warning kk-notice";
    box.setAttribute("role", "alert");
    KK.notices.splice(0).forEach(function (n) { var p = document.createElement("p"); p.textContent = n; box.appendChild(p); });
    host.insertBefore(box, host.firstChild);
  };
})();
