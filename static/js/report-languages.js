/*
 * The report request form's languages: with one language ticked, its session place is the one
 * field "Session place"; with several, the place is written in each of them, so the fields of the
 * ticked languages are shown instead. Without this script every field shows and the server says
 * which to fill.
 */
(function () {
  "use strict";

  const form = document.querySelector("[data-testid=report-form]");
  if (!form) return;
  const boxes = Array.from(form.querySelectorAll("[data-report-languages] input[type=checkbox]"));
  const one = form.querySelector("[data-one-language]");
  const several = form.querySelector("[data-several-languages]");
  if (!boxes.length || !one || !several) return;

  function show() {
    const ticked = boxes.filter((box) => box.checked).map((box) => box.value);
    const many = ticked.length > 1;
    one.hidden = many;
    several.hidden = !many;
    several.querySelectorAll("[data-place-language]").forEach((place) => {
      place.hidden = !ticked.includes(place.dataset.placeLanguage);
    });
  }

  boxes.forEach((box) => box.addEventListener("change", show));
  show();
})();
