/*
 * Behaviour every page shares, kept out of the markup so that the Content-Security-Policy can
 * refuse inline scripts and style="" attributes.
 *
 * A progress bar says how full it is in data-percent; its width is set here, through the style
 * object (which the policy allows), on the first page and on every fragment htmx swaps in.
 */
(function () {
  "use strict";

  function sizeProgressBars(root) {
    const bars = Array.from(root.querySelectorAll("[data-percent]"));
    if (root.matches && root.matches("[data-percent]")) bars.push(root);
    bars.forEach((bar) => {
      bar.style.width = `${Number(bar.dataset.percent) || 0}%`;
    });
  }

  if (window.htmx) {
    // htmx fires htmx:load on the body at start-up and on each element it swaps in.
    window.htmx.onLoad(sizeProgressBars);
  } else {
    sizeProgressBars(document);
  }
})();

/*
 * Focus where the reader is sent. A form refused by the server has an error summary: it takes the
 * focus, and its links move the focus to their field. A link to a question (a missing answer,
 * a reviewer's comment: "#question-12") moves the focus to the question's first field; the
 * sticky save bar is kept clear by scroll-margin-top (answering.css).
 */
(function () {
  "use strict";

  const FIELD = "input:not([type=hidden]):not([disabled]), select:not([disabled]), " +
    "textarea:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex='-1'])";

  function focusTarget(id) {
    const target = id && document.getElementById(id);
    if (!target || target.closest("[hidden]")) return false;
    const field = target.matches(FIELD) ? target : target.querySelector(FIELD);
    const block = target.closest("[data-question]") || target;
    (field || block).focus({ preventScroll: true });
    block.scrollIntoView({ block: "start" });
    return true;
  }

  function fromHash() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) focusTarget(id);
  }

  // After "load": the browser's own scroll to the fragment has happened by then.
  window.addEventListener("load", () => {
    const summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    } else {
      fromHash();
    }
  });
  window.addEventListener("hashchange", fromHash);
  document.addEventListener("click", (event) => {
    const link = event.target.closest("[data-focus-field]");
    if (link && focusTarget(link.dataset.focusField)) event.preventDefault();
  });
})();

/* Blocks marked data-collapse-on-phone start closed on a narrow screen (a <details> open by
   default, so that without JavaScript everything shows). */
(function () {
  "use strict";

  if (!window.matchMedia("(max-width: 575.98px)").matches) return;
  document.querySelectorAll("details[data-collapse-on-phone]").forEach((details) => {
    details.open = false;
  });
})();
