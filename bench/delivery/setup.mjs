// Creates the same authors, categories and posts (each post with an author and a category) in Vellum and in
// Directus, and prints the ETag of Vellum's list for the 304 measurement.
// usage: node setup.mjs VELLUM_URL VELLUM_ADMIN_TOKEN DIRECTUS_URL DIRECTUS_TOKEN POSTS   (DIRECTUS_URL "-": Vellum only)
import { call } from './http.mjs';
const [V, VT, D, DT, postsArg] = process.argv.slice(2);
const POSTS = Number(postsArg ?? 5000);
const AUTHORS = 20, CATEGORIES = 10;


// --- Vellum ---
const vp = `${V}/v1/projects/bench`;
await call('POST', `${V}/v1/projects`, VT, { id: 'bench' });
await call('POST', `${vp}/collections`, VT, { id: 'authors', fields: [{ id: 'name', type: 'text' }] });
await call('POST', `${vp}/collections`, VT, { id: 'categories', fields: [{ id: 'name', type: 'text' }] });
await call('POST', `${vp}/collections`, VT, { id: 'posts', fields: [{ id: 'title', type: 'text' }, { id: 'views', type: 'number', integer: true },
  { id: 'author', type: 'reference', collection: 'authors' }, { id: 'category', type: 'reference', collection: 'categories' }] });
const batch = async (c, entries) => (await call('POST', `${vp}/collections/${c}/entries/batch`, VT, { entries })).results.map((r) => r.id);
const va = await batch('authors', Array.from({ length: AUTHORS }, (_, i) => ({ fields: { name: `Author ${i}` } })));
const vc = await batch('categories', Array.from({ length: CATEGORIES }, (_, i) => ({ fields: { name: `Category ${i}` } })));
for (let from = 0; from < POSTS; from += 1000) {
  await batch('posts', Array.from({ length: Math.min(1000, POSTS - from) }, (_, k) => {
    const i = from + k;
    return { fields: { title: `Post ${i}`, views: (i * 7919) % 1000, author: va[i % AUTHORS], category: vc[i % CATEGORIES] } };
  }));
}
const read = (await call('POST', `${vp}/tokens`, VT, { name: 'bench read', scope: 'read' })).token;

const list = await fetch(`${vp}/collections/posts/entries?limit=50`, { headers: { Authorization: `Bearer ${read}` } });
if (D === '-') {
  console.log(JSON.stringify({ read, etag: list.headers.get('etag'), same: 'not compared (no Directus)' }));
  process.exit(0);
}

// --- Directus ---
const pk = { field: 'id', type: 'integer', meta: { hidden: true }, schema: { is_primary_key: true, has_auto_increment: true } };
await call('POST', `${D}/collections`, DT, { collection: 'authors', schema: {}, meta: {}, fields: [pk, { field: 'name', type: 'string', schema: {} }] });
await call('POST', `${D}/collections`, DT, { collection: 'categories', schema: {}, meta: {}, fields: [pk, { field: 'name', type: 'string', schema: {} }] });
await call('POST', `${D}/collections`, DT, { collection: 'posts', schema: {}, meta: {}, fields: [pk,
  { field: 'title', type: 'string', schema: {} }, { field: 'views', type: 'integer', schema: {} },
  { field: 'author', type: 'integer', meta: { special: ['m2o'], interface: 'select-dropdown-m2o' }, schema: {} },
  { field: 'category', type: 'integer', meta: { special: ['m2o'], interface: 'select-dropdown-m2o' }, schema: {} }] });
await call('POST', `${D}/relations`, DT, { collection: 'posts', field: 'author', related_collection: 'authors' });
await call('POST', `${D}/relations`, DT, { collection: 'posts', field: 'category', related_collection: 'categories' });
const ids = (r) => r.data.map((x) => x.id);
const da = ids(await call('POST', `${D}/items/authors`, DT, Array.from({ length: AUTHORS }, (_, i) => ({ name: `Author ${i}` }))));
const dc = ids(await call('POST', `${D}/items/categories`, DT, Array.from({ length: CATEGORIES }, (_, i) => ({ name: `Category ${i}` }))));
for (let from = 0; from < POSTS; from += 1000) {
  await call('POST', `${D}/items/posts`, DT, Array.from({ length: Math.min(1000, POSTS - from) }, (_, k) => {
    const i = from + k;
    return { title: `Post ${i}`, views: (i * 7919) % 1000, author: da[i % AUTHORS], category: dc[i % CATEGORIES] };
  }));
}

// the same answer on both sides?
const vg = await call('POST', `${vp}/graphql`, read, { query: '{ posts(limit: 50, sort: "title") { data { title author { name } category { name } } } }' });
const dg = await call('POST', `${D}/graphql`, DT, { query: '{ posts(limit: 50, sort: ["title"]) { title author { name } category { name } } }' });
const vt = vg.data.posts.data.map((p) => `${p.title}/${p.author.name}/${p.category.name}`);
const dt = dg.data.posts.map((p) => `${p.title}/${p.author.name}/${p.category.name}`);
const same = vt.length === 50 && vt.every((s, i) => s === dt[i]);
console.log(JSON.stringify({ read, etag: list.headers.get('etag'), same }));
