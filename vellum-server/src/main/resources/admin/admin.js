// Vellum admin: small progressive enhancements. Every page works without this script.

// Confirm destructive forms (data-confirm on the form).
document.addEventListener('submit', (event) => {
  const form = event.target;
  const message = form.getAttribute && form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
}, true);

// Secrets shown once: selected on focus, so copying is one keystroke.
for (const el of document.querySelectorAll('[data-select]')) el.addEventListener('focus', () => el.select());
