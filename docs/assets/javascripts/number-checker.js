/* "Is this number official?" — answers from the registry data embedded in the page.
   Everything is written with textContent: pasted input is never parsed as HTML. */
(function () {
  "use strict";
  var root = document.querySelector(".hc-checker");
  if (!root) return;
  var lang = root.getAttribute("data-hc-lang") === "en" ? "en" : "zh";
  var data = JSON.parse(document.getElementById("hc-checker-data").textContent);
  var text = JSON.parse(document.getElementById("hc-checker-text").textContent);
  var form = root.querySelector("form");
  var input = document.getElementById("hc-checker-input");
  var out = document.getElementById("hc-checker-result");
  var MAX_DIGITS = 30;

  // digit form -> entries, built once from the registry's national, international and as-dialled forms
  var byDigits = {};
  var bySender = {};
  data.contacts.forEach(function (entry) {
    entry.digits.forEach(function (d) { (byDigits[d] = byDigits[d] || []).push(entry); });
    if (entry.sender_name) (bySender[entry.sender_name] = bySender[entry.sender_name] || []).push(entry);
  });

  function clean(raw) {
    // Full-width digits and signs to ASCII; invisible characters out.
    return raw.normalize("NFKC").replace(/[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g, "").trim();
  }

  function candidates(digits, plus) {
    var found = [digits];
    if (plus) found.push(digits);
    if (digits.indexOf("00") === 0) found.push(digits.slice(2));        // 0086…, 0044…
    if (digits.charAt(0) === "0") found.push(digits.slice(1));          // trunk prefix 0
    return found;
  }

  function withAreaCode(digits) {
    // A mainland area code (with or without the country code) typed in front of a short code.
    var hits = [];
    data.contacts.forEach(function (entry) {
      if (entry.dial_region !== "CN") return;
      entry.digits.forEach(function (d) {
        if (d.length > 6 || digits.length <= d.length || digits.slice(-d.length) !== d) return;
        var prefix = digits.slice(0, -d.length);
        if (/^(0086|86)?0?\d{2,3}$/.test(prefix) && hits.indexOf(entry) < 0) hits.push(entry);
      });
    });
    return hits;
  }

  function lookup(raw) {
    var s = clean(raw);
    if (!s) return { kind: "empty" };
    var digits = s.replace(/\D/g, "");
    if (s.length > 200 || digits.length > MAX_DIGITS) return { kind: "too_long" };
    var sender = s.toUpperCase().replace(/\s/g, "");
    if (/[A-Z]/.test(sender)) {
      if (bySender[sender]) return { kind: "match", entries: bySender[sender] };
      if (bySender["#" + sender]) return { kind: "match", entries: bySender["#" + sender] };
      if (!digits) return { kind: "not_listed", shown: s };
    }
    if (!digits) return { kind: "no_digits" };
    var seen = [];
    candidates(digits, s.charAt(0) === "+").forEach(function (c) {
      (byDigits[c] || []).forEach(function (e) { if (seen.indexOf(e) < 0) seen.push(e); });
    });
    if (!seen.length) seen = withAreaCode(digits);
    return seen.length ? { kind: "match", entries: seen } : { kind: "not_listed", shown: s };
  }

  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content) node.textContent = content;
    return node;
  }

  function describe(entry) {
    var box = el("div", "hc-checker__entry hc-checker__entry--" + entry.status);
    var official = entry.status === "verified";
    box.appendChild(el("p", "hc-checker__verdict", official ? text.verified : text.corroborated));
    var facts = el("dl", "hc-checker__facts");
    function fact(name, value) {
      if (!value) return;
      facts.appendChild(el("dt", null, name));
      facts.appendChild(el("dd", null, value));
    }
    fact(text.provider, entry.provider.name[lang]);
    fact(text.channel, (entry.label ? entry.label[lang] + " · " : "") + entry.value);
    fact(text.hours, entry.hours ? entry.hours[lang] : "");
    var source = el("dd");
    var link = el("a", null, entry.evidence.url);
    link.href = entry.evidence.url;
    link.rel = "noopener external";
    source.appendChild(link);
    source.appendChild(document.createTextNode(" (" + text.checked + " " + entry.evidence.checked + ")"));
    facts.appendChild(el("dt", null, text.evidence));
    facts.appendChild(source);
    box.appendChild(facts);
    if (!official) box.appendChild(el("p", "hc-checker__note", text.corroborated_hint));
    if (entry.never_calls_you) box.appendChild(el("p", "hc-checker__warn", text.never_calls));
    else if (entry.may_call_you) box.appendChild(el("p", "hc-checker__note", text.may_call));
    if (entry.sms_sender) box.appendChild(el("p", "hc-checker__note", text.sms_sender));
    return box;
  }

  function show(result) {
    out.textContent = "";
    out.setAttribute("data-result", result.kind === "match" ? result.entries[0].status : result.kind);
    if (result.kind === "match") {
      result.entries.forEach(function (entry) { out.appendChild(describe(entry)); });
    } else if (result.kind === "not_listed") {
      out.appendChild(el("p", "hc-checker__verdict hc-checker__verdict--unknown", text.not_listed + ": " + result.shown));
      out.appendChild(el("p", "hc-checker__warn", text.not_listed_advice));
    } else {
      out.appendChild(el("p", "hc-checker__verdict", text[result.kind]));
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(lookup(input.value));
  });
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { if (input.value.trim()) show(lookup(input.value)); }, 250);
  });
})();
