-- POST batches of 1,000 entries (create mode) with distinct slugs.
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  counter = counter + 1
  local items = {}
  for i = 1, 1000 do
    items[i] = string.format(
      '{"slug": "b%d-%d-%d", "draft": false, "fields": {"title": "Batch %d", "views": %d, "status": "live", "score": 1.5, "featured": true, ' ..
      '"published_at": "2026-02-01T10:00:00Z", "tint": "#00ff00", "site": "https://example.com/b", "summary": "batch entry", "tags": ["x"]}}',
      tid, counter, i, i, i)
  end
  return wrk.format(nil, nil, nil, '{"mode": "create", "entries": [' .. table.concat(items, ",") .. ']}')
end
