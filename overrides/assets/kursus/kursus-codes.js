/* Kursus Konselor, part 6 of 8: result codes, a module's answers as short text for the trainer
   (format and reference: scripts/kursus/scoring/codes.py). A code holds each question's FIRST checked
   answer: later checks are practice, so a code says what the learner knew, not what feedback taught. */
(function () {
  "use strict";
  var KK = window.KK;
  if (!KK || !KK.ready) return;
  var t = KK.t;
  var B32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford's base 32: no I, L, O or U to misread

  /* [radix, digit] pairs per scored question, in module order; 0 always means "not answered". Each type's
     part is its "code" in KK.types (kursus-quiz.js); storage has checked every stored answer's shape. */
  function digits(shape) {
    var out = [];
    shape.forEach(function (s) {
      var a = KK.state.answers[s[0]], type = KK.types[s[1]], first = a && a.first;
      var v = first && first.v !== undefined ? first.v : null;
      if (type && type.code) out = out.concat(type.code(s[2], v, KK.keys[s[0]]));
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
  /* A code: head values, the [radix, digit] pairs as one number in as few characters as the largest
     possible number needs, then the check value (codes.py: pack). Statement codes use it too. */
  function pack(head, pairs) {
    var num = [0], range = [1], vals = head.slice(), i;
    pairs.forEach(function (p) { mulAdd(num, p[0], p[1]); mulAdd(range, p[0], 0); });
    // range is the product of the radices; a power of 32 needs one character fewer than its length
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
  KK.packCode = pack;
  KK.B32 = B32;
  function resultCode(number, tag, shape) { // number: the module's two digits (data-number: 1 for m01, 91 for awal)
    var head = [Math.floor(number / 10) % 10, number % 10, 1];
    tag.split("").forEach(function (ch) { head.push(B32.indexOf(ch)); });
    return pack(head, digits(shape));
  }

  KK.showCode = function (p, row) {
    var m = KK.byId(row.getAttribute("data-module")), box = p.querySelector(".kk-code"), input = box.querySelector("input");
    var s = KK.moduleScore(m); // the same figures as the progress table, the quiz page and the navigation marks
    box.hidden = false;
    box.querySelector(".kk-code__label").textContent = t("code_for", { module: row.querySelector("a").textContent });
    input.value = resultCode(+row.getAttribute("data-number"), row.getAttribute("data-tag"), JSON.parse(row.getAttribute("data-shape")));
    box.querySelector(".kk-code__note").textContent = s.pending ? t("form_code_pending") : t("code_note", s) + " " + t("code_first");
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
