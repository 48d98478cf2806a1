/* Kursus Konselor, part 2 of 8: learner profiles on a shared device. A layer under saved progress: it
   only decides WHICH storage key holds the current learner's progress (KK.progressKey); kursus-storage.js
   then reads, checks and writes that record as before. A profile is a name, not a password.

   The first profile keeps the key progress always had ("kursus-konselor/progress"), so a browser that
   saved progress before profiles existed already holds the first profile: nothing is copied or moved, and
   nothing can be lost on the way. Other profiles live under "kursus-konselor/progress@p2", "@p3" ...
   The list of profiles ("kursus-konselor/profiles") is checked like any stored data before use. */
(function () {
  "use strict";
  var KK = window.KK;
  if (!KK || !KK.ready) return;
  var BASE = "kursus-konselor/progress", LIST = "kursus-konselor/profiles", FORMAT = "kursus-konselor-profiles";
  var VERSION = 1, MAX_PROFILES = 30, MAX_NAME = 60, ID = /^p[1-9][0-9]{0,5}$/;
  var store = null, registry;

  function isMap(x) { return !!x && typeof x === "object" && !Array.isArray(x); }
  function keyOf(id) { return id === "p1" ? BASE : BASE + "@" + id; }
  function cleanName(s) { return String(s).replace(/\s+/g, " ").trim(); }
  function sameName(a, b) { return cleanName(a).toLowerCase() === cleanName(b).toLowerCase(); }

  function validRegistry(d) {
    if (!isMap(d) || d.format !== FORMAT || typeof d.version !== "number" || d.version > VERSION) return false;
    if (!Array.isArray(d.profiles) || !d.profiles.length || d.profiles.length > MAX_PROFILES) return false;
    var ids = {};
    var ok = d.profiles.every(function (p) {
      var good = isMap(p) && typeof p.id === "string" && ID.test(p.id) && !ids[p.id] &&
        typeof p.name === "string" && p.name.length <= MAX_NAME;
      if (good) ids[p.id] = true;
      return good;
    });
    return ok && typeof d.current === "string" && !!ids[d.current];
  }
  /* No list yet (or a damaged one): the first profile, plus any other profile's progress still stored,
     so that a lost list never hides anyone's answers (their names are lost, their progress is not). */
  function rebuilt() {
    var d = { format: FORMAT, version: VERSION, current: "p1", profiles: [{ id: "p1", name: "" }] };
    if (!store) return d;
    for (var i = 0; i < store.length; i++) {
      var k = store.key(i), m = k && k.indexOf(BASE + "@") === 0 ? k.slice(BASE.length + 1) : "";
      if (ID.test(m) && d.profiles.length < MAX_PROFILES) d.profiles.push({ id: m, name: "" });
    }
    return d;
  }
  function read() {
    var raw = null, d = null;
    try { store = window.localStorage; raw = store.getItem(LIST); } catch (e) { store = null; }
    if (raw === null) return rebuilt();
    try { d = JSON.parse(raw); } catch (e) { /* kept aside below */ }
    if (validRegistry(d)) {
      d.profiles = d.profiles.map(function (p) { return { id: p.id, name: cleanName(p.name) }; });
      return { format: FORMAT, version: VERSION, current: d.current, profiles: d.profiles };
    }
    try { store.setItem(LIST + ".kept-" + Date.now(), raw); store.removeItem(LIST); } catch (e) { /* left in place */ }
    return rebuilt();
  }
  function write() {
    if (!store) return true; // no storage: profiles last as long as the page (kursus-storage.js says so)
    try { store.setItem(LIST, JSON.stringify(registry)); return true; } catch (e) { return false; }
  }
  function find(id) { return registry.profiles.filter(function (p) { return p.id === id; })[0]; }

  registry = read();
  KK.progressKey = keyOf(registry.current);

  /* The interface (kursus-profiles-ui.js) and other parts of the course use these. */
  var api = KK.profiles = {
    MAX_NAME: MAX_NAME,
    list: function () {
      return registry.profiles.map(function (p) { return { id: p.id, name: p.name, current: p.id === registry.current }; });
    },
    current: function () { return find(registry.current); },
    keyOf: keyOf,
    /* A name to show: the name, or "Learner 1" style for a profile without one. */
    label: function (p) { return p.name || KK.t("profile_unnamed", { number: p.id.slice(1) }); },
    /* Checks a new name; returns an interface message key when it cannot be used, else "". */
    problem: function (name, exceptId) {
      var n = cleanName(name);
      if (!n) return "profile_name_empty";
      if (n.length > MAX_NAME) return "profile_name_long";
      if (registry.profiles.some(function (p) { return p.id !== exceptId && sameName(p.name, n); })) return "profile_name_taken";
      return "";
    },
    add: function (name) {
      var why = api.problem(name);
      if (why) return { error: why };
      if (registry.profiles.length >= MAX_PROFILES) return { error: "profile_too_many" };
      var n = 2;
      while (find("p" + n) || (store && store.getItem(keyOf("p" + n)) !== null)) n += 1; // never reuse a key with data
      var p = { id: "p" + n, name: cleanName(name) };
      registry.profiles.push(p);
      if (!write()) { registry.profiles.pop(); return { error: "profile_not_saved" }; }
      return { id: p.id };
    },
    rename: function (id, name) {
      var p = find(id), why = p ? api.problem(name, id) : "profile_name_empty";
      if (why) return { error: why };
      var old = p.name;
      p.name = cleanName(name);
      if (!write()) { p.name = old; return { error: "profile_not_saved" }; }
      return {};
    },
    /* The page reloads under the chosen profile: every part then reads that profile's record afresh. */
    choose: function (id) {
      if (!find(id) || id === registry.current) return false;
      var before = registry.current;
      registry.current = id;
      if (!write()) { registry.current = before; return false; }
      return true;
    },
    /* Removes a profile and its progress from this browser (the interface asks first and offers the export). */
    remove: function (id) {
      if (!find(id) || registry.profiles.length < 2) return false;
      var before = registry.profiles.slice(), current = registry.current;
      registry.profiles = registry.profiles.filter(function (p) { return p.id !== id; });
      if (current === id) registry.current = registry.profiles[0].id;
      if (!write()) { registry.profiles = before; registry.current = current; return false; }
      try { if (store) store.removeItem(keyOf(id)); } catch (e) { /* the list no longer names it */ }
      return true;
    }
  };

  /* For other parts of the course (e.g. a completion statement pre-filled with the learner's name). */
  window.KursusStorage = window.KursusStorage || {};
  window.KursusStorage.profileName = function () { var p = find(registry.current); return p ? p.name : ""; };
})();
