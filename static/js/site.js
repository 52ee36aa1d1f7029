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
})();
