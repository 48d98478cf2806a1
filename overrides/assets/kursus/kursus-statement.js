/* Kursus Konselor: the completion statement (after codes, before kursus.js). Once every module quiz is
   passed at the pass mark with first answers (what result codes hold), the progress page offers a
   printable self-study statement with the learner's name, each module's first pass date and score, and a
   statement code that `kursus score --codes` checks (format and reference: scripts/kursus/scoring/statement.py).
   Stored with the progress as {statement: {name, passed: {module: "YYYY-MM-DD"}}}, checked before use. */
(function () {
  "use strict";
  var KK = window.KK;
  if (!KK || !KK.ready || !KK.packCode) return;
  var DATA = KK.DATA, t = KK.t, MAX_NAME = 120, DAY = /^(\d{4})-(\d{2})-(\d{2})$/, EPOCH = Date.UTC(2020, 0, 1);
  var FORMAT = "kursus-konselor-progress";

  function isMap(x) { return !!x && typeof x === "object" && !Array.isArray(x); }
  function utc(day) { var m = DAY.exec(day); return Date.UTC(+m[1], +m[2] - 1, +m[3]); }
  /* A real calendar day the code can hold (2020 to 2109). */
  function validDay(x) {
    var m = typeof x === "string" && DAY.exec(x);
    if (!m) return false;
    var d = new Date(utc(x));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] && +m[1] >= 2020 && +m[1] < 2109;
  }
  /* A stored or imported statement -> {clean, bad}: a clean copy of what can be used, and whether anything
     could not (a pass date of a module this site no longer has is kept, as storage keeps such answers). */
  function check(raw) {
    var out = { name: "", passed: {} }, bad = false;
    if (raw === undefined) return { clean: out, bad: false };
    if (!isMap(raw)) return { clean: out, bad: true };
    if ("name" in raw) {
      if (typeof raw.name === "string" && raw.name.length <= MAX_NAME) out.name = raw.name; else bad = true;
    }
    if ("passed" in raw) {
      if (!isMap(raw.passed)) bad = true;
      else Object.keys(raw.passed).forEach(function (id) { if (validDay(raw.passed[id])) out.passed[id] = raw.passed[id]; else bad = true; });
    }
    return { clean: out, bad: bad };
  }

  var found = check(KK.state.statement), statement = found.clean;
  if (found.bad) { // kept aside whole, never deleted; the usable parts go on
    var kept = KK.keepAside(JSON.stringify({ format: FORMAT, version: 1, answers: {}, statement: KK.state.statement }));
    KK.notices.push(t(kept ? "storage_statement_bad" : "storage_stuck"));
    if (kept) { KK.state.statement = statement; KK.save(); }
  }

  function store() { KK.state.statement = statement; KK.save(); }
  function passMark() { var p = DATA.passMark; return typeof p === "number" && p >= 0 && p <= 100 ? p : 70; }
  /* Whole numbers, as statement.py's passed(): first-answer points / points >= pass mark %. */
  function passed(s) { return s.max > 0 && s.first * 100 >= passMark() * s.max; }
  function need(max) { return Math.ceil(passMark() * max / 100); }
  function keysKnown(m) { return m.questions.every(function (q) { return !q.points || KK.keys[q.id] !== undefined; }); }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function localDay(ms) { var d = new Date(ms); return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()); }

  /* The day the first-answer score reached the pass mark: first answers in the order they were checked
     (records without check times: today, when the pass is first seen). */
  function passDay(m) {
    var got = [], sum = 0, max = 0, when = null;
    m.questions.forEach(function (q) {
      var a = KK.state.answers[q.id];
      max += q.points;
      if (q.points && a && a.first && KK.judge(q.type, KK.keys[q.id], a.first.v)) got.push({ t: a.first.t, p: q.points });
    });
    if (got.some(function (g) { return typeof g.t !== "number"; })) return localDay(Date.now());
    got.sort(function (a, b) { return a.t - b.t; });
    for (var i = 0; i < got.length && when === null; i++) { sum += got[i].p; if (sum * 100 >= passMark() * max) when = got[i].t; }
    return localDay(when === null ? Date.now() : when);
  }

  function fill(text, values) { return text.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; }); }
  function shownDay(day, lang) {
    try { return new Date(utc(day)).toLocaleDateString(lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }); }
    catch (e) { return day; }
  }
  /* FNV-1a over the normalised name's UTF-8 bytes, top 10 bits (statement.py: name_check). */
  function nameCheck(name) {
    var bytes = new TextEncoder().encode(KK.normalise(name)), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 22;
  }
  function statementCode(tag, name, scores, lastDay) {
    var head = [0, 0, 1], check = nameCheck(name);
    tag.split("").forEach(function (ch) { head.push(KK.B32.indexOf(ch)); });
    head.push(check >> 5, check & 31);
    var pairs = [[101, passMark()], [32768, Math.round((utc(lastDay) - EPOCH) / 864e5)]];
    scores.forEach(function (s) { pairs.push([s.max + 1, s.first]); });
    return KK.packCode(head, pairs);
  }
  function profileName() { // another part may keep a name per learner on a shared device
    try { var s = window.KursusStorage, n = s && typeof s.profileName === "function" ? s.profileName() : ""; return typeof n === "string" ? n.slice(0, MAX_NAME) : ""; }
    catch (e) { return ""; }
  }

  // The statement covers the modules, not the pre- and post-course checks (statement.py: module_quizzes).
  var MODULES = (DATA.modules || []).filter(function (m) { return !m.form; });

  function render() {
    var box = document.querySelector(".kk-statement");
    if (!box) return;
    var attr = function (n) { return box.getAttribute("data-" + n); }, lang = attr("lang"), left = [], scores = [], last = "";
    MODULES.forEach(function (m) {
      var s = KK.moduleScore(m);
      scores.push(s);
      if (!passed(s)) left.push(fill(attr("state"), { module: attr("module") + " " + (+m.id.slice(1)), score: s.first, max: s.max, need: need(s.max) }));
      else if (statement.passed[m.id] && statement.passed[m.id] > last) last = statement.passed[m.id];
    });
    var ready = !left.length && MODULES.every(function (m) { return statement.passed[m.id]; });
    box.querySelector(".kk-statement__left").textContent = left.length ? fill(attr("left"), { count: left.length, modules: left.join("; ") }) : "";
    box.querySelector(".kk-statement__ready").hidden = !ready;
    if (!ready) return;
    var input = box.querySelector("#kk-statement-name");
    if (document.activeElement !== input) input.value = statement.name;
    box.querySelector(".kk-statement__name").textContent = statement.name;
    MODULES.forEach(function (m, i) {
      var row = box.querySelector('tr[data-module="' + m.id + '"]'), s = scores[i];
      if (!row) return;
      row.querySelector(".kk-st-date").textContent = shownDay(statement.passed[m.id], lang);
      row.querySelector(".kk-st-score").textContent = s.first + "/" + s.max + " (" + Math.floor(s.first * 100 / s.max) + " %)";
    });
    box.querySelector(".kk-statement__code").textContent = statementCode(attr("tag"), statement.name, scores, last);
    box.querySelector(".kk-statement__printed").textContent = fill(attr("printed"), { date: shownDay(localDay(Date.now()), lang) });
  }

  /* After every change of progress: record newly passed modules (on any page that knows their keys). */
  KK.refreshStatement = function () {
    var changed = false;
    MODULES.forEach(function (m) {
      if (statement.passed[m.id] || !keysKnown(m) || !passed(KK.moduleScore(m))) return;
      statement.passed[m.id] = passDay(m);
      changed = true;
    });
    if (changed) store();
    render();
  };

  /* An imported progress file: its statement is checked first (a bad one refuses the import); then the
     earlier pass date of each module stays, and a typed name is kept, else the file's is taken. */
  KK.importStatement = function (d) {
    if (!("statement" in d)) return null;
    var other = check(d.statement);
    if (other.bad) return { error: t("import_statement_bad") };
    return {
      apply: function () {
        Object.keys(other.clean.passed).forEach(function (id) {
          var mine = statement.passed[id], theirs = other.clean.passed[id];
          if (!mine || theirs < mine) statement.passed[id] = theirs;
        });
        if (!statement.name) statement.name = other.clean.name;
        KK.state.statement = statement;
      }
    };
  };

  var box = document.querySelector(".kk-statement");
  if (box) {
    var input = box.querySelector("#kk-statement-name");
    if (!statement.name && profileName()) { statement.name = profileName(); store(); }
    input.value = statement.name;
    input.addEventListener("input", function () { statement.name = input.value.slice(0, MAX_NAME); store(); render(); });
    box.querySelector("[data-act=print-statement]").addEventListener("click", function () {
      var root = document.documentElement;
      root.classList.add("kk-print-statement"); // print.css below: the sheet alone, on one A4 page
      window.addEventListener("afterprint", function done() { root.classList.remove("kk-print-statement"); window.removeEventListener("afterprint", done); });
      window.print();
    });
  }
})();
