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
// Stored articles read per OnlineClusterer::AddAll call in Assign().
constexpr size_t kAssignChunk = 512;
constexpr char kCountKey[] = "cluster/state.chunks";
// Bumped on every save: a process whose loaded state is older reloads first.
constexpr char kGenerationKey[] = "cluster/state.generation";
// The generation the snapshot (the chunks) was written at; absent: the
// current one. Each later generation g has a journal "cluster/journal.g": the
// ids its commit clustered, in order, replayed on load.
constexpr char kBaseKey[] = "cluster/state.base";
// A full snapshot once the journal would exceed this many articles, or an
// eighth of all clustered articles: saving costs O(state), replay O(journal).
constexpr uint64_t kMinJournalArticles = 4096;

std::string ChunkKey(size_t i) { return "cluster/state." + std::to_string(i); }
std::string JournalKey(uint64_t g) { return "cluster/journal." + std::to_string(g); }

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

Result<uint64_t> ReadCounter(Store& store, const char* key, uint64_t missing) {
  Result<std::optional<std::string>> g = store.GetState(key);
  if (!g.ok()) return g.status();
  return g->has_value() ? std::strtoull((*g)->c_str(), nullptr, 10) : missing;
}

Result<uint64_t> ReadGeneration(Store& store) { return ReadCounter(store, kGenerationKey, 0); }

// The snapshot, then the journal replayed on top (the clusterer is
// deterministic: the same articles in the same order give the same state).
// `*journaled` receives the number of replayed articles.
Result<OnlineClusterer> LoadClusterer(Store& store, const ClusterOptions& options,
                                      uint64_t generation, uint64_t* journaled) {
  Result<std::string> state = ReadState(store);
  if (!state.ok()) return state.status();
  OnlineClusterer clusterer(options);
  if (!state->empty()) {
    Status s = clusterer.Load(*state);
    if (!s.ok()) return InvalidInput("cluster/state: " + s.message());
  }
  *journaled = 0;
  Result<uint64_t> base = ReadCounter(store, kBaseKey, generation);
  if (!base.ok()) return base.status();
  if (*base > generation) return InvalidInput(std::string(kBaseKey) + ": after the generation");
  for (uint64_t g = *base + 1; g <= generation; ++g) {
    Result<std::optional<std::string>> ids = store.GetState(JournalKey(g));
    if (!ids.ok()) return ids.status();
    if (!ids->has_value()) return InvalidInput(JournalKey(g) + ": missing clusterer journal");
    std::string_view rest = **ids;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string_view id = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      Result<StoredArticle> a = store.GetArticle(id);
      if (!a.ok()) return InvalidInput(JournalKey(g) + ": " + a.status().message());
      clusterer.Add(a->article);
      ++*journaled;
    }
  }
  (void)clusterer.TakeDelta();  // already written by the journaled commits
  return clusterer;
}

}  // namespace

Result<std::unique_ptr<StoryAssigner>> StoryAssigner::Open(Store& store, ClusterOptions options) {
  Result<uint64_t> generation = ReadGeneration(store);
  if (!generation.ok()) return generation.status();
  uint64_t journaled = 0;
  Result<OnlineClusterer> clusterer = LoadClusterer(store, options, *generation, &journaled);
  if (!clusterer.ok()) return clusterer.status();
  auto assigner = std::unique_ptr<StoryAssigner>(
      new StoryAssigner(store, std::move(options), std::move(clusterer).value()));
  assigner->generation_ = *generation;
  assigner->journaled_ = journaled;
  return assigner;
}

Status StoryAssigner::SaveState(const std::vector<std::string>& ids, AssignStats* stats) {
  const uint64_t next = generation_ + 1;
  const uint64_t limit =
      std::max<uint64_t>(kMinJournalArticles, clusterer_.stats().articles / 8);
  Result<std::optional<std::string>> has_snapshot = store_.GetState(kCountKey);
  if (!has_snapshot.ok()) return has_snapshot.status();
  // The first commit always writes a snapshot: it anchors the journal.
  const bool plain_ids = std::none_of(ids.begin(), ids.end(), [](const std::string& id) {
    return id.empty() || id.find('\n') != std::string::npos;
  });
  if (has_snapshot->has_value() && plain_ids && journaled_ + ids.size() <= limit) {
    // Journal only: the ids of this commit, replayed on top of the snapshot.
    std::string journal;
    for (const std::string& id : ids) (journal += id) += '\n';
    if (!journal.empty()) journal.pop_back();
    Result<std::optional<std::string>> base = store_.GetState(kBaseKey);
    if (!base.ok()) return base.status();
    if (!base->has_value()) {  // a snapshot from before journals: it is the current generation
      PARALLAX_RETURN_IF_ERROR(store_.PutState(kBaseKey, std::to_string(generation_)));
    }
    PARALLAX_RETURN_IF_ERROR(store_.PutState(JournalKey(next), journal));
    PARALLAX_RETURN_IF_ERROR(store_.PutState(kGenerationKey, std::to_string(next)));
    generation_ = next;
    journaled_ += ids.size();
    stats->state_bytes = journal.size();
    return Status::Ok();
  }
  PARALLAX_RETURN_IF_ERROR(SaveSnapshot(&stats->state_bytes));
  stats->snapshot = true;
  return Status::Ok();
}

