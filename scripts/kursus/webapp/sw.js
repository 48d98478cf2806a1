/* Kursus Konselor: the service worker of the hosted course. It caches every file of the course on the
   first visit, so the course opens without internet afterwards; each release has a cache of its own,
   and the old one goes once the learner accepts the update. Saved progress lives in the page's storage
   and is never touched here. Written by kursus build (scripts/kursus/webapp.py). */
"use strict";
var VERSION = "__KK_VERSION__";
var FILES = __KK_FILES__;
var PREFIX = "kursus-konselor-";
var CACHE = PREFIX + VERSION;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(FILES); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf(PREFIX) === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (event.data === "kk-update") self.skipWaiting();
  if (event.data === "kk-version" && event.source) event.source.postMessage({ kkVersion: VERSION });
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (hit) { return hit || fetch(request); });
  }));
});
