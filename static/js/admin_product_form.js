// The product form fits its category (catalog/admin_product_form.py): the server renders the
// chosen kind's attribute fields; on a form that shows every kind's (no category chosen yet),
// this shows only the chosen category's at once, as the category changes. Without the script
// every fieldset stays visible, each saying which kind it is for.
"use strict";
(function () {
  function update(select) {
    var option = select.options[select.selectedIndex];
    var kind = option ? option.getAttribute("data-kind") : null;
    var fieldsets = document.querySelectorAll("fieldset.attributes");
    if (fieldsets.length < 2) {
      return; // the server already rendered just the chosen kind's
    }
    fieldsets.forEach(function (fieldset) {
      fieldset.hidden = !(kind && fieldset.classList.contains("attributes-" + kind));
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var select = document.getElementById("id_category");
    if (!select) {
      return;
    }
    select.addEventListener("change", function () {
      update(select);
    });
    update(select);
  });
})();
