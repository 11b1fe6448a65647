// StoryAssigner: the online clusterer kept in step with the store.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "parallax/pipeline.h"

namespace parallax {
namespace {

// The state is split over several keys: SQLite caps one value at 1 GB, and a
// million-article clusterer can approach that.
constexpr size_t kChunkBytes = size_t{64} << 20;
constexpr char kCountKey[] = "cluster/state.chunks";

std::string ChunkKey(size_t i) { return "cluster/state." + std::to_string(i); }

// The saved state, or "" when the store has none.
Result<std::string> ReadState(Store& store) {
  Result<std::optional<std::string>> count = store.GetState(kCountKey);
  if (!count.ok()) return count.status();
  if (!count->has_value()) return std::string();
  size_t n = 0;
  try {
    n = std::stoul(**count);
  } catch (const std::exception&) {
    return InvalidInput(std::string(kCountKey) + ": not a chunk count");
  }
  std::string state;
  for (size_t i = 0; i < n; ++i) {
    Result<std::optional<std::string>> chunk = store.GetState(ChunkKey(i));
    if (!chunk.ok()) return chunk.status();
    if (!chunk->has_value()) return InvalidInput(ChunkKey(i) + ": missing clusterer state chunk");
    state += **chunk;
  }
  return state;
}

Result<OnlineClusterer> LoadClusterer(Store& store, const ClusterOptions& options) {
  Result<std::string> state = ReadState(store);
  if (!state.ok()) return state.status();
  OnlineClusterer clusterer(options);
  if (!state->empty()) {
    Status s = clusterer.Load(*state);
    if (!s.ok()) return InvalidInput("cluster/state: " + s.message());
  }
  return clusterer;
}

struct DuplicateRow {
  std::string copy, original;
  DuplicateKind kind;
  double similarity;
};

}  // namespace

Result<std::unique_ptr<StoryAssigner>> StoryAssigner::Open(Store& store, ClusterOptions options) {
  Result<OnlineClusterer> clusterer = LoadClusterer(store, options);
  if (!clusterer.ok()) return clusterer.status();
  return std::unique_ptr<StoryAssigner>(
      new StoryAssigner(store, std::move(options), std::move(clusterer).value()));
}

Status StoryAssigner::SaveState(uint64_t* bytes) {
  std::string state;
  clusterer_.Save(&state);
  *bytes = state.size();
  const size_t chunks = std::max<size_t>(1, (state.size() + kChunkBytes - 1) / kChunkBytes);
  Result<std::optional<std::string>> old = store_.GetState(kCountKey);
  if (!old.ok()) return old.status();
  size_t old_chunks = 0;
  if (old->has_value()) old_chunks = std::strtoul((*old)->c_str(), nullptr, 10);
  for (size_t i = 0; i < chunks; ++i) {
    std::string_view part = std::string_view(state).substr(std::min(state.size(), i * kChunkBytes),
                                                           kChunkBytes);
    PARALLAX_RETURN_IF_ERROR(store_.PutState(ChunkKey(i), part));
  }
  for (size_t i = chunks; i < old_chunks; ++i) {
    PARALLAX_RETURN_IF_ERROR(store_.DeleteState(ChunkKey(i)));
  }
  return store_.PutState(kCountKey, std::to_string(chunks));
}

Result<AssignStats> StoryAssigner::Assign() {
  AssignStats stats;
  std::vector<DuplicateRow> duplicates;
  ArticleQuery query;
  query.only_unassigned = true;  // publication order
  Status read = store_.ForEachArticle(query, [&](StoredArticle&& stored) {
    StoryAssignment a = clusterer_.Add(stored.article);
    ++stats.articles;
    stats.new_stories += a.new_story;
    if (a.duplicate) {
      ++stats.duplicates;
      duplicates.push_back({stored.article.id, a.duplicate->original_id, a.duplicate->kind,
                            a.duplicate->similarity});
    }
    return true;
  });
  StoryDelta delta = clusterer_.TakeDelta();
  Status written = read;
  if (written.ok() && stats.articles > 0) {
    written = store_.WithTransaction([&]() -> Status {
      for (const StoryInfo& story : delta.changed) {
        StoryRecord record;
        record.id = story.id;
        record.title = story.title;
        PARALLAX_RETURN_IF_ERROR(store_.PutStory(record));
        for (uint32_t seq : story.articles) {
          PARALLAX_RETURN_IF_ERROR(store_.AssignArticleToStory(clusterer_.ArticleId(seq), story.id));
        }
      }
      for (const auto& [gone, kept] : delta.merged) {
        // Leaves a tombstone pointing at the survivor when the merged story
        // had been stored (its articles already moved above).
        Result<StoryRecord> old = store_.GetStory(gone);
        if (!old.ok() || !old->merged_into.empty()) continue;
        PARALLAX_RETURN_IF_ERROR(store_.MergeStories(gone, kept));
      }
      for (const DuplicateRow& d : duplicates) {
        PARALLAX_RETURN_IF_ERROR(store_.LinkDuplicate(d.copy, d.original, d.kind, d.similarity));
      }
      return SaveState(&stats.state_bytes);
    });
  }
  if (!written.ok()) {
    // The store kept its previous state: go back to it so that the next call
    // redoes this work instead of diverging from what is stored.
    Result<OnlineClusterer> reloaded = LoadClusterer(store_, options_);
    if (reloaded.ok()) clusterer_ = std::move(reloaded).value();
    return written;
  }
  stats.changed_stories = delta.changed.size();
  stats.merged_stories = delta.merged.size();
  return stats;
}

}  // namespace parallax
