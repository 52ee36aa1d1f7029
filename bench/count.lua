-- wrk script: optional POST body, and a count of 5xx responses across threads.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  server_errors = 0
  local body = os.getenv("BENCH_BODY")
  if body and body ~= "" then
    wrk.method = "POST"
    wrk.body = body
    wrk.headers["Content-Type"] = "application/json"
  end
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
