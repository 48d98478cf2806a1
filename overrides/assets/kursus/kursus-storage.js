/* Kursus Konselor, part 3 of 8: saved progress of the current learner profile (kursus-profiles.js picks
   its key). Nothing stored or imported is trusted: each answer is checked against its question's type
   and size (from the page data) before use. A damaged answer is kept
   aside under its own key (never deleted) and the learner told once; the rest of the page goes on. */
(function () {
  "use strict";
  var KK = window.KK;
  if (!KK || !KK.ready) return;
  var t = KK.t;
  var KEY = KK.progressKey || "kursus-konselor/progress", FORMAT = "kursus-konselor-progress", VERSION = 1;
  var MAX_TEXT = KK.MAX_TEXT;
  var store = null, memory = null, writable = true;

  function fresh() { return { format: FORMAT, version: VERSION, answers: {}, worksheets: {} }; }
  function isMap(x) { return !!x && typeof x === "object" && !Array.isArray(x); }
  /* A form with deferred feedback (FORMS in scripts/kursus/quiz/modules.py, "feedback" in the page data):
     answers are kept as they are given and become first answers only when the whole form is submitted. */
  KK.isDeferred = function (module) { var m = KK.byId(module); return !!m && m.feedback === "deferred"; };
  function validTime(x) { return x === undefined || (typeof x === "number" && isFinite(x) && x >= 0); }
  function validAttempt(info, a) { return isMap(a) && KK.validAnswer(info.type, info.n, a.v) && validTime(a.t); }

  /* A stored entry: {v, t, first: {v, t}, self: [...]} or, during a retry, {first: {v, t}} alone.
     Returns a clean copy (unknown fields and any stored "ok" dropped) or null when it cannot be used. */
  function cleanEntry(id, a) {
    var info = KK.questionInfo[id];
    if (!info) return isMap(a) ? a : null; // a question this site no longer has: kept as it is, never used
    if (!isMap(a)) return null;
    var out = {}, hasV = "v" in a;
    if (hasV && !validAttempt(info, a)) return null;
    if ("first" in a && !validAttempt(info, a.first)) return null;
    if (!hasV && !("first" in a)) return null;
    var kind = KK.typeOf(info.type); // a self-check list: only a type that has one (reflective)
    if ("self" in a && !(kind && kind.selfCheck && kind.selfCheck(a.self, info.n))) return null;
    if (hasV) { out.v = a.v; if (a.t !== undefined) out.t = a.t; }
    // older records have no first attempt: the answer itself is the best we know. Not in a deferred form:
    // there an answer alone is one not yet submitted (or given after submitting, to a blank question)
    if ("first" in a || !KK.isDeferred(info.module)) {
      out.first = "first" in a ? { v: a.first.v, t: a.first.t } : { v: a.v, t: a.t };
      if (out.first.t === undefined) delete out.first.t;
    }
    if (a.self) out.self = a.self.slice();
    return out;
  }

  /* The answers of a parsed record split into usable and damaged ones. */
  function sift(d) {
    var good = {}, bad = {}, badCount = 0;
    Object.keys(d.answers).forEach(function (id) {
      var clean = cleanEntry(id, d.answers[id]);
      if (clean) good[id] = clean; else { bad[id] = d.answers[id]; badCount += 1; }
    });
    return { good: good, bad: bad, badCount: badCount };
  }
  /* Worksheet fields (kursus-worksheets.js): {page: {field: {v: text, t: time}}}, e.g. page
     "modul-01/lembar-kerja", field "t2.r3.c1" (table, row, column). Damaged fields are kept aside too. */
  var PAGE = /^[a-z0-9][a-z0-9._\/-]{0,99}$/, FIELD = /^t\d{1,3}\.r\d{1,3}\.c\d{1,2}$/;
  function validField(f) { return isMap(f) && typeof f.v === "string" && f.v.length <= MAX_TEXT && validTime(f.t); }
  function siftSheets(w) {
    var good = {}, bad = {}, badCount = 0;
    if (w === undefined) return { good: good, bad: bad, badCount: 0 };
    if (!isMap(w)) return { good: good, bad: w, badCount: 1 };
    Object.keys(w).forEach(function (page) {
      var fields = w[page];
      if (!PAGE.test(page) || !isMap(fields)) { bad[page] = fields; badCount += 1; return; }
      Object.keys(fields).forEach(function (f) {
        var x = fields[f];
        if (FIELD.test(f) && validField(x)) {
          (good[page] = good[page] || {})[f] = x.t === undefined ? { v: x.v } : { v: x.v, t: x.t };
        } else { (bad[page] = bad[page] || {})[f] = x; badCount += 1; }
      });
    });
    return { good: good, bad: bad, badCount: badCount };
  }
  /* When each deferred form was submitted: {module: time}. A value of any other shape is never trusted
     (the form then counts as not submitted; its first answers stay) and is kept aside like an answer. */
  var MODULE = /^[a-z0-9]{1,20}$/;
  function siftSubmitted(x) {
    var good = {}, bad = {}, badCount = 0;
    if (x === undefined) return { good: good, bad: bad, badCount: 0 };
    if (!isMap(x)) return { good: good, bad: x, badCount: 1 };
    Object.keys(x).forEach(function (m) {
      if (MODULE.test(m) && typeof x[m] === "number" && validTime(x[m])) good[m] = x[m];
      else { bad[m] = x[m]; badCount += 1; }
    });
    return { good: good, bad: bad, badCount: badCount };
  }
  function setSubmitted(d, good) { if (Object.keys(good).length) d.submitted = good; else delete d.submitted; }
  function validRecord(d) { return isMap(d) && d.format === FORMAT && typeof d.version === "number" && isMap(d.answers); }

  function keepAside(text) {
    try { store.setItem(KEY + ".kept-" + Date.now(), text); return true; } catch (e) { return false; }
  }

  function load() {
    var raw;
    try { store = window.localStorage; raw = store.getItem(KEY); } catch (e) { store = null; }
    if (!store) { KK.notices.push(t("storage_off")); return memory || (memory = fresh()); }
    if (raw === null) return fresh();
    var d = null;
    try { d = JSON.parse(raw); } catch (e) { /* kept aside below */ }
    if (!validRecord(d) || d.version > VERSION) {
      if (!keepAside(raw)) { writable = false; KK.notices.push(t("storage_stuck")); return fresh(); }
      store.removeItem(KEY);
      KK.notices.push(t("storage_corrupt"));
      return fresh();
    }
    var s = sift(d), w = siftSheets(d.worksheets), u = siftSubmitted(d.submitted), badCount = s.badCount + w.badCount + u.badCount;
    d.answers = s.good;
    d.worksheets = w.good;
    setSubmitted(d, u.good);
    if (badCount) {
      var aside = { format: FORMAT, version: VERSION, answers: s.bad, worksheets: w.bad };
      if (u.badCount) aside.submitted = u.bad;
      if (!keepAside(JSON.stringify(aside))) {
        writable = false; // the damaged answers stay where they are until there is room to keep them
        KK.notices.push(t("storage_stuck"));
      } else {
        KK.notices.push(t("storage_invalid", { count: badCount }));
        save(d);
      }
    }
    return d;
  }
  function save(d) {
    if (!store || !writable) { memory = d; return; }
    try { store.setItem(KEY, JSON.stringify(d, storedForm)); } catch (e) { KK.notices.push(t("storage_off")); KK.showNotices(); }
  }
  /* Each saved answer also carries "ok" as judged now, for scoring tools reading an export; it is never read back. */
  function storedForm(k, v) {
    if (k === "answers" && isMap(v)) {
      var out = {};
      Object.keys(v).forEach(function (id) {
        var a = v[id], info = KK.questionInfo[id], key = KK.keys[id];
        // no verdict on an answer a deferred form has not submitted: the export must not tell it early
        if (!info || !("v" in a) || key === undefined || (KK.isDeferred(info.module) && !KK.submittedAt(info.module))) { out[id] = a; return; }
        out[id] = {};
        Object.keys(a).forEach(function (f) { out[id][f] = a[f]; });
        out[id].ok = KK.judge(info.type, key, a.v);
      });
      return out;
    }
    return v;
  }

  KK.submittedAt = function (module) { var u = KK.state && KK.state.submitted; return u && u[module] !== undefined ? u[module] : null; };
  KK.markSubmitted = function (module, time) { (KK.state.submitted = KK.state.submitted || {})[module] = time; };
  KK.keepAside = keepAside; // for other stored parts (the statement, kursus-statement.js) that fail validation
  KK.state = load();
  KK.save = function () {
    save(KK.state);
    document.dispatchEvent(new CustomEvent("kk:saved")); // for kursus-scorm.js (reports to an LMS)
  };
  /* Another tab of the same learner saved (it saves at once, on every answer and keystroke): take its
     record, so that this tab's next save keeps what was typed there instead of writing over it. */
  window.addEventListener("storage", function (ev) {
    if (ev.key !== KEY || ev.newValue === null || !writable) return;
    var d = null;
    try { d = JSON.parse(ev.newValue); } catch (e) { return; }
    if (!validRecord(d) || d.version > VERSION) return;
    d.answers = sift(d).good;
    d.worksheets = siftSheets(d.worksheets).good;
    setSubmitted(d, siftSubmitted(d.submitted).good);
    var was = JSON.stringify(KK.state.submitted || {});
    KK.state = d;
    // a form submitted in the other tab: this one shows it submitted too, instead of taking answers no more
    if (JSON.stringify(d.submitted || {}) !== was && KK.applyAnswers) { KK.applyAnswers(); KK.refresh(); }
  });
  /* The export names the profile it comes from (for the learner's own files; loading ignores it). */
  function exported(d, name) {
    var out = { format: FORMAT, version: VERSION, profile: name };
    Object.keys(d).forEach(function (k) { if (!(k in out)) out[k] = d[k]; });
    return JSON.stringify(out, storedForm, 1);
  }
  KK.progressText = function () { return exported(KK.state, window.KursusStorage.profileName()); };
  /* Another profile's progress as export text, read without changing anything (before removing it). */
  KK.profileProgressText = function (id, name) {
    var raw = null, d = null;
    try { raw = store && store.getItem(KK.profiles.keyOf(id)); d = raw === null ? fresh() : JSON.parse(raw); } catch (e) { d = null; }
    if (!validRecord(d)) return raw || null; // unreadable: handed out as it is, never lost unseen
    var kept = { answers: sift(d).good, worksheets: siftSheets(d.worksheets).good };
    var u = siftSubmitted(d.submitted).good;
    if (Object.keys(u).length) kept.submitted = u;
    if ("statement" in d) kept.statement = d.statement; // pass dates: checked again when the file is loaded
    return exported(kept, name);
  };
  KK.worksheetValue = function (page, field) { var p = KK.state.worksheets[page], f = p && p[field]; return f ? f.v : ""; };
  KK.setWorksheetValue = function (page, field, text) {
    var sheets = KK.state.worksheets, p = sheets[page] = sheets[page] || {};
    if (text.trim()) p[field] = { v: text.slice(0, MAX_TEXT), t: Date.now() };
    else { delete p[field]; if (!Object.keys(p).length) delete sheets[page]; }
    save(KK.state);
  };

  /* Importing: the whole text is checked first; anything impossible refuses it all, with the reason. */
  KK.importText = function (text) {
    var d;
    try { d = JSON.parse(text); } catch (e) { return { error: t("import_bad") }; }
    if (!validRecord(d) || d.version > VERSION) return { error: t("import_bad") };
    var s = sift(d), w = siftSheets(d.worksheets), u = siftSubmitted(d.submitted), ids = Object.keys(s.bad).concat(Object.keys(w.bad));
    if (s.badCount + w.badCount + u.badCount) {
      return { error: t("import_invalid", { count: s.badCount + w.badCount + u.badCount, id: String(ids.length ? ids[0] : u.badCount ? "submitted" : "worksheets").slice(0, 40) }) };
    }
    var extra = KK.importStatement ? KK.importStatement(d) : null; // checked before anything changes
    if (extra && extra.error) return { error: extra.error };
    var count = 0, answers = KK.state.answers;
    Object.keys(s.good).forEach(function (id) {
      var a = s.good[id], mine = answers[id];
      if (!mine) { answers[id] = a; count += 1; return; }
      // the earlier first attempt stays: an import cannot rewrite what was answered first
      var first = mine.first && a.first && (mine.first.t || 0) <= (a.first.t || 0) ? mine.first : a.first || mine.first;
      if ("v" in a && (!("v" in mine) || (a.t || 0) >= (mine.t || 0))) { answers[id] = a; count += 1; }
      if (first) answers[id].first = first; else delete answers[id].first; // a deferred form's unsubmitted answer has none
    });
    var sheets = KK.state.worksheets; // per field, the newer text wins, as for answers
    Object.keys(w.good).forEach(function (page) {
      Object.keys(w.good[page]).forEach(function (f) {
        var a = w.good[page][f], mine = sheets[page] && sheets[page][f];
        if (mine && (mine.t || 0) > (a.t || 0)) return;
        (sheets[page] = sheets[page] || {})[f] = a; count += 1;
      });
    });
    Object.keys(u.good).forEach(function (m) { // a form counts as submitted from its earlier submission
      var mine = KK.submittedAt(m);
      if (mine === null || u.good[m] < mine) KK.markSubmitted(m, u.good[m]);
    });
    if (extra) extra.apply();
    save(KK.state);
    return { count: count, profile: typeof d.profile === "string" ? d.profile.slice(0, KK.profiles.MAX_NAME) : "" };
  };
})();
