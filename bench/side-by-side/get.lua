-- GET one item by id, spread over all loaded ids (a prime stride, a different start per thread).
-- args: IDS_FILE PATH_PREFIX   (the id is appended to PATH_PREFIX)
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local ids, prefix, pos = {}, nil, 0
function init(args)
  for line in io.lines(args[1]) do if #line > 0 then ids[#ids + 1] = line end end
  prefix = args[2]
  pos = (tid * 4999) % #ids
end
function request()
  pos = (pos + 7919) % #ids
  return wrk.format("GET", prefix .. ids[pos + 1])
end
