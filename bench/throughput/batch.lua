-- POST 1,000-item batches of the side-by-side shape; slugs unique per request (tag, thread id, counter).
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local tag, counter = nil, 0
function init(args)
  tag = os.getenv("BENCH_TAG") or "x"
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  counter = counter + 1
  local items = {}
  for i = 1, 1000 do
    items[i] = string.format('{"slug": "b-%s-%d-%d-%d", "draft": false, "fields": {"title": "Batch %d", "status": "live", ' ..
      '"views": %d, "score": 1.25, "featured": false, "published_at": "2026-01-01T10:00:00.000Z", ' ..
      '"summary": "Created in a batch by the throughput benchmark.", "color": "#a0b0c0", "tags": ["a"]}}',
      tag, tid, counter, i, i, i % 1000)
  end
  return wrk.format(nil, nil, nil, '{"entries": [' .. table.concat(items, ",") .. ']}')
end
