#include "store/codec.h"

#include <nlohmann/json.hpp>

#include "parallax/hash.h"
#include "parallax/text.h"

namespace parallax {
namespace store_internal {

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlongs
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;  // no overlongs
      if (c == 0xF4) hi = 0x8F;  // <= U+10FFFF
    } else {
      return false;
    }
    if (n - i < len) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (size_t k = 2; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

namespace {

Status CheckField(const Article& a, const char* name, std::string_view value, uint64_t limit) {
  if (value.size() > limit) {
    return TooLarge("article '" + a.id + "': " + name + " is " + std::to_string(value.size()) +
                    " bytes, over the " + std::to_string(limit) + "-byte limit");
  }
  if (value.find('\0') != std::string_view::npos) {
    return InvalidInput("article '" + a.id + "': " + name + " contains a NUL byte");
  }
  if (!IsValidUtf8(value)) {
    return InvalidInput("article '" + a.id + "': " + name + " is not valid UTF-8");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateArticle(const Article& a, std::string_view text, const StoreOptions& options) {
  if (a.id.empty()) return InvalidInput("article without an id (source '" + a.source + "')");
  const uint64_t f = options.max_field_bytes;
  // The id goes into messages, so check it first and quote it safely.
  if (a.id.size() > f || a.id.find('\0') != std::string::npos || !IsValidUtf8(a.id)) {
    return InvalidInput("article id is not a valid UTF-8 string of at most " + std::to_string(f) +
                        " bytes (source '" + a.source + "')");
  }
  PARALLAX_RETURN_IF_ERROR(CheckField(a, "url", a.url, f));
  PARALLAX_RETURN_IF_ERROR(CheckField(a, "outlet", a.outlet, f));
  PARALLAX_RETURN_IF_ERROR(CheckField(a, "title", a.title, f));
  PARALLAX_RETURN_IF_ERROR(CheckField(a, "author", a.author, f));
  PARALLAX_RETURN_IF_ERROR(CheckField(a, "published", a.published, f));
  PARALLAX_RETURN_IF_ERROR(CheckField(a, "language", a.language, f));
  PARALLAX_RETURN_IF_ERROR(CheckField(a, "place", a.place, f));
  PARALLAX_RETURN_IF_ERROR(CheckField(a, "source", a.source, f));
  PARALLAX_RETURN_IF_ERROR(CheckField(a, "text", text, options.max_text_bytes));
  uint64_t caption_bytes = 0;
  for (const std::string& c : a.captions) {
    PARALLAX_RETURN_IF_ERROR(CheckField(a, "caption", c, f));
    caption_bytes += c.size();
  }
  if (caption_bytes > options.max_text_bytes) {
    return TooLarge("article '" + a.id + "': captions total " + std::to_string(caption_bytes) +
                    " bytes, over the " + std::to_string(options.max_text_bytes) + "-byte limit");
  }
  return Status::Ok();
}

std::string EncodeLayout(const std::vector<Block>& blocks) {
  std::string out = "[";
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (i > 0) out += ',';
    out += "[\"";
    out += BlockKindName(blocks[i].kind);
    out += "\",";
    out += std::to_string(blocks[i].text.size());
    out += ']';
  }
  out += ']';
  return out;
}

namespace {

bool BlockKindFromName(std::string_view name, BlockKind* kind) {
  for (BlockKind k : {BlockKind::kParagraph, BlockKind::kHeading, BlockKind::kListItem,
                      BlockKind::kQuote}) {
    if (name == BlockKindName(k)) {
      *kind = k;
      return true;
    }
  }
  return false;
}

}  // namespace

Result<std::vector<Block>> DecodeLayout(std::string_view layout, std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(layout, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return Internal("damaged article row: blocks is not a JSON array");
  std::vector<Block> blocks;
  blocks.reserve(j.size());
  size_t pos = 0;
  for (const nlohmann::json& e : j) {
    BlockKind kind;
    if (!e.is_array() || e.size() != 2 || !e[0].is_string() || !e[1].is_number_unsigned() ||
        !BlockKindFromName(e[0].get_ref<const std::string&>(), &kind)) {
      return Internal("damaged article row: bad block entry " + e.dump());
    }
    size_t len = e[1].get<size_t>();
    if (!blocks.empty()) {
      if (text.substr(pos, 2) != "\n\n") return Internal("damaged article row: blocks don't fit text");
      pos += 2;
    }
    if (len > text.size() - pos) return Internal("damaged article row: blocks exceed text");
    blocks.push_back({kind, std::string(text.substr(pos, len))});
    pos += len;
  }
  if (pos != text.size()) return Internal("damaged article row: text longer than its blocks");
  return blocks;
}

std::string EncodeCaptions(const std::vector<std::string>& captions) {
  if (captions.empty()) return "[]";
  nlohmann::json j = captions;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<std::vector<std::string>> DecodeCaptions(std::string_view json) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return Internal("damaged article row: captions is not a JSON array");
  std::vector<std::string> out;
  out.reserve(j.size());
  for (const nlohmann::json& e : j) {
    if (!e.is_string()) return Internal("damaged article row: caption is not a string");
    out.push_back(e.get<std::string>());
  }
  return out;
}

DateSource DateSourceFromName(std::string_view name) {
  if (name == "metadata") return DateSource::kMetadata;
  if (name == "text") return DateSource::kText;
  return DateSource::kNone;
}

namespace {

// text::Normalize collapses Unicode spaces; this also folds newlines and
// tabs into single spaces, whatever the text layer's version does.
std::string CollapseSpaces(std::string_view s) {
  auto is_space = [](char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
  };
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !is_space(s[j])) ++j;
    if (j == i) break;
    if (!out.empty()) out += ' ';
    out.append(s.data() + i, j - i);
    i = j;
  }
  return out;
}

std::string HashForm(std::string_view s) {
  return text::Fold(CollapseSpaces(text::Normalize(s, /*keep_newlines=*/false)));
}

}  // namespace

std::string ContentHashOf(std::string_view title, std::string_view text) {
  std::string key = HashForm(title);
  key += '\x1f';  // a separator normalisation can't produce: the boundary counts
  key += HashForm(text);
  return Fingerprint128(key);
}

}  // namespace store_internal

std::string ContentHash(const Article& article) {
  return store_internal::ContentHashOf(article.title, article.Text());
}

}  // namespace parallax
