/* Kursus Konselor, part 8 of 8: start-up. Wires the quizzes, the progress page (export, import, result
   codes), learner profiles, worksheets, navigation marks, scrollable tables and the installable web
   app. No network, no dependencies.
   Answers are stored in this browser only, keyed by question id (not by page address). */
(function () {
  "use strict";
  var KK = window.KK;
  if (!KK || !KK.ready) return;
  var t = KK.t, $$ = KK.$$, DATA = KK.DATA, dataEl = KK.dataEl;
  var APP_KEY = "kursus-konselor/app-ready";

  // Material's search dialog has no accessible name of its own.
  var searchDialog = document.querySelector(".md-search[role=dialog]");
  if (searchDialog && !searchDialog.hasAttribute("aria-label")) searchDialog.setAttribute("aria-label", t("search_dialog"));

  /* ---- scores, progress page and navigation marks ---- */
  KK.refresh = function () {
    KK.refreshQuizzes();
    $$(document, ".kk-progress tr[data-module]").forEach(function (row) {
      var m = KK.byId(row.getAttribute("data-module")); if (!m) return;
      var s = KK.moduleScore(m);
      row.querySelector(".kk-p-done").textContent = s.answered ? s.answered + "/" + s.total + " " + t("answered") +
        (s.complete ? " · " + t("complete") : "") : t("not_started");
      row.querySelector(".kk-p-score").textContent = s.pending ? (s.answered ? t("form_not_submitted") : "–") : s.answered || s.first ? s.score + "/" + s.max + " " + t("points") +
        (s.first !== s.score ? " " + t("first_score", s) : "") : "–"; // the code holds first answers: say so when they differ
    });
    if (KK.refreshStatement) KK.refreshStatement(); // records pass dates; on the progress page, the statement
    markNavigation();
  };

  function markNavigation() {
    var cfg = document.getElementById("__config"), base;
    try { base = new URL(JSON.parse(cfg.textContent).base.replace(/\/?$/, "/"), location.href).href; } catch (e) { return; }
    DATA.modules.forEach(function (m) {
      var done = KK.moduleScore(m).complete, target = base + m.page;
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

  function exportProgress() { KK.download(KK.progressText(), KK.progressFileName(window.KursusStorage.profileName())); }
  function importProgress(file, msg) {
    var reader = new FileReader();
    reader.onload = function () { importText(String(reader.result), msg); };
    reader.onerror = function () { msg.textContent = t("import_bad"); };
    reader.readAsText(file);
  }
  function importText(text, msg) {
    var r = KK.importText(text);
    if (r.error) { msg.textContent = r.error; return; }
    msg.textContent = t("import_done", { count: r.count });
    var current = KK.profiles.current();
    if (r.profile && r.profile !== current.name) { // on a shared device: say whose file went where
      msg.textContent += " " + t("import_other_profile", { name: r.profile, current: KK.profiles.label(current) });
    }
    KK.applyAnswers();
    KK.refresh();
  }

  /* Quizzes are forms (kept out of the search index); Enter in a text field checks that question. */
  document.addEventListener("submit", function (ev) {
    if (!ev.target.closest(".kk-quiz,.kk-progress")) return;
    ev.preventDefault();
    var q = document.activeElement && document.activeElement.closest(".kk-q");
    if (q) { var b = q.querySelector('[data-act="check"]'); if (b && !b.hidden) b.click(); }
  });
  // the progress page's key: its scores and result codes are judged from it, like a quiz page's
  $$(document, ".kk-progress tr[data-key]").forEach(function (row) {
    var keys;
    try { keys = JSON.parse(row.getAttribute("data-key")); } catch (e) { return; }
    Object.keys(keys).forEach(function (id) { if (!(id in KK.keys)) KK.keys[id] = keys[id]; });
  });
  KK.setupQuizzes();
  if (KK.setupWorksheets) KK.setupWorksheets(); // loaded on worksheet pages only (pagescripts.py)
  KK.setupProfiles();
  $$(document, ".kk-quiz--full [data-act=reset]").forEach(function (b) {
    b.addEventListener("click", function () { KK.resetModule(b.closest(".kk-quiz--full")); });
  });
  $$(document, ".kk-progress").forEach(function (p) {
    var msg = p.querySelector(".kk-progress__msg"), input = p.querySelector("input[type=file]");
    p.querySelector("[data-act=export]").addEventListener("click", exportProgress);
    input.addEventListener("change", function () { if (input.files[0]) importProgress(input.files[0], msg); input.value = ""; });
    var text = p.querySelector("#kk-progress-text"), textMsg = p.querySelector(".kk-progress__textmsg");
    if (text) {
      p.querySelector("[data-act=text-show]").addEventListener("click", function () { text.value = KK.progressText(); text.focus(); text.select(); textMsg.textContent = ""; });
      p.querySelector("[data-act=text-copy]").addEventListener("click", function () { if (!text.value) text.value = KK.progressText(); KK.copyField(text, textMsg, "progress_text_copied", "progress_text_manual"); });
      p.querySelector("[data-act=text-load]").addEventListener("click", function () { importText(text.value, textMsg); });
    }
    p.addEventListener("click", function (ev) {
      var btn = ev.target.closest("button[data-act=code],button[data-act=copy]");
      if (!btn) return;
      if (btn.getAttribute("data-act") === "copy") KK.copyField(p.querySelector(".kk-code input"), p.querySelector(".kk-code__msg"), "code_copied", "code_copy_manual");
      else KK.showCode(p, btn.closest("tr"));
    });
  });
  KK.refresh();
  KK.showNotices();
  webApp();
  scrollRegions();
  window.addEventListener("load", scrollRegions);
  window.addEventListener("resize", scrollRegions);

  /* Tables wider than the screen scroll sideways inside Material's wrapper: a keyboard must reach them
     too (WCAG 2.1.1), so a wrapper that scrolls becomes a named, focusable region; so does a code block. */
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
    // A code block wider than a phone scrolls too; Material makes it focusable only once its observer runs.
    $$(document, ".md-typeset pre > code").forEach(function (code) {
      if (code.scrollWidth > code.clientWidth + 1 && !code.hasAttribute("tabindex")) code.setAttribute("tabindex", "0");
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
