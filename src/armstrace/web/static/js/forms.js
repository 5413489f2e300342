// Filter forms: apply on change, and leave empty fields out of the URL.

for (const form of document.querySelectorAll("form[data-autosubmit]")) {
  form.addEventListener("submit", () => {
    for (const field of form.elements) {
      if (field.name && field.value === "") field.disabled = true;
    }
  });
  for (const select of form.querySelectorAll("select")) {
    select.addEventListener("change", () => form.requestSubmit());
  }
}
