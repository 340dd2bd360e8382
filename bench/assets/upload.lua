-- POSTs 1 MiB JPEG-headed bodies, each one different (a counter in the first bytes), as raw uploads.
local counter = 0
local padding = nil

function init(args)
  local f = assert(io.open(args[1], "rb"))
  padding = f:read("*all")
  f:close()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
  counter = math.random(1, 1000000000)
end

request = function()
  counter = counter + 1
  local tag = string.format("%016d", counter)
  local body = padding:sub(1, 16) .. tag .. padding:sub(33)
  return wrk.format("POST", nil, {["Content-Type"] = "image/jpeg", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}, body)
end
