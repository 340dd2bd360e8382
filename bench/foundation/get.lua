-- GET one entry by id (ids passed in the path by the caller)
wrk.method = "GET"
