// Reads `jfr print --json --events jdk.ExecutionSample` on stdin and prints the top frames as Markdown tables:
// self (the sample's top frame) and total (the frame anywhere on the sampled stack, counted once per sample).
// usage: jfr print --json --stack-depth 48 --events jdk.ExecutionSample rec.jfr | node jfr-top.mjs [TOP=25] [UNDER]
// With UNDER (a method, e.g. dev.vellum.changes.WriteGroups.lead), only the samples with it on the stack count, and of
// their stacks only UNDER and what it called.
const TOP = Number(process.argv[2] ?? 25);
const UNDER = process.argv[3];
let text = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => (text += d));
process.stdin.on('end', () => {
  const events = JSON.parse(text).recording.events.filter((e) => e.type === 'jdk.ExecutionSample');
  const self = new Map();
  const total = new Map();
  const threads = new Map();
  const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
  let all = events.length;
  for (const e of events) {
    const frames = e.values.stackTrace?.frames ?? [];
    let names = frames.map((f) => `${(f.method.type.name ?? '?').replace(/\//g, '.')}.${f.method.name}`);
    if (UNDER) {  // only the frames UNDER called: the stack from the sampled method up to UNDER
      const at = names.indexOf(UNDER);
      if (at < 0) { all--; continue; }
      names = names.slice(0, at + 1);
    }
    if (names.length) bump(self, names[0]);
    for (const n of new Set(names)) bump(total, n);
    bump(threads, (e.values.sampledThread?.javaName ?? '?').replace(/[-#]?\d+$/, '-N'));
  }
  const n = all;
  const pct = (c) => ((100 * c) / n).toFixed(1);
  const table = (title, m) => {
    console.log(`${title}\n\n| samples | % | frame |\n|---:|---:|---|`);
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP).forEach(([k, c]) => console.log(`| ${c} | ${pct(c)} | \`${k}\` |`));
    console.log();
  };
  console.log(`${n} execution samples` + (n < 2000 ? ' (few: the server got little CPU, rank with care)' : '') + '\n');
  table('Threads sampled', threads);
  table(`Top ${TOP} frames, self (the method running when sampled)`, self);
  table(`Top ${TOP} frames, total (the method anywhere on the stack)`, total);
});
