// Progressive enhancement only: every page works without this file.
// Moves keyboard focus to an error summary when a form comes back with errors, so keyboard and
// screen-reader users start from the list of what to fix (GOV.UK error summary pattern).
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-focus-on-load]");
  if (summary) {
    summary.focus();
  }
});
