-- POST single items with all 10 fields; slugs unique per request (tag, thread id, counter).
-- args: vellum|directus|strapi; env BENCH_TAG (differs between the warm-up and the measured run)
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local system, tag, counter = nil, nil, 0
local tags = { '["a"]', '["b"]', '["x"]', '["a","b"]', '["a","x"]', '["b","x"]', '["a","b","x"]' }
function init(args)
  system, tag = args[1], os.getenv("BENCH_TAG") or "x"
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  counter = counter + 1
  local slug = string.format("c-%s-%d-%d", tag, tid, counter)
  local values = string.format(
    '"title": "Created %s", "status": "%s", "views": %d, "score": %d.25, "featured": %s, ' ..
    '"published_at": "2026-01-%02dT10:00:00.000Z", "summary": "Created by the side-by-side benchmark, request %d.", ' ..
    '"color": "#%06x", "tags": %s',
    slug, (counter % 2 == 0) and "live" or "draft", counter % 1000, counter % 100, (counter % 5 == 0) and "true" or "false",
    counter % 28 + 1, counter, (counter * 40503) % 16777216, tags[counter % 7 + 1])
  local body
  if system == "vellum" then
    body = '{"slug": "' .. slug .. '", "draft": false, "fields": {' .. values .. '}}'
  elseif system == "strapi" then
    -- Strapi wraps an item in "data"; its date attribute is publish_date (published_at is its own draft-and-publish column)
    body = '{"data": {"slug": "' .. slug .. '", ' .. values:gsub('"published_at"', '"publish_date"') .. '}}'
  else
    body = '{"slug": "' .. slug .. '", ' .. values .. '}'
  end
  return wrk.format(nil, nil, nil, body)
end
