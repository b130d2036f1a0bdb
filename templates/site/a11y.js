// Give the theme's search dialog an accessible name (axe: aria-dialog-name).
document$.subscribe(function () {
  document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
    dialog.setAttribute("aria-label", "Search this site");
  });
});
