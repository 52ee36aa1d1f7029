// Together (/tools/together/): two people answer the same list in turn on one device; the
// page shows only what both said yes or maybe to. Each person's answers live in this script's
// memory only: nothing is stored or sent, and one person's "no" is never put in the page.
// The one request it can make is the finder form, when both click it: categories, the
// gentler intensity and the level, nothing else.
(function () {
  "use strict";
  var root = document.querySelector("[data-together]");
  if (!root) return;
  document.querySelectorAll("[data-needs-script]").forEach(function (note) { note.hidden = true; });
  var beginnerMax = parseInt(root.getAttribute("data-beginner-max"), 10) || 2;
  var impact = (root.getAttribute("data-impact") || "").split(" ").filter(Boolean);
  var people = [];

  function screen(name) {
    root.querySelectorAll("[data-screen]").forEach(function (section) {
      section.hidden = section.getAttribute("data-screen") !== name;
    });
    var shown = root.querySelector('[data-screen="' + name + '"]');
    if (name !== "start") shown.focus();
  }

  function reset() {
    root.querySelectorAll('[data-screen="answer"] input').forEach(function (input) {
      input.checked = input.hasAttribute("data-intensity") && input.value === "";
    });
  }

  function collect() {
    var answer = { activities: {}, level: "", intensity: null };
    root.querySelectorAll("[data-activity]").forEach(function (set) {
      var checked = set.querySelector("input:checked");
      answer.activities[set.getAttribute("data-activity")] = checked ? checked.value : "no";
    });
    var level = root.querySelector("[data-level]:checked");
    answer.level = level ? level.value : "";
    var intensity = root.querySelector("[data-intensity]:checked");
    answer.intensity = intensity && intensity.value ? parseInt(intensity.value, 10) : null;
    return answer;
  }

  function list(name, items) {
    var target = root.querySelector('[data-overlap="' + name + '"]');
    target.textContent = "";
    items.forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      target.appendChild(li);
    });
    target.closest("section").hidden = items.length === 0;
  }

  function hidden(name, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    return input;
  }

  function showResult() {
    var first = people[0], second = people[1];
    var yes = [], maybe = [], categories = [];
    root.querySelectorAll("[data-activity]").forEach(function (set) {
      var slug = set.getAttribute("data-activity");
      var a = first.activities[slug], b = second.activities[slug];
      if (a === "no" || b === "no") return;  // a no from either: not shown, not counted
      (a === "yes" && b === "yes" ? yes : maybe).push(set.getAttribute("data-label"));
      (set.getAttribute("data-categories") || "").split(" ").filter(Boolean).forEach(function (c) {
        if (categories.indexOf(c) < 0) categories.push(c);
      });
    });
    list("yes", yes);
    list("maybe", maybe);
    root.querySelector("[data-overlap-empty]").hidden = yes.length + maybe.length > 0;

    // The gentler of the two: a beginner on either side means the beginner's limits.
    var beginner = first.level !== "experienced" || second.level !== "experienced";
    var intensities = [first.intensity, second.intensity].filter(function (n) { return n; });
    var intensity = intensities.length ? Math.min.apply(null, intensities) : null;
    if (intensity && beginner) intensity = Math.min(intensity, beginnerMax);
    var withImpact = categories.some(function (c) { return impact.indexOf(c) >= 0; });
    var line = root.querySelector("[data-overlap-intensity]");
    line.hidden = !(intensity && withImpact);
    line.textContent = intensity ? "Impact: start at no more than " + intensity + " of 5, the gentler of your answers." : "";

    var form = root.querySelector("[data-finder-form]");
    var fields = form.querySelector("[data-finder-fields]");
    fields.textContent = "";
    fields.appendChild(hidden("level", beginner ? "beginner" : "experienced"));
    categories.forEach(function (slug) { fields.appendChild(hidden("categories", slug)); });
    if (intensity && withImpact) fields.appendChild(hidden("intensity", String(intensity)));
    form.hidden = categories.length === 0;
    people = [];  // the result is all that is kept; the answers themselves are dropped
    reset();
    screen("result");
  }

  root.querySelectorAll("[data-go]").forEach(function (button) {
    button.addEventListener("click", function () {
      root.querySelector("[data-answer-heading]").textContent =
        "Person " + (people.length + 1) + "'s answers";
      screen(button.getAttribute("data-go"));
    });
  });
  root.querySelector("[data-done]").addEventListener("click", function () {
    people.push(collect());
    reset();
    if (people.length < 2) screen("pass");
    else showResult();
  });
  root.querySelector("[data-restart]").addEventListener("click", function () {
    people = [];
    reset();
    screen("start");
  });
  screen("start");
})();
