-- POST batches of 1,000 entries (create mode). The body is built once; each request only swaps in
-- a distinct prefix for its 1,000 slugs, so wrk spends its CPU sending, not building strings.
local counter = 0
local threads = 0
local template
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  local items = {}
  for i = 1, 1000 do
    items[i] = string.format(
      '{"slug": "PFX-%d", "draft": false, "fields": {"title": "Batch %d", "views": %d, "status": "live", "score": 1.5, "featured": true, ' ..
      '"published_at": "2026-02-01T10:00:00Z", "tint": "#00ff00", "site": "https://example.com/b", "summary": "batch entry", "tags": ["x"]}}',
      i, i, i)
  end
  template = '{"mode": "create", "entries": [' .. table.concat(items, ",") .. ']}'
end
function request()
  counter = counter + 1
  local body = template:gsub("PFX", "b" .. tid .. "x" .. counter)
  return wrk.format(nil, nil, nil, body)
end
