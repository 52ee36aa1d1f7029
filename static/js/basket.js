// Basket enhancements: "Add to basket" without leaving the page, and the count in the header.
// Without this file the same forms post and come back with a message.
(function () {
  "use strict";
  function setCount(count) {
    document.querySelectorAll("[data-basket-count]").forEach(function (node) {
      node.textContent = count ? " (" + count + ")" : "";
    });
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-basket-add") || !window.fetch) return;
    event.preventDefault();
    var status = form.querySelector("[data-basket-status]");
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (result) {
        if (result.ok) {
          setCount(result.body.count);
          if (status) status.textContent = "Added. Your basket has " + result.body.count + " item" + (result.body.count === 1 ? "" : "s") + ".";
        } else if (status) {
          var errors = result.body.errors || {};
          status.textContent = Object.keys(errors).map(function (key) { return errors[key].join(" "); }).join(" ") || "That did not work.";
        }
      })
      .catch(function () { form.submit(); })  // no answer we understand: post it the plain way
      .finally(function () { if (button) button.disabled = false; });
  });
})();
