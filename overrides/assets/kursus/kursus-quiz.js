/* Kursus Konselor, part 4 of 8: quizzes on the page. An answer is read from the form, judged against the
   key in the page's own markup, saved, and shown with feedback. The first checked answer of a question is
   what the result code records; later checks are practice and say so. */
(function () {
  "use strict";
  var KK = window.KK;
  if (!KK || !KK.ready) return;
  var t = KK.t, $$ = KK.$$;

  /* Reading and writing an answer, and the key, per question type; "code" is the answer's part of a result
     code (kursus-codes.js), as [radix, digit] pairs: v is a first answer storage accepted, or null (blank,
     all digits 0). The same per type as the registry's radices and digits (scripts/kursus/quiz/types/). */
  var types = {
    single: {
      get: function (q) { var c = q.querySelector("input:checked"); return c ? +c.value : null; },
      set: function (q, v) { $$(q, "input").forEach(function (i) { i.checked = +i.value === v; }); },
      key: function (q) { return $$(q, "input[data-ok]").map(function (i) { return +i.value; }); },
      code: function (n, v) { return [[n + 1, v === null ? 0 : v + 1]]; }
    },
    multiple: {
      get: function (q) { var v = $$(q, "input:checked").map(function (i) { return +i.value; }); return v.length ? v : null; },
      set: function (q, v) { $$(q, "input").forEach(function (i) { i.checked = v.indexOf(+i.value) >= 0; }); },
      key: function (q) { return $$(q, "input[data-ok]").map(function (i) { return +i.value; }); },
      code: function (n, v) { var out = []; for (var i = 0; i < n; i++) out.push([2, v !== null && v.indexOf(i) >= 0 ? 1 : 0]); return out; }
    },
    truefalse: {
      get: function (q) { var c = q.querySelector("input:checked"); return c ? c.value : null; },
      set: function (q, v) { $$(q, "input").forEach(function (i) { i.checked = i.value === v; }); },
      key: function (q) { return q.getAttribute("data-answer"); },
      code: function (n, v) { return [[3, v === "true" ? 1 : v === "false" ? 2 : 0]]; }
    },
    short: {
      get: function (q) { var v = q.querySelector("input").value; return KK.normalise(v) ? v : null; },
      set: function (q, v) { q.querySelector("input").value = v; },
      key: function (q) { try { return JSON.parse(q.getAttribute("data-accept") || "[]"); } catch (e) { return []; } },
      // the words don't fit a code: judged here, from the key on this page
      code: function (n, v, key) { return [[3, v === null || !key ? 0 : KK.judge("short", key, v) ? 1 : 2]]; }
    },
    ordering: {
      get: function (q) { return $$(q, "li").map(function (li) { return +li.getAttribute("data-step"); }); },
      set: function (q, v) {
        var list = q.querySelector("ol"), items = $$(list, "li");
        if (v.length !== items.length) return;
        v.forEach(function (step) { // steps are found by position, never by a selector built from stored text
          var li = items.filter(function (x) { return +x.getAttribute("data-step") === step; })[0];
          if (li) list.appendChild(li);
        });
      },
      key: function () { return null; },
      parts: function (q, v) { return $$(q, "li").map(function (li, i) { return [li, v[i] === i]; }); },
      code: function (n, v) { // an answered bit, then the Lehmer code: a permutation in n! values
        var out = [[2, v === null ? 0 : 1]], i, j, k;
        for (i = 0; i < n; i++) {
          for (k = 0, j = i + 1; v !== null && j < n; j++) if (v[j] < v[i]) k++;
          out.push([n - i, k]);
        }
        return out;
      }
    },
    matching: {
      get: function (q) {
        var v = $$(q, "select").map(function (s) { return s.value === "" ? null : +s.value; });
        return v.indexOf(null) >= 0 ? null : v;
      },
      set: function (q, v) { $$(q, "select").forEach(function (s, i) { s.value = v[i] == null ? "" : String(v[i]); }); },
      key: function () { return null; },
      parts: function (q, v) { return $$(q, ".kk-pair").map(function (row, i) { return [row, v[i] === i]; }); },
      code: function (n, v) { var out = [[2, v === null ? 0 : 1]]; for (var i = 0; i < n; i++) out.push([n, v === null ? 0 : v[i]]); return out; }
    },
    reflective: {
      get: function (q) { var v = q.querySelector("textarea").value; return v.trim() ? v : null; },
      set: function (q, v) { q.querySelector("textarea").value = v; },
      key: function () { return null; }
    }
  };
  // each joins its type's entry in the registry (kursus-types.js): one table for the rules and the page
  Object.keys(types).forEach(function (name) { Object.assign(KK.types[name], types[name]); });
  types = KK.types;

  function info(q) { return { id: q.getAttribute("data-qid"), type: q.getAttribute("data-type") }; }
  function moduleOf(q) { var i = KK.questionInfo[q.getAttribute("data-qid")]; return i ? i.module : ""; }
  /* A deferred form not yet submitted (kursus-storage.js): answers are saved as given, never judged on screen. */
  function pending(module) { return KK.isDeferred(module) && KK.submittedAt(module) === null; }
  function verdict(q, v) { var i = info(q); return KK.judge(i.type, KK.keys[i.id], v); }

  function clearMarks(q) {
    $$(q, ".kk-chosen").forEach(function (el) { el.classList.remove("kk-chosen"); });
    $$(q, ".kk-part-ok,.kk-part-bad").forEach(function (el) { el.classList.remove("kk-part-ok", "kk-part-bad"); });
    $$(q, ".kk-part-mark").forEach(function (el) { el.parentNode.removeChild(el); });
  }
  /* After checking: the chosen options stay clearly marked, and each pair or step says right or not. */
  function mark(q, type, v) {
    $$(q, ".kk-opt input:checked").forEach(function (i) { i.closest(".kk-opt").classList.add("kk-chosen"); });
    if (!type.parts) return;
    type.parts(q, v).forEach(function (p) {
      var el = p[0], ok = p[1], m = document.createElement("span");
      el.classList.add(ok ? "kk-part-ok" : "kk-part-bad");
      m.className = "kk-part-mark";
      m.textContent = ok ? t("part_right") : t("part_wrong");
      el.appendChild(m);
    });
  }

  /* While a deferred form is answered: the answer stays open to change, with no verdict, mark or feedback. */
  function showOpen(q) {
    $$(q, ".kk-fb,.kk-explain,.kk-model,[data-act=check],[data-act=retry]").forEach(function (el) { el.hidden = true; });
    clearMarks(q);
    q.classList.remove("kk-answered", "kk-right", "kk-wrong");
    $$(q, "input,select,textarea,.kk-move button").forEach(function (el) { el.disabled = false; });
    var practice = q.querySelector(".kk-q__practice");
    if (practice) practice.parentNode.removeChild(practice);
    q.querySelector(".kk-q__result").textContent = "";
  }
  /* Saves the answer as it stands now (an unsubmitted answer has no first answer; storage keeps it so). */
  function keep(q) {
    var id = q.getAttribute("data-qid"), v = types[q.getAttribute("data-type")].get(q), before = KK.state.answers[id];
    var entry = v === null ? {} : { v: v, t: Date.now() };
    if (before && before.first) entry.first = before.first; // from before forms were deferred: it stays
    if (entry.first || "v" in entry) KK.state.answers[id] = entry; else delete KK.state.answers[id];
    KK.save();
    KK.refresh();
  }

  function show(q, saved) {
    if (pending(moduleOf(q))) { showOpen(q); return; }
    var type = types[q.getAttribute("data-type")], result = q.querySelector(".kk-q__result");
    var answered = !!(saved && "v" in saved), ok = answered ? verdict(q, saved.v) : null;
    $$(q, ".kk-fb").forEach(function (f) { f.hidden = true; });
    clearMarks(q);
    q.classList.toggle("kk-answered", answered);
    q.classList.toggle("kk-right", answered && ok === true);
    q.classList.toggle("kk-wrong", answered && ok === false);
    $$(q, "input:not([data-self]),select,textarea,.kk-move button").forEach(function (el) { el.disabled = answered; });
    q.querySelector('[data-act="check"]').hidden = answered;
    q.querySelector('[data-act="retry"]').hidden = !answered;
    $$(q, ".kk-explain,.kk-model").forEach(function (el) { el.hidden = !answered; });
    var practice = q.querySelector(".kk-q__practice");
    if (practice) practice.parentNode.removeChild(practice);
    // a deferred form's question left blank when it was submitted: the code holds it as not answered
    var blank = KK.isDeferred(moduleOf(q)) && !(saved && saved.first);
    if (!answered || ok === null) { result.textContent = blank && !answered ? t("form_blank") : ""; }
    else {
      result.textContent = ok ? t("correct") : t("incorrect");
      var fb = q.querySelector('[data-verdict="' + (ok ? "correct" : "incorrect") + '"]');
      if (fb) fb.hidden = false;
      if (type.options) {
        [].concat(saved.v).forEach(function (i) {
          var f = $$(q, ".kk-fb[data-opt]").filter(function (x) { return +x.getAttribute("data-opt") === i; })[0];
          if (f) f.hidden = false;
        });
      }
      mark(q, type, saved.v);
      if (blank || (saved.first && JSON.stringify(saved.first.v) !== JSON.stringify(saved.v))) {
        practice = document.createElement("p");
        practice.className = "kk-q__practice";
        var was = blank ? t("not_answered") : verdict(q, saved.first.v) ? t("correct") : t("incorrect");
        practice.textContent = t("practice_note", { first: was.replace(/[.!]$/, "") });
        result.parentNode.insertBefore(practice, result.nextSibling);
      }
    }
    (saved && saved.self || []).forEach(function (i) { var c = $$(q, "[data-self]")[i]; if (c) c.checked = true; });
  }
  KK.show = show;

  function check(q) {
    var id = q.getAttribute("data-qid"), type = types[q.getAttribute("data-type")];
    var v = type.get(q);
    if (v === null) { q.querySelector(".kk-q__result").textContent = t("choose_first"); return; }
    var before = KK.state.answers[id], entry = { v: v, t: Date.now() };
    // only the first check counts; in a deferred form only what was submitted
    if (before && before.first) entry.first = before.first;
    else if (!KK.isDeferred(moduleOf(q))) entry.first = { v: v, t: entry.t };
    if (before && before.self) entry.self = before.self;
    KK.state.answers[id] = entry;
    KK.save();
    show(q, entry);
    KK.refresh();
  }
  function retry(q) {
    var id = q.getAttribute("data-qid"), type = types[q.getAttribute("data-type")], last = KK.state.answers[id];
    if (last && last.first) KK.state.answers[id] = { first: last.first };
    else delete KK.state.answers[id];
    KK.save();
    show(q, KK.state.answers[id]); // the first answer, if any: a deferred form's blank says so
    if (last && "v" in last) type.set(q, last.v);
  }
  KK.retry = retry;

  function setup(q) {
    var id = q.getAttribute("data-qid"), type = types[q.getAttribute("data-type")];
    if (!type || !KK.questionInfo[id]) return;
    KK.keys[id] = type.key(q);
    if (type.numeric && type.numeric(KK.keys[id])) {
      q.querySelector("input").setAttribute("inputmode", "decimal"); // a number pad on phones
    }
    // what the page lets a learner type is what storage accepts back, so nothing typed is set aside later
    $$(q, "input[type=text]").forEach(function (i) { i.maxLength = KK.MAX_SHORT; });
    $$(q, "textarea").forEach(function (i) { i.maxLength = KK.MAX_TEXT; });
    var saved = KK.state.answers[id];
    if (saved && "v" in saved) type.set(q, saved.v);
    show(q, saved);
    q.addEventListener("click", function (ev) {
      var btn = ev.target.closest("button[data-act]");
      if (!btn || btn.disabled) return;
      var act = btn.getAttribute("data-act");
      if (act === "check") check(q);
      else if (act === "retry") { retry(q); KK.refresh(); }
      else if (act === "hint") { var h = q.querySelector(".kk-hint"); h.hidden = !h.hidden; }
      else if (act === "up" || act === "down") {
        var li = btn.closest("li"), list = li.parentNode;
        if (act === "up" && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
        if (act === "down" && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
        btn.focus();
        if (pending(moduleOf(q))) keep(q);
      }
    });
    q.addEventListener("input", function (ev) { // typed words are kept on every keystroke, as elsewhere
      if (ev.target.matches("input[type=text],textarea") && pending(moduleOf(q))) keep(q);
    });
    q.addEventListener("change", function (ev) {
      if (!ev.target.closest("[data-self]") && pending(moduleOf(q))) { keep(q); return; }
      var box = ev.target.closest("[data-self]"), entry = KK.state.answers[id];
      if (!box || !entry) return;
      entry.self = [];
      $$(q, "[data-self]").forEach(function (c, i) { if (c.checked) entry.self.push(i); });
      KK.save();
    });
  }

  /* A module's figures, the ONE place they are counted: the progress table, the result code's note, the
     quiz page's score and summary, and the navigation marks all show these, so they always agree.
     Every question counts towards answered/total, reflections included (they are part of the work; they
     carry no points). Answered = has an answer now (a question being retried is not). The score is
     judged again from the key, never from storage. */
  KK.moduleScore = function (m) {
    var s = { score: 0, max: 0, answered: 0, total: m.questions.length, wrong: [], first: 0 };
    m.questions.forEach(function (q) {
      var a = KK.state.answers[q.id], key = KK.keys[q.id], known = a && key !== undefined;
      var ok = known && "v" in a ? KK.judge(q.type, key, a.v) : null;
      s.max += q.points;
      if (a && "v" in a) s.answered += 1;
      if (ok) s.score += q.points;
      if (known && a.first && KK.judge(q.type, key, a.first.v)) s.first += q.points; // what the result code holds
      if (ok === false) s.wrong.push(q.id);
    });
    s.complete = s.total > 0 && s.answered === s.total;
    if (KK.isDeferred(m.id)) { // a form is done when submitted; before that nothing of it is judged aloud
      s.pending = KK.submittedAt(m.id) === null;
      s.complete = !s.pending;
      if (s.pending) { s.score = 0; s.first = 0; s.wrong = []; }
    }
    return s;
  };

  /* The end of a module quiz: the score, links to the questions to review, and "try the wrong ones again". */
  function summary(box, m) {
    var s = KK.moduleScore(m), el = box.querySelector(".kk-summary");
    if (!el) {
      el = document.createElement("div");
      el.className = "kk-summary";
      el.innerHTML = '<p class="kk-summary__score"></p><p class="kk-summary__label"></p><ul class="kk-summary__list"></ul>' +
        '<p><button type="button" class="md-button md-button--primary" data-act="retry-wrong"></button></p>';
      el.querySelector("button").textContent = t("summary_retry_wrong");
      el.querySelector("button").addEventListener("click", function () { retryWrong(box, m); });
      var reset = box.querySelector(".kk-reset");
      box.insertBefore(el, reset || null);
    }
    el.hidden = !!s.pending;
    el.querySelector(".kk-summary__score").textContent = t("module_score", s) + (s.first !== s.score ? " " + t("first_score", s) : "");
    el.querySelector(".kk-summary__label").textContent = s.wrong.length ? t("summary_review") : (s.answered ? t("summary_none_wrong") : "");
    var list = el.querySelector(".kk-summary__list");
    list.textContent = "";
    s.wrong.forEach(function (id) {
      var q = document.getElementById("q-" + id.replace(/\./g, "-"));
      if (!q) return;
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = "#" + q.id;
      a.textContent = q.querySelector(".kk-q__num").textContent;
      li.appendChild(a);
      list.appendChild(li);
    });
    el.querySelector("button").parentNode.hidden = !s.wrong.length;
  }
  function retryWrong(box, m) {
    var first = null;
    KK.moduleScore(m).wrong.forEach(function (id) {
      var q = document.getElementById("q-" + id.replace(/\./g, "-"));
      if (!q || !box.contains(q)) return;
      retry(q);
      first = first || q;
    });
    KK.refresh();
    if (first) { first.scrollIntoView(); var c = first.querySelector("input,select,textarea,button"); if (c) c.focus(); }
  }

  /* The end of a deferred form before it is submitted: how many are answered, and the one submit button. */
  function submitPanel(box, m) {
    var s = KK.moduleScore(m), el = box.querySelector(".kk-submit");
    if (!s.pending) { if (el) el.parentNode.removeChild(el); return; }
    if (!el) {
      el = document.createElement("div");
      el.className = "kk-submit";
      el.innerHTML = '<p class="kk-submit__status"></p><p><button type="button" class="md-button md-button--primary" data-act="submit-form"></button></p>';
      el.querySelector("button").textContent = t("form_submit");
      el.querySelector("button").addEventListener("click", function () { submit(box, m); });
      box.insertBefore(el, box.querySelector(".kk-reset") || null);
    }
    el.querySelector(".kk-submit__status").textContent = t("form_status", s);
  }
  /* Submitting: each answer given becomes the first answer (one given before forms were deferred stays),
     the form is marked submitted, and every question shows its verdict and feedback. */
  function submit(box, m) {
    var s = KK.moduleScore(m), missing = s.total - s.answered, now = Date.now();
    if (missing && !window.confirm(t("form_submit_confirm", { count: missing }))) return;
    m.questions.forEach(function (x) {
      var a = KK.state.answers[x.id];
      if (a && "v" in a && !a.first) a.first = { v: a.v, t: a.t || now };
    });
    KK.markSubmitted(m.id, now);
    KK.save();
    $$(document, ".kk-q").forEach(function (q) { if (moduleOf(q) === m.id) show(q, KK.state.answers[q.getAttribute("data-qid")]); });
    KK.refresh();
    var score = box.querySelector(".kk-summary__score");
    if (score) { score.setAttribute("tabindex", "-1"); score.focus(); }
  }

  KK.refreshQuizzes = function () {
    $$(document, ".kk-quiz--full").forEach(function (box) {
      var m = KK.byId(box.getAttribute("data-module"));
      if (!m) return;
      var s = KK.moduleScore(m);
      box.querySelector(".kk-score").textContent = s.pending ? t("form_status", s) : t("module_score", s);
      submitPanel(box, m);
      summary(box, m);
    });
  };

  KK.resetModule = function (box) {
    var m = KK.byId(box.getAttribute("data-module"));
    if (!m || !window.confirm(t("reset_confirm"))) return;
    m.questions.forEach(function (q) { // first attempts stay: the result code keeps recording them
      var a = KK.state.answers[q.id];
      if (a && a.first) KK.state.answers[q.id] = { first: a.first };
      else delete KK.state.answers[q.id]; // an unsubmitted answer of a deferred form, or a blank's practice
    });
    KK.save();
    $$(document, ".kk-q").forEach(function (q) {
      if (m.questions.some(function (x) { return x.id === q.getAttribute("data-qid"); })) {
        show(q, KK.state.answers[q.getAttribute("data-qid")]);
        $$(q, "input:not([type=text])").forEach(function (i) { i.checked = false; });
        $$(q, "input[type=text],textarea,select").forEach(function (i) { i.value = ""; });
      }
    });
    KK.refresh();
  };

  KK.setupQuizzes = function () { $$(document, ".kk-q").forEach(setup); };
  KK.applyAnswers = function () {
    $$(document, ".kk-q").forEach(function (q) {
      var s = KK.state.answers[q.getAttribute("data-qid")], type = types[q.getAttribute("data-type")];
      if (s && type && "v" in s) { type.set(q, s.v); show(q, s); }
      else if (type && KK.isDeferred(moduleOf(q))) show(q, s); // an imported submission changes every question
    });
  };
})();
