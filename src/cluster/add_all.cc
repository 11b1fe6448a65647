// OnlineClusterer::AddAll: Add over a batch, with the state-independent half
// (cluster::Preparer) of later articles running on a second thread.
#include <algorithm>
#include <future>
#include <utility>
#include <vector>

#include "cluster/clusterer_impl.h"

namespace parallax {

std::vector<StoryAssignment> OnlineClusterer::AddAll(std::span<const Article* const> articles) {
  // Articles prepared per hand-over: large enough that starting a thread
  // costs little next to preparing them, small enough to keep memory low.
  constexpr size_t kChunk = 64;
  const size_t n = articles.size();
  std::vector<StoryAssignment> out;
  out.reserve(n);
  if (n < 2 * kChunk) {
    for (const Article* a : articles) out.push_back(Add(*a));
    return out;
  }
  // Only the worker uses the preparer while this runs: the calling thread
  // touches the rest of the state, never the preparer.
  cluster::Preparer& preparer = impl_->preparer;
  auto prepare = [&preparer, articles, n](size_t begin) {
    std::vector<cluster::PreparedDoc> docs;
    const size_t end = std::min(n, begin + kChunk);
    docs.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) docs.push_back(preparer.Prepare(*articles[i]));
    return docs;
  };
  std::future<std::vector<cluster::PreparedDoc>> ahead =
      std::async(std::launch::async, prepare, size_t{0});
  for (size_t begin = 0; begin < n; begin += kChunk) {
    std::vector<cluster::PreparedDoc> docs = ahead.get();
    if (begin + kChunk < n) ahead = std::async(std::launch::async, prepare, begin + kChunk);
    for (cluster::PreparedDoc& d : docs) out.push_back(impl_->AddAndRefine(std::move(d)));
  }
  return out;
}

std::vector<StoryAssignment> OnlineClusterer::AddAll(std::span<const Article> articles) {
  std::vector<const Article*> ptrs;
  ptrs.reserve(articles.size());
  for (const Article& a : articles) ptrs.push_back(&a);
  return AddAll(ptrs);
}

}  // namespace parallax
