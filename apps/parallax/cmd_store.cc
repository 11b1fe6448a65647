// Commands over the SQLite store: ingest, stories, search.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "parallax/pipeline.h"
#include "parallax/store.h"
#include "parallax/store_ingest.h"

namespace parallax::cli {
namespace {

using nlohmann::json;

std::string Dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

Result<std::unique_ptr<Store>> OpenStore(const std::string& path, bool read_only) {
  StoreOptions o;
  o.read_only = read_only;
  o.create = !read_only;
  return Store::Open(path, o);
}

}  // namespace

void RegisterStoreCommands(CLI::App& app, int* exit_code) {
  // ingest
  {
    struct Args {
      std::string db = "parallax.db";
      std::vector<std::string> inputs;
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("ingest", "Store, deduplicate and cluster inputs into a database");
    cmd->add_option("--db", args->db, "SQLite database file (created when missing)");
    cmd->add_option("inputs", args->inputs, "files, folders, or - for stdin")->required();
    cmd->callback([args, exit_code] {
      auto store = OpenStore(args->db, false);
      if (!store.ok()) {
        ReportProblem(args->db, store.status().message());
        *exit_code = 1;
        return;
      }
      bool failed = false;
      IngestCounts counts;
      std::vector<Article> batch;
      Status storage = Status::Ok();
      RejectFn on_reject = [&](const Article& a, const Status& why) {
        ReportProblem(a.source.empty() ? a.id : a.source,
                      "article " + a.id + " not stored: " + why.message());
        failed = true;
      };
      // Parse + store here, dedup + clustering on a worker (StreamingIngest).
      Result<std::unique_ptr<StreamingIngest>> stream = StreamingIngest::Start(**store);
      if (!stream.ok()) storage = stream.status();
      ReadCallbacks cb;
      cb.on_article = [&](Article&& a) {
        ++counts.read;
        batch.push_back(std::move(a));
        if (batch.size() >= 256 && storage.ok()) storage = (*stream)->Add(&batch, &counts, on_reject);
      };
      cb.on_error = [&](const InputError& e) {
        ReportProblem(e.input, e.problem);
        failed = true;
      };
      ReadInputs(args->inputs, {}, cb);
      if (storage.ok()) storage = (*stream)->Add(&batch, &counts, on_reject);
      AssignStats assigned;
      if (storage.ok()) {
        Result<AssignStats> st = (*stream)->Finish();
        if (st.ok()) assigned = *st;
        storage = st.status();
      }
      if (!storage.ok()) {
        ReportProblem(args->db, storage.message());
        *exit_code = 1;
        return;
      }
      std::cerr << "parallax: ingest: " << counts.read << " read, " << counts.inserted
                << " inserted, " << counts.updated << " updated, " << counts.unchanged
                << " unchanged, " << counts.rejected << " rejected; " << assigned.articles
                << " clustered (" << assigned.duplicates << " duplicates), "
                << assigned.new_stories << " new stories, " << assigned.merged_stories
                << " merged\n";
      *exit_code = failed ? 1 : 0;
    });
  }
  // stories
  {
    struct Args {
      std::string db = "parallax.db";
      std::string format = "json";
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("stories", "List the stored stories");
    cmd->add_option("--db", args->db, "SQLite database file");
    cmd->add_option("--format", args->format, "json or text")->check(CLI::IsMember({"json", "text"}));
    cmd->callback([args, exit_code] {
      auto store = OpenStore(args->db, true);
      if (!store.ok()) {
        ReportProblem(args->db, store.status().message());
        *exit_code = 1;
        return;
      }
      ListStoriesOptions o;
      o.limit = 0;
      auto stories = (*store)->ListStories(o);
      if (!stories.ok()) {
        ReportProblem(args->db, stories.status().message());
        *exit_code = 1;
        return;
      }
      if (args->format == "text") {
        for (const StorySummary& s : *stories) {
          std::cout << s.story.id << "\t" << s.article_ids.size() << " articles\t"
                    << s.first_seen << " .. " << s.last_seen << "\t" << s.story.title << "\n";
        }
        return;
      }
      json j;
      j["schema"] = "parallax.stories/1";
      j["stories"] = json::array();
      for (const StorySummary& s : *stories) {
        j["stories"].push_back({{"id", s.story.id}, {"title", s.story.title},
                                {"articles", s.article_ids}, {"outlets", s.outlets},
                                {"first_seen", s.first_seen}, {"last_seen", s.last_seen}});
      }
      std::cout << Dump(j) << "\n";
    });
  }
  // search
  {
    struct Args {
      std::string db = "parallax.db";
      std::string query;
      size_t limit = 20;
      std::string format = "text";
    };
    auto args = std::make_shared<Args>();
    auto* cmd = app.add_subcommand("search", "Full-text search over stored articles (BM25)");
    cmd->add_option("--db", args->db, "SQLite database file");
    cmd->add_option("--limit", args->limit, "maximum hits");
    cmd->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"json", "text"}));
    cmd->add_option("query", args->query, "words to look for")->required();
    cmd->callback([args, exit_code] {
      auto store = OpenStore(args->db, true);
      if (!store.ok()) {
        ReportProblem(args->db, store.status().message());
        *exit_code = 1;
        return;
      }
      SearchOptions o;
      o.limit = args->limit;
      auto hits = (*store)->Search(args->query, o);
      if (!hits.ok()) {
        ReportProblem(args->db, hits.status().message());
        *exit_code = hits.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
        return;
      }
      if (args->format == "json") {
        json j;
        j["schema"] = "parallax.search/1";
        j["hits"] = json::array();
        for (const SearchHit& h : *hits) {
          j["hits"].push_back({{"article", h.article_id}, {"title", h.title}, {"outlet", h.outlet},
                               {"published", h.published}, {"story", h.story_id},
                               {"score", h.score}, {"snippet", h.snippet}});
        }
        std::cout << Dump(j) << "\n";
        return;
      }
      for (const SearchHit& h : *hits) {
        std::cout << h.article_id << "\t" << h.outlet << "\t" << h.title << "\n    " << h.snippet << "\n";
      }
    });
  }
}

}  // namespace parallax::cli
