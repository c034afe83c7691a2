/* "Is this number official?" — compares what the reader typed with the registry data embedded in the
   page (#hc-checker-data) and answers in the page's language (#hc-checker-text, from data/ui.yml).

   Rules, in order:
   1. Input is tidied: NFKC (full-width digits and signs), invisible characters removed, any Unicode
      decimal digit (Nd) read as its ASCII digit; spaces, dashes, dots, brackets and other
      punctuation separate digits; a leading + (or 00) starts an international number.
   2. Letters mixed in are refused, never silently dropped (O for 0 and l for 1 are a known trick),
      unless the whole input is an SMS sender name we list.
   3. Only an EXACT match with one of the registry's digit forms is a match. With + or 00, the
      country code is taken off and the rest must equal one of the entry's national forms.
   4. A listed number inside a longer number (an area code or prefix in front, digits after it) is
      a different number: the "padding" verdict names the listed number and explains the trick.
   5. Anything else is "not in our list", which never means safe.
   A match never vouches for the caller: caller ID and sender names can be faked, so every match
   says to hang up and dial the number yourself.

   Everything is written with textContent: pasted input is never parsed as HTML. No inline code is
   needed (the page's CSP has no 'unsafe-inline'); the script does nothing on pages without the
   checker. */
(function () {
  "use strict";
  var root = document.querySelector(".hc-checker");
  var dataNode = document.getElementById("hc-checker-data");
  var textNode = document.getElementById("hc-checker-text");
  if (!root || !dataNode || !textNode) return;
  var lang = root.getAttribute("data-hc-lang") === "en" ? "en" : "zh";
  var data = JSON.parse(dataNode.textContent);
  var text = JSON.parse(textNode.textContent);
  var form = root.querySelector("form");
  var input = document.getElementById("hc-checker-input");
  var out = document.getElementById("hc-checker-result");
  if (!form || !input || !out) return;

  var MAX_DIGITS = 30;
  var MAX_CHARS = 200;
  var PAUSE_MS = 700; // answer after a pause in typing, not on every key
  var SHORT_FORM = 5; // listed numbers with fewer digits (emergency and short codes) count as padded only with a short prefix or suffix

  /* ------------------------------------------------------------------ reading the input */

  // Unicode property escapes where the browser has them; older browsers get the fallbacks.
  function unicodeRegExp(source, flags, fallback) {
    try { return new RegExp(source, flags); } catch (e) { return fallback; }
  }
  var ND = unicodeRegExp("^\\p{Nd}$", "u", null);
  var LETTER = unicodeRegExp("^[\\p{L}\\p{Nl}\\p{No}]$", "u", /^[A-Za-z\u00AA\u00B5\u00BA\u00C0-\u024F\u0370-\u03FF\u0400-\u052F\u0530-\u058F\u05D0-\u05EA\u0620-\u064A\u0E01-\u0E30\u1100-\u11FF\u2160-\u2188\u3005-\u3007\u3021-\u3029\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]$/);
  // format characters (zero-width spaces, direction marks) and combining marks (emoji keycaps, variation selectors)
  var INVISIBLE = unicodeRegExp("[\\p{Cf}\\p{Mn}\\p{Me}]", "gu",
    /[\u00AD\u034F\u061C\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u20D0-\u20FF\uFE00-\uFE0F\uFEFF]/g);
  // The zero of every run of ten Unicode decimal digits (Unicode 14); newer runs are found with \p{Nd}.
  var ND_ZEROS = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0,
    0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730,
    0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2,
    0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0
  ];

  function isNd(cp) { return ND !== null && ND.test(String.fromCodePoint(cp)); }

  /** The value (0–9) of a Unicode decimal digit, or -1. Nd digits always come in runs of ten, 0 to 9. */
  function digitValue(cp) {
    for (var i = 0; i < ND_ZEROS.length; i++) {
      if (cp >= ND_ZEROS[i] && cp < ND_ZEROS[i] + 10) return cp - ND_ZEROS[i];
    }
    if (!isNd(cp)) return -1;
    var start = cp;
    while (isNd(start - 1)) start -= 1;
    return (cp - start) % 10;
  }

  /** What the reader typed: ASCII digits, a leading plus, letters found, and a compact form for sender names. */
  function read(raw) {
    var s = raw.normalize ? raw.normalize("NFKC") : raw;
    s = s.replace(INVISIBLE, "");
    var digits = "", plus = false, letters = [], compact = "";
    Array.from(s).forEach(function (ch) {
      var v = digitValue(ch.codePointAt(0));
      if (v >= 0) {
        digits += v;
        compact += v;
      } else if (ch === "+" && !digits && !plus) {
        plus = true; // "+86 …", "(+44) …": a plus before the first digit starts an international number
      } else if (LETTER.test(ch)) {
        if (letters.indexOf(ch) < 0) letters.push(ch);
        compact += ch.toUpperCase();
      } else if (ch === "#") {
        compact += ch;
      } // anything else (spaces, dashes, dots, brackets, slashes, emoji) only separates digits
    });
    return { blank: !s.trim(), digits: digits, plus: plus, letters: letters, compact: compact };
  }

  /* ------------------------------------------------------------------ the registry, indexed once */

  var numbers = [];                        // phone and SMS entries that are numbers (not sender names)
  var byForm = Object.create(null);        // registry digit form -> entries
  var bySender = Object.create(null);      // sender name -> entries
  var countryCodes = Object.create(null);  // country calling code -> entries dialled in that country
  data.contacts.forEach(function (entry) {
    if (entry.sender_name) {
      (bySender[entry.sender_name] = bySender[entry.sender_name] || []).push(entry);
      return;
    }
    if (!entry.digits || !entry.digits.length) return; // web pages and e-mail addresses
    numbers.push(entry);
    entry.digits.forEach(function (d) { (byForm[d] = byForm[d] || []).push(entry); });
    if (entry.country_code) (countryCodes[entry.country_code] = countryCodes[entry.country_code] || []).push(entry);
  });

  function formsOf(entry) {
    var all = entry.digits.slice();
    (entry.national_forms || []).forEach(function (f) { if (all.indexOf(f) < 0) all.push(f); });
    return all;
  }

  /** Entries whose listed number sits inside `str` with extra digits around it; the longest form wins. */
  function padded(str, pool) {
    var hits = [];
    pool.forEach(function (entry) {
      var best = null;
      formsOf(entry).forEach(function (form) {
        if (form.length < 3 || form.length >= str.length) return;
        for (var at = str.indexOf(form); at >= 0; at = str.indexOf(form, at + 1)) {
          var before = at, after = str.length - at - form.length;
          // Short codes turn up by chance inside ordinary numbers (a landline that ends in an emergency code):
          // count them only with an area code or prefix of up to four digits in front, or one or two
          // digits after.
          var counts = form.length >= SHORT_FORM || (after === 0 && before <= 4) || (before === 0 && after <= 2);
          if (counts && (!best || form.length > best.form.length)) {
            best = { entry: entry, form: form, at: at, before: str.slice(0, at), after: str.slice(at + form.length) };
          }
        }
      });
      if (best) hits.push(best);
    });
    // A short listed number that is only part of a longer listed one found here (a three-digit code
    // that is the tail of a listed five-digit line)
    // would name the wrong number: keep the longer one.
    hits = hits.filter(function (h) {
      return !hits.some(function (g) {
        return g.form.length > h.form.length && g.at <= h.at && h.at + h.form.length <= g.at + g.form.length;
      });
    });
    return hits.sort(function (a, b) { return b.form.length - a.form.length; }).slice(0, 3);
  }

  /** Exact match, padding, or not listed, for a string of ASCII digits. */
  function analyse(digits, plus) {
    var typed = (plus ? "+" : "") + digits;
    if (!plus && byForm[digits]) return { kind: "match", entries: byForm[digits], typed: typed };
    if (plus || digits.indexOf("00") === 0) {
      var rest = digits.indexOf("00") === 0 ? digits.slice(2) : digits;
      for (var len = 1; len <= 3; len++) {
        var cc = rest.slice(0, len);
        if (!countryCodes[cc]) continue;
        var national = rest.slice(len);
        var exact = countryCodes[cc].filter(function (e) { return (e.national_forms || []).indexOf(national) >= 0; });
        if (exact.length) return { kind: "match", entries: exact, typed: typed };
        var inCountry = padded(national, countryCodes[cc]);
        if (inCountry.length) return { kind: "padding", hits: inCountry, typed: typed };
        break; // country codes are prefix-free: no other length can match
      }
      var anywhere = padded(rest, numbers);
      if (anywhere.length) return { kind: "padding", hits: anywhere, typed: typed };
      return { kind: "not_listed", typed: typed };
    }
    var hits = padded(digits, numbers);
    return hits.length ? { kind: "padding", hits: hits, typed: typed } : { kind: "not_listed", typed: typed };
  }

  function lookup(raw) {
    if (raw.length > MAX_CHARS) return { kind: "too_long" };
    var r = read(raw);
    if (r.blank) return { kind: "empty" };
    if (r.digits.length > MAX_DIGITS) return { kind: "too_long" };
    var sender = bySender[r.compact] || (r.letters.length ? bySender["#" + r.compact] : null);
    if (sender) return { kind: "match", entries: sender, typed: r.compact };
    if (!r.digits) return { kind: "no_digits" };
    if (r.letters.length) return { kind: "letters", letters: r.letters };
    return analyse(r.digits, r.plus);
  }

  /* ------------------------------------------------------------------ words */

  /** A string from data/ui.yml with {placeholders} filled in; never anything but text. */
  function msg(key, vars) {
    var s = text[key];
    if (typeof s !== "string") {
      if (window.console) console.error("number checker: no text for " + key);
      return "";
    }
    return s.replace(/\{(\w+)\}/g, function (whole, name) {
      return vars && Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole;
    });
  }

  function local(pair) {
    if (!pair) return "";
    if (typeof pair === "string") return pair;
    return typeof pair[lang] === "string" ? pair[lang] : (pair.zh || pair.en || "");
  }

  function regionName(code) {
    if (!code) return "";
    var names = text.regions || {};
    if (typeof names[code] === "string") return names[code];
    try {
      return new Intl.DisplayNames([lang === "en" ? "en" : "zh-CN"], { type: "region" }).of(code) || code;
    } catch (e) {
      return code;
    }
  }

  function whose(entry) {
    return { provider: local(entry.provider.name), region: regionName(entry.dial_region) };
  }

  /* ------------------------------------------------------------------ drawing the answer */

  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content) node.textContent = content;
    return node;
  }

  function directoryLink() {
    var link = document.querySelector(".hc-checker__directory a");
    if (!link) return null;
    var p = el("p", "hc-checker__more");
    var a = el("a", null, msg("directory"));
    a.href = link.href;
    p.appendChild(a);
    return p;
  }

  function describe(entry) {
    var box = el("div", "hc-checker__entry hc-checker__entry--" + entry.status);
    var verified = entry.status === "verified";
    var isPublic = entry.provider.kind === "public";
    box.appendChild(el("p", "hc-checker__verdict", verified ? msg("verified_title") : msg("corroborated_title")));
    var who = whose(entry);
    box.appendChild(el("p", "hc-checker__whose",
      entry.sender_name ? msg("whose_sender", who) : isPublic ? msg("whose_public", who) : msg("whose_wallet", who)));

    var facts = el("dl", "hc-checker__facts");
    function fact(name, value) {
      if (!value) return;
      facts.appendChild(el("dt", null, name));
      facts.appendChild(el("dd", null, value));
    }
    fact(msg("label"), local(entry.label));
    fact(msg("number"), entry.value);
    fact(msg("hours"), local(entry.hours));
    var source = el("dd");
    var link = el("a", null, entry.evidence.url);
    link.href = entry.evidence.url;
    link.rel = "noopener external";
    source.appendChild(link);
    source.appendChild(document.createTextNode(" (" + msg("checked") + " " + entry.evidence.checked + ")"));
    facts.appendChild(el("dt", null, msg("evidence")));
    facts.appendChild(source);
    box.appendChild(facts);

    var ways = el("ul", "hc-checker__ways");
    if (entry.emergency) ways.appendChild(el("li", null, msg("way_emergency", { region: who.region })));
    if (entry.answers_calls) ways.appendChild(el("li", null, msg("way_answers")));
    if (entry.sms_sender) ways.appendChild(el("li", null, msg("way_sms_sender")));
    if (entry.may_call_you) ways.appendChild(el("li", null, msg("way_may_call")));
    if (ways.childNodes.length) box.appendChild(ways);
    if (entry.never_calls_you) box.appendChild(el("p", "hc-checker__warn", msg("never_calls")));
    if (!verified) {
      box.appendChild(el("p", "hc-checker__note",
        isPublic ? msg("corroborated_advice_public") : msg("corroborated_advice", who)));
    }
    box.appendChild(el("p", "hc-checker__warn", entry.answers_calls ? msg("spoof_dial") : msg("spoof_app")));
    return box;
  }

  function describePadding(hit, typed) {
    var entry = hit.entry;
    var who = whose(entry);
    var extra = hit.before && hit.after ? msg("padding_both", { before: hit.before, after: hit.after })
      : hit.before ? msg("padding_before", { before: hit.before })
      : msg("padding_after", { after: hit.after });
    var box = el("div", "hc-checker__entry hc-checker__entry--padding");
    box.appendChild(el("p", "hc-checker__verdict hc-checker__verdict--unknown", msg("padding_title", { listed: entry.value })));
    box.appendChild(el("p", null, msg("padding_body", {
      typed: typed, listed: entry.value, whose: msg("whose_short", who), extra: extra
    })));
    box.appendChild(el("p", "hc-checker__note", entry.answers_calls
      ? msg("padding_dial", { listed: entry.value })
      : msg("padding_app", { provider: who.provider })));
    return box;
  }

  function show(result) {
    out.textContent = "";
    out.setAttribute("data-result", result.kind === "match" ? result.entries[0].status : result.kind);
    var more = null;
    if (result.kind === "match") {
      result.entries.forEach(function (entry) { out.appendChild(describe(entry)); });
    } else if (result.kind === "padding") {
      result.hits.forEach(function (hit) { out.appendChild(describePadding(hit, result.typed)); });
      out.appendChild(el("p", "hc-checker__warn", msg("padding_trick")));
      more = directoryLink();
    } else if (result.kind === "not_listed") {
      out.appendChild(el("p", "hc-checker__verdict hc-checker__verdict--unknown", msg("not_listed_title", { typed: result.typed })));
      out.appendChild(el("p", "hc-checker__warn", msg("not_listed_advice")));
      more = directoryLink();
    } else if (result.kind === "letters") {
      out.appendChild(el("p", "hc-checker__verdict hc-checker__verdict--unknown", msg("letters_title")));
      out.appendChild(el("p", "hc-checker__warn", msg("letters_body", {
        letters: result.letters.slice(0, 8).map(function (c) { return "“" + c + "”"; }).join(lang === "zh" ? "、" : ", ")
      })));
    } else {
      out.appendChild(el("p", "hc-checker__verdict", result.kind === "too_long" ? msg("too_long") : result.kind === "no_digits" ? msg("no_digits") : msg("empty")));
    }
    if (more) out.appendChild(more);
  }

  function clear() {
    out.textContent = "";
    out.removeAttribute("data-result");
  }

  /* ------------------------------------------------------------------ events */

  var timer = null;
  var shownFor = null; // the input the current answer belongs to

  function answer() {
    clearTimeout(timer);
    shownFor = input.value;
    show(lookup(input.value));
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    answer();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    if (input.value === shownFor) return;
    if (shownFor !== null) { clear(); shownFor = null; } // an answer about other digits would mislead
    if (!input.value.trim()) return;
    timer = setTimeout(answer, PAUSE_MS);
  });
  form.hidden = false; // shown only when this script runs; without it the <noscript> text explains
})();
