// Suluh live reload (served by `suluh serve` only; never part of a built site).
// Reloads the page when a rebuild finishes and puts the reader back where they were.
(function () {
  "use strict";
  var key = "suluh-scroll:" + location.pathname;
  try {
    var saved = sessionStorage.getItem(key);
    if (saved !== null) {
      sessionStorage.removeItem(key);
      var y = parseFloat(saved) || 0;
      // The browser's own restoration stays off for this page (see below), so ours is the only one.
      var restore = function () { window.scrollTo(0, y); };
      if (document.readyState === "complete") restore();
      else window.addEventListener("load", restore);
    }
  } catch (e) { /* storage may be disabled: reload without restoring */ }

  if (!window.EventSource) return;
  var source = new EventSource("/__suluh/events");
  source.addEventListener("rebuild", function () {
    try { sessionStorage.setItem(key, String(window.scrollY)); } catch (e) { /* ignore */ }
    // We restore the position ourselves, the same way in every browser.
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";
    source.close();
    location.reload();
  });
})();
