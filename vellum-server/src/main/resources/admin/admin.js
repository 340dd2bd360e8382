// Vellum admin: small progressive enhancements. Every page works without this script.

// Confirm destructive forms (data-confirm on the form).
document.addEventListener('submit', (event) => {
  const form = event.target;
  const message = form.getAttribute && form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
}, true);

// Secrets shown once: selected on focus, so copying is one keystroke.
for (const el of document.querySelectorAll('[data-select]')) el.addEventListener('focus', () => el.select());

// Tables: "select all" for bulk actions.
for (const all of document.querySelectorAll('[data-select-all]')) {
  all.addEventListener('change', () => {
    for (const box of all.form.querySelectorAll('input[name=ids]')) box.checked = all.checked;
  });
}

// Date-times: shown and typed in the browser's zone, sent as UTC (<name>.utc). Without this script,
// the inputs show and take UTC, and say so.
const pad = (n) => String(n).padStart(2, '0');
const localValue = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
for (const input of document.querySelectorAll('input[data-utc]')) {
  const utc = input.getAttribute('data-utc');
  if (utc) {
    const d = new Date(utc);
    if (!Number.isNaN(d.getTime())) input.value = localValue(d);
  }
  const label = input.closest('.field')?.querySelector('[data-zone-label]');
  if (label) label.textContent = `(${zone})`;
}
document.addEventListener('submit', (event) => {
  const form = event.target;
  for (const input of form.querySelectorAll('input[data-utc]')) {
    form.querySelector(`input[type=hidden][name="${input.name}.utc"]`)?.remove();
    if (!input.value) continue;
    const d = new Date(input.value);
    if (Number.isNaN(d.getTime())) continue;
    const hidden = document.createElement('input');
    hidden.type = 'hidden';
    hidden.name = `${input.name}.utc`;
    hidden.value = d.toISOString();
    form.appendChild(hidden);
  }
});

// Colours: a text box (any CSS colour Vellum accepts, or empty) paired with the browser's picker.
for (const picker of document.querySelectorAll('input[data-color-for]')) {
  const text = document.getElementById(picker.getAttribute('data-color-for'));
  picker.addEventListener('input', () => { text.value = picker.value; });
  text.addEventListener('input', () => { if (/^#[0-9a-fA-F]{6}$/.test(text.value)) picker.value = text.value; });
}

// Image and file URLs: a live preview.
for (const input of document.querySelectorAll('input[data-preview]')) {
  const box = document.getElementById(input.getAttribute('data-preview'));
  const isImage = !!input.closest('fieldset')?.querySelector('input[name$=".alt"]');
  input.addEventListener('change', () => {
    box.replaceChildren();
    const file = input.type === 'file' ? input.files[0] : null;
    if (!file && !input.value) return;
    const image = file ? file.type.startsWith('image/') : isImage;
    const src = file ? URL.createObjectURL(file) : input.value;
    const el = image ? document.createElement('img') : document.createElement('a');
    if (image) { el.src = src; el.alt = `Preview of ${file ? file.name : 'the image'}`; } else { el.href = src; el.textContent = file ? file.name : src; }
    box.appendChild(el);
  });
}

// Reference pickers: search the target collection and fill in the chosen entry's id.
for (const picker of document.querySelectorAll('[data-lookup]')) {
  picker.hidden = false;
  const search = picker.querySelector('input[type=search]');
  const list = picker.querySelector('datalist');
  const target = document.getElementById(picker.getAttribute('data-target'));
  const many = picker.getAttribute('data-many') === 'true';
  let timer;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    const chosen = [...list.options].find((o) => o.value === search.value);
    if (chosen) {
      target.value = many ? `${target.value.trim()}\n${chosen.value}`.trim() : chosen.value;
      search.value = '';
      return;
    }
    timer = setTimeout(async () => {
      const res = await fetch(`${picker.getAttribute('data-lookup')}?q=${encodeURIComponent(search.value)}`, { credentials: 'same-origin' });
      if (!res.ok) return;
      list.replaceChildren(...(await res.json()).map((e) => {
        const o = document.createElement('option');
        o.value = e.id;
        o.label = e.label;
        return o;
      }));
    }, 150);
  });
}

// Rich text: a small editor over the HTML the server converts into the structured document.
// Without this script the field is a plain HTML text box.
for (const source of document.querySelectorAll('textarea[data-rte]')) {
  const field = source.closest('[data-rte-field]');
  const toolbar = field.querySelector('.toolbar');
  const label = field.querySelector('label');
  label.id = `${source.id}-label`;
  const editor = document.createElement('div');
  editor.className = 'rte';
  editor.contentEditable = 'true';
  editor.id = `${source.id}-editor`;
  editor.setAttribute('role', 'textbox');
  editor.setAttribute('aria-multiline', 'true');
  editor.setAttribute('aria-labelledby', label.id);
  const help = source.getAttribute('aria-describedby');
  if (help) editor.setAttribute('aria-describedby', help);
  editor.innerHTML = new DOMParser().parseFromString(source.value, 'text/html').body.innerHTML;
  label.addEventListener('click', () => editor.focus());
  source.hidden = true;
  source.after(editor);
  toolbar.hidden = false;
  const sync = () => { source.value = editor.innerHTML; };
  editor.addEventListener('input', sync);
  source.form.addEventListener('submit', sync);
  const block = (tag) => document.execCommand('formatBlock', false, tag);
  const commands = {
    bold: () => document.execCommand('bold'),
    italic: () => document.execCommand('italic'),
    h2: () => block('h2'),
    h3: () => block('h3'),
    ul: () => document.execCommand('insertUnorderedList'),
    ol: () => document.execCommand('insertOrderedList'),
    quote: () => block('blockquote'),
    code: () => block('pre'),
    link: () => { const url = window.prompt('Link address (https://…)'); if (url) document.execCommand('createLink', false, url); },
    image: () => { const url = window.prompt('Image address (https://… or an asset URL)'); if (url) document.execCommand('insertImage', false, url); },
  };
  // images from the asset library: inserted where the caret was
  let lastRange = null;
  document.addEventListener('selectionchange', () => {
    const sel = window.getSelection();
    if (sel.rangeCount && editor.contains(sel.anchorNode)) lastRange = sel.getRangeAt(0).cloneRange();
  });
  const library = field.querySelector('[data-insert-image]');
  if (library) {
    library.closest('.insert-image').hidden = false;
    library.addEventListener('change', () => {
      if (!library.value) return;
      editor.focus();
      if (lastRange) { const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(lastRange); }
      document.execCommand('insertImage', false, library.value);
      library.value = '';
      sync();
    });
  }
  toolbar.addEventListener('click', (event) => {
    const cmd = event.target.closest('button')?.getAttribute('data-cmd');
    if (!cmd) return;
    editor.focus();
    commands[cmd]();
    sync();
  });
}

// Live progress (imports): poll the status while the job runs; reload once it has ended.
for (const box of document.querySelectorAll('[data-poll]')) {
  const url = box.getAttribute('data-poll');
  const tick = async () => {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) return;
    const s = await res.json();
    box.querySelector('[data-poll-status]').textContent = s.status;
    box.querySelector('[data-poll-text]').textContent = s.text;
    for (const [k, v] of Object.entries(s.counts || {})) {
      const el = box.querySelector(`[data-count="${k}"]`);
      if (el) el.textContent = v;
    }
    if (s.final) window.location.reload();
    else setTimeout(tick, 1000);
  };
  setTimeout(tick, 1000);
}
