/* Search for readers, in a worker. Replaces the theme's search worker (assets/javascripts/hc.js starts
 * this one instead, and only once search is opened); speaks the theme's message protocol
 * (0 setup → 1 ready, 2 query → 3 result), so the theme's search box and result list are unchanged.
 *
 * Why our own: the theme appends a wildcard to every word, which skips the English stemmer ("locked",
 * "scammed", "fees" found nothing), and it splits Chinese queries against its index in a way that drops
 * the last character of short words. Here:
 *   - English: each word matches its stem AND as a prefix while typing (lock → locked, locks); the word as
 *     written ranks a little above other forms of its stem ("scammed" before "scam").
 *   - Chinese: the query is segmented against the index's own vocabulary (the build segments pages with
 *     jieba), fewest pieces first; each word also matches as a prefix and inside longer indexed words,
 *     longer words also match through their parts, and pairs of adjacent characters are compared
 *     directly, so a page is found however either side was segmented.
 *   - Fields: page and section titles weigh most, then `keywords` (synonyms and the page description,
 *     added by scripts/site/search_index.py), then body text. `keywords` ranks but is never shown.
 *   - Pages that match every meaningful query word rank above pages that match some.
 * Results only ever contain text from the index (already HTML-escaped by the build) plus <mark>.
 */
"use strict";

var FIELD_BOOST = { title: 10, keywords: 5, text: 1 };
var ARTICLE_BOOST = 1.5;     // a page's own title and intro weigh more than one of its sections
var K1 = 1.2;                // term-frequency saturation
var MATCH = { exact: 1, stem: 0.8, prefix: 0.6, inner: 0.3, part: 0.5 };
var STOP_WEIGHT = 0.15;      // "my", "the", "了", "怎么办": counted, barely
var BIGRAM_WEIGHT = 2;       // Chinese: character-pair coverage, added to the word scores
var MAX_RESULTS = 50;

var STOP = {};
("a an and are as at be but by can could do does for from has have how i i'm if in into is it its me my " +
 "of on or our so that the their them then there these they this to was we what when where which who why " +
 "will with you your " +
 "的 了 吗 呢 吧 啊 呀 么 嘛 我 我的 你 你的 他 她 它 是 在 有 和 与 及 或 要 就 都 也 还 " +
 "怎么 怎么办 怎样 如何 什么 为什么 哪里 哪个 能 会 可以 应该 一个 这个 那个 请问 还是 " +
 "被 把 给 让 们 很 又 再 才 着 过 个 这 那 啥 咋 想 去 来 到 说 对 不 没 将 得 地 之 以 为 从 向 于 吗")
  .split(" ").forEach(function (w) { STOP[w] = true; });

var HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
var HAN_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
var PUNCT = /^[\s\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65!-\/:-@\[-`{-~\u2010-\u206f\u00a0-\u00bf]+$/;

/* ------------------------------------------------------------------------------------------------
 * English stemmer: the Porter stemmer as shipped in lunr.js 2.3.9 (MIT, (C) 2020 Oliver Nightingale),
 * which includes code from http://tartarus.org/~martin/PorterStemmer/js.txt
 */
var porterStemmer = (function () {
  var step2list = {
        "ational" : "ate",
        "tional" : "tion",
        "enci" : "ence",
        "anci" : "ance",
        "izer" : "ize",
        "bli" : "ble",
        "alli" : "al",
        "entli" : "ent",
        "eli" : "e",
        "ousli" : "ous",
        "ization" : "ize",
        "ation" : "ate",
        "ator" : "ate",
        "alism" : "al",
        "iveness" : "ive",
        "fulness" : "ful",
        "ousness" : "ous",
        "aliti" : "al",
        "iviti" : "ive",
        "biliti" : "ble",
        "logi" : "log"
      },
  
      step3list = {
        "icate" : "ic",
        "ative" : "",
        "alize" : "al",
        "iciti" : "ic",
        "ical" : "ic",
        "ful" : "",
        "ness" : ""
      },
  
      c = "[^aeiou]",          // consonant
      v = "[aeiouy]",          // vowel
      C = c + "[^aeiouy]*",    // consonant sequence
      V = v + "[aeiou]*",      // vowel sequence
  
      mgr0 = "^(" + C + ")?" + V + C,               // [C]VC... is m>0
      meq1 = "^(" + C + ")?" + V + C + "(" + V + ")?$",  // [C]VC[V] is m=1
      mgr1 = "^(" + C + ")?" + V + C + V + C,       // [C]VCVC... is m>1
      s_v = "^(" + C + ")?" + v;                   // vowel in stem
  
    var re_mgr0 = new RegExp(mgr0);
    var re_mgr1 = new RegExp(mgr1);
    var re_meq1 = new RegExp(meq1);
    var re_s_v = new RegExp(s_v);
  
    var re_1a = /^(.+?)(ss|i)es$/;
    var re2_1a = /^(.+?)([^s])s$/;
    var re_1b = /^(.+?)eed$/;
    var re2_1b = /^(.+?)(ed|ing)$/;
    var re_1b_2 = /.$/;
    var re2_1b_2 = /(at|bl|iz)$/;
    var re3_1b_2 = new RegExp("([^aeiouylsz])\\1$");
    var re4_1b_2 = new RegExp("^" + C + v + "[^aeiouwxy]$");
  
    var re_1c = /^(.+?[^aeiou])y$/;
    var re_2 = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
  
    var re_3 = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
  
    var re_4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
    var re2_4 = /^(.+?)(s|t)(ion)$/;
  
    var re_5 = /^(.+?)e$/;
    var re_5_1 = /ll$/;
    var re3_5 = new RegExp("^" + C + v + "[^aeiouwxy]$");
  
    var porterStemmer = function porterStemmer(w) {
      var stem,
        suffix,
        firstch,
        re,
        re2,
        re3,
        re4;
  
      if (w.length < 3) { return w; }
  
      firstch = w.substr(0,1);
      if (firstch == "y") {
        w = firstch.toUpperCase() + w.substr(1);
      }
  
      // Step 1a
      re = re_1a
      re2 = re2_1a;
  
      if (re.test(w)) { w = w.replace(re,"$1$2"); }
      else if (re2.test(w)) { w = w.replace(re2,"$1$2"); }
  
      // Step 1b
      re = re_1b;
      re2 = re2_1b;
      if (re.test(w)) {
        var fp = re.exec(w);
        re = re_mgr0;
        if (re.test(fp[1])) {
          re = re_1b_2;
          w = w.replace(re,"");
        }
      } else if (re2.test(w)) {
        var fp = re2.exec(w);
        stem = fp[1];
        re2 = re_s_v;
        if (re2.test(stem)) {
          w = stem;
          re2 = re2_1b_2;
          re3 = re3_1b_2;
          re4 = re4_1b_2;
          if (re2.test(w)) { w = w + "e"; }
          else if (re3.test(w)) { re = re_1b_2; w = w.replace(re,""); }
          else if (re4.test(w)) { w = w + "e"; }
        }
      }
  
      // Step 1c - replace suffix y or Y by i if preceded by a non-vowel which is not the first letter of the word (so cry -> cri, by -> by, say -> say)
      re = re_1c;
      if (re.test(w)) {
        var fp = re.exec(w);
        stem = fp[1];
        w = stem + "i";
      }
  
      // Step 2
      re = re_2;
      if (re.test(w)) {
        var fp = re.exec(w);
        stem = fp[1];
        suffix = fp[2];
        re = re_mgr0;
        if (re.test(stem)) {
          w = stem + step2list[suffix];
        }
      }
  
      // Step 3
      re = re_3;
      if (re.test(w)) {
        var fp = re.exec(w);
        stem = fp[1];
        suffix = fp[2];
        re = re_mgr0;
        if (re.test(stem)) {
          w = stem + step3list[suffix];
        }
      }
  
      // Step 4
      re = re_4;
      re2 = re2_4;
      if (re.test(w)) {
        var fp = re.exec(w);
        stem = fp[1];
        re = re_mgr1;
        if (re.test(stem)) {
          w = stem;
        }
      } else if (re2.test(w)) {
        var fp = re2.exec(w);
        stem = fp[1] + fp[2];
        re2 = re_mgr1;
        if (re2.test(stem)) {
          w = stem;
        }
      }
  
      // Step 5
      re = re_5;
      if (re.test(w)) {
        var fp = re.exec(w);
        stem = fp[1];
        re = re_mgr1;
        re2 = re_meq1;
        re3 = re3_5;
        if (re.test(stem) || (re2.test(stem) && !(re3.test(stem)))) {
          w = stem;
        }
      }
  
      re = re_5_1;
      re2 = re_mgr1;
      if (re.test(w) && re2.test(w)) {
        re = re_1b_2;
        w = w.replace(re,"");
      }
  
      // and turn initial Y back to y
  
      if (firstch == "y") {
        w = firstch.toLowerCase() + w.substr(1);
      }
  
      return w;
  };
  return porterStemmer;
})();

function normalize(s) {
  return (s.normalize ? s.normalize("NFKC") : s).toLowerCase();
}

function stem(word) {
  return /^[a-z]+$/.test(word) ? porterStemmer(word) : word;
}

/* ------------------------------------------------------------------------------------------------
 * Tokenizing index fields. Fields are HTML (the build's index): only text between tags is indexed,
 * and every token keeps its [start, length] in the original string for highlighting.
 */
var separator = /[\s\u200b\-_,:!=\[\]()"`\/]+|\.(?!\d)/g;

function eachText(html, fn) {
  var markup = /<[^>]*>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, last = 0, m;
  while ((m = markup.exec(html))) {
    if (m.index > last) fn(html.slice(last, m.index), last);
    last = m.index + m[0].length;
  }
  if (last < html.length) fn(html.slice(last), last);
}

function tokenize(html, fn) {
  eachText(html, function (text, offset) {
    var re = new RegExp(separator.source, "g"), index = 0, m;
    do {
      m = re.exec(text);
      var until = m ? m.index : text.length;
      if (index < until) {
        emit(text.slice(index, until), offset + index, fn);
      }
      if (m) {
        index = m.index + m[0].length;
        if (m[0].length === 0) re.lastIndex = m.index + 1;
      }
    } while (m);
  });
}

// One piece between separators. Chinese pieces arrive segmented by the build (U+200B); split off
// CJK punctuation, and split camelCase-free mixes like "App内" into their scripts.
function emit(piece, start, fn) {
  var parts = /[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+/g, m;
  while ((m = parts.exec(piece))) {
    var raw = m[0];
    if (PUNCT.test(raw)) continue;
    var lead = raw.match(/^[^0-9a-z\u3400-\u9fff\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]*/i)[0].length;
    var core = raw.slice(lead).replace(/[^0-9a-z\u3400-\u9fff\uf900-\ufaff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+$/i, "");
    if (!core) continue;
    var at = start + m.index + lead;
    fn(normalize(core), at, core.length);
    // Brand names in camel case are also found by their parts: WeChat → we, chat; PayPal → pay, pal.
    var camel = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g, c, pieces = core.match(camel);
    if (pieces && pieces.length > 1) while ((c = camel.exec(core))) fn(normalize(c[0]), at + c.index, c[0].length);
  }
}

/* ------------------------------------------------------------------------------------------------
 * The index.
 */
var docs = [];            // {location, title, text, page, article, boost}
var postings = Object.create(null);   // term -> {docIndex: {field: [positions...]}}
var vocab = [];           // sorted terms, for prefix lookups
var hanVocab = [];        // terms containing Chinese characters, for inner matches
var termsOf = [];         // per doc: {field: {term: [[start, len], ...]}}
var bigramsOf = [];       // per doc: {field: {bigram: true}} over its Chinese text, whatever the segmentation
var bigramDf = Object.create(null);
var docCount = 0;

function setup(data) {
  docs = []; postings = Object.create(null); termsOf = []; bigramsOf = []; bigramDf = Object.create(null);
  var configured = (data.config && data.config.fields) || {};
  if (configured.keywords) Object.keys(FIELD_BOOST).forEach(function (f) {
    if (configured[f] && typeof configured[f].boost === "number") FIELD_BOOST[f] = configured[f].boost;
  });
  var fields = Object.keys(FIELD_BOOST);
  (data.docs || []).forEach(function (doc, i) {
    var page = String(doc.location).split("#")[0];
    docs.push({
      location: doc.location, title: doc.title || "", text: doc.text || "",
      page: page, article: doc.location.indexOf("#") < 0, boost: typeof doc.boost === "number" ? doc.boost : 1
    });
    var own = termsOf[i] = {};
    fields.forEach(function (field) {
      var value = doc[field];
      if (Array.isArray(value)) value = value.join("\u200b");
      if (typeof value !== "string" || !value) return;
      var table = own[field] = {};
      tokenize(value, function (token, start, length) {
        var term = stem(token);
        (table[term] = table[term] || []).push([start, length]);
        // The word as written too, so "scammed" prefers pages that say "scammed" over ones that say "scam".
        if (term !== token) (table["=" + token] = table["=" + token] || []).push([start, length]);
      });
      Object.keys(table).forEach(function (term) {
        var p = postings[term] = postings[term] || {};
        (p[i] = p[i] || {})[field] = table[term].length;
      });
      var grams = bigrams(value.replace(/<[^>]*>|\u200b/g, ""));
      if (grams.length) {
        var set = (bigramsOf[i] = bigramsOf[i] || {})[field] = {};
        grams.forEach(function (g) { set[g] = true; });
      }
    });
    var seen = {};
    Object.keys(bigramsOf[i] || {}).forEach(function (f) {
      Object.keys(bigramsOf[i][f]).forEach(function (g) { if (!seen[g]) { seen[g] = true; bigramDf[g] = (bigramDf[g] || 0) + 1; } });
    });
  });
  docCount = docs.length;
  vocab = Object.keys(postings).sort();
  hanVocab = vocab.filter(function (t) { return HAN.test(t); });
}

// Pairs of adjacent Chinese characters: matches Chinese text however the build or the query was segmented.
function bigrams(text) {
  var out = [], runs = normalize(text).match(HAN_RUN) || [];
  runs.forEach(function (run) { for (var i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2)); });
  return out;
}

function bigramIdf(g) {
  var df = bigramDf[g] || 0;
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

function idf(term) {
  var df = Object.keys(postings[term]).length;
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

function prefixed(prefix) {
  var lo = 0, hi = vocab.length;
  while (lo < hi) { var mid = (lo + hi) >> 1; if (vocab[mid] < prefix) lo = mid + 1; else hi = mid; }
  var out = [];
  for (var i = lo; i < vocab.length && vocab[i].lastIndexOf(prefix, 0) === 0; i++) out.push(vocab[i]);
  return out;
}

/* ------------------------------------------------------------------------------------------------
 * Queries: words, each with the index terms that count for it and how much.
 */
function segmentHan(run) {
  // Fewest pieces, each an indexed word where possible (single characters otherwise): dynamic programming.
  var n = run.length, best = [0], back = [0];
  for (var i = 1; i <= n; i++) {
    best[i] = Infinity;
    for (var j = Math.max(0, i - 8); j < i; j++) {
      var piece = run.slice(j, i), known = piece in postings;
      if (piece.length > 1 && !known) continue;
      var cost = best[j] + (piece.length > 1 ? 1 : known ? 1.1 : 1.6);
      if (cost < best[i]) { best[i] = cost; back[i] = j; }
    }
  }
  var pieces = [];
  for (var k = n; k > 0; k = back[k]) pieces.unshift(run.slice(back[k], k));
  // Glue runs of unknown single characters back together: they are a word the index does not know.
  var out = [];
  pieces.forEach(function (p) {
    var prev = out[out.length - 1];
    if (p.length === 1 && !(p in postings) && prev && prev.length >= 1 && !(prev in postings)) out[out.length - 1] = prev + p;
    else out.push(p);
  });
  return out;
}

function parts(word) {
  // Indexed words inside a longer Chinese word (人工客服 → 人工, 客服), for pages that use them apart.
  var found = [];
  for (var len = word.length - 1; len >= 2; len--)
    for (var i = 0; i + len <= word.length; i++) {
      var sub = word.slice(i, i + len);
      if (sub in postings && found.indexOf(sub) < 0 && !STOP[sub]) found.push(sub);
    }
  return found;
}

function parseQuery(query) {
  var words = [], seen = {};
  var text = normalize(String(query)).replace(/[*+\-~^:"]/g, " ");
  function add(display, matches, stop) {
    if (seen[display]) return;
    seen[display] = true;
    words.push({ display: display, matches: matches, stop: stop });
  }
  var pieces = text.split(/[\s\u200b,，。、；;！!？?.·…]+/).filter(Boolean);
  pieces.forEach(function (piece) {
    var chunks = piece.match(/[\u3400-\u9fff\uf900-\ufaff]+|[^\u3400-\u9fff\uf900-\ufaff]+/g) || [];
    chunks.forEach(function (chunk) {
      if (HAN.test(chunk)) {
        var segments = segmentHan(chunk);
        segments.forEach(function (seg) {
          var m = {};
          if (seg in postings) m[seg] = MATCH.exact;
          prefixed(seg).forEach(function (t) { if (!(t in m)) m[t] = MATCH.prefix; });
          if (seg.length >= 2) hanVocab.forEach(function (t) { if (!(t in m) && t.length > seg.length && t.indexOf(seg) > 0) m[t] = MATCH.inner; });
          if (seg.length >= 3) parts(seg).forEach(function (t) { if (!(t in m)) m[t] = MATCH.part; });
          add(seg, m, !!STOP[seg]);
        });
      } else {
        var word = chunk.replace(/^[^0-9a-z]+|[^0-9a-z]+$/g, "");
        if (!word) return;
        var m = {}, s = stem(word);
        if (s in postings) m[s] = MATCH.stem;
        if (word !== s && ("=" + word) in postings) m["=" + word] = MATCH.exact;
        if (word.length >= 2) prefixed(word).forEach(function (t) { if (!(t in m)) m[t] = MATCH.prefix; });
        add(word, m, !!STOP[word]);
      }
    });
  });
  return words;
}

/* ------------------------------------------------------------------------------------------------
 * Scoring and results.
 */
function search(query) {
  var words = parseQuery(query);
  if (!words.length) return { items: [] };
  var essential = words.filter(function (w) { return !w.stop; });
  if (!essential.length) essential = words;
  var scores = {}, matched = {}, hits = {}; // doc -> score, doc -> {word: true}, doc -> {field: [[s,l]]}
  words.forEach(function (word) {
    var weight = essential.indexOf(word) >= 0 ? 1 : STOP_WEIGHT;
    var best = {};
    Object.keys(word.matches).forEach(function (term) {
      var w = word.matches[term] * idf(term), p = postings[term];
      Object.keys(p).forEach(function (d) {
        var fields = p[d], s = 0;
        Object.keys(fields).forEach(function (f) {
          var tf = fields[f];
          s += FIELD_BOOST[f] * tf * (K1 + 1) / (tf + K1);
          if (f !== "keywords") {
            var h = hits[d] = hits[d] || {};
            h[f] = (h[f] || []).concat(termsOf[d][f][term]);
          }
        });
        s *= w;
        if (!(d in best) || s > best[d]) best[d] = s;
      });
    });
    Object.keys(best).forEach(function (d) {
      scores[d] = (scores[d] || 0) + weight * best[d];
      (matched[d] = matched[d] || {})[word.display] = true;
    });
  });

  // Chinese: how much of the query's character pairs each field holds (weighted by rarity).
  var grams = bigrams(query).filter(function (g, i, all) { return all.indexOf(g) === i; });
  var gramWeight = grams.reduce(function (sum, g) { return sum + bigramIdf(g); }, 0);
  var gramCover = {};
  if (gramWeight > 0) bigramsOf.forEach(function (fields, d) {
    if (!fields) return;
    var best = 0, score = 0;
    Object.keys(fields).forEach(function (f) {
      var have = grams.reduce(function (sum, g) { return sum + (fields[f][g] ? bigramIdf(g) : 0); }, 0) / gramWeight;
      score += FIELD_BOOST[f] * have * have;
      if (f !== "text" || have > best) best = Math.max(best, have);
    });
    if (score > 0) {
      scores[d] = (scores[d] || 0) + BIGRAM_WEIGHT * score;
      matched[d] = matched[d] || {};
      gramCover[d] = best;
    }
  });

  var pages = {};
  Object.keys(scores).forEach(function (d) {
    var doc = docs[d], got = matched[d];
    var covered = essential.filter(function (w) { return got[w.display]; }).length / essential.length;
    if (gramCover[d] > covered) covered = gramCover[d];
    var score = scores[d] * (0.15 + 0.85 * covered * covered) * doc.boost * (doc.article ? ARTICLE_BOOST : 1);
    var page = pages[doc.page] = pages[doc.page] || { docs: [], best: 0, covered: 0 };
    page.docs.push({ index: +d, score: score });
    page.best = Math.max(page.best, score);
    page.covered = Math.max(page.covered, covered);
  });

  var ranked = Object.keys(pages).map(function (key) {
    var page = pages[key];
    page.docs.sort(function (a, b) { return b.score - a.score; });
    var rest = page.docs.slice(1).reduce(function (sum, d) { return sum + d.score; }, 0);
    page.total = page.best + Math.min(rest, page.best) * 0.15;
    page.key = key;
    return page;
  }).sort(function (a, b) { return b.total - a.total; }).slice(0, MAX_RESULTS);

  var byLocation = {};
  docs.forEach(function (doc, i) { if (doc.article) byLocation[doc.page] = i; });
  return {
    items: ranked.map(function (page) {
      var group = page.docs.map(function (d) { return item(d.index, d.score, words, matched[d.index], hits[d.index]); });
      var article = byLocation[page.key];
      if (article !== undefined && !page.docs.some(function (d) { return d.index === article; }))
        group.push(item(article, 0, words, {}, {}));
      return group;
    })
  };
}

function item(i, score, words, got, hit) {
  var doc = docs[i], terms = {};
  words.forEach(function (w) { if (!w.stop) terms[w.display] = !!(got && got[w.display]); });
  return {
    location: doc.location,
    // U+200B separates the build's Chinese word segments: invisible, but it would travel with a copy.
    title: mark(doc.title, (hit && hit.title) || []).replace(/\u200b/g, ""),
    text: snippet(doc.text, (hit && hit.text) || []).replace(/\u200b/g, ""),
    score: score,
    terms: terms
  };
}

function mark(html, spans) {
  spans = spans.slice().sort(function (a, b) { return b[0] - a[0]; });
  var out = html, last = Infinity;
  spans.forEach(function (s) {
    if (s[0] + s[1] > last) return; // overlapping
    out = out.slice(0, s[0]) + "<mark>" + out.slice(s[0], s[0] + s[1]) + "</mark>" + out.slice(s[0] + s[1]);
    last = s[0];
  });
  return out;
}

// Up to two text blocks that hold matches, highlighted; otherwise the start of the text.
// Only text between tags is returned (and <mark>), so no markup from the index is carried along.
function snippet(html, spans) {
  var blocks = [];
  eachTextBlock(html, function (text, offset) { blocks.push([offset, text]); });
  var chosen = [];
  blocks.forEach(function (b) {
    if (chosen.length >= 2) return;
    var inside = spans.filter(function (s) { return s[0] >= b[0] && s[0] + s[1] <= b[0] + b[1].length; })
      .map(function (s) { return [s[0] - b[0], s[1]]; });
    if (inside.length) chosen.push(trim(b[1], inside));
  });
  if (!chosen.length && blocks.length) chosen.push(trim(blocks[0][1], []));
  return chosen.length ? "<p>" + chosen.join(" … ") + "</p>" : "";
}

// Text between block-level tags, inline tags dropped (their text kept at its offset is not needed).
function eachTextBlock(html, fn) {
  var tag = /<[^>]*>/g, last = 0, m;
  while ((m = tag.exec(html))) {
    if (m.index > last && html.slice(last, m.index).trim()) fn(html.slice(last, m.index), last);
    last = m.index + m[0].length;
  }
  if (last < html.length && html.slice(last).trim()) fn(html.slice(last), last);
}

function trim(text, spans) {
  var LIMIT = 160, start = 0, end = text.length;
  if (end > LIMIT) {
    var first = spans.length ? Math.min.apply(null, spans.map(function (s) { return s[0]; })) : 0;
    start = Math.max(0, Math.min(first - 40, end - LIMIT));
    end = Math.min(text.length, start + LIMIT);
    // never cut an entity such as &amp; in half
    var amp = text.lastIndexOf("&", start);
    if (amp >= 0 && text.indexOf(";", amp) >= start) start = text.indexOf(";", amp) + 1;
    amp = text.lastIndexOf("&", end);
    if (amp >= 0 && amp < end && text.indexOf(";", amp) >= end) end = amp;
  }
  var inside = spans.filter(function (s) { return s[0] >= start && s[0] + s[1] <= end; })
    .map(function (s) { return [s[0] - start, s[1]]; });
  return (start > 0 ? "… " : "") + mark(text.slice(start, end), inside) + (end < text.length ? " …" : "");
}

/* ------------------------------------------------------------------------------------------------
 * The theme's protocol.
 */
if (typeof addEventListener === "function") addEventListener("message", function (ev) {
  var message = ev.data || {};
  if (message.type === 0) {
    setup(message.data || {});
    postMessage({ type: 1 });
  } else if (message.type === 2) {
    var result;
    try {
      result = search(message.data || "");
    } catch (err) {
      result = { items: [] };
    }
    postMessage({ type: 3, data: result });
  }
});

// For tests in Node: tests/site/search_harness.js loads this file with a stand-in `self`.
if (typeof module !== "undefined") module.exports = { setup: setup, search: search, parseQuery: parseQuery, segmentHan: segmentHan, stem: stem };
