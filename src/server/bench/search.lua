-- wrk script: GET /api/search?q= over a fixed list of news words and phrases.
local queries = { "earthquake", "police", "killed", "arrested", "hospital", "fire", "shooting",
  "court", "acquisition", "award", "magnitude", "suspect", "company", "president", "injured",
  "police%20arrested", "%22was%20killed%22", "quake%20OR%20earthquake", "rescue*", "election" }
math.randomseed(os.time() + math.floor(os.clock() * 1e6))
request = function()
  return wrk.format("GET", "/api/search?q=" .. queries[math.random(#queries)])
end
