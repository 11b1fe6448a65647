// Placeholder implementations; replaced by the text layer.
#include <cctype>

#include "parallax/text.h"

namespace parallax::text {

std::string Normalize(std::string_view utf8, bool /*keep_newlines*/) { return std::string(utf8); }
std::string Fold(std::string_view utf8) {
  std::string s(utf8);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<Span> SplitSentences(std::string_view text, std::string_view /*language*/) {
  std::vector<Span> out;
  size_t b = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '?' || text[i] == '!') &&
        (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
      while (b < i && text[b] == ' ') ++b;
      out.push_back({b, i + 1});
      b = i + 1;
    }
  }
  while (b < text.size() && (text[b] == ' ' || text[b] == '\n')) ++b;
  if (b < text.size()) out.push_back({b, text.size()});
  return out;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) { ++i; continue; }
    size_t b = i;
    if (std::isalnum(c) || c >= 0x80) {
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                                 static_cast<unsigned char>(text[i]) >= 0x80)) ++i;
      out.push_back({b, i, std::isdigit(c) ? TokenKind::kNumber : TokenKind::kWord});
    } else {
      ++i;
      out.push_back({b, i, TokenKind::kPunct});
    }
  }
  return out;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) {
    if (t.kind == TokenKind::kWord) out.push_back(Fold(text.substr(t.begin, t.end - t.begin)));
  }
  return out;
}

bool IsStopWord(std::string_view w, std::string_view /*language*/) {
  static const char* kStop[] = {"the", "a", "an", "of", "to", "in", "and", "or", "is", "was",
                                "for", "on", "that", "with", "as", "by", "at", "it", "be"};
  for (const char* s : kStop) if (w == s) return true;
  return false;
}

struct Stemmer::Impl {};
Stemmer::Stemmer(std::string_view) : impl_(std::make_unique<Impl>()) {}
Stemmer::~Stemmer() = default;
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;
std::string Stemmer::Stem(std::string_view w) { return std::string(w); }

std::string DetectLanguage(std::string_view) { return ""; }

}  // namespace parallax::text
