/* Site behaviour that must run before the theme's bundle (overrides/main.html loads this file, deferred,
 * just before the bundle, so it runs first). No inline scripts anywhere (Content-Security-Policy,
 * overrides/partials/csp.html), so the theme's small inline helpers live here too.
 *
 * 1. The theme's storage helpers (__md_scope, __md_get, …), formerly an inline <script>.
 * 2. What the theme may download, decided before it runs:
 *    - the search index: only the reader's language (search/search_index.<lang>.json, written by
 *      scripts/site/search_index.py), and only once the reader opens search;
 *    - the search worker: created only when the theme first talks to it (after the index arrived, so
 *      after search was opened), and it is ours (search-worker.js), which ranks for readers;
 *    - sitemap.xml: the theme fetches one next to every <link rel="alternate"> to remap language
 *      switches; our switcher links are already exact per page, so those requests fail at once
 *      without touching the network and the theme treats that as "no sitemap".
 * 3. Menu and search buttons (overrides/partials/header.html): toggle the theme's panels, move focus
 *    into the drawer or the search box, keep it there while the drawer is open, and bring it back.
 * 4. Tables: on narrow screens site.css shows each row as a card; label every cell with its column
 *    heading (data-label) and keep table semantics with ARIA roles (display:block drops them).
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../../", script ? script.src : location.href); // this file is assets/javascripts/hc.js
  var lang = document.documentElement.lang === "en" ? "en" : "zh";

  /* 1. Theme helpers, as the theme defines them (partials/javascripts/base.html). */
  window.__md_scope = root;
  window.__md_hash = function (s) {
    return Array.prototype.reduce.call(s, function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    return JSON.parse((storage || localStorage).getItem((scope || __md_scope).pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    try { (storage || localStorage).setItem((scope || __md_scope).pathname + "." + key, JSON.stringify(value)); } catch (e) { /* private mode */ }
  };

  /* 2. Requests. */
  var searchOpened = false, waiting = [];
  function openSearch() {
    if (searchOpened) return;
    searchOpened = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }
  document.addEventListener("focusin", function (e) {
    if (e.target && e.target.closest && e.target.closest(".md-search")) openSearch();
  });
  document.addEventListener("change", function (e) {
    if (e.target && e.target.id === "__search" && e.target.checked) openSearch();
  });

  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var u = String(url);
    this.__hcSkip = /\/sitemap\.xml$/.test(u);
    this.__hcLazy = /\/search\/search_index\.json$/.test(u);
    if (this.__hcLazy) arguments[1] = u.replace(/search_index\.json$/, "search_index." + lang + ".json");
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (xhr.__hcSkip) {
      setTimeout(function () { xhr.dispatchEvent(new Event("error")); }, 0);
      return;
    }
    if (xhr.__hcLazy && !searchOpened) {
      waiting.push(function () { send.apply(xhr, args); });
      return;
    }
    return send.apply(xhr, args);
  };

  /* The theme creates its search worker as soon as it loads. Hand it a stand-in that starts the real
     worker on the first message: that message is the index, sent only after search was opened. */
  var RealWorker = window.Worker;
  var THEME_WORKER = /\/assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js$/;
  function LazyWorker(url, options) {
    this._url = url;
    this._options = options;
    this._listeners = [];
    this._worker = null;
    this.onmessage = null;
    this.onerror = null;
  }
  LazyWorker.prototype._start = function () {
    if (this._worker) return this._worker;
    var self = this;
    var worker = this._worker = new RealWorker(String(new URL("javascripts/search-worker.js", root + "assets/")), this._options);
    this._listeners.forEach(function (l) { worker.addEventListener(l[0], l[1], l[2]); });
    worker.addEventListener("message", function (e) { if (self.onmessage) self.onmessage(e); });
    worker.addEventListener("error", function (e) { if (self.onerror) self.onerror(e); });
    return worker;
  };
  LazyWorker.prototype.addEventListener = function (type, fn, options) {
    if (this._worker) this._worker.addEventListener(type, fn, options);
    else this._listeners.push([type, fn, options]);
  };
  LazyWorker.prototype.removeEventListener = function (type, fn, options) {
    if (this._worker) this._worker.removeEventListener(type, fn, options);
    this._listeners = this._listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
  };
  LazyWorker.prototype.dispatchEvent = function (event) { return this._start().dispatchEvent(event); };
  LazyWorker.prototype.postMessage = function (message, transfer) { this._start().postMessage(message, transfer); };
  LazyWorker.prototype.terminate = function () { if (this._worker) this._worker.terminate(); };
  if (RealWorker) {
    window.Worker = function (url, options) {
      var absolute = String(new URL(String(url), location.href));
      return THEME_WORKER.test(absolute) ? new LazyWorker(absolute, options) : new RealWorker(url, options);
    };
    window.Worker.prototype = RealWorker.prototype;
  }

  /* 3. Menu and search: buttons, focus in and back, a modal drawer. */
  var names = { __drawer: lang === "en" ? "Menu" : "菜单", __search: lang === "en" ? "Search" : "搜索" };
  var opener = {};

  function toggle(id) { return document.getElementById(id); }
  function button(id) { return document.querySelector('[data-hc-toggle="' + id + '"]'); }
  function shown(el) { return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden"; }
  function focusables(container) {
    return Array.prototype.filter.call(
      container.querySelectorAll('a[href], button:not([disabled]), input:not([type=hidden]):not(.md-toggle), [tabindex]:not([tabindex="-1"])'),
      shown
    );
  }
  function drawerIsModal() { return shown(button("__drawer")); } // the menu button shows only where the drawer slides in

  var pressed = null; // the key being handled, if a key closed a panel
  document.addEventListener("keydown", function (e) {
    pressed = e.key;
    setTimeout(function () { pressed = null; }, 0);
  }, true);

  function onToggle(id, checked) {
    var btn = button(id);
    if (btn) btn.setAttribute("aria-expanded", checked ? "true" : "false");
    if (checked) return;
    // Closing: bring focus back to what opened the panel if focus was inside it or got lost.
    var panel = id === "__drawer" ? document.getElementById("hc-drawer") : document.querySelector(".md-search");
    var active = document.activeElement;
    if (active && active !== document.body && !(panel && panel.contains(active))) return;
    // The theme closes search on Tab. Where the search box sits in the header (wide screens), let Tab
    // carry on from it; where search is an overlay (phones), land on its button, then Tab moves on.
    if (id === "__search" && pressed === "Tab") {
      if (shown(btn)) btn.focus();
      return;
    }
    var back = opener[id];
    if (!shown(back) || (panel && panel.contains(back))) back = btn;
    if (shown(back)) back.focus();
  }

  function init() {
    Object.keys(names).forEach(function (id) {
      var el = toggle(id);
      if (!el) return;
      if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", names[id]);
      el.addEventListener("change", function () { onToggle(id, el.checked); });
    });

    document.addEventListener("click", function (e) {
      var btn = e.target.closest && e.target.closest("[data-hc-toggle]");
      if (!btn) return;
      var id = btn.getAttribute("data-hc-toggle"), el = toggle(id);
      if (!el) return;
      opener[id] = btn;
      el.click(); // the theme listens for the checkbox's change event
      if (id === "__search" && el.checked) {
        var input = document.querySelector(".md-search__input");
        if (input) input.focus(); // synchronously, inside the tap: brings up the keyboard on phones
      }
      if (id === "__drawer" && el.checked) {
        var drawer = document.getElementById("hc-drawer");
        // The drawer slides in: focus once it is visible (visibility switches without delay on open).
        requestAnimationFrame(function () {
          var first = drawer && focusables(drawer)[0];
          if (first) first.focus();
        });
      }
    });

    // Whatever had focus before the search box took it is where focus returns on close.
    document.addEventListener("focusin", function (e) {
      var search = document.querySelector(".md-search");
      if (search && search.contains(e.target) && e.relatedTarget && !search.contains(e.relatedTarget)) {
        if (!(e.relatedTarget.getAttribute && e.relatedTarget.getAttribute("data-hc-toggle"))) opener.__search = e.relatedTarget;
      }
    });

    document.addEventListener("keydown", function (e) {
      var drawerToggle = toggle("__drawer");
      if (!drawerToggle || !drawerToggle.checked || !drawerIsModal()) return;
      var drawer = document.getElementById("hc-drawer");
      if (e.key === "Escape") {
        drawerToggle.click();
        e.preventDefault();
        return;
      }
      if (e.key !== "Tab" || !drawer) return;
      var items = focusables(drawer);
      if (!items.length) return;
      var first = items[0], last = items[items.length - 1], active = document.activeElement;
      if (!drawer.contains(active)) {
        (e.shiftKey ? last : first).focus();
        e.preventDefault();
      } else if (e.shiftKey && active === first) {
        last.focus();
        e.preventDefault();
      } else if (!e.shiftKey && active === last) {
        first.focus();
        e.preventDefault();
      }
    });
  }

  /* 4. Tables (the content is already parsed: this file loads at the end of the body). */
  function labelTables() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table:not([class])"), function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
      if (!heads.length || table.hasAttribute("role")) return;
      table.setAttribute("role", "table");
      Array.prototype.forEach.call(table.querySelectorAll("thead, tbody"), function (g) { g.setAttribute("role", "rowgroup"); });
      Array.prototype.forEach.call(table.querySelectorAll("tr"), function (tr) {
        tr.setAttribute("role", "row");
        var col = 0, head = tr.parentNode && tr.parentNode.tagName === "THEAD";
        Array.prototype.forEach.call(tr.children, function (cell) {
          if (head) cell.setAttribute("role", "columnheader");
          else {
            cell.setAttribute("role", cell.tagName === "TH" ? "rowheader" : "cell");
            if (heads[col]) cell.setAttribute("data-label", heads[col]);
          }
          col += cell.colSpan || 1;
        });
      });
    });
  }
  labelTables();

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
