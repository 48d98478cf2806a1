/* Kursus Konselor, part 6 of 8: result codes, a module's answers as short text for the trainer
   (format and reference: scripts/kursus/scoring/codes.py). A code holds each question's FIRST checked
   answer: later checks are practice, so a code says what the learner knew, not what feedback taught. */
(function () {
  "use strict";
  var KK = window.KK;
  if (!KK || !KK.ready) return;
  var t = KK.t;
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
      var a = KK.state.answers[s[0]], type = s[1], n = s[2], first = a && a.first, v = first ? first.v : null, i, j, k;
      if (type === "single") out.push([n + 1, v === (v | 0) && v >= 0 && v < n ? v + 1 : 0]);
      else if (type === "multiple") for (i = 0; i < n; i++) out.push([2, Array.isArray(v) && v.indexOf(i) >= 0 ? 1 : 0]);
      else if (type === "truefalse") out.push([3, v === "true" ? 1 : v === "false" ? 2 : 0]);
      else if (type === "short") { // the words don't fit: judged here, from the key on this page
        var key = KK.keys[s[0]];
        out.push([3, typeof v !== "string" || !key ? 0 : KK.judge("short", key, v) ? 1 : 2]);
      } else {
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

  KK.showCode = function (p, row) {
    var m = KK.byId(row.getAttribute("data-module")), box = p.querySelector(".kk-code"), input = box.querySelector("input");
    var s = KK.moduleScore(m); // the same figures as the progress table, the quiz page and the navigation marks
    box.hidden = false;
    box.querySelector(".kk-code__label").textContent = t("code_for", { module: row.querySelector("a").textContent });
    input.value = resultCode(m.id, row.getAttribute("data-tag"), JSON.parse(row.getAttribute("data-shape")));
    box.querySelector(".kk-code__note").textContent = t("code_note", s) + " " + t("code_first");
    box.querySelector(".kk-code__msg").textContent = "";
    input.focus(); input.select();
  };
  KK.copyField = function (input, msg, copied, byHand) {
    function manual() { input.focus(); input.select(); msg.textContent = t(byHand); }
    function done() { msg.textContent = t(copied); }
    input.select();
    if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(input.value).then(done, manual); return; }
    try { if (document.execCommand("copy")) { done(); return; } } catch (e) { /* old browsers: select and tell */ }
    manual();
  };
})();
