/* The theme's search worker, with a word segmenter for Chinese queries.
 *
 * The index holds Chinese text cut into words by jieba at build time.  The
 * theme (Material for MkDocs 9.8) cuts a Chinese query with an experimental
 * segmenter that never tries a word ending at the query's last character and
 * prefers any shorter word it knows: 家庭团聚 searched for 家庭 alone,
 * 童兵 for 童, 世界打击贩运人口行为日 for its commonest words only.
 *
 * This script loads the theme's worker unchanged (its URL comes in the
 * `worker` parameter, see overrides/main.html) and, for a query with Chinese
 * characters, has the theme parse a query built here instead: each run of
 * Chinese is cut by forward maximum matching against the index's own words,
 * every other part is kept as the theme's tokenizer splits it, and each word
 * matches as a prefix, as the theme's own queries do.  A Chinese query is a
 * phrase, not a list of alternatives: pages must hold every word, unless no
 * page does, in which case pages holding any of them are listed.  Queries
 * without Chinese characters go through the theme untouched.
 */
(function () {
  "use strict";

  var QUERY = 2;          /* the theme's SearchMessageType.QUERY */
  var LONGEST_WORD = 12;  /* characters */
  var HAN = /\p{Script=Han}/u;
  var RUNS = /\p{Script=Han}+|\P{Script=Han}+/gu;
  var SPECIAL = /[+\-*:^~\\]/g;

  var index = null;       /* the theme's lunr index, once built */
  var words = null;       /* its terms (lunr's inverted index) */
  var current = null;     /* the query to parse while a search runs */

  function known(word) {
    return Object.prototype.hasOwnProperty.call(words, word);
  }

  /* Cut a run of Chinese characters into the longest words the index knows. */
  function segment(run) {
    var chars = Array.from(run);
    var out = [];
    for (var i = 0; i < chars.length;) {
      var n = Math.min(LONGEST_WORD, chars.length - i);
      while (n > 1 && !known(chars.slice(i, i + n).join(""))) n--;
      out.push(chars.slice(i, i + n).join(""));
      i += n;
    }
    return out;
  }

  /* The query's words, each as a lunr prefix term. */
  function terms(query) {
    var out = [];
    query.trim().split(self.lunr.tokenizer.separator).forEach(function (piece) {
      (piece.match(RUNS) || []).forEach(function (run) {
        if (HAN.test(run)) out.push.apply(out, segment(run));
        else out.push(run.toLowerCase());
      });
    });
    return out
      .filter(function (term) { return term.length; })
      .map(function (term) { return term.replace(SPECIAL, "\\$&") + "*"; });
  }

  function rewrite(query) {
    var words = terms(query);
    if (!words.length) return null;
    var all = words.map(function (term) { return "+" + term; }).join(" ");
    return index.search(all).length ? all : words.join(" ");
  }

  /* Before the theme handles a query, decide what it is to parse. */
  addEventListener("message", function (ev) {
    var message = ev.data;
    current = null;
    if (index && message && message.type === QUERY && typeof message.data === "string" && HAN.test(message.data))
      current = rewrite(message.data);
  });

  importScripts(new URL(self.location.href).searchParams.get("worker"));

  /* The theme answers a query synchronously, within its own listener. */
  addEventListener("message", function () {
    current = null;
  });

  var lunr = self.lunr;
  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    index = build.apply(this, arguments);
    words = index.invertedIndex;
    return index;
  };

  var Parser = lunr.QueryParser;
  function SegmentingParser(str, query) {
    return new Parser(current === null ? str : current, query);
  }
  SegmentingParser.prototype = Parser.prototype;
  Object.assign(SegmentingParser, Parser);  /* its parse states: parseClause, ... */
  lunr.QueryParser = SegmentingParser;
})();
