-- wrk script for varied traffic: each request takes the next line of BENCH_URLS (a shuffled
-- file of "path" or "path<TAB>JSON body" lines, a body makes it a POST), and 5xx are counted.
local threads = {}
local paths, bodies = {}, {}
local next_line = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  server_errors = 0
  for line in io.lines(os.getenv("BENCH_URLS")) do
    local path, body = line:match("^([^\t]+)\t(.*)$")
    table.insert(paths, path or line)
    table.insert(bodies, body or "")
  end
  math.randomseed(os.time())
  next_line = math.random(#paths)
  post_headers = {}
  for name, value in pairs(wrk.headers) do
    post_headers[name] = value
  end
  post_headers["Content-Type"] = "application/json"
end

function request()
  next_line = next_line % #paths + 1
  if bodies[next_line] ~= "" then
    return wrk.format("POST", paths[next_line], post_headers, bodies[next_line])
  end
  return wrk.format("GET", paths[next_line])
end

function response(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("server_errors") or 0)
  end
  io.write(string.format("BENCH p50_us=%d p99_us=%d requests=%d server_errors=%d non2xx=%d\n",
    latency:percentile(50), latency:percentile(99), summary.requests, total,
    summary.errors.status))
end
