/* Small progressive enhancements; every page works without them. */
(function () {
  "use strict";
  var WIDE = window.matchMedia("(min-width: 720px)");
  var filtersWereOpen = null;

  function filters(root) {
    return (root || document).querySelector("details.filters__panel");
  }

  // Phones start with the filter panel folded (results first); wide screens always show it.
  function settleFilters() {
    var panel = filters();
    if (!panel) return;
    if (WIDE.matches) panel.open = true;
    else if (filtersWereOpen !== null) panel.open = filtersWereOpen;
  }

  document.addEventListener("DOMContentLoaded", settleFilters);
  // htmx replaces the catalogue (filters included) after each change: keep the panel as the shopper left it.
  document.addEventListener("htmx:beforeSwap", function () {
    var panel = filters();
    filtersWereOpen = panel ? panel.open : null;
  });
  document.addEventListener("htmx:afterSettle", settleFilters);
})();

/* Behaviour that used to sit in inline attributes (the content security policy allows no inline script). */
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    // on the form, or on the button that submitted it (one form, several actions, one of them destructive)
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute("data-confirm")) ||
      (event.target.getAttribute && event.target.getAttribute("data-confirm"));
    if (message && !window.confirm(message)) event.preventDefault();
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) window.print();
  });
})();
