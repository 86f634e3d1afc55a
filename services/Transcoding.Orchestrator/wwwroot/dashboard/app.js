// The dashboard's shell: the credential box, who the caller is (GET /me decides whether operator buttons show) and
// hash routes: #/overview, #/list?state=&code=&cursor=, #/media/{id} (one item, the link make run prints), #/faults. Each page's show(main, context)
// returns { stop() }, called when the page is left (it ends the page's polling).
import { api, credential } from './api.js';
import * as overview from './pages/overview.js';
import * as list from './pages/list.js';
import * as item from './pages/item.js';
import * as faults from './pages/faults.js';

const pages = { overview, list, media: item, faults };
const main = document.getElementById('main');
const whoami = document.getElementById('whoami');
const form = document.getElementById('credential');
const input = document.getElementById('credential-value');
let me = null;
let current = null;
let firstRender = true;

async function identify() {
  try {
    me = (await api('/me')).data;
    whoami.textContent = `Signed in as ${me.name} (${me.role}).`;
  } catch (error) {
    me = null;
    whoami.textContent = error.status === 401
      ? (credential.get() ? 'That credential was refused (401).' : 'Not signed in: enter a token or API key.')
      : `Who you are is unknown: ${error.message}`;
  }
}

function route() {
  const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, ...rest] = path.split('/');
  return {
    name: pages[name] ? name : 'overview',
    id: rest.length > 0 ? decodeURIComponent(rest.join('/')) : null,
    params: new URLSearchParams(query),
  };
}

function render() {
  current?.stop();
  const { name, id, params } = route();
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  main.replaceChildren();
  delete main.dataset.loaded;
  current = pages[name].show(main, { id, params, operator: me?.role === 'operator', navigate: hash => { location.hash = hash; } });
  document.title = `${main.querySelector('h1')?.textContent ?? 'Dashboard'} · Transcoding`;
  // Move focus to the new page for keyboard and screen-reader users, except on the first load.
  if (!firstRender) main.focus();
  firstRender = false;
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  credential.set(input.value);
  input.value = '';
  await identify();
  render();
});

document.getElementById('credential-forget').addEventListener('click', async () => {
  credential.clear();
  await identify();
  render();
});

window.addEventListener('hashchange', render);
await identify();
render();
