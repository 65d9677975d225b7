-- make loadtest: what wrk sends (surveys/management/commands/loadtest.py gives the arguments).
--   get                  the URL as given, with the session's cookie (-H)
--   post FILE            a form's body, read from FILE
--   autosave FILE        thread N saves the question of line N of FILE ("path code revision
--                        kind"), a new text (or yes, no...) each time, from the revision the last
--                        save returned
-- At the end: one line of JSON with the requests, p50/p95/p99 in ms and the errors.

local threads = {}
local counter = 0

function setup(thread)
   table.insert(threads, thread)
   thread:set("id", #threads)
end

function init(args)
   mode = args[1]
   if mode == "post" then
      local file = io.open(args[2])
      wrk.method = "POST"
      wrk.body = file:read("*a")
      file:close()
      wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
   elseif mode == "autosave" then
      local line_number = 0
      for line in io.lines(args[2]) do
         line_number = line_number + 1
         if line_number == id then
            path, code, base, kind = line:match("(%S+) (%S+) (%d+) (%S+)")
         end
      end
   end
end

function request()
   if mode ~= "autosave" then
      return wrk.request()
   end
   counter = counter + 1
   local headers = {}
   for name, value in pairs(wrk.headers) do headers[name] = value end
   headers["Content-Type"] = "application/x-www-form-urlencoded"
   headers["HX-Request"] = "true"
   local value = "Load+test+" .. id .. "+" .. counter
   if kind == "yes_no" then
      value = (counter % 2 == 0) and "yes" or "no"
   end
   local body = "answer-" .. code .. "=" .. value .. "&base-" .. code .. "=" .. base
   return wrk.format("POST", path, headers, body)
end

function response(status, headers, body)
   if mode == "autosave" then
      local trigger = headers["HX-Trigger"] or headers["hx-trigger"] or ""
      local revision = trigger:match('"revision": *(%d+)')
      if revision then
         base = revision
      elseif status == 409 then
         -- A save of the warm-up landed after its revision was read: one more.
         base = tostring(tonumber(base) + 1)
      end
   end
end

function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format(
      '{"requests": %d, "seconds": %.3f, "p50": %.1f, "p95": %.1f, "p99": %.1f, '
      .. '"status_errors": %d, "socket_errors": %d}\n',
      summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
      latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors.status,
      errors.connect + errors.read + errors.write + errors.timeout))
end
