/* An answer that excludes the others ("None of these") is ticked alone: ticking it unticks the
 * other answers of its question, and ticking another answer unticks it. The boxes of such a
 * question name its exclusive answers in data-exclusive (surveys/answering/forms.py). Runs in the
 * capture phase, before autosave (htmx, on the question's block) reads the question's values and
 * before relevance.js shows or hides the questions that depend on them. The server refuses the
 * combination anyway, naming the question. */
(function () {
  "use strict";

  document.addEventListener(
    "change",
    function (evt) {
      var box = evt.target;
      if (!box || box.type !== "checkbox" || !box.checked || !box.hasAttribute("data-exclusive")) {
        return;
      }
      var exclusive = box.getAttribute("data-exclusive").split(" ");
      var alone = exclusive.indexOf(box.value) !== -1;
      var scope = box.form || document;
      scope.querySelectorAll('input[type="checkbox"]').forEach(function (other) {
        if (other === box || other.name !== box.name || !other.checked || other.disabled) return;
        if (alone || exclusive.indexOf(other.value) !== -1) other.checked = false;
      });
    },
    true
  );
})();
