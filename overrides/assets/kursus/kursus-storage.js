/* Kursus Konselor, part 2 of 5: saved progress. Nothing stored or imported is trusted: each answer is
   checked against its question's type and size (from the page data) before use. A damaged answer is kept
   aside under its own key (never deleted) and the learner told once; the rest of the page goes on. */
(function () {
  "use strict";
  var KK = window.KK;
  if (!KK || !KK.ready) return;
  var t = KK.t;
  var KEY = "kursus-konselor/progress", FORMAT = "kursus-konselor-progress", VERSION = 1;
  var MAX_SHORT = KK.MAX_SHORT, MAX_TEXT = KK.MAX_TEXT;
  var store = null, memory = null, writable = true;

  function fresh() { return { format: FORMAT, version: VERSION, answers: {} }; }
  function isMap(x) { return !!x && typeof x === "object" && !Array.isArray(x); }
  function isIndex(x, n) { return typeof x === "number" && x === Math.floor(x) && x >= 0 && x < n; }
  function distinct(v) { return v.every(function (x, i) { return v.indexOf(x) === i; }); }

  /* Is v a possible answer to a question of this type with n options/steps/pairs? */
  function validValue(type, n, v) {
    if (type === "single") return isIndex(v, n);
    if (type === "multiple") return Array.isArray(v) && v.length > 0 && v.length <= n && distinct(v) && v.every(function (x) { return isIndex(x, n); });
    if (type === "truefalse") return v === "true" || v === "false";
    if (type === "short") return typeof v === "string" && v.length <= MAX_SHORT && KK.normalise(v) !== "";
    if (type === "ordering") return Array.isArray(v) && v.length === n && distinct(v) && v.every(function (x) { return isIndex(x, n); });
    if (type === "matching") return Array.isArray(v) && v.length === n && v.every(function (x) { return isIndex(x, n); });
    if (type === "reflective") return typeof v === "string" && v.length <= MAX_TEXT && v.trim() !== "";
    return false;
  }
  function validTime(x) { return x === undefined || (typeof x === "number" && isFinite(x) && x >= 0); }
  function validAttempt(info, a) { return isMap(a) && validValue(info.type, info.n, a.v) && validTime(a.t); }

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
    if ("self" in a && !(info.type === "reflective" && Array.isArray(a.self) && a.self.length <= info.n &&
        distinct(a.self) && a.self.every(function (x) { return isIndex(x, info.n); }))) return null;
    if (hasV) { out.v = a.v; if (a.t !== undefined) out.t = a.t; }
    // older records have no first attempt: the answer itself is the best we know
    out.first = "first" in a ? { v: a.first.v, t: a.first.t } : { v: a.v, t: a.t };
    if (out.first.t === undefined) delete out.first.t;
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
    var s = sift(d);
    d.answers = s.good;
    if (s.badCount) {
      if (!keepAside(JSON.stringify({ format: FORMAT, version: VERSION, answers: s.bad }))) {
        writable = false; // the damaged answers stay where they are until there is room to keep them
        KK.notices.push(t("storage_stuck"));
      } else {
        KK.notices.push(t("storage_invalid", { count: s.badCount }));
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
        if (!info || !("v" in a) || key === undefined) { out[id] = a; return; }
        out[id] = {};
        Object.keys(a).forEach(function (f) { out[id][f] = a[f]; });
        out[id].ok = KK.judge(info.type, key, a.v);
      });
      return out;
    }
    return v;
  }

  KK.keepAside = keepAside; // for other stored parts (the statement, kursus-statement.js) that fail validation
  KK.state = load();
  KK.save = function () {
    save(KK.state);
    document.dispatchEvent(new CustomEvent("kk:saved")); // for kursus-scorm.js (reports to an LMS)
  };
  KK.progressText = function () { return JSON.stringify(KK.state, storedForm, 1); };

  /* Importing: the whole text is checked first; anything impossible refuses it all, with the reason. */
  KK.importText = function (text) {
    var d;
    try { d = JSON.parse(text); } catch (e) { return { error: t("import_bad") }; }
    if (!validRecord(d) || d.version > VERSION) return { error: t("import_bad") };
    var s = sift(d), ids = Object.keys(s.bad);
    if (ids.length) return { error: t("import_invalid", { count: ids.length, id: ids[0].slice(0, 40) }) };
    var extra = KK.importStatement ? KK.importStatement(d) : null; // checked before anything changes
    if (extra && extra.error) return { error: extra.error };
    var count = 0, answers = KK.state.answers;
    Object.keys(s.good).forEach(function (id) {
      var a = s.good[id], mine = answers[id];
      if (!mine) { answers[id] = a; count += 1; return; }
      // the earlier first attempt stays: an import cannot rewrite what was answered first
      var first = mine.first && a.first && (mine.first.t || 0) <= (a.first.t || 0) ? mine.first : a.first || mine.first;
      if ("v" in a && (!("v" in mine) || (a.t || 0) >= (mine.t || 0))) { answers[id] = a; count += 1; }
      answers[id].first = first;
    });
    if (extra) extra.apply();
    save(KK.state);
    return { count: count };
  };
})();
