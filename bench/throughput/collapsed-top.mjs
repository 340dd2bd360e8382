// Reads async-profiler's collapsed stacks (one line per distinct stack: "thread;frame;…;frame count", root first) on
// stdin and prints Markdown tables: the threads, the top frames by self samples (Java, native and kernel alike: SQLite's
// own work and the system calls it makes show here, where a JFR profile sees only Java frames), and, with UNDER, where
// the samples with UNDER on their stack go: grouped by the innermost Vellum frame below UNDER and what it called last
// (a JDBC statement's time is in the driver's native code, so this names the statement's caller).
// usage: node collapsed-top.mjs [TOP=25] [UNDER] < stacks.collapsed
import { readFileSync } from 'node:fs';

const TOP = Number(process.argv[2] ?? 25);
const UNDER = process.argv[3];
const lines = readFileSync(0, 'utf8').split('\n').filter(Boolean);
const bump = (m, k, n) => m.set(k, (m.get(k) ?? 0) + n);
const threads = new Map();
const self = new Map();
const under = new Map();
let all = 0;
let inUnder = 0;
// a thread name ends its frames' list in async-profiler's "threads" output: "[name tid=…]"; numbered pools are folded
const threadOf = (f) => f.replace(/^\[|\]$/g, '').replace(/ tid=\d+$/, '').replace(/[-#]?\d+$/, '-N');
const short = (f) => f.replace(/_\[[jik]\]$/, '').replace(/\.so$/, '.so').replace(/^\/tmp\/sqlite-[^/]*-libsqlitejdbc\.so$/, 'libsqlitejdbc.so (SQLite)');
for (const line of lines) {
  const at = line.lastIndexOf(' ');
  const n = Number(line.slice(at + 1));
  const frames = line.slice(0, at).split(';');
  all += n;
  const hasThread = frames[0].startsWith('[');
  bump(threads, hasThread ? threadOf(frames[0]) : '?', n);
  bump(self, short(frames[frames.length - 1]), n);
  if (UNDER) {
    const u = frames.findIndex((f) => f.replace(/\//g, '.').startsWith(UNDER));
    if (u < 0) continue;
    inUnder += n;
    const below = frames.slice(u + 1);
    const own = below.map((f) => f.replace(/\//g, '.')).filter((f) => f.startsWith('dev.vellum'));
    const key = own.length ? own.slice(-2).reverse().join(' ← ') : '(UNDER itself)';
    const sys = below.find((f) => /^__x64_sys_/.test(f));
    const leafKind = sys ? `kernel: ${sys.replace(/^__x64_sys_|_\[k\]$/g, '')}`
      : below.some((f) => /libsqlitejdbc/.test(f)) ? 'SQLite' : below.some((f) => /^org\/sqlite\//.test(f)) ? 'driver' : 'Java';
    bump(under, `${key} · ${leafKind}`, n);
  }
}
const pct = (c, of) => ((100 * c) / of).toFixed(1);
const table = (title, m, of) => {
  console.log(`${title}\n\n| samples | % | frame |\n|---:|---:|---|`);
  [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP).forEach(([k, c]) => console.log(`| ${c} | ${pct(c, of)} | \`${k}\` |`));
  console.log();
};
console.log(`${all} samples (async-profiler, CPU)\n`);
table('Threads', threads, all);
table(`Top ${TOP} frames, self (Java, native and kernel)`, self, all);
if (UNDER) table(`Under ${UNDER} (${inUnder} samples, ${pct(inUnder, all)} % of all): by Vellum caller · where the time went`, under, inUnder);
