// Feed lists: OPML (<outline xmlUrl="...">) or one URL per line.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cctype>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>

#include "parallax/watch.h"

namespace parallax::watch {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                        s.front() == '\n' || s.front() == '\f' || s.front() == '\v')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '\n' || s.back() == '\f' || s.back() == '\v')) {
    s.remove_suffix(1);
  }
  return s;
}

bool IsHttpUrl(std::string_view url) {
  auto starts = [&](std::string_view p) {
    if (url.size() <= p.size()) return false;
    for (size_t i = 0; i < p.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
    }
    return true;
  };
  if (!starts("http://") && !starts("https://")) return false;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= ' ') return false;  // no spaces or controls inside
  }
  return true;
}

class UrlSet {
 public:
  void Add(std::string url) {
    if (seen_.insert(url).second) urls_.push_back(std::move(url));
  }
  std::vector<std::string> Take() { return std::move(urls_); }

 private:
  std::set<std::string> seen_;
  std::vector<std::string> urls_;
};

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

Status CollectOutlines(xmlNode* node, UrlSet* out, int* outline_index) {
  for (xmlNode* n = node; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (xmlStrcasecmp(n->name, BAD_CAST "outline") == 0) {
      ++*outline_index;
      xmlChar* v = xmlGetProp(n, BAD_CAST "xmlUrl");
      if (v == nullptr) v = xmlGetProp(n, BAD_CAST "xmlurl");
      if (v != nullptr) {
        std::string url(Trim(reinterpret_cast<const char*>(v)));
        xmlFree(v);
        if (!IsHttpUrl(url)) {
          return InvalidInput("outline " + std::to_string(*outline_index) +
                              ": xmlUrl is not an http(s) URL: " + url);
        }
        out->Add(std::move(url));
      }
    }
    PARALLAX_RETURN_IF_ERROR(CollectOutlines(n->children, out, outline_index));
  }
  return Status::Ok();
}

Result<std::vector<std::string>> ParseOpml(std::string_view text) {
  // No network, no entity expansion (XXE), no DTD loading.
  std::unique_ptr<xmlDoc, XmlDocFree> doc(
      xmlReadMemory(text.data(), static_cast<int>(text.size()), "feeds.opml", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (doc == nullptr) return InvalidInput("not well-formed XML (OPML expected)");
  UrlSet urls;
  int outline_index = 0;
  PARALLAX_RETURN_IF_ERROR(CollectOutlines(xmlDocGetRootElement(doc.get()), &urls, &outline_index));
  return urls.Take();
}

}  // namespace

Result<std::vector<std::string>> ParseFeedList(std::string_view text) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
      static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF) {
    text.remove_prefix(3);  // UTF-8 byte order mark
  }
  if (!Trim(text).empty() && Trim(text).front() == '<') return ParseOpml(text);
  UrlSet urls;
  size_t line_no = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = Trim(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    if (!IsHttpUrl(line)) {
      return InvalidInput("line " + std::to_string(line_no) + ": not an http(s) URL: " +
                          std::string(line.substr(0, 200)));
    }
    urls.Add(std::string(line));
  }
  return urls.Take();
}

Result<std::vector<std::string>> ReadFeedList(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open feed list");
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return IoError("cannot read feed list");
  return ParseFeedList(buf.str());
}

}  // namespace parallax::watch
