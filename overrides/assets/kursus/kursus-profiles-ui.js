/* Kursus Konselor, part 7 of 8: choosing who is learning. Every page shows the current name under a
   small "Who is learning?" control (switch there, or go to the progress page); the progress page lists
   the names on this device to add, rename, switch and remove. Switching reloads the page, so that every
   part reads the chosen learner's record afresh. It says plainly that a name is not a password. */
(function () {
  "use strict";
  var KK = window.KK;
  if (!KK || !KK.ready || !KK.profiles) return;
  var t = KK.t, P = KK.profiles;

  function el(tag, cls, textContent) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (textContent !== undefined) e.textContent = textContent;
    return e;
  }
  function button(label, act, id, primary) {
    var b = el("button", "md-button" + (primary ? " md-button--primary" : ""), label);
    b.type = "button";
    b.setAttribute("data-act", act);
    if (id) b.setAttribute("data-profile", id);
    return b;
  }
  function progressPage() {
    var cfg = document.getElementById("__config");
    try { return new URL(JSON.parse(cfg.textContent).base.replace(/\/?$/, "/") + "kemajuan.html#kk-profiles", location.href).href; }
    catch (e) { return ""; }
  }
  function choose(id) { if (P.choose(id)) location.reload(); }

  /* A file name that says whose progress it is: "kursus-konselor-kemajuan-ani-2026-05-01.json". */
  KK.progressFileName = function (name) {
    var slug = String(name || "").toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40);
    return "kursus-konselor-kemajuan-" + (slug ? slug + "-" : "") + new Date().toISOString().slice(0, 10) + ".json";
  };
  KK.download = function (text, fileName) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    a.download = fileName;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  };

  /* ---- on every page: the name, and a way to switch ---- */
  function whoControl(host) {
    var box = el("details", "kk-who"), summary = el("summary"), body = el("div", "kk-who__body");
    summary.appendChild(el("span", "", t("profile_who") + " "));
    summary.appendChild(el("strong", "kk-who__name", P.label(P.current())));
    box.appendChild(summary);
    body.appendChild(el("p", "kk-who__note", t("profile_not_password")));
    var others = P.list().filter(function (p) { return !p.current; });
    if (others.length) {
      var list = el("ul", "kk-who__list");
      others.forEach(function (p) {
        var li = el("li");
        li.appendChild(button(t("profile_switch", { name: P.label(p) }), "profile-use", p.id));
        list.appendChild(li);
      });
      body.appendChild(list);
    }
    var link = progressPage();
    if (link) {
      var p = el("p"), a = el("a", "", t("profile_manage"));
      a.href = link;
      p.appendChild(a);
      body.appendChild(p);
    }
    box.appendChild(body);
    box.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-act=profile-use]");
      if (b) choose(b.getAttribute("data-profile"));
    });
    host.insertBefore(box, host.firstChild);
  }

  /* ---- on the progress page: the names on this device ---- */
  function panel(form) {
    var box = el("section", "kk-profiles"), msg = el("p", "kk-profiles__msg");
    box.id = "kk-profiles";
    box.setAttribute("aria-labelledby", "kk-profiles-title");
    box.setAttribute("data-search-exclude", "");
    var h = el("h2", "", t("profile_who"));
    h.id = "kk-profiles-title";
    box.appendChild(h);
    var now = el("p", "kk-profiles__current", t("profile_current") + " ");
    now.appendChild(el("strong", "kk-profiles__name", P.label(P.current())));
    box.appendChild(now);
    box.appendChild(el("p", "kk-profiles__note", t("profile_not_password")));
    var list = el("ul", "kk-profiles__list");
    list.setAttribute("aria-label", t("profile_list"));
    box.appendChild(list);

    var add = el("form", "kk-profiles__add"), label = el("label", "", t("profile_name_label")), input = el("input");
    input.type = "text"; input.id = "kk-profile-name"; input.maxLength = P.MAX_NAME; input.autocomplete = "off";
    label.htmlFor = input.id;
    var row = el("p", "kk-profiles__row");
    row.appendChild(input);
    row.appendChild(button(t("profile_add"), "profile-add", "", true));
    row.appendChild(button(t("profile_rename"), "profile-rename"));
    add.appendChild(el("p")).appendChild(label);
    add.appendChild(row);
    box.appendChild(add);
    msg.setAttribute("role", "status");
    msg.setAttribute("aria-live", "polite");
    box.appendChild(msg);
    var confirmBox = el("div", "kk-profiles__confirm");
    confirmBox.hidden = true;
    box.appendChild(confirmBox);

    function say(key, values) { msg.textContent = t(key, values); }
    function render() {
      list.textContent = "";
      P.list().forEach(function (p) {
        var li = el("li"), name = el("span", "kk-profiles__item", P.label(p));
        li.appendChild(name);
        if (p.current) li.appendChild(el("span", "kk-profiles__inuse", " " + t("profile_in_use")));
        else li.appendChild(button(t("profile_switch", { name: P.label(p) }), "profile-use", p.id));
        if (P.list().length > 1) li.appendChild(button(t("profile_remove", { name: P.label(p) }), "profile-remove", p.id));
        list.appendChild(li);
      });
    }
    function addProfile() {
      var r = P.add(input.value);
      if (r.error) { say(r.error); input.focus(); return; }
      choose(r.id); // a new name is someone about to learn: they start at once
    }
    function askRemove(id) {
      var p = P.list().filter(function (x) { return x.id === id; })[0], name = P.label(p);
      confirmBox.textContent = "";
      confirmBox.setAttribute("role", "group");
      confirmBox.setAttribute("aria-label", t("profile_remove", { name: name }));
      confirmBox.appendChild(el("p", "", t("profile_remove_confirm", { name: name })));
      var actions = el("p", "kk-profiles__row");
      actions.appendChild(button(t("profile_remove_export", { name: name }), "profile-export", id, true));
      actions.appendChild(button(t("profile_remove_yes", { name: name }), "profile-remove-yes", id));
      actions.appendChild(button(t("profile_cancel"), "profile-cancel"));
      confirmBox.appendChild(actions);
      confirmBox.hidden = false;
      confirmBox.querySelector("button").focus();
    }
    box.addEventListener("submit", function (ev) { ev.preventDefault(); addProfile(); });
    box.addEventListener("click", function (ev) {
      var b = ev.target.closest("button[data-act]");
      if (!b) return;
      var act = b.getAttribute("data-act"), id = b.getAttribute("data-profile"), p = id && P.list().filter(function (x) { return x.id === id; })[0];
      if (act === "profile-add") addProfile();
      else if (act === "profile-rename") {
        var r = P.rename(P.current().id, input.value);
        if (r.error) { say(r.error); input.focus(); return; }
        now.querySelector("strong").textContent = P.label(P.current());
        var who = document.querySelector(".kk-who__name");
        if (who) who.textContent = P.label(P.current());
        input.value = "";
        render();
        say("profile_renamed");
      } else if (act === "profile-use" && p) choose(id);
      else if (act === "profile-remove" && p) askRemove(id);
      else if (act === "profile-export" && p) {
        var text = p.current ? KK.progressText() : KK.profileProgressText(id, p.name);
        if (text) KK.download(text, KK.progressFileName(p.name || P.label(p)));
      } else if (act === "profile-cancel") { confirmBox.hidden = true; input.focus(); }
      else if (act === "profile-remove-yes" && p) {
        var name = P.label(p);
        if (!P.remove(id)) { say("profile_not_saved"); return; }
        if (p.current) { location.reload(); return; }
        confirmBox.hidden = true;
        render();
        say("profile_removed", { name: name });
        input.focus();
      }
    });
    render();
    form.parentNode.insertBefore(box, form);
  }

  KK.setupProfiles = function () {
    var form = document.querySelector(".kk-progress"), host = document.querySelector(".md-content__inner");
    if (form) panel(form);
    else if (host) whoControl(host);
  };
})();
