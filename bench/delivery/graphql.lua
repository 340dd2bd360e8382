-- wrk script: POST a GraphQL query. Usage: wrk … -s graphql.lua URL -- BODY.json
-- The body's file comes as init's argument (a script chunk gets no arguments: reading `...` at the top failed, and
-- wrk then sent bodiless GETs, which both servers answer with 400). The -H headers stay: wrk.format uses wrk.headers.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local req

function init(args)
  local f = assert(io.open(args[1], "rb"))
  wrk.body = f:read("*a")
  f:close()
  req = wrk.format()
end

function request()
  return req
end
