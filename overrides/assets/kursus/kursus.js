/* Kursus Konselor: quizzes, saved progress, export/import. No network, no dependencies.
   Answers are stored in this browser only, keyed by question id (not by page address). */
(function () {
  "use strict";
  var dataEl = document.getElementById("kk-data");
  if (!dataEl) return;
  var DATA = JSON.parse(dataEl.textContent), UI = DATA.ui;
  var KEY = "kursus-konselor/progress", FORMAT = "kursus-konselor-progress", VERSION = 1;
  var APP_KEY = "kursus-konselor/app-ready";
  var store = null, memory = null, notices = [];

  function t(key, values) {
    return (UI[key] || key).replace(/\{(\w+)\}/g, function (m, k) { return values && k in values ? values[k] : m; });
  }
  function fresh() { return { format: FORMAT, version: VERSION, answers: {} }; }
  function valid(d) {
    return d && d.format === FORMAT && typeof d.version === "number" && d.answers && typeof d.answers === "object";
  }

  /* ---- storage: corrupt or foreign data is kept aside, never silently wiped ---- */
  function load() {
    var raw;
    try { store = window.localStorage; raw = store.getItem(KEY); } catch (e) { store = null; }
    if (!store) { notices.push(t("storage_off")); return memory || (memory = fresh()); }
    if (raw === null) return fresh();
    try {
      var d = JSON.parse(raw);
      if (valid(d) && d.version <= VERSION) return d;
    } catch (e) { /* fall through */ }
    try { store.setItem(KEY + ".kept-" + Date.now(), raw); } catch (e) { /* keep the original then */ return fresh(); }
    store.removeItem(KEY);
    notices.push(t("storage_corrupt"));
    return fresh();
  }
  function save(d) {
    if (!store) { memory = d; return; }
    try { store.setItem(KEY, JSON.stringify(d)); } catch (e) { notices.push(t("storage_off")); showNotices(); }
  }
  var state = load();
  // Material's search dialog has no accessible name of its own.
  var searchDialog = document.querySelector(".md-search[role=dialog]");
  if (searchDialog && !searchDialog.hasAttribute("aria-label")) searchDialog.setAttribute("aria-label", t("search_dialog"));

  function normalise(s) {
    return String(s).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/^[\s"'.,;:!?()]+|[\s"'.,;:!?()]+$/g, "").replace(/\s+/g, " ").trim();
  }
  function $$(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }

  /* ---- reading and judging an answer, per question type ---- */
  var types = {
    single: {
      get: function (q) { var c = q.querySelector("input:checked"); return c ? +c.value : null; },
      set: function (q, v) { $$(q, "input").forEach(function (i) { i.checked = +i.value === v; }); },
      ok: function (q, v) { var i = q.querySelector('input[value="' + v + '"]'); return !!(i && i.hasAttribute("data-ok")); },
      chosen: function (q, v) { return [v]; }
    },
    multiple: {
      get: function (q) { var v = $$(q, "input:checked").map(function (i) { return +i.value; }); return v.length ? v : null; },
      set: function (q, v) { $$(q, "input").forEach(function (i) { i.checked = v.indexOf(+i.value) >= 0; }); },
      ok: function (q, v) { return $$(q, "input").every(function (i) { return i.hasAttribute("data-ok") === (v.indexOf(+i.value) >= 0); }); },
      chosen: function (q, v) { return v; }
    },
    truefalse: {
      get: function (q) { var c = q.querySelector("input:checked"); return c ? c.value : null; },
      set: function (q, v) { $$(q, "input").forEach(function (i) { i.checked = i.value === v; }); },
      ok: function (q, v) { return v === q.getAttribute("data-answer"); }
    },
    short: {
      get: function (q) { var v = q.querySelector("input").value; return normalise(v) ? v : null; },
      set: function (q, v) { q.querySelector("input").value = v; },
      ok: function (q, v) {
        return JSON.parse(q.getAttribute("data-accept") || "[]").some(function (a) { return normalise(a) === normalise(v); });
      }
    },
    ordering: {
      get: function (q) { return $$(q, "li").map(function (li) { return +li.getAttribute("data-step"); }); },
      set: function (q, v) {
        var list = q.querySelector("ol"), items = $$(list, "li");
        if (v.length !== items.length) return;
        v.forEach(function (step) {
          var li = list.querySelector('li[data-step="' + step + '"]');
          if (li) list.appendChild(li);
        });
      },
      ok: function (q, v) { return v.every(function (s, i) { return s === i; }); }
    },
    matching: {
      get: function (q) {
        var v = $$(q, "select").map(function (s) { return s.value === "" ? null : +s.value; });
        return v.indexOf(null) >= 0 ? null : v;
      },
      set: function (q, v) { $$(q, "select").forEach(function (s, i) { s.value = v[i] == null ? "" : String(v[i]); }); },
      ok: function (q, v) { return $$(q, "select").every(function (s, i) { return +s.getAttribute("data-answer") === v[i]; }); }
    },
    reflective: {
      get: function (q) { var v = q.querySelector("textarea").value; return v.trim() ? v : null; },
      set: function (q, v) { q.querySelector("textarea").value = v; },
      ok: function () { return null; }
    }
  };

  function show(q, saved) {
    var type = types[q.getAttribute("data-type")], result = q.querySelector(".kk-q__result");
    $$(q, ".kk-fb").forEach(function (f) { f.hidden = true; });
    var answered = !!saved;
    q.classList.toggle("kk-answered", answered);
    q.classList.toggle("kk-right", answered && saved.ok === true);
    q.classList.toggle("kk-wrong", answered && saved.ok === false);
    $$(q, "input:not([data-self]),select,textarea,.kk-move button").forEach(function (el) { el.disabled = answered; });
    q.querySelector('[data-act="check"]').hidden = answered;
    q.querySelector('[data-act="retry"]').hidden = !answered;
    $$(q, ".kk-explain,.kk-model").forEach(function (el) { el.hidden = !answered; });
    if (!answered) { result.textContent = ""; return; }
    if (saved.ok !== null) {
      result.textContent = saved.ok ? t("correct") : t("incorrect");
      var verdict = q.querySelector('[data-verdict="' + (saved.ok ? "correct" : "incorrect") + '"]');
      if (verdict) verdict.hidden = false;
      if (type.chosen) type.chosen(q, saved.v).forEach(function (i) {
        var f = q.querySelector('.kk-fb[data-opt="' + i + '"]'); if (f) f.hidden = false;
      });
    } else { result.textContent = ""; }
    (saved.self || []).forEach(function (i) { var c = q.querySelector('[data-self="' + i + '"]'); if (c) c.checked = true; });
  }

  function setup(q) {
    var id = q.getAttribute("data-qid"), type = types[q.getAttribute("data-type")];
    if (!type) return;
    var saved = state.answers[id];
    if (saved) { try { type.set(q, saved.v); } catch (e) { /* answer from an older version of the question */ } }
    show(q, saved);
    q.addEventListener("click", function (ev) {
      var btn = ev.target.closest("button[data-act]");
      if (!btn || btn.disabled) return;
      var act = btn.getAttribute("data-act");
      if (act === "check") {
        var v = type.get(q);
        if (v === null) { q.querySelector(".kk-q__result").textContent = t("choose_first"); return; }
        state.answers[id] = { v: v, ok: type.ok(q, v), t: Date.now() };
        save(state);
        show(q, state.answers[id]);
        refresh();
      } else if (act === "retry") {
        var keep = state.answers[id];
        delete state.answers[id];
        save(state);
        show(q, null);
        if (keep) type.set(q, keep.v);
        refresh();
      } else if (act === "hint") {
        var h = q.querySelector(".kk-hint"); h.hidden = !h.hidden;
      } else if (act === "up" || act === "down") {
        var li = btn.closest("li"), list = li.parentNode;
        if (act === "up" && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
        if (act === "down" && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
        btn.focus();
      }
    });
    q.addEventListener("change", function (ev) {
      var box = ev.target.closest("[data-self]");
      if (!box || !state.answers[id]) return;
      state.answers[id].self = $$(q, "[data-self]:checked").map(function (c) { return +c.getAttribute("data-self"); });
      save(state);
    });
  }

  /* ---- scores, progress page and navigation marks ---- */
  function moduleScore(m) {
    var s = { score: 0, max: 0, answered: 0, total: m.questions.length };
    m.questions.forEach(function (q) {
      var a = state.answers[q.id];
      s.max += q.points;
      if (a) { s.answered += 1; if (a.ok) s.score += q.points; }
    });
    return s;
  }
  function byId(id) { return DATA.modules.filter(function (m) { return m.id === id; })[0]; }

  function refresh() {
    $$(document, ".kk-quiz--full").forEach(function (box) {
      var m = byId(box.getAttribute("data-module"));
      if (m) box.querySelector(".kk-score").textContent = t("module_score", moduleScore(m));
    });
    $$(document, ".kk-progress tr[data-module]").forEach(function (row) {
      var m = byId(row.getAttribute("data-module")); if (!m) return;
      var s = moduleScore(m);
      row.querySelector(".kk-p-done").textContent = s.answered ? s.answered + "/" + s.total + " " + t("answered") +
        (s.answered === s.total ? " · " + t("complete") : "") : t("not_started");
      row.querySelector(".kk-p-score").textContent = s.answered ? s.score + "/" + s.max + " " + t("points") : "–";
    });
    markNavigation();
  }

  function markNavigation() {
    var cfg = document.getElementById("__config"), base;
    try { base = new URL(JSON.parse(cfg.textContent).base.replace(/\/?$/, "/"), location.href).href; } catch (e) { return; }
    DATA.modules.forEach(function (m) {
      var s = moduleScore(m), done = s.total > 0 && s.answered === s.total, target = base + m.dir + "/index.html";
      $$(document, ".md-nav__link[href]").forEach(function (a) {
        if (a.href.split("#")[0] !== target) return;
        a.classList.toggle("kk-done", done);
        var mark = a.querySelector(".kk-done-mark");
        if (done && !mark) {
          mark = document.createElement("span");
          mark.className = "kk-done-mark";
          mark.setAttribute("title", t("done_mark"));
          mark.innerHTML = '<span aria-hidden="true"> ✓</span><span class="kk-visually-hidden"></span>';
          mark.lastChild.textContent = " (" + t("done_mark") + ")";
          a.appendChild(mark);
        } else if (!done && mark) { a.removeChild(mark); }
      });
    });
  }

  function reset(box) {
    var m = byId(box.getAttribute("data-module"));
    if (!m || !window.confirm(t("reset_confirm"))) return;
    m.questions.forEach(function (q) { delete state.answers[q.id]; });
    save(state);
    $$(document, ".kk-q").forEach(function (q) {
      if (m.questions.some(function (x) { return x.id === q.getAttribute("data-qid"); })) {
        show(q, null);
        $$(q, "input:not([type=text])").forEach(function (i) { i.checked = false; });
        $$(q, "input[type=text],textarea,select").forEach(function (i) { i.value = ""; });
      }
    });
    refresh();
  }

  function exportProgress() {
    var blob = new Blob([progressText()], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "kursus-konselor-kemajuan-" + new Date().toISOString().slice(0, 10) + ".json";
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }

  function progressText() { return JSON.stringify(state, null, 1); }

  function importProgress(file, msg) {
    var reader = new FileReader();
    reader.onload = function () { importText(String(reader.result), msg); };
    reader.onerror = function () { msg.textContent = t("import_bad"); };
    reader.readAsText(file);
  }

  function importText(text, msg) {
    var d;
    try { d = JSON.parse(text); } catch (e) { d = null; }
    if (!valid(d) || d.version > VERSION) { msg.textContent = t("import_bad"); return; }
    var count = 0;
    Object.keys(d.answers).forEach(function (id) {
      var a = d.answers[id], mine = state.answers[id];
      if (!a || typeof a !== "object" || !("v" in a)) return;
      if (!mine || (a.t || 0) >= (mine.t || 0)) { state.answers[id] = a; count += 1; }
    });
    save(state);
    msg.textContent = t("import_done", { count: count });
    $$(document, ".kk-q").forEach(function (q) { var s = state.answers[q.getAttribute("data-qid")]; if (s) { types[q.getAttribute("data-type")].set(q, s.v); show(q, s); } });
    refresh();
  }

  /* ---- result code: a module's answers as short text for the trainer (format: kursus/scoring/codes.py) ---- */
  var B32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base 32: no I, L, O or U to misread
  function isList(v, n, perm) {
    if (!Array.isArray(v) || v.length !== n) return false;
    var seen = {};
    return v.every(function (x) { var ok = x === (x | 0) && x >= 0 && x < n && !(perm && seen[x]); seen[x] = 1; return ok; });
  }
  /* [radix, digit] pairs per scored question, in module order; 0 always means "not answered" */
  function digits(shape) {
    var out = [];
    shape.forEach(function (s) {
      var a = state.answers[s[0]], type = s[1], n = s[2], v = a ? a.v : null, i, j, k;
      if (type === "single") out.push([n + 1, v === (v | 0) && v >= 0 && v < n ? v + 1 : 0]);
      else if (type === "multiple") for (i = 0; i < n; i++) out.push([2, Array.isArray(v) && v.indexOf(i) >= 0 ? 1 : 0]);
      else if (type === "truefalse") out.push([3, v === "true" ? 1 : v === "false" ? 2 : 0]);
      else if (type === "short") out.push([3, a ? (a.ok ? 1 : 2) : 0]); // the words don't fit: judged here
      else {
        var ok = isList(v, n, type === "ordering");
        out.push([2, ok ? 1 : 0]);
        for (i = 0; i < n; i++) {
          if (type === "matching") { out.push([n, ok ? v[i] : 0]); continue; }
          for (k = 0, j = i + 1; ok && j < n; j++) if (v[j] < v[i]) k++; // Lehmer code: a permutation in n! values
          out.push([n - i, k]);
        }
      }
    });
    return out;
  }
  /* multiply-add on base-32 digits (least significant first): the packed number may exceed 2^53 */
  function mulAdd(limbs, m, add) {
    for (var i = 0, carry = add; i < limbs.length || carry; i++) {
      var x = (limbs[i] || 0) * m + carry;
      limbs[i] = x % 32; carry = Math.floor(x / 32);
    }
  }
  function crc20(vals) { // x^20 + x^3 + 1: catches any error within 4 neighbouring characters
    var c = 0xFFFFF;
    vals.forEach(function (v) {
      for (var b = 4; b >= 0; b--) { var top = c >> 19 & 1; c = c << 1 & 0xFFFFF; if (top ^ (v >> b & 1)) c ^= 9; }
    });
    return c;
  }
  function resultCode(module, tag, shape) {
    var num = [0], range = [1], vals = [+module.charAt(1), +module.charAt(2), 1], i;
    tag.split("").forEach(function (ch) { vals.push(B32.indexOf(ch)); });
    digits(shape).forEach(function (p) { mulAdd(num, p[0], p[1]); mulAdd(range, p[0], 0); });
    // as many characters as the largest possible number needs (range is a power of 32: one fewer)
    var len = range.length - (range[range.length - 1] === 1 && range.slice(0, -1).every(function (x) { return !x; }) ? 1 : 0);
    for (i = len - 1; i >= 0; i--) vals.push(num[i] || 0);
    var c = crc20(vals);
    for (i = 15; i >= 0; i -= 5) vals.push(c >> i & 31);
    // blocks of 4 or 5, as even as possible (16 -> 4-4-4-4): easier to read out than a ragged end
    var code = vals.map(function (v) { return B32.charAt(v); }).join(""), k = Math.ceil(code.length / 5), blocks = [];
    for (var at = 0, size; blocks.length < k; at += size) {
      size = Math.floor(code.length / k) + (blocks.length < code.length % k ? 1 : 0);
      blocks.push(code.substr(at, size));
    }
    return blocks.join("-");
  }
  function showCode(p, row) {
    var m = byId(row.getAttribute("data-module")), box = p.querySelector(".kk-code"), input = box.querySelector("input");
    var scored = m.questions.filter(function (q) { return q.points > 0; }); // reflective answers aren't in the code
    var s = { total: scored.length, answered: scored.filter(function (q) { return state.answers[q.id]; }).length };
    box.hidden = false;
    box.querySelector(".kk-code__label").textContent = t("code_for", { module: row.querySelector("a").textContent });
    input.value = resultCode(m.id, row.getAttribute("data-tag"), JSON.parse(row.getAttribute("data-shape")));
    box.querySelector(".kk-code__note").textContent = t("code_note", s);
    box.querySelector(".kk-code__msg").textContent = "";
    input.focus(); input.select();
  }
  function copyCode(p) { copyField(p.querySelector(".kk-code input"), p.querySelector(".kk-code__msg"), "code_copied", "code_copy_manual"); }
  function copyField(input, msg, copied, byHand) {
    function manual() { input.focus(); input.select(); msg.textContent = t(byHand); }
    function done() { msg.textContent = t(copied); }
    input.select();
    if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(input.value).then(done, manual); return; }
    try { if (document.execCommand("copy")) { done(); return; } } catch (e) { /* old browsers: select and tell */ }
    manual();
  }

  function showNotices() {
    if (!notices.length) return;
    var host = document.querySelector(".md-content__inner");
    if (!host) return;
    var box = document.createElement("div");
    box.className = "admonition warning kk-notice";
    box.setAttribute("role", "alert");
    notices.splice(0).forEach(function (n) { var p = document.createElement("p"); p.textContent = n; box.appendChild(p); });
    host.insertBefore(box, host.firstChild);
  }

  /* Quizzes are forms (kept out of the search index); Enter in a text field checks that question. */
  document.addEventListener("submit", function (ev) {
    if (!ev.target.closest(".kk-quiz,.kk-progress")) return;
    ev.preventDefault();
    var q = document.activeElement && document.activeElement.closest(".kk-q");
    if (q) { var b = q.querySelector('[data-act="check"]'); if (b && !b.hidden) b.click(); }
  });
  $$(document, ".kk-q").forEach(setup);
  $$(document, ".kk-quiz--full [data-act=reset]").forEach(function (b) {
    b.addEventListener("click", function () { reset(b.closest(".kk-quiz--full")); });
  });
  $$(document, ".kk-progress").forEach(function (p) {
    var msg = p.querySelector(".kk-progress__msg"), input = p.querySelector("input[type=file]");
    p.querySelector("[data-act=export]").addEventListener("click", exportProgress);
    input.addEventListener("change", function () { if (input.files[0]) importProgress(input.files[0], msg); input.value = ""; });
    var text = p.querySelector("#kk-progress-text"), textMsg = p.querySelector(".kk-progress__textmsg");
    if (text) {
      p.querySelector("[data-act=text-show]").addEventListener("click", function () { text.value = progressText(); text.focus(); text.select(); textMsg.textContent = ""; });
      p.querySelector("[data-act=text-copy]").addEventListener("click", function () { if (!text.value) text.value = progressText(); copyField(text, textMsg, "progress_text_copied", "progress_text_manual"); });
      p.querySelector("[data-act=text-load]").addEventListener("click", function () { importText(text.value, textMsg); });
    }
    p.addEventListener("click", function (ev) {
      var btn = ev.target.closest("button[data-act=code],button[data-act=copy]");
      if (!btn) return;
      if (btn.getAttribute("data-act") === "copy") copyCode(p); else showCode(p, btn.closest("tr"));
    });
  });
  refresh();
  showNotices();
  webApp();
  scrollRegions();
  window.addEventListener("load", scrollRegions);
  window.addEventListener("resize", scrollRegions);

  /* Tables wider than the screen scroll sideways inside Material's wrapper: a keyboard must reach them
     too (WCAG 2.1.1), so a wrapper that scrolls becomes a named, focusable region. */
  function scrollRegions() {
    $$(document, ".md-typeset__scrollwrap").forEach(function (wrap, i) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", t("table_region", { number: i + 1 })); // numbered: one name per region
        wrap.setAttribute("data-kk-region", "");
      } else if (!scrolls && wrap.hasAttribute("data-kk-region")) {
        ["tabindex", "role", "aria-label", "data-kk-region"].forEach(function (a) { wrap.removeAttribute(a); });
      }
    });
  }

  /* ---- the installable web app (the hosted course only): the service worker keeps every page for use
     without internet, and a new release is offered, never forced; progress stays in storage ---- */
  function webApp() {
    if (!DATA.app || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
    var root = new URL((dataEl.getAttribute("data-root") || ".") + "/", location.href), accepted = false;
    navigator.serviceWorker.addEventListener("controllerchange", function () { if (accepted) location.reload(); });
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href }).then(function (reg) {
      var link = document.createElement("link");
      link.rel = "manifest";
      link.href = new URL((DATA.lang === DATA.app["default"] ? "" : DATA.lang + "/") + "manifest.webmanifest", root).href;
      document.head.appendChild(link);
      function offer(worker) {
        if (!navigator.serviceWorker.controller) return; // the first install: nothing to update
        appNotice(t("app_update"), t("app_reload"), function () { accepted = true; worker.postMessage("kk-update"); });
      }
      if (reg.waiting) offer(reg.waiting);
      reg.addEventListener("updatefound", function () {
        var worker = reg.installing;
        if (worker) worker.addEventListener("statechange", function () { if (worker.state === "installed") offer(worker); });
      });
      navigator.serviceWorker.ready.then(function () {
        document.documentElement.setAttribute("data-kk-offline", "ready");
        try { if (!localStorage.getItem(APP_KEY)) { localStorage.setItem(APP_KEY, "1"); appNotice(t("app_ready")); } } catch (e) { /* no storage: no notice */ }
      });
      reg.update().catch(function () { /* offline: the cached release goes on */ });
    }).catch(function () { /* no service worker here: the course works as before */ });
  }
  function appNotice(text, label, action) {
    var host = document.querySelector(".md-content__inner");
    if (!host || document.querySelector(".kk-app-notice")) return;
    var box = document.createElement("div"), p = document.createElement("p");
    box.className = "admonition note kk-notice kk-app-notice";
    box.setAttribute("role", "status");
    p.textContent = text;
    box.appendChild(p);
    if (label) {
      var b = document.createElement("button");
      b.type = "button"; b.className = "md-button md-button--primary"; b.textContent = label;
      b.addEventListener("click", action);
      box.appendChild(b);
    }
    host.insertBefore(box, host.firstChild);
  }
})();
