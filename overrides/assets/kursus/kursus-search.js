/* Kursus Konselor: search loads only when the learner opens it. Loaded before Material's bundle
   (overrides/main.html), which otherwise fetches the search index (1.2 MB, most of a first visit) and starts
   the search worker on every page over HTTP. Material is left as it is: this script holds back the two
   requests it makes, the index (XMLHttpRequest) and the worker (new Worker), until search is first opened
   (search icon, search field, keyboard shortcut or a ?q= link, which all switch Material's "search" toggle),
   then lets them go. From disk (file://) Material already waits for the toggle before reading the index;
   the worker is held there too. If the index cannot be loaded, the search panel says so instead of
   "Initializing search" for ever. Classic script, not a module: module scripts are blocked on file://. */
(function () {
  "use strict";
  var configEl = document.getElementById("__config");
  var toggle = document.getElementById("__search");
  if (!configEl || !toggle || !window.XMLHttpRequest) return;
  var config = JSON.parse(configEl.textContent);
  var base = new URL(config.base, location.href); // as Material resolves it (this language's folder)
  var INDEX = new URL("search/search_index.json", base).href;
  var INDEX_SCRIPT = new URL("search/search_index.js", base).href; // file://
  var WORKER = new URL(config.search, location.href).href;

  function address(url) { try { return new URL(String(url), location.href).href; } catch (e) { return ""; } }

  var opened = false;
  var waiting = []; // functions to run once search is opened
  function whenOpened(run) { if (opened) run(); else waiting.push(run); }
  function open() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }
  toggle.addEventListener("change", function () { if (toggle.checked) open(); });
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.getAttribute && target.getAttribute("data-md-component") === "search-query") open();
  });

  function failed() {
    var meta = document.querySelector("[data-md-component=search-result] .md-search-result__meta");
    if (!meta) return;
    meta.textContent = window.KK && window.KK.ready ? window.KK.t("search_failed") : "Search could not be loaded.";
    meta.setAttribute("role", "alert");
  }

  /* The index request: sent when search is opened; a failed load is reported in the search panel. */
  var xhr = XMLHttpRequest.prototype;
  var realOpen = xhr.open, realSend = xhr.send, realAbort = xhr.abort;
  xhr.open = function (method, url) {
    this.kkIndex = String(method).toUpperCase() === "GET" && address(url) === INDEX;
    return realOpen.apply(this, arguments);
  };
  xhr.send = function () {
    if (!this.kkIndex) return realSend.apply(this, arguments);
    var request = this, args = arguments;
    request.addEventListener("load", function () { if (request.status < 200 || request.status >= 300) failed(); });
    request.addEventListener("error", failed);
    request.kkHeld = true;
    whenOpened(function () {
      if (request.kkHeld) { request.kkHeld = false; realSend.apply(request, args); }
    });
  };
  xhr.abort = function () {
    if (this.kkHeld) { this.kkHeld = false; return undefined; } // never sent: nothing to stop
    return realAbort.apply(this, arguments);
  };
  // From disk the index comes as a script (search/search_index.js).
  document.addEventListener("error", function (event) {
    var target = event.target;
    if (target && target.tagName === "SCRIPT" && target.src === INDEX_SCRIPT) failed();
  }, true);

  /* The search worker (39 kB, and from disk an extra frame): started when search is opened; until then
     Material's messages to it wait here, in order. */
  var RealWorker = window.Worker; // from disk, the iframe-worker shim (loaded in the page's head)
  if (!RealWorker) return;
  function HeldWorker(url) {
    var target = new EventTarget(); // Material listens for "message" events and calls postMessage
    var queue = [];
    var worker = null, stopped = false;
    target.postMessage = function (message) { if (worker) worker.postMessage(message); else queue.push(message); };
    target.terminate = function () { stopped = true; queue = []; if (worker) worker.terminate(); };
    whenOpened(function () {
      if (stopped) return;
      worker = new RealWorker(url);
      worker.addEventListener("message", function (event) {
        target.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      worker.addEventListener("error", failed);
      queue.splice(0).forEach(function (message) { worker.postMessage(message); });
    });
    return target;
  }
  window.Worker = function (url, options) {
    if (address(url) === WORKER) return HeldWorker(url);
    return new RealWorker(url, options);
  };
  window.Worker.prototype = RealWorker.prototype;
})();
