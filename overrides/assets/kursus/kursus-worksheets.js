/* Kursus Konselor, part 5 of 8: worksheets filled in on the screen. A page opts in with a class on its
   title, `# Lembar Kerja ... {.kk-isian}` (attr_list): every empty body cell of its tables becomes a
   labelled text area. What is typed is saved at once, with the rest of the current profile's progress
   (kursus-storage.js checks it like any stored data), so export and import carry it and nothing typed is
   lost on reload. A copy of each text is kept beside its field for printing (kursus.css, print media).
   The printed participant book never runs this: `kursus print` renders the Markdown itself, blank. */
(function () {
  "use strict";
  var KK = window.KK;
  if (!KK || !KK.ready) return;
  var t = KK.t, $$ = KK.$$;
  var PROMPT_MAX = 80; // a row's prompt in a field's name: enough to tell rows apart

  /* The same key in every language ("modul-01/lembar-kerja"): the translation mirrors the page's tables,
     so a learner who switches language finds their text in the same cells. */
  function pageKey() {
    var parts = decodeURIComponent(location.pathname).replace(/\.html?$/, "").split("/").filter(Boolean);
    return parts.slice(-2).join("/").toLowerCase().replace(/[^a-z0-9._\/-]/g, "-");
  }
  function text(el) { return el.textContent.replace(/\s+/g, " ").trim(); }
  function empty(td) { return !text(td) && !td.querySelector("img,input,select,textarea"); }
  function grow(area) { area.style.height = "auto"; area.style.height = area.scrollHeight + 2 + "px"; }
  function short(s) { return s.length > PROMPT_MAX ? s.slice(0, PROMPT_MAX - 1) + "…" : s; }

  function field(page, td, ids, names) {
    var area = document.createElement("textarea"), label = document.createElement("label");
    var row = document.createElement("span"), copy = document.createElement("div");
    area.id = "kk-fill-" + ids.join("-");
    area.className = "kk-fill";
    area.rows = 2;
    area.maxLength = KK.MAX_TEXT; // what storage accepts back, so nothing typed is set aside later
    area.setAttribute("data-kk-field", "t" + ids[0] + ".r" + ids[1] + ".c" + ids[2]);
    area.value = KK.worksheetValue(page, area.getAttribute("data-kk-field"));
    label.className = "kk-fill__label";
    label.htmlFor = area.id;
    label.textContent = names.column;
    row.className = "kk-visually-hidden"; // the row is read out, and seen in the table or stacked card
    row.textContent = " (" + names.row + ")";
    label.appendChild(row);
    copy.className = "kk-fill__print";
    copy.setAttribute("aria-hidden", "true");
    copy.textContent = area.value;
    area.addEventListener("input", function () {
      KK.setWorksheetValue(page, area.getAttribute("data-kk-field"), area.value);
      copy.textContent = area.value;
      grow(area);
    });
    td.classList.add("kk-fill-cell");
    td.appendChild(label);
    td.appendChild(area);
    td.appendChild(copy);
    return area;
  }

  KK.setupWorksheets = function () {
    var title = document.querySelector(".md-content__inner h1.kk-isian");
    if (!title) return;
    var page = pageKey(), areas = [];
    $$(document, ".md-content__inner table").forEach(function (table, ti) {
      var heads = $$(table, "thead th").map(text), fillable = false;
      if (!heads.length) return;
      $$(table, "tbody tr").forEach(function (tr, ri) {
        var cells = $$(tr, "td"), prompt = "";
        cells.forEach(function (td) { if (!prompt && !empty(td)) prompt = text(td); });
        cells.forEach(function (td, ci) {
          var column = heads[ci] || t("worksheet_column", { number: ci + 1 });
          td.setAttribute("data-kk-label", column); // the column's name above a cell when stacked (phone)
          if (!empty(td)) return;
          fillable = true;
          areas.push(field(page, td, [ti + 1, ri + 1, ci + 1],
            { column: column, row: prompt ? short(prompt) : t("worksheet_row", { number: ri + 1 }) }));
        });
      });
      if (fillable) table.setAttribute("data-kk-fill", "");
    });
    if (!areas.length) return;
    var note = document.createElement("p");
    note.className = "kk-fill-note";
    note.textContent = t("worksheet_note", { name: KK.profiles.label(KK.profiles.current()) });
    title.parentNode.insertBefore(note, title.nextSibling);
    areas.forEach(grow);
    window.addEventListener("load", function () { areas.forEach(grow); });
  };
})();
