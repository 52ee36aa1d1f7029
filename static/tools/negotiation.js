// The negotiation card (/tools/negotiation/): fills the card from the answers, in the page.
// Nothing is sent anywhere: no form, no request. The answers are kept in this tab's
// sessionStorage only when the person ticks "remember", and the .ics reminder is made here.
(function () {
  "use strict";
  var root = document.querySelector("[data-negotiation]");
  if (!root) return;
  document.querySelectorAll("[data-needs-script]").forEach(function (note) { note.hidden = true; });
  var STORE = "safeword-negotiation-card";
  var questions = root.querySelector("[data-questions]");
  var card = root.querySelector("[data-card]");
  var keep = root.querySelector("[data-keep]");
  questions.hidden = false;

  function field(name) { return root.querySelector('[data-field="' + name + '"]'); }
  function value(name) { var el = field(name); return el ? el.value.trim() : ""; }
  function slot(name) { return card.querySelector('[data-slot="' + name + '"]'); }
  function setSlot(name, text) { var el = slot(name); if (el) el.textContent = text; }
  function name(person) { return value("name-" + person) || "Person " + person.toUpperCase(); }

  function pad(number) { return (number < 10 ? "0" : "") + number; }
  function isoDate(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }
  var tomorrow = new Date();
  tomorrow.setDate(tomorrow.getDate() + 1);
  if (!field("reminder-date").value) field("reminder-date").value = isoDate(tomorrow);

  // --- reading and writing every answer (for the card and for tab storage) -----------------
  function answers() {
    var data = { fields: {}, activities: {}, aftercare: {}, shears: "" };
    root.querySelectorAll("[data-field]").forEach(function (el) {
      data.fields[el.getAttribute("data-field")] = el.value;
    });
    root.querySelectorAll("[data-activity]").forEach(function (set) {
      var checked = set.querySelector("input:checked");
      if (checked) data.activities[set.getAttribute("data-activity")] = checked.value;
    });
    root.querySelectorAll("[data-aftercare]").forEach(function (set) {
      var person = set.getAttribute("data-aftercare");
      data.aftercare[person] = [];
      set.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
        data.aftercare[person].push(box.value);
      });
    });
    var shears = root.querySelector("[data-field-choice=shears]:checked");
    data.shears = shears ? shears.value : "";
    return data;
  }

  function restore(data) {
    Object.keys(data.fields || {}).forEach(function (key) {
      var el = field(key);
      if (el) el.value = data.fields[key];
    });
    Object.keys(data.activities || {}).forEach(function (slug) {
      var input = root.querySelector('[data-activity="' + slug + '"] input[value="' + data.activities[slug] + '"]');
      if (input) input.checked = true;
    });
    Object.keys(data.aftercare || {}).forEach(function (person) {
      (data.aftercare[person] || []).forEach(function (key) {
        var box = root.querySelector('[data-aftercare="' + person + '"] input[value="' + key + '"]');
        if (box) box.checked = true;
      });
    });
    var shears = root.querySelector('[data-field-choice=shears][value="' + data.shears + '"]');
    if (shears) shears.checked = true;
  }

  // --- the card -------------------------------------------------------------------------------
  function fill(list, items) {
    list.textContent = "";
    items.forEach(function (text) {
      var li = document.createElement("li");
      li.textContent = text;
      list.appendChild(li);
    });
    if (!items.length) {
      var none = document.createElement("li");
      none.className = "nego-card__none";
      none.textContent = "Nothing here";
      list.appendChild(none);
    }
  }

  function render() {
    var data = answers();
    var named = [value("name-a"), value("name-b")].filter(Boolean);
    setSlot("names", named.length ? "· " + named.join(" and ") : "");
    var lists = { yes: [], maybe: [], no: [] };
    var any = false;
    root.querySelectorAll("[data-activity]").forEach(function (set) {
      var choice = data.activities[set.getAttribute("data-activity")];
      if (choice) { lists[choice].push(set.getAttribute("data-label")); any = true; }
    });
    card.querySelector("[data-card-lists]").hidden = !any;
    card.querySelector("[data-card-blank]").hidden = any;
    Object.keys(lists).forEach(function (key) {
      fill(card.querySelector('[data-list="' + key + '"]'), lists[key]);
    });
    ["hard-limits", "soft-limits", "safe-word", "signal", "light-green", "light-yellow", "light-red"]
      .forEach(function (key) { setSlot(key, value(key)); });
    setSlot("intensity", value("intensity") ? "Around " + value("intensity") + " of 10" : "");
    setSlot("check-in", value("check-in") ? value("check-in") + " minutes" : "");
    var shears = { a: name("a"), b: name("b"), both: "Both of us", none: "No restraints tonight" };
    setSlot("shears", shears[data.shears] || "");
    ["a", "b"].forEach(function (person) {
      setSlot("aftercare-name-" + person, name(person));
      var wishes = [];
      root.querySelectorAll('[data-aftercare="' + person + '"] input[type=checkbox]:checked')
        .forEach(function (box) { wishes.push(box.getAttribute("data-label")); });
      var more = value("aftercare-" + person + "-more");
      if (more) wishes.push(more);
      setSlot("aftercare-" + person, wishes.join(", "));
    });
    var when = reminderDate();
    setSlot("reminder", when ? when.toLocaleString(undefined, {
      weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit"
    }) : "");
    if (keep.checked) {
      try { sessionStorage.setItem(STORE, JSON.stringify(data)); } catch (error) { /* full or off */ }
    }
  }

  // --- the "check in tomorrow" reminder, as an iCalendar file made here --------------------
  function reminderDate() {
    var day = value("reminder-date");
    var time = value("reminder-time") || "10:00";
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    var clock = /^(\d{2}):(\d{2})/.exec(time);
    if (!match || !clock) return null;
    return new Date(+match[1], +match[2] - 1, +match[3], +clock[1], +clock[2]);
  }
  function icsText(text) {
    return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  function stamp(date, utc) {
    if (utc) {
      return date.getUTCFullYear() + pad(date.getUTCMonth() + 1) + pad(date.getUTCDate()) + "T" +
        pad(date.getUTCHours()) + pad(date.getUTCMinutes()) + pad(date.getUTCSeconds()) + "Z";
    }
    return date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate()) + "T" +
      pad(date.getHours()) + pad(date.getMinutes()) + "00";
  }
  function icsFile() {
    var when = reminderDate() || tomorrow;
    var title = value("reminder-title") || "Check in";
    var random = Math.random().toString(36).slice(2) + Date.now().toString(36);
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Safeword//Negotiation card//EN",
      "CALSCALE:GREGORIAN", "BEGIN:VEVENT",
      "UID:" + random + "@check-in.invalid",
      "DTSTAMP:" + stamp(new Date(), true),
      "DTSTART:" + stamp(when, false),
      "DURATION:PT15M",
      "SUMMARY:" + icsText(title),
      "DESCRIPTION:" + icsText("How are you feeling today? A quick message can make a real difference."),
      "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:PT0M",
      "DESCRIPTION:" + icsText(title), "END:VALARM",
      "END:VEVENT", "END:VCALENDAR"
    ];
    return lines.join("\r\n") + "\r\n";
  }
  root.querySelector("[data-download-ics]").addEventListener("click", function () {
    var blob = new Blob([icsFile()], { type: "text/calendar" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "check-in.ics";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  });

  // --- keep, clear, print ---------------------------------------------------------------------
  try {
    var saved = sessionStorage.getItem(STORE);
    if (saved) { restore(JSON.parse(saved)); keep.checked = true; }
  } catch (error) { /* storage off or damaged: start blank */ }

  keep.addEventListener("change", function () {
    try {
      if (keep.checked) sessionStorage.setItem(STORE, JSON.stringify(answers()));
      else sessionStorage.removeItem(STORE);
    } catch (error) { /* storage off */ }
  });
  root.querySelector("[data-clear]").addEventListener("click", function () {
    root.querySelectorAll("input[type=radio], input[type=checkbox]").forEach(function (input) {
      if (input !== keep) input.checked = false;
    });
    root.querySelectorAll("[data-field]").forEach(function (el) { el.value = el.defaultValue || ""; });
    field("reminder-date").value = isoDate(tomorrow);
    try { sessionStorage.removeItem(STORE); } catch (error) { /* storage off */ }
    keep.checked = false;
    render();
  });
  // "Leave quickly" leaves nothing behind, even what the person asked this tab to remember.
  document.addEventListener("click", function (event) {
    if (!event.target.closest("[data-leave-quickly]")) return;
    try { sessionStorage.removeItem(STORE); } catch (error) { /* storage off */ }
  }, true);
  root.querySelector("[data-print-card]").addEventListener("click", function () { window.print(); });
  questions.addEventListener("input", render);
  questions.addEventListener("change", render);
  render();
})();
