-- POST single entries with distinct titles (thread id + counter), so slugs do not collide.
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
  local body = string.format(
    '{"draft": false, "fields": {"title": "Post %d-%d", "views": %d, "status": "live", "score": %d.5, "featured": %s, ' ..
    '"published_at": "2026-01-%02dT10:00:00Z", "tint": "#ff%02x00", "site": "https://example.com/%d", "summary": "Benchmark entry number %d", "tags": ["a","b"]}}',
    tid, counter, counter % 1000, counter % 100, (counter % 2 == 0) and "true" or "false", (counter % 28) + 1, counter % 256, counter, counter)
  return wrk.format(nil, nil, nil, body)
end
