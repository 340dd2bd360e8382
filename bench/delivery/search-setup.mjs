// Loads ENTRIES articles for the full-text search figure into Vellum (project "bench", collection "articles":
// title, a rich-text body of 40–120 words, status live|draft, views) and prints the searches to measure with the
// number of entries each matches (after the filter), as JSON.
// Words are drawn from a vocabulary of 5,000 made-up words with a Zipf distribution (as in real text: a few words
// everywhere, most rare), seeded, so every run loads the same text.
// usage: node search-setup.mjs VELLUM_URL VELLUM_ADMIN_TOKEN READ_TOKEN ENTRIES
import { call } from './http.mjs';
const [V, VT, READ, entriesArg] = process.argv.slice(2);
const ENTRIES = Number(entriesArg ?? 100000);
const VOCABULARY = 5000;

let seed = 20261126;
const random = () => { // mulberry32: exact 32-bit arithmetic (Math.imul), the same sequence on every run
  seed = (seed + 0x6D2B79F5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'de', 'pa', 'gu', 'ze', 'ho', 'bi', 'fa', 'qu', 'wen', 'tor', 'lin', 'dra'];
const words = [];
const seen = new Set();
while (words.length < VOCABULARY) {
  const n = 2 + Math.floor(random() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
  if (!seen.has(w)) { seen.add(w); words.push(w); }
}
const weights = words.map((_, r) => 1 / (r + 1));
const total = weights.reduce((a, b) => a + b, 0);
const cumulative = [];
weights.reduce((acc, w, i) => (cumulative[i] = acc + w / total), 0);
const word = () => {
  const x = random();
  let lo = 0, hi = cumulative.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid] < x) lo = mid + 1; else hi = mid; }
  return words[lo];
};
const sentence = (n) => Array.from({ length: n }, word).join(' ');


const vp = `${V}/v1/projects/bench`;
await call('POST', `${vp}/collections`, VT, { id: 'articles', fields: [{ id: 'title', type: 'text' }, { id: 'body', type: 'rich_text' },
  { id: 'status', type: 'enum', options: ['live', 'draft'] }, { id: 'views', type: 'number', integer: true }] });
const started = Date.now();
for (let from = 0; from < ENTRIES; from += 1000) {
  const entries = Array.from({ length: Math.min(1000, ENTRIES - from) }, (_, k) => {
    const i = from + k;
    const body = { type: 'doc', version: 1, content: [
      { type: 'paragraph', content: [{ type: 'text', text: sentence(20 + Math.floor(random() * 60)) }] },
      { type: 'paragraph', content: [{ type: 'text', text: sentence(20 + Math.floor(random() * 40)) }] }] };
    return { fields: { title: sentence(3 + Math.floor(random() * 5)), body, status: i % 4 === 3 ? 'draft' : 'live', views: (i * 7919) % 100000 } };
  });
  const r = await call('POST', `${vp}/collections/articles/entries/batch`, VT, { entries });
  if (r.results.some((x) => x.status !== 'created')) throw new Error(`batch at ${from}: ${JSON.stringify(r.results.find((x) => x.status !== 'created'))}`);
}
const loadSeconds = (Date.now() - started) / 1000;

// searches: one common word, one rarer word, two words together, a prefix, a phrase of two words that occur side by side
const searches = [
  { name: 'one word (rank 40)', search: words[40] },
  { name: 'one word (rank 400)', search: words[400] },
  { name: 'two words (ranks 20 and 150)', search: `${words[20]} ${words[150]}` },
  { name: 'a prefix (rank 60, 4 letters)', search: `${words[60].slice(0, 4)}*` },
  { name: 'a phrase (ranks 1 and 2)', search: `"${words[1]} ${words[2]}"` },
];
const filter = 'status = "live"';
for (const s of searches) {
  const q = new URLSearchParams({ search: s.search, filter, sort: '-views', limit: '20', include_total: 'true' });
  s.path = `/v1/projects/bench/collections/articles/entries?${new URLSearchParams({ search: s.search, filter, sort: '-views', limit: '20' })}`;
  const page = await call('GET', `${vp}/collections/articles/entries?${q}`, READ);
  s.matches = page.total;
  s.first = page.data.length;
}
console.log(JSON.stringify({ loadSeconds, searches }));
