-- wrk script: POST a GraphQL query (argument 1: the JSON body's file)
local f = io.open(...)
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
