/* Enhancement only: without JavaScript each box is ticked by hand. */
document.querySelectorAll("[data-respondent-type]").forEach((group) => {
  const buttons = group.querySelector("[data-tick-buttons]");
  buttons.hidden = false;
  buttons.addEventListener("click", (event) => {
    const choice = event.target.dataset.tick;
    if (!choice) return;
    group.querySelectorAll("input[type=checkbox]").forEach((box) => { box.checked = choice === "all"; });
  });
});
