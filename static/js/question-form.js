/* The question form: show only the parts that go with the chosen type of answer, and the number
 * box only for a condition on a number question. Without this script every part stays visible. */
(function () {
  "use strict";

  function start() {
    var form = document.querySelector("[data-question-form]");
    if (!form) return;
    var type = form.querySelector("select[name=type]");
    var relevance = form.querySelector("select[name=relevance]");
    var number = form.querySelector("[data-relevance-number]");

    function showParts() {
      form.querySelectorAll("[data-question-types]").forEach(function (part) {
        var types = part.dataset.questionTypes.split(" ");
        part.hidden = types.indexOf(type.value) === -1;
      });
    }

    function showNumber() {
      if (!number || !relevance) return;
      var value = relevance.value;
      var numeric = false;
      try { numeric = value !== "" && JSON.parse(value)[2] === "#"; } catch (error) { numeric = false; }
      number.hidden = !numeric;
    }

    if (type) {
      type.addEventListener("change", showParts);
      showParts();
    }
    if (relevance) {
      relevance.addEventListener("change", showNumber);
      showNumber();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
