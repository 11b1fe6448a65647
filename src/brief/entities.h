// The brief's entity list: who and what the story is about, merged across
// its articles (parallax::entities), most independent sources first.
#pragma once

#include <vector>

#include "brief/mentions.h"
#include "brief/sources.h"
#include "parallax/article.h"
#include "parallax/brief.h"
#include "parallax/cluster.h"

namespace parallax::brief {

// At most `limit` entities of the story. Junk is dropped: single lowercase
// words, dates and numbers, names shorter than two letters. Empty when the
// tagger model cannot be loaded (the brief is still valid without entities).
// Thread-safe: the tagger is loaded once and shared read-only.
std::vector<BriefEntity> StoryEntities(const std::vector<Article>& articles, const StoryCluster& story,
                                       const SourceGroups& sources, size_t limit = 25);

// Same, from mentions already tagged (TagStory); empty when untagged.
std::vector<BriefEntity> StoryEntities(const std::vector<Article>& articles, const StoryCluster& story,
                                       const SourceGroups& sources, const StoryMentions& mentions,
                                       size_t limit = 25);

}  // namespace parallax::brief
