// The finder's results survive Back and Reload (a progressive enhancement: without script
// the results are a plain POST response, as before).
//
// The results page is the answer to a POST, and the browser will not show such a page again
// without sending the form again ("Confirm form resubmission"). So, on every finder page:
// - the page's history entry is turned into a plain GET of /finder/ (history.replaceState),
//   so going Back or reloading never asks to resend a form;
// - on the results page the answers (the hidden fields of "Change my answers") are kept in
//   this tab's sessionStorage, and the entry is marked as showing results;
// - when such an entry is shown again (Back, Forward, Reload), the answers are posted once
//   more, in the body of a POST to /finder/ as the form does, and the fresh results replace
//   the first question while it is still hidden (html.finder-restoring).
// The answers never go into a URL, a cookie or the server's storage: sessionStorage is this
// tab's own, gone when the tab closes, and cleared by "Start again" and "Leave quickly".
(function () {
  "use strict";
  var KEY = "safeword.finder.answers";
  var storage = null;
  try {
    storage = window.sessionStorage;
  } catch (error) {
    storage = null; // storage switched off: Back shows the first question, never a prompt
  }
  var entry = (performance.getEntriesByType && performance.getEntriesByType("navigation")[0]) || {};
  var shown = window.history.state || {};
  var restoring = Boolean(
    storage && shown.finderResults && storage.getItem(KEY) &&
    (entry.type === "back_forward" || entry.type === "reload")
  );
  if (restoring) document.documentElement.classList.add("finder-restoring");

  function keepAnswers(results) {
    var form = results.querySelector("form[data-finder-answers]");
    if (!form || !storage) return;
    var answers = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "step" && name !== "action") answers.push([name, String(value)]);
    });
    try {
      storage.setItem(KEY, JSON.stringify({ step: form.dataset.finderAnswers, answers: answers }));
    } catch (error) { /* full or refused: Back shows the first question */ }
  }

  function markResults() {
    window.history.replaceState({ finderResults: true }, "", window.location.href);
  }

  function enhance(results) {
    results.querySelectorAll("[data-print]").forEach(function (button) {
      if (!button.hidden) return;
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function restore() {
    var saved = null;
    try {
      saved = JSON.parse(storage.getItem(KEY));
    } catch (error) {
      saved = null;
    }
    var done = function () { document.documentElement.classList.remove("finder-restoring"); };
    if (!saved || !Array.isArray(saved.answers)) {
      storage.removeItem(KEY);
      return done();
    }
    var body = new URLSearchParams();
    body.append("step", saved.step || "");
    body.append("action", "next");
    saved.answers.forEach(function (pair) { body.append(pair[0], pair[1]); });
    var form = document.querySelector("form.finder-step");
    // getAttribute: the form's `action` property is its buttons named "action".
    var url = (form && form.getAttribute("action")) || window.location.pathname;
    fetch(url, { method: "POST", body: body, credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error("finder: " + response.status);
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.querySelector("[data-finder-results]");
        var current = document.querySelector(".finder");
        if (!fresh || !current) throw new Error("finder: no results");
        fresh = document.importNode(fresh, true);
        current.replaceWith(fresh);
        document.title = page.title;
        document.body.className = page.body.className;
        keepAnswers(fresh);
        enhance(fresh);
      })
      .catch(function () { storage.removeItem(KEY); })
      .then(done);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var results = document.querySelector("[data-finder-results]");
    if (results) {
      keepAnswers(results);
      markResults();
    } else if (restoring) {
      restore();
    } else {
      // A question: its entry becomes a GET too. Arriving afresh (a link, not a form) starts
      // over, so answers from an earlier round are forgotten.
      window.history.replaceState(null, "", window.location.href);
      if (storage && document.querySelector("[data-finder-fresh]")) storage.removeItem(KEY);
    }
  });
  document.addEventListener("click", function (event) {
    if (storage && event.target.closest("[data-finder-restart]")) storage.removeItem(KEY);
  });
})();