Status StoryAssigner::SaveSnapshot(uint64_t* bytes) {
  Result<uint64_t> base = ReadCounter(store_, kBaseKey, generation_);
  if (!base.ok()) return base.status();
  for (uint64_t g = *base + 1; g <= generation_; ++g) {
    PARALLAX_RETURN_IF_ERROR(store_.DeleteState(JournalKey(g)));
  }
  journaled_ = 0;
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
  PARALLAX_RETURN_IF_ERROR(store_.PutState(kCountKey, std::to_string(chunks)));
  PARALLAX_RETURN_IF_ERROR(store_.PutState(kGenerationKey, std::to_string(generation_ + 1)));
  PARALLAX_RETURN_IF_ERROR(store_.PutState(kBaseKey, std::to_string(generation_ + 1)));
  ++generation_;
  return Status::Ok();
}

Status StoryAssigner::Reload() {
  Result<uint64_t> generation = ReadGeneration(store_);
  if (!generation.ok()) return generation.status();
  uint64_t journaled = 0;
  Result<OnlineClusterer> reloaded = LoadClusterer(store_, options_, *generation, &journaled);
  if (!reloaded.ok()) return reloaded.status();
  clusterer_ = std::move(reloaded).value();
  generation_ = *generation;
  journaled_ = journaled;
  return Status::Ok();
}

Status StoryAssigner::WriteResults(const StoryDelta& delta,
                                   const std::vector<DuplicateRow>& duplicates,
                                   const std::vector<std::string>& ids, AssignStats* stats) {
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
  return SaveState(ids, stats);
}

Result<AssignStats> StoryAssigner::Assign() {
  AssignStats stats;
  StoryDelta delta;
  // One write transaction from reading the pending articles to saving the
  // state: another process assigning stories to the same store waits, and
  // if it saved a newer state in the meantime, this one reloads it first.
  Status written = store_.WithTransaction([&]() -> Status {
    Result<uint64_t> generation = ReadGeneration(store_);
    if (!generation.ok()) return generation.status();
    if (*generation != generation_) PARALLAX_RETURN_IF_ERROR(Reload());
    std::vector<DuplicateRow> duplicates;
    std::vector<std::string> ids;
    ArticleQuery query;
    query.only_unassigned = true;  // publication order
    // Clustered in chunks, so that AddAll can prepare ahead on a second thread.
    std::vector<Article> chunk;
    auto flush = [&] {
      std::vector<StoryAssignment> got = clusterer_.AddAll(chunk);
      for (size_t i = 0; i < chunk.size(); ++i) {
        const StoryAssignment& a = got[i];
        ids.push_back(chunk[i].id);
        ++stats.articles;
        stats.new_stories += a.new_story;
        if (a.duplicate) {
          ++stats.duplicates;
          duplicates.push_back({chunk[i].id, a.duplicate->original_id, a.duplicate->kind,
                                a.duplicate->similarity});
        }
      }
      chunk.clear();
    };
    PARALLAX_RETURN_IF_ERROR(store_.ForEachArticle(query, [&](StoredArticle&& stored) {
      chunk.push_back(std::move(stored.article));
      if (chunk.size() == kAssignChunk) flush();
      return true;
    }));
    flush();
    delta = clusterer_.TakeDelta();
    if (stats.articles == 0) return Status::Ok();
    return WriteResults(delta, duplicates, ids, &stats);
  });
  if (!written.ok()) {
    // The store kept its previous state: go back to it so that the next call
    // redoes this work instead of diverging from what is stored.
    (void)Reload();
    return written;
  }
  stats.changed_stories = delta.changed.size();
  stats.merged_stories = delta.merged.size();
  return stats;
}

void StoryAssigner::ClusterStored(const Article& article) {
  NoteClustered(article.id, clusterer_.Add(article));
}

void StoryAssigner::ClusterStored(std::span<const Article> articles) {
  std::vector<StoryAssignment> got = clusterer_.AddAll(articles);
  for (size_t i = 0; i < articles.size(); ++i) NoteClustered(articles[i].id, got[i]);
}

void StoryAssigner::NoteClustered(const std::string& id, const StoryAssignment& a) {
  pending_ids_.push_back(id);
  ++pending_.articles;
  pending_.new_stories += a.new_story;
  if (a.duplicate) {
    ++pending_.duplicates;
    pending_duplicates_.push_back({id, a.duplicate->original_id, a.duplicate->kind,
                                   a.duplicate->similarity});
  }
}

Result<AssignStats> StoryAssigner::CommitClustered() {
  AssignStats stats = pending_;
  std::vector<DuplicateRow> duplicates = std::move(pending_duplicates_);
  std::vector<std::string> ids = std::move(pending_ids_);
  pending_ = {};
  pending_duplicates_.clear();
  pending_ids_.clear();
  if (stats.articles == 0) return Assign();
  StoryDelta delta;
  bool stale = false;
  Status written = store_.WithTransaction([&]() -> Status {
    Result<uint64_t> generation = ReadGeneration(store_);
    if (!generation.ok()) return generation.status();
    if (*generation != generation_) {
      stale = true;  // clustered on top of an outdated state
      return Status::Ok();
    }
    delta = clusterer_.TakeDelta();
    return WriteResults(delta, duplicates, ids, &stats);
  });
  if (!written.ok() || stale) {
    (void)clusterer_.TakeDelta();
    Status reloaded = Reload();
    if (!written.ok()) return written;
    PARALLAX_RETURN_IF_ERROR(reloaded);
    return Assign();
  }
  stats.changed_stories = delta.changed.size();
  stats.merged_stories = delta.merged.size();
  return stats;
}

}  // namespace parallax
