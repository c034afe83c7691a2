/* Only on the Chinese not-found page (/404.html), which GitHub Pages serves for every missing address:
 * a missing English address (/en/…) gets the English not-found page instead, in English. */
(function () {
  var script = document.currentScript;
  if (!script) return;
  var root = new URL("../../", script.src).pathname; // this file is assets/javascripts/not-found.js
  var path = location.pathname;
  if (path.lastIndexOf(root + "en/", 0) === 0 && path !== root + "en/404.html") location.replace(root + "en/404.html");
})();
