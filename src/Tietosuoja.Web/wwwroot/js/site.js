// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Moves keyboard focus to an error summary when a form comes back with errors, or to the heading
  // of a confirmation, so keyboard and screen-reader users start from what happened (GOV.UK error
  // summary pattern; WCAG 4.1.3).
  const focusTarget = document.querySelector("[data-focus-on-load]");
  if (focusTarget) {
    focusTarget.focus();
  }

  // The private link's copy button: shown only where the clipboard can be written. Without it the
  // link stays selectable text.
  document.querySelectorAll("[data-copy]").forEach((button) => {
    const source = document.getElementById(button.dataset.copy);
    const row = button.closest("[data-copy-row]");
    const status = row && row.querySelector("[data-copy-status]");
    if (!source || !row || !navigator.clipboard || !window.isSecureContext) {
      return;
    }

    row.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(source.textContent.trim());
        if (status) {
          status.textContent = status.dataset.copiedText;
        }
      } catch {
        const selection = window.getSelection();
        const range = document.createRange();
        range.selectNodeContents(source);
        selection.removeAllRanges();
        selection.addRange(range);
      }
    });
  });

  // The text being commented on is open by default; on a small screen it starts collapsed so the
  // comment field is near the top. The media query is asked only on a page that has such a text.
  const collapsible = document.querySelectorAll("details[data-collapse-on-small]");
  if (collapsible.length > 0 && window.matchMedia("(max-width: 40rem)").matches) {
    collapsible.forEach((details) => {
      details.open = false;
    });
  }

  // The shown section text belongs to the section chosen when the form opened: when another one is
  // chosen, it is hidden rather than left describing the wrong section.
  document.querySelectorAll("details.commented-text[data-section]").forEach((details) => {
    const form = details.parentElement.querySelector("form.comment-form");
    const select = form && form.querySelector("select[name='Input.Section']");
    if (select) {
      select.addEventListener("change", () => {
        details.hidden = select.value !== details.dataset.section;
      });
    }
  });

  // "Select all on this page" in a comment list: shown only with this script, it ticks or clears
  // every row's box.
  document.querySelectorAll("[data-select-all]").forEach((all) => {
    const form = all.closest("form");
    const items = form ? [...form.querySelectorAll("[data-select-item]")] : [];
    all.hidden = false;
    all.checked = items.length > 0 && items.every((item) => item.checked);
    all.addEventListener("change", () => items.forEach((item) => { item.checked = all.checked; }));
  });
});
