// The size guide's ring size as you type (the form works without this: it asks the server).
(function () {
  "use strict";
  var form = document.querySelector("[data-ring-size]");
  if (!form) return;
  var input = form.querySelector("input[name=circumference]");
  var result = form.querySelector("[data-ring-size-result]");
  function show() {
    var value = parseFloat(input.value);
    if (!(value >= 30 && value <= 400)) return;
    var diameter = Math.round((value / Math.PI) * 2) / 2;
    result.textContent = "";
    result.append("Look for an inner diameter of about ");
    var strong = document.createElement("strong");
    strong.textContent = diameter.toFixed(1) + " mm";
    result.append(strong, ".");
  }
  input.addEventListener("input", show);
})();
