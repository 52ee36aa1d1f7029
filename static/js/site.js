// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";
  // "Leave quickly" replaces this page in the history, so Back does not return here.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-leave-quickly]");
    if (!link) return;
    event.preventDefault();
    window.location.replace(link.href);
  });
  // A form with errors: move focus to its summary so screen readers read it out first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
  // Forms marked data-autosubmit submit themselves when a control changes.
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-autosubmit")) form.requestSubmit();
  });
})();
