#include <nlohmann/json.hpp>

#include "parallax/render.h"

namespace parallax {
namespace {

using nlohmann::json;

json NullIfEmpty(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json Cited(const std::vector<CitedText>& items) {
  json out = json::array();
  for (const auto& c : items) out.push_back({{"text", c.text}, {"sources", c.sources}});
  return out;
}

json StoryJson(const StoryBrief& s) {
  json j;
  j["id"] = s.id;
  j["title"] = s.title;
  j["articles"] = s.articles;
  j["independent_sources"] = s.independent_sources;
  j["summary"] = Cited(s.summary);
  j["entities"] = json::array();
  for (const auto& e : s.entities) {
    j["entities"].push_back(
        {{"name", e.name}, {"type", e.type}, {"aliases", e.aliases}, {"sources", e.sources},
         {"roles", e.roles}});
  }
  j["quotes"] = json::array();
  for (const auto& q : s.quotes) {
    json variants = json::array();
    for (const auto& v : q.variants) variants.push_back({{"text", v.text}, {"source", v.source}});
    j["quotes"].push_back({{"speaker", q.speaker}, {"text", q.text}, {"sources", q.sources},
                           {"variants", variants}});
  }
  j["timeline"] = json::array();
  for (const auto& t : s.timeline) {
    j["timeline"].push_back({{"date", t.date}, {"text", t.text}, {"sources", t.sources}});
  }
  j["agreements"] = Cited(s.agreements);
  j["disagreements"] = json::array();
  for (const auto& d : s.disagreements) {
    json values = json::array();
    for (const auto& v : d.values) {
      values.push_back({{"value", v.value}, {"text", v.text}, {"sources", v.sources}});
    }
    json item = {{"topic", d.topic}, {"values", values}};
    if (!d.kind.empty()) item["kind"] = d.kind;
    j["disagreements"].push_back(item);
  }
  j["exclusives"] = json::array();
  for (const auto& e : s.exclusives) j["exclusives"].push_back({{"text", e.text}, {"source", e.source}});
  j["framing"] = json::array();  // extra field (CONTRACT allows): per-outlet terms and sources
  for (const auto& f : s.framing) {
    json terms = json::array();
    for (const auto& t : f.terms) terms.push_back({{"term", t.term}, {"z", t.z}});
    j["framing"].push_back(
        {{"outlet", f.outlet}, {"articles", f.articles}, {"terms", terms}, {"sources", f.sources}});
  }
  return j;
}

// Invalid UTF-8 never reaches here (readers normalise), but replace rather
// than throw if it does.
std::string Dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string RenderArticleJson(const Article& a, bool pretty) {
  json j;
  j["schema"] = "parallax.article/1";
  j["id"] = a.id;
  j["url"] = NullIfEmpty(a.url);
  j["outlet"] = NullIfEmpty(a.outlet);
  j["title"] = NullIfEmpty(a.title);
  j["author"] = NullIfEmpty(a.author);
  j["published"] = NullIfEmpty(a.published);
  j["published_source"] = a.published.empty() ? json(nullptr) : json(DateSourceName(a.published_source));
  j["language"] = NullIfEmpty(a.language);
  j["place"] = NullIfEmpty(a.place);
  j["text"] = a.Text();
  j["paragraphs"] = a.Paragraphs();
  json blocks = json::array();
  for (const Block& b : a.blocks) blocks.push_back({{"kind", BlockKindName(b.kind)}, {"text", b.text}});
  j["blocks"] = blocks;
  j["captions"] = a.captions;
  j["summary_only"] = a.summary_only;
  j["source"] = a.source;
  return Dump(j, pretty ? 2 : -1);
}

std::string RenderBriefJson(const std::vector<Article>& articles,
                            const std::vector<StoryBrief>& stories) {
  json j;
  j["schema"] = "parallax.brief/1";
  j["articles"] = json::array();
  for (const Article& a : articles) {
    j["articles"].push_back({{"id", a.id}, {"outlet", NullIfEmpty(a.outlet)},
                             {"title", NullIfEmpty(a.title)}, {"published", NullIfEmpty(a.published)},
                             {"url", NullIfEmpty(a.url)}, {"language", NullIfEmpty(a.language)}});
  }
  j["stories"] = json::array();
  for (const StoryBrief& s : stories) j["stories"].push_back(StoryJson(s));
  return Dump(j, 2) + "\n";
}

}  // namespace parallax
