// Loads the same COUNT items into Vellum or Directus, 1,000 per request, and writes the new ids (one per line).
// usage: node load.mjs vellum|directus|strapi BASE_URL TOKEN IDS_FILE [COUNT [FIRST]]
//   vellum:   BASE_URL = http://127.0.0.1:PORT/v1/projects/bench/collections/posts/entries  (POST BASE_URL/batch)
//   directus: BASE_URL = http://127.0.0.1:PORT/items/posts                                  (POST BASE_URL, an array)
import { writeFileSync } from 'node:fs';

const [system, base, token, idsFile, countArg] = process.argv.slice(2);
const COUNT = Number(countArg ?? 10000);
const FIRST = Number(process.argv[7] ?? 0); // the first item's number (adding to a loaded collection)
const BATCH = 1000;
const TAGS = [['a'], ['b'], ['x'], ['a', 'b'], ['a', 'x'], ['b', 'x'], ['a', 'b', 'x']];

// Item i, identical for both systems. About half are "live"; ~90 % have views > 100.
export function item(i) {
  return {
    title: `Post ${i}`,
    slug: `post-${i}`,
    status: i % 2 === 0 ? 'live' : 'draft',
    views: (i * 7919) % 1000,
    score: ((i * 31) % 1000) / 10 + 0.25,
    featured: i % 5 === 0,
    published_at: new Date(Date.UTC(2025, 0, 1) + ((i * 7907) % COUNT) * 3_600_000).toISOString(),
    summary: `Summary of post ${i}: a short paragraph of plain text, so that rows have a realistic size for a content API.`,
    color: '#' + (((i * 2654435761) >>> 8) & 0xffffff).toString(16).padStart(6, '0'),
    tags: TAGS[i % TAGS.length],
  };
}

async function post(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${system}: POST ${url} → ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

const ids = [];
const t0 = performance.now();
for (let start = FIRST; start < FIRST + COUNT; start += BATCH) {
  const items = [];
  for (let i = start; i < Math.min(start + BATCH, FIRST + COUNT); i++) items.push(item(i));
  if (system === 'vellum') {
    const entries = items.map(({ slug, ...fields }) => ({ slug, draft: false, fields }));
    const { results } = await post(`${base}/batch`, { mode: 'create', entries });
    const bad = results.filter((r) => r.status !== 'created');
    if (bad.length) throw new Error(`vellum: ${bad.length} items not created, first: ${JSON.stringify(bad[0])}`);
    for (const r of results) ids.push(r.id);
  } else if (system === 'directus') {
    const { data } = await post(`${base}?fields=id`, items);
    if (data.length !== items.length) throw new Error(`directus: ${data.length} of ${items.length} items created`);
    for (const r of data) ids.push(r.id);
  } else if (system === 'strapi') {
    // Strapi 5's REST API has no bulk create: one POST per item, 16 in flight (wrk's connection count).
    // Its date attribute is publish_date (published_at is Strapi's own draft-and-publish column).
    for (let from = 0; from < items.length; from += 16) {
      const created = await Promise.all(items.slice(from, from + 16).map(({ published_at, ...rest }) =>
        post(base, { data: { ...rest, publish_date: published_at } })));
      for (const { data } of created) ids.push(data.documentId);
    }
  } else {
    throw new Error(`unknown system ${system}`);
  }
}
const seconds = (performance.now() - t0) / 1000;
writeFileSync(idsFile, ids.join('\n') + '\n');
console.log(`${seconds.toFixed(1)} s, ${Math.round(ids.length / seconds)} items/s`);
