-- wrk script: GET /api/stories/{id} for random ids from $IDS (one a line).
local ids = {}
for line in io.lines(os.getenv("IDS") or "story_ids.txt") do ids[#ids + 1] = line end
math.randomseed(os.time() + math.floor(os.clock() * 1e6))
request = function()
  return wrk.format("GET", "/api/stories/" .. ids[math.random(#ids)])
end
