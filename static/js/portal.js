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
