// Lube checker (/tools/lube-checker/): toys, condoms, use and skin -> the safe lube bases and
// why, and the in-stock lubes that fit. The rules ride on each answer's input (data-rules,
// from tools/lube.py). The only request is one fixed catalog address made as the page opens,
// before anything is chosen (every in-stock lube); the answers filter that list here.
(function () {
  "use strict";
  var root = document.querySelector("[data-lube-checker]");
  if (!root) return;
  document.querySelectorAll("[data-needs-script]").forEach(function (note) { note.hidden = true; });
  var RANK = { safe: 0, check: 1, avoid: 2 };
  var WORDS = { safe: "Safe", check: "Safe, take care", avoid: "Avoid" };
  var questions = root.querySelector("[data-questions]");
  var result = root.querySelector("[data-result]");
  var status = root.querySelector("[data-stock-status]");
  var productList = root.querySelector("[data-products]");
  var products = null;
  questions.hidden = false;
  result.hidden = false;

  function chosen() {
    var values = [];
    questions.querySelectorAll("input:checked").forEach(function (input) { values.push(input.value); });
    return values;
  }

  function verdicts() {
    var bases = {};
    root.querySelectorAll("[data-base]").forEach(function (item) {
      bases[item.getAttribute("data-base")] = { verdict: "safe", why: [] };
    });
    questions.querySelectorAll("input:checked").forEach(function (input) {
      var rules = [];
      try { rules = JSON.parse(input.getAttribute("data-rules") || "[]"); } catch (error) { rules = []; }
      rules.forEach(function (rule) {
        var base = bases[rule[0]];
        if (!base) return;
        if (RANK[rule[1]] > RANK[base.verdict]) base.verdict = rule[1];
        if (base.why.indexOf(rule[2]) < 0) base.why.push(rule[2]);
      });
    });
    return bases;
  }

  function text(tag, content, className) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (className) el.className = className;
    return el;
  }

  function showProducts(bases) {
    if (products === null) return;
    var answers = chosen();
    var thickFirst = answers.indexOf("anal") >= 0;
    var fitting = products.filter(function (product) {
      var base = bases[product.attributes.lubricant_base];
      return base && base.verdict !== "avoid";
    });
    fitting.sort(function (a, b) {
      var rank = RANK[bases[a.attributes.lubricant_base].verdict] - RANK[bases[b.attributes.lubricant_base].verdict];
      if (rank) return rank;
      if (thickFirst && a.attributes.thickness !== b.attributes.thickness) {
        return a.attributes.thickness === "thick" ? -1 : 1;
      }
      return 0;
    });
    productList.textContent = "";
    fitting.forEach(function (product) {
      var item = document.createElement("li");
      item.className = "card lube-product";
      var body = document.createElement("div");
      body.className = "card__body";
      var title = document.createElement("h3");
      title.className = "card__title";
      var link = text("a", product.name);
      link.href = product.url;
      title.appendChild(link);
      body.appendChild(title);
      var label = root.querySelector('[data-base="' + product.attributes.lubricant_base + '"] .lube-base__name');
      var baseName = label ? label.firstChild.textContent.trim() : product.attributes.lubricant_base;
      body.appendChild(text("p", baseName + ", " + product.attributes.thickness, "lube-product__base"));
      body.appendChild(text("p", "£" + product.price, "price"));
      item.appendChild(body);
      productList.appendChild(item);
    });
    status.textContent = fitting.length
      ? fitting.length + " of our lubes in stock fit your answers."
      : "None of our lubes in stock fits these answers right now.";
  }

  function render() {
    var bases = verdicts();
    Object.keys(bases).forEach(function (key) {
      var item = root.querySelector('[data-base="' + key + '"]');
      var base = bases[key];
      item.className = "lube-base lube-base--" + base.verdict;
      item.querySelector("[data-verdict]").textContent = WORDS[base.verdict];
      var why = item.querySelector("[data-why]");
      why.textContent = "";
      base.why.forEach(function (reason) { why.appendChild(text("li", reason)); });
      if (!base.why.length) why.appendChild(text("li", "Nothing you have chosen rules it out."));
    });
    showProducts(bases);
  }

  // Every in-stock lube, from a fixed address (no answer in it), page by page.
  function load(url, found, pages) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("catalog " + response.status);
        return response.json();
      })
      .then(function (data) {
        found = found.concat(data.results || []);
        if (data.page < data.num_pages && pages < 5) {
          var next = base + "&page=" + (data.page + 1);
          return load(next, found, pages + 1);
        }
        return found;
      });
  }
  var base = root.getAttribute("data-catalog-url");
  if (base) {
    status.textContent = "Looking up our lubes in stock…";
    load(base, [], 1).then(function (found) {
      products = found.filter(function (product) { return product.in_stock && product.attributes; });
      render();
    }).catch(function () {
      status.textContent = "Our lubes could not be loaded just now; the advice above still stands.";
    });
  } else {
    status.textContent = "We have no lubes in the catalog just now.";
  }

  questions.addEventListener("change", render);
  render();
})();
