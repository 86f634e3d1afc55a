// Small DOM helpers shared by the pages: element building (text is always set as text, never parsed as HTML),
// formatting, polling and the confirmation dialog.

/** h('a', { href: '#/x' }, 'text', child…): an element; attributes with value null/false are left out. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  return element;
}

/** A table with a caption, header cells (scope=col) and rows of cells (a cell is a node, a string or { value, number: true }). */
export function table(caption, headings, rows, attributes = {}) {
  const cell = (tag, c) => (c && typeof c === 'object' && 'value' in c)
    ? h(tag, { class: c.number ? 'number' : null, scope: tag === 'th' ? 'col' : null }, c.value)
    : h(tag, { scope: tag === 'th' ? 'col' : null }, c ?? '');
  return h('table', attributes,
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headings.map(x => cell('th', x)))),
    h('tbody', {}, rows.length > 0
      ? rows.map(r => h('tr', {}, r.map(c => cell('td', c))))
      : [h('tr', {}, h('td', { colspan: headings.length }, 'None.'))]));
}

export const number = value => ({ value: value === null || value === undefined ? '—' : String(value), number: true });

export function time(iso) {
  if (!iso) return '—';
  const at = new Date(iso);
  return h('time', { datetime: at.toISOString() }, at.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'));
}

export function seconds(value) {
  if (!Number.isFinite(value)) return '0:00';
  const whole = Math.max(0, Math.floor(value));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export const usd = value => value === null || value === undefined ? 'not estimated' : `$${Number(value).toFixed(4)}`;

export const state = name => h('span', { class: `state state-${name}` }, name);

/** The file name of an object key (its last segment: uploads/…/clip.mp4 → clip.mp4), '—' without a key. */
export const fileName = key => key ? key.slice(key.lastIndexOf('/') + 1) : '—';

export const itemLink = id => h('a', { href: `#/media/${encodeURIComponent(id)}` }, id);

/** A message box; kind is 'ok', 'error' or 'info'. */
export const message = (kind, text) => h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);

/** What the reader of a page should see for an API error. */
export function explain(error) {
  if (error.status === 401) return 'Sign in: enter a token or API key above.';
  if (error.status === 403) return 'Your role may not see this (403).';
  return `${error.status ? `Error ${error.status}: ` : ''}${error.message}`;
}

/**
 * Runs load() now and every intervalMs after it ends, until stop(); render(data) runs only when the answer changed,
 * so focus and selection inside the rendered part survive polls that bring nothing new. Errors go to onError. After
 * the first answer <main data-loaded="true"> says the page shows what it has (the browser tests wait for it).
 */
export function poll(load, render, onError, intervalMs) {
  let timer = null;
  let stopped = false;
  let last = null;
  const run = async () => {
    try {
      const data = await load();
      const text = JSON.stringify(data);
      if (!stopped && text !== last) {
        last = text;
        render(data);
      }
    } catch (error) {
      if (!stopped) {
        last = null;
        onError(error);
      }
    }
    if (stopped) return;
    document.querySelector('main').dataset.loaded = 'true';
    timer = setTimeout(run, intervalMs);
  };
  run();
  return {
    stop() { stopped = true; clearTimeout(timer); },
    now() { clearTimeout(timer); run(); },
  };
}

/** A modal confirmation (native dialog: focus moves into it and back); resolves true when confirmed. */
export function confirmAction(title, text, confirmLabel) {
  return new Promise(resolve => {
    const dialog = h('dialog', { 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
      h('h2', { id: 'confirm-title' }, title),
      h('p', { id: 'confirm-text' }, text));
    const close = answer => { dialog.close(); dialog.remove(); resolve(answer); };
    const cancel = h('button', { type: 'button', onclick: () => close(false) }, 'Cancel');
    dialog.append(h('div', { class: 'actions' }, h('button', { type: 'button', class: 'danger', onclick: () => close(true) }, confirmLabel), cancel));
    dialog.addEventListener('cancel', () => close(false));
    document.body.append(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
