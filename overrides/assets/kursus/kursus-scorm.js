/* Kursus Konselor: reporting to an LMS through the SCORM 1.2 API (the package 'kursus export scorm'
   writes). Only a page holding a module's whole quiz reports, and only when an LMS provides window.API
   in a parent or opener window; anywhere else this file does nothing and the page works as always.
   The score is the module's first answers (what the result code records, retries are practice), in
   percent; the status is incomplete until every question has been answered (a form with deferred
   feedback: until it is submitted), then passed or failed at the LMS's mastery score (else the course's
   pass mark). Progress goes to cmi.suspend_data (at most
   4,096 characters) and comes back on resume through the same checks as an imported progress file.
   Runs after kursus-storage.js and kursus-quiz.js, before kursus.js sets the quizzes up. */
(function () {
  "use strict";
  var KK = window.KK;
  if (!KK || !KK.ready) return;
  var box = document.querySelector(".kk-quiz--full[data-module]");
  var module = box && KK.byId(box.getAttribute("data-module"));
  if (!module) return;
  var MAX_SUSPEND = 4096, MAX_DEPTH = 10, started = Date.now(), sent = {}, finished = false;
  var api = findApi();
  if (!api || String(api.LMSInitialize("")) !== "true") return;

  var STATUS = ["passed", "completed", "failed", "incomplete", "browsed", "not attempted"];
  var SCORE = /^(100|[1-9]?[0-9])$/; // whole percentages: what this file sends as raw, min and max
  var mastery = masteryScore();
  // A module the LMS already has as finished is never set back to incomplete (say the LMS's copy of the
  // answers had to be shortened and this browser has fewer of them).
  var finishedBefore = ["passed", "failed", "completed"].indexOf(String(api.LMSGetValue("cmi.core.lesson_status"))) >= 0;

  /* The SCORM 1.2 way: window.API in this window or a parent, else in the opener's chain; bounded, and
     a window of another origin ends the search instead of throwing. */
  function findApi() {
    function inChain(win) {
      for (var i = 0; win && i < MAX_DEPTH; i += 1) {
        try { if (win.API && typeof win.API.LMSInitialize === "function") return win.API; } catch (e) { return null; }
        if (win.parent === win) return null;
        win = win.parent;
      }
      return null;
    }
    var found = inChain(window);
    if (found) return found;
    try { return window.top && window.top.opener ? inChain(window.top.opener) : null; } catch (e) { return null; }
  }

  function percent(x) { return typeof x === "number" && isFinite(x) && x >= 0 && x <= 100; }
  function masteryScore() {
    var lms = String(api.LMSGetValue("cmi.student_data.mastery_score") || "");
    if (/^\d+(\.\d+)?$/.test(lms) && percent(parseFloat(lms))) return parseFloat(lms);
    return percent(KK.DATA.passMark) ? KK.DATA.passMark : null;
  }

  /* Every value is checked against its element's rules before it is sent: never an invalid one. */
  var RULES = {
    "cmi.core.score.raw": function (v) { return SCORE.test(v); },
    "cmi.core.score.min": function (v) { return SCORE.test(v); },
    "cmi.core.score.max": function (v) { return SCORE.test(v); },
    "cmi.core.lesson_status": function (v) { return STATUS.indexOf(v) >= 0; },
    "cmi.core.exit": function (v) { return v === "suspend" || v === ""; },
    "cmi.core.session_time": function (v) { return /^\d{2,4}:[0-5]\d:[0-5]\d$/.test(v); },
    "cmi.suspend_data": function (v) { return typeof v === "string" && v.length <= MAX_SUSPEND; }
  };
  function send(name, value) {
    if (!RULES[name] || !RULES[name](value) || sent[name] === value) return false;
    if (String(api.LMSSetValue(name, value)) !== "true") return false;
    sent[name] = value;
    return true;
  }

  /* ---- suspend_data: {"k":1,"a":{"q01":{"v":…,"t":s,"f":[v,s],"s":[…]}},"u":s}, times in seconds, the
     module's prefix left off; "f" (the first answer) only when it differs from "v" (always in a form
     with deferred feedback); "u" when that form was submitted (before, its answers have no first) ---- */
  function seconds(t) { return typeof t === "number" && isFinite(t) && t > 0 ? Math.floor(t / 1000) : 0; }
  function shortId(id) { return id.indexOf(module.id + ".") === 0 ? id.slice(module.id.length + 1) : id; }
  /* level 0: everything; 1: without reflective answers (never scored); 2: without retried answers
     (the first answers, which make the score, stay); 3: without the last questions, until it fits. */
  function encode(level) {
    var out = {};
    module.questions.forEach(function (q) {
      var a = KK.state.answers[q.id], e = {}, kind = KK.typeOf(q.type);
      if (!a || (level >= 1 && !(kind && kind.scored))) return;
      // a deferred form always names the first answer: there an answer without one was not submitted
      var first = a.first, same = first && "v" in a && !KK.isDeferred(module.id) &&
        JSON.stringify(first.v) === JSON.stringify(a.v) && seconds(first.t) === seconds(a.t);
      if ("v" in a && (same || !first || level < 2)) { e.v = a.v; e.t = seconds(a.t); }
      if (first && !("v" in e && same)) e.f = [first.v, seconds(first.t)];
      if (a.self && a.self.length && "v" in e) e.s = a.self;
      if ("v" in e || e.f) out[shortId(q.id)] = e;
    });
    var data = { k: 1, a: out }, submitted = KK.submittedAt(module.id);
    if (submitted !== null) data.u = seconds(submitted);
    return data;
  }
  function suspendData() {
    for (var level = 0; level < 3; level += 1) {
      var text = JSON.stringify(encode(level));
      if (text.length <= MAX_SUSPEND) return text;
    }
    var data = encode(2), keys = Object.keys(data.a);
    while (keys.length) {
      delete data.a[keys.pop()];
      text = JSON.stringify(data);
      if (text.length <= MAX_SUSPEND) return text;
    }
    return "";
  }

  /* Resuming: the LMS's copy goes through KK.importText, which checks every answer against its question
     and keeps the newer of two answers; anything impossible and the LMS's copy is not used at all. */
  function restore() {
    var text = String(api.LMSGetValue("cmi.suspend_data") || ""), d;
    if (!text) return;
    try { d = JSON.parse(text); } catch (e) { return; }
    if (!d || d.k !== 1 || !d.a || typeof d.a !== "object" || Array.isArray(d.a)) return;
    var answers = {}, record = { format: "kursus-konselor-progress", version: 1, answers: answers };
    if ("u" in d) { record.submitted = {}; record.submitted[module.id] = typeof d.u === "number" ? d.u * 1000 : d.u; }
    Object.keys(d.a).forEach(function (key) {
      var e = d.a[key], id = module.id + "." + key, entry = {};
      if (!e || typeof e !== "object" || !KK.questionInfo[id] || KK.questionInfo[id].module !== module.id) return;
      if ("v" in e) { entry.v = e.v; entry.t = typeof e.t === "number" ? e.t * 1000 : e.t; }
      if (Array.isArray(e.f) && e.f.length === 2) entry.first = { v: e.f[0], t: typeof e.f[1] === "number" ? e.f[1] * 1000 : e.f[1] };
      if ("s" in e) entry.self = e.s;
      answers[id] = entry;
    });
    if (Object.keys(answers).length || record.submitted) KK.importText(JSON.stringify(record));
  }

  function report() {
    if (finished) return;
    var s = KK.moduleScore(module), firsts = 0;
    module.questions.forEach(function (q) { var a = KK.state.answers[q.id]; if (a && a.first) firsts += 1; });
    // a deferred form is done when submitted (a question left blank then has no first answer)
    var changed = false, done = KK.isDeferred(module.id) ? !s.pending : firsts === module.questions.length && firsts > 0;
    if (s.max > 0 && !s.pending && (done || !finishedBefore)) { // no score before a form is submitted
      var raw = String(Math.max(0, Math.min(100, Math.round(100 * s.first / s.max))));
      changed = send("cmi.core.score.min", "0") || changed;
      changed = send("cmi.core.score.max", "100") || changed;
      changed = send("cmi.core.score.raw", raw) || changed;
    }
    var status = !done ? "incomplete" : mastery === null || s.max === 0 ? "completed"
      : 100 * s.first / s.max >= mastery ? "passed" : "failed";
    if (done || !finishedBefore) changed = send("cmi.core.lesson_status", status) || changed;
    changed = send("cmi.suspend_data", suspendData()) || changed;
    if (changed) api.LMSCommit("");
  }

  function sessionTime() {
    var total = Math.min(Math.floor((Date.now() - started) / 1000), 9999 * 3600 + 3599);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(Math.floor(total / 3600)) + ":" + two(Math.floor(total / 60) % 60) + ":" + two(total % 60);
  }
  function finish() {
    if (finished) return;
    report();
    send("cmi.core.exit", "suspend"); // the LMS keeps suspend_data for the next visit
    send("cmi.core.session_time", sessionTime());
    finished = true;
    api.LMSCommit("");
    api.LMSFinish("");
  }

  restore();
  document.addEventListener("kk:saved", report); // kursus-storage.js: after every saved answer
  // the keys are read as kursus.js sets the quizzes up, which runs after this file
  document.addEventListener("DOMContentLoaded", report);
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
