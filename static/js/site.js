// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  // "Leave quickly" replaces this page in the history, so Back does not return here.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-leave-quickly]");
    if (!link) return;
    event.preventDefault();
    try {
      window.sessionStorage.clear(); // the finder's answers kept for Back (static/js/finder.js)
    } catch (error) { /* storage switched off: nothing kept */ }
    window.location.replace(link.href);
  });
  // A form with errors: move focus to its summary so screen readers read it out first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
  // Forms marked data-drop-empty leave their empty fields out of the URL (without this the
  // server redirects to the same clean URL, so this only saves a round trip).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-drop-empty") || (form.method || "get").toLowerCase() !== "get") return;
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && value.trim() !== "") params.append(name, value);
    });
    event.preventDefault();
    var query = params.toString();
    window.location.assign(form.action.split("?")[0] + (query ? "?" + query : ""));
  });
  // Filter panels fold away on phones; on wide screens they start open.
  if (window.matchMedia && window.matchMedia("(min-width: 60rem)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
      details.open = true;
    });
  }
  // Forms marked data-autosubmit submit themselves when a control changes.
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-autosubmit")) form.requestSubmit();
  });
  // Print buttons (finder results) appear only when script can print; without it the
  // browser's own Print uses the same print styles.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  // On paper nothing can be unfolded: print folded lists marked data-print-open (the finder's
  // hidden products) open, then fold them back.
  var unfolded = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details[data-print-open]:not([open])").forEach(function (details) {
      details.open = true;
      unfolded.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    unfolded.forEach(function (details) { details.open = false; });
    unfolded = [];
  });
})();
