-- Shared by the identity workloads: prints one JSON line with throughput, latency percentiles and errors.
local counter = 0
ids = {}
token = os.getenv("BENCH_TOKEN") or ""
me = os.getenv("BENCH_ME") or ""
mode = os.getenv("BENCH_MODE") or "profile"

init = function(args)
  for id in string.gmatch(os.getenv("BENCH_IDS") or "", "[^,]+") do ids[#ids + 1] = id end
end

request = function()
  counter = counter + 1
  if mode == "me" then
    return wrk.format("GET", "/api/v1/users/me", {["Authorization"] = "Bearer " .. token})
  end
  if mode == "mixed" and counter % 5 == 0 then
    local body = '{"bio":"Bench edit ' .. counter .. '"}'
    return wrk.format("PATCH", "/api/v1/users/" .. me,
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
  end
  return wrk.format("GET", "/api/v1/users/" .. ids[(counter % #ids) + 1])
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    '{"mode":"%s","requests":%d,"seconds":%.2f,"rps":%.0f,"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,"errors":%d,"non2xx":%d}\n',
    mode, summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors, summary.errors.status))
end
