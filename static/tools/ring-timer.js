// Ring timer and check-ins (/tools/ring-timer/): a 20-minute ring timer, a repeating restraint
// check-in reminder and a full-screen traffic-light card. Everything runs in the page and makes
// no request once it has loaded, so it keeps working offline. Times are measured against the
// clock (not by counting ticks), so a phone that sleeps the page still ends on time.
(function () {
  "use strict";
  var root = document.querySelector("[data-ring-timer]");
  if (!root) return;
  document.querySelectorAll("[data-needs-script]").forEach(function (note) { note.hidden = true; });
  ["[data-ring]", "[data-check]", "[data-lights]"].forEach(function (selector) {
    root.querySelector(selector).hidden = false;
  });
  var sound = root.querySelector("[data-sound]");
  var audio = null;

  function pad(number) { return (number < 10 ? "0" : "") + number; }
  function clock(ms) {
    var seconds = Math.max(0, Math.ceil(ms / 1000));
    return pad(Math.floor(seconds / 60)) + ":" + pad(seconds % 60);
  }

  // A gentle alert: a soft two-note chime (made here, no sound file) and a short vibration.
  function chime() {
    if (!sound.checked) return;
    try {
      if (navigator.vibrate) navigator.vibrate([200, 100, 200]);
      if (!audio) return;
      [0, 0.5].forEach(function (delay, index) {
        var tone = audio.createOscillator();
        var volume = audio.createGain();
        tone.type = "sine";
        tone.frequency.value = index ? 523 : 659;
        volume.gain.setValueAtTime(0.0001, audio.currentTime + delay);
        volume.gain.exponentialRampToValueAtTime(0.2, audio.currentTime + delay + 0.05);
        volume.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + delay + 0.45);
        tone.connect(volume).connect(audio.destination);
        tone.start(audio.currentTime + delay);
        tone.stop(audio.currentTime + delay + 0.5);
      });
    } catch (error) { /* no sound on this device: the message on screen still shows */ }
  }
  function wakeAudio() {
    // Browsers allow sound only after a tap, so the chime is prepared on Start.
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!audio && Context) audio = new Context();
      if (audio && audio.state === "suspended") audio.resume();
    } catch (error) { audio = null; }
  }

  // --- the ring timer ----------------------------------------------------------------------------
  var ring = {
    display: root.querySelector("[data-ring-display]"),
    status: root.querySelector("[data-ring-status]"),
    minutes: root.querySelector("[data-ring-minutes]"),
    start: root.querySelector("[data-ring-start]"),
    pause: root.querySelector("[data-ring-pause]"),
    reset: root.querySelector("[data-ring-reset]"),
    alert: root.querySelector("[data-ring-alert]"),
    endsAt: null, left: null, ticker: null
  };
  function ringTotal() { return parseInt(ring.minutes.value, 10) * 60 * 1000; }
  function ringShow() {
    var left = ring.endsAt ? ring.endsAt - Date.now() : (ring.left === null ? ringTotal() : ring.left);
    ring.display.textContent = clock(left);
    if (ring.endsAt && left <= 0) {
      clearInterval(ring.ticker);
      ring.endsAt = null;
      ring.left = 0;
      ring.alert.hidden = false;
      ring.start.disabled = true;
      ring.pause.disabled = true;
      ring.status.textContent = "Time is up.";
      chime();
    }
  }
  ring.start.addEventListener("click", function () {
    wakeAudio();
    var left = ring.left === null ? ringTotal() : ring.left;
    ring.endsAt = Date.now() + left;
    ring.ticker = setInterval(ringShow, 250);
    ring.start.disabled = true;
    ring.pause.disabled = false;
    ring.minutes.disabled = true;
    ring.status.textContent = "Timer running: " + clock(left) + " to go.";
    ringShow();
  });
  ring.pause.addEventListener("click", function () {
    clearInterval(ring.ticker);
    ring.left = ring.endsAt - Date.now();
    ring.endsAt = null;
    ring.start.disabled = false;
    ring.start.textContent = "Resume";
    ring.pause.disabled = true;
    ring.status.textContent = "Paused with " + clock(ring.left) + " to go.";
    ringShow();
  });
  ring.reset.addEventListener("click", function () {
    clearInterval(ring.ticker);
    ring.endsAt = null;
    ring.left = null;
    ring.alert.hidden = true;
    ring.start.disabled = false;
    ring.start.textContent = "Start";
    ring.pause.disabled = true;
    ring.minutes.disabled = false;
    ring.status.textContent = "Timer reset.";
    ringShow();
  });
  ring.minutes.addEventListener("change", ringShow);
  ringShow();

  // --- the restraint check-in reminder -------------------------------------------------------
  var check = {
    minutes: root.querySelector("[data-check-minutes]"),
    next: root.querySelector("[data-check-next]"),
    start: root.querySelector("[data-check-start]"),
    stop: root.querySelector("[data-check-stop]"),
    alert: root.querySelector("[data-check-alert]"),
    ok: root.querySelector("[data-check-ok]"),
    dueAt: null, ticker: null
  };
  function checkArm() {
    check.dueAt = Date.now() + parseInt(check.minutes.value, 10) * 60 * 1000;
    check.alert.hidden = true;
    clearInterval(check.ticker);
    check.ticker = setInterval(checkShow, 250);
    checkShow();
  }
  function checkShow() {
    if (!check.dueAt) return;
    var left = check.dueAt - Date.now();
    if (left <= 0) {
      clearInterval(check.ticker);
      check.dueAt = null;
      check.next.textContent = "Check-in due now";
      check.alert.hidden = false;
      chime();
      return;
    }
    check.next.textContent = "Next check-in in " + clock(left);
  }
  check.start.addEventListener("click", function () {
    wakeAudio();
    check.start.disabled = true;
    check.stop.disabled = false;
    check.minutes.disabled = true;
    checkArm();
  });
  check.ok.addEventListener("click", function () {
    checkArm();
    check.stop.focus();
  });
  check.stop.addEventListener("click", function () {
    clearInterval(check.ticker);
    check.dueAt = null;
    check.alert.hidden = true;
    check.start.disabled = false;
    check.stop.disabled = true;
    check.minutes.disabled = false;
    check.next.textContent = "Not running";
    check.start.focus();
  });

  // --- the traffic-light card --------------------------------------------------------------------
  var card = root.querySelector("[data-light-card]");
  var opener = null;
  function closeCard() {
    if (card.hidden) return;
    card.hidden = true;
    card.className = "light-card";
    document.body.classList.remove("light-card-open");
    function refocus() { if (opener) opener.focus(); }
    if (document.fullscreenElement && document.exitFullscreen) {
      document.exitFullscreen().then(refocus, refocus);
    } else {
      refocus();
    }
  }
  root.querySelectorAll("[data-light]").forEach(function (button) {
    button.addEventListener("click", function () {
      opener = button;
      card.className = "light-card light-card--" + button.getAttribute("data-light");
      card.querySelector("[data-light-card-word]").textContent = button.getAttribute("data-light-label");
      card.querySelector("[data-light-card-text]").textContent = button.getAttribute("data-light-text");
      card.hidden = false;
      document.body.classList.add("light-card-open");
      if (card.requestFullscreen) card.requestFullscreen().catch(function () {});
      card.querySelector("[data-light-close]").focus();
    });
  });
  card.addEventListener("click", closeCard);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeCard();
  });
  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement) closeCard();
  });
})();
