-- POST 1,000-item batches of the side-by-side shape; slugs unique per request (tag, thread id, counter).
-- args: vellum (default; POST …/entries/batch {"entries": [{"slug", "draft", "fields"}]}) | directus (POST /items/posts [items])
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local system, tag, counter = "vellum", nil, 0
function init(args)
  system = args[1] or "vellum"
  tag = os.getenv("BENCH_TAG") or "x"
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  counter = counter + 1
  local items = {}
  for i = 1, 1000 do
    local slug = string.format("b-%s-%d-%d-%d", tag, tid, counter, i)
    local values = string.format('"title": "Batch %d", "status": "live", "views": %d, "score": 1.25, "featured": false, ' ..
      '"published_at": "2026-01-01T10:00:00.000Z", "summary": "Created in a batch by the throughput benchmark.", ' ..
      '"color": "#a0b0c0", "tags": ["a"]', i, i % 1000)
    if system == "directus" then
      items[i] = '{"slug": "' .. slug .. '", ' .. values .. '}'
    else
      items[i] = '{"slug": "' .. slug .. '", "draft": false, "fields": {' .. values .. '}}'
    end
  end
  if system == "directus" then return wrk.format(nil, nil, nil, '[' .. table.concat(items, ",") .. ']') end
  return wrk.format(nil, nil, nil, '{"entries": [' .. table.concat(items, ",") .. ']}')
end
