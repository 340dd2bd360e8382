-- PATCH distinct loaded items round-robin: thread t updates ids t, t+T, t+2T, … (T = number of threads),
-- each time with new values, so every request really writes.
-- args: IDS_FILE PATH_PREFIX vellum|directus [THREADS=2]
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local ids, prefix, system, step, pos, counter = {}, nil, nil, 2, 0, 0
function init(args)
  for line in io.lines(args[1]) do if #line > 0 then ids[#ids + 1] = line end end
  prefix, system = args[2], args[3]
  step = tonumber(args[4] or "2")
  pos = tid - 1
  wrk.method = "PATCH"
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  counter = counter + 1
  local id = ids[pos % #ids + 1]
  pos = pos + step
  local values = string.format('"views": %d, "score": %d.5', 100000 + counter * step + tid, counter % 1000)
  local body = system == "vellum" and ('{"fields": {' .. values .. '}}') or ('{' .. values .. '}')
  return wrk.format("PATCH", prefix .. id, nil, body)
end
