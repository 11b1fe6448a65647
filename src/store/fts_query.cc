#include "store/fts_query.h"

#include <utf8proc.h>

#include <vector>

#include "store/codec.h"

namespace parallax::store_internal {
namespace {

struct Item {
  std::string text;
  bool negated = false;
  bool prefix = false;
  bool or_with_previous = false;  // joined to the previous item by OR
};

// True when the tokenizer would find a token in `s`: it has a letter,
// number or mark (unicode61's token characters).
bool HasTokenChar(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(s.size());
  while (n > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len = utf8proc_iterate(p, n, &cp);
    if (len <= 0) return false;
    switch (utf8proc_category(cp)) {
      case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
      case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return true;
      default:
        break;
    }
    p += len;
    n -= len;
  }
  return false;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<Item> Lex(std::string_view q) {
  std::vector<Item> items;
  bool pending_or = false;
  size_t i = 0;
  while (i < q.size()) {
    if (IsSpace(q[i])) {
      ++i;
      continue;
    }
    Item item;
    if (q[i] == '-' && i + 1 < q.size() && !IsSpace(q[i + 1])) {
      item.negated = true;
      ++i;
    }
    if (q[i] == '"') {
      size_t end = q.find('"', i + 1);
      if (end == std::string_view::npos) end = q.size();
      item.text = std::string(q.substr(i + 1, end - i - 1));
      i = end + 1;
      if (i < q.size() && q[i] == '*') {
        item.prefix = true;
        ++i;
      }
    } else {
      size_t end = i;
      while (end < q.size() && !IsSpace(q[end]) && q[end] != '"') ++end;
      std::string_view word = q.substr(i, end - i);
      i = end;
      if (word == "OR" && !item.negated) {
        pending_or = !items.empty();
        continue;
      }
      while (!word.empty() && word.back() == '*') {
        item.prefix = true;
        word.remove_suffix(1);
      }
      item.text = std::string(word);
    }
    if (!HasTokenChar(item.text)) continue;
    item.or_with_previous = pending_or && !item.negated && !items.empty() && !items.back().negated;
    pending_or = false;
    items.push_back(std::move(item));
  }
  return items;
}

std::string Quote(const Item& item) {
  std::string out = "\"";
  for (char c : item.text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  if (item.prefix) out += '*';
  return out;
}

}  // namespace

Result<std::string> ToFtsQuery(std::string_view user_query) {
  if (user_query.size() > kMaxQueryBytes) {
    return InvalidArgument("search query is " + std::to_string(user_query.size()) +
                           " bytes, over the " + std::to_string(kMaxQueryBytes) + "-byte limit");
  }
  if (!IsValidUtf8(user_query) || user_query.find('\0') != std::string_view::npos) {
    return InvalidArgument("search query is not valid UTF-8 text");
  }
  std::vector<Item> items = Lex(user_query);
  if (items.size() > kMaxQueryItems) {
    return InvalidArgument("search query has " + std::to_string(items.size()) +
                           " terms, over the limit of " + std::to_string(kMaxQueryItems));
  }
  // Positive items grouped into OR-alternatives, ANDed; then the exclusions.
  std::vector<std::vector<const Item*>> groups;
  std::vector<const Item*> excluded;
  for (const Item& item : items) {
    if (item.negated) {
      excluded.push_back(&item);
    } else if (item.or_with_previous && !groups.empty()) {
      groups.back().push_back(&item);
    } else {
      groups.push_back({&item});
    }
  }
  if (groups.empty()) {
    return InvalidArgument(items.empty() ? "search query has no words to search for"
                                         : "search query only excludes words; add one to find");
  }
  std::string out;
  for (const std::vector<const Item*>& g : groups) {
    if (!out.empty()) out += " AND ";
    if (g.size() > 1) out += '(';
    for (size_t k = 0; k < g.size(); ++k) {
      if (k > 0) out += " OR ";
      out += Quote(*g[k]);
    }
    if (g.size() > 1) out += ')';
  }
  if (excluded.empty()) return out;
  // NOT binds tighter than AND in FTS5; parentheses keep the intent plain.
  if (groups.size() > 1) out = "(" + out + ")";
  for (const Item* item : excluded) out += " NOT " + Quote(*item);
  return out;
}

}  // namespace parallax::store_internal
