#include "stream.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "parallax/hash.h"

namespace parallax::eval {
namespace {

constexpr double kEpochDay = 19723;  // 2024-01-01
constexpr size_t kRecent = 256;

const char* kSyllables[] = {"ka", "lo", "mer", "tan", "vi", "sor", "ben", "du", "ra", "nel",
                            "gor", "pi", "ash", "ton", "el", "mi", "zar", "qu", "fen", "dal"};

std::vector<std::string> SplitWords(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream ss(line);
  std::string w;
  while (ss >> w) out.push_back(w);
  return out;
}

}  // namespace

std::string IsoTimestamp(double day) {
  // Civil from days (H. Hinnant).
  long z = static_cast<long>(std::floor(day)) + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  long secs = static_cast<long>((day - std::floor(day)) * 86400);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ldT%02ld:%02ld:%02ldZ", y, m, d, secs / 3600,
                (secs / 60) % 60, secs % 60);
  return buf;
}

StreamGenerator::StreamGenerator(const std::vector<EcbDoc>& base, StreamOptions options)
    : options_(options), base_(base), rng_(options.seed) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < base_.size(); ++i) {
    const EcbDoc& d = base_[i];
    auto [it, fresh] = index.emplace(d.event_cluster, events_.size());
    if (fresh) {
      events_.emplace_back();
      event_names_.push_back(d.event_cluster);
    }
    events_[it->second].push_back(i);
  }
  if (events_.empty() || options_.articles == 0) return;
  const size_t originals =
      static_cast<size_t>(std::ceil(options_.articles * (1.0 - options_.copy_rate)));
  const size_t instances = std::max<size_t>(1, originals / std::max<size_t>(1, options_.mean_story_size));
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> start(instances);
  for (double& s : start) s = unit(rng_) * options_.days;
  schedule_.reserve(options_.articles);
  for (size_t i = 0; i < options_.articles; ++i) {
    uint32_t inst = static_cast<uint32_t>(i % instances);
    double day = start[inst] + unit(rng_) * options_.story_days;
    schedule_.push_back({static_cast<float>(day), inst});
  }
  std::stable_sort(schedule_.begin(), schedule_.end(),
                   [](const Slot& a, const Slot& b) { return a.day < b.day; });
}

std::string StreamGenerator::Rename(std::string_view word, uint32_t instance) const {
  uint64_t h = Hash64(word, instance);
  if (static_cast<double>(h % 1000) / 1000.0 >= options_.rename) return std::string(word);
  std::string out;
  int n = 2 + static_cast<int>((h >> 10) % 2);
  for (int i = 0; i < n; ++i) out += kSyllables[(h >> (16 + 5 * i)) % 20];
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string StreamGenerator::Rewrite(const EcbDoc& doc, uint32_t instance) {
  std::uniform_real_distribution<double> unit(0, 1);
  std::istringstream lines(doc.text);
  std::string line, out;
  bool kept_any = false;
  std::vector<std::string> all;
  while (std::getline(lines, line)) all.push_back(line);
  for (size_t li = 0; li < all.size(); ++li) {
    if (unit(rng_) >= options_.keep_sentence && (kept_any || li + 1 < all.size())) continue;
    kept_any = true;
    std::vector<std::string> words = SplitWords(all[li]);
    std::string sent;
    for (size_t w = 0; w < words.size(); ++w) {
      std::string word = words[w];
      bool cap = !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
      if (cap && w > 0) {
        word = Rename(word, instance);
      } else if (unit(rng_) < options_.word_noise && !all.empty()) {
        // A word from another sentence of the document (a plausible edit).
        std::vector<std::string> other = SplitWords(all[rng_() % all.size()]);
        if (!other.empty()) word = other[rng_() % other.size()];
      }
      if (!sent.empty()) sent += ' ';
      sent += word;
    }
    out += sent;
    out += '\n';
  }
  return out;
}

bool StreamGenerator::Next(StreamItem* out) {
  if (next_ >= schedule_.size()) return false;
  const Slot slot = schedule_[next_];
  const size_t n = next_++;
  std::uniform_real_distribution<double> unit(0, 1);
  StreamItem item;
  item.article.id = "g" + std::to_string(n);
  item.article.published = IsoTimestamp(kEpochDay + slot.day);
  item.article.language = "en";
  if (!recent_.empty() && unit(rng_) < options_.copy_rate) {
    // A wire copy of a recent article: verbatim, truncated or lightly edited,
    // under a new headline.
    const StreamItem& src = recent_[rng_() % recent_.size()];
    item.gold = src.gold;
    item.is_copy = true;
    item.copy_of = src.article.id;
    item.article.blocks = src.article.blocks;
    item.article.title = "Copy: " + src.article.title;
    double kind = unit(rng_);
    if (kind < 0.3 && item.article.blocks.size() > 3) {
      item.article.blocks.resize(item.article.blocks.size() * 2 / 3 + 1);
    } else if (kind < 0.6 && !item.article.blocks.empty()) {
      item.article.blocks.back().text += " (Reporting by staff.)";
    }
  } else {
    const size_t event = slot.instance % events_.size();
    const auto& docs = events_[event];
    const EcbDoc& doc = base_[docs[rng_() % docs.size()]];
    item.gold = event_names_[event] + "#" + std::to_string(slot.instance);
    std::string text = Rewrite(doc, slot.instance);
    // Mix in a fixed document of a second event per instance, so instances of
    // one ECB+ event differ in content as well as in names.
    if (events_.size() > 1) {
      const size_t e2 = (event + 1 + (slot.instance / events_.size()) % (events_.size() - 1)) %
                        events_.size();
      const auto& docs2 = events_[e2];
      const EcbDoc& other = base_[docs2[Hash64(item.gold) % docs2.size()]];
      text += Rewrite(other, slot.instance);
    }
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) item.article.blocks.push_back({BlockKind::kParagraph, line});
    if (!item.article.blocks.empty()) {
      std::string first = item.article.blocks.front().text;
      item.article.title = first.substr(0, std::min<size_t>(first.size(), 80));
    }
  }
  recent_.push_back(item);
  if (recent_.size() > kRecent) recent_.pop_front();
  *out = std::move(item);
  return true;
}

}  // namespace parallax::eval
