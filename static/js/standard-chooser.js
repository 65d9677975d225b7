/*
 * The report request form's standards: a search box that hides the standards (and the clusters
 * and categories left empty) whose names do not contain what is typed. Nothing is unticked: a
 * hidden ticked standard stays chosen.
 */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase();
  }

  function filter(chooser, input) {
    const wanted = fold(input.value.trim());
    let shown = 0;
    chooser.querySelectorAll("[data-standard-item]").forEach((item) => {
      const match = !wanted || fold(item.textContent).includes(wanted);
      item.hidden = !match;
      if (match) shown += 1;
    });
    // Innermost groups first, so that a category sees whether its clusters are hidden.
    Array.from(chooser.querySelectorAll("[data-standard-group]")).reverse().forEach((group) => {
      group.hidden = !group.querySelector("[data-standard-item]:not([hidden])");
    });
    const none = chooser.querySelector("[data-standard-none]");
    if (none) none.hidden = shown > 0;
  }

  document.querySelectorAll("[data-standard-chooser]").forEach((chooser) => {
    const input = chooser.querySelector("[data-standard-filter]");
    if (input) input.addEventListener("input", () => filter(chooser, input));
  });
})();
