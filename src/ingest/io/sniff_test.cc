#include "ingest/io/sniff.h"

#include <gtest/gtest.h>

#include "parallax/ingest.h"

namespace parallax {
namespace {

struct SniffCase {
  std::string_view name;
  std::string_view head;
  std::string_view expected;  // InputFormatName
};

const SniffCase kSniffCases[] = {
    // Content decides when it is unambiguous.
    {"a.warc.gz", "WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"},
    {"notes.txt", "WARC/1.1\r\n", "warc"},
    {"", "\r\nWARC/1.0\r\n", "warc"},
    {"feed.json", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", "jsonfeed"},
    {"", "{\n  \"version\" : \"https://jsonfeed.org/version/1\",\n  \"title\": \"x\"\n}", "jsonfeed"},
    {"a.jsonl", "{\"text\": \"x\"}\n{\"text\": \"y\"}\n", "jsonl"},
    {"a.ndjson.gz", "{\"text\": \"x\"}", "jsonl"},
    {"dump", "{\"id\": 1, \"text\": \"x\"}\n{\"id\": 2}\n", "jsonl"},
    {"dump", "{\"id\": 1, \"text\": \"cut by the head lim", "jsonl"},
    {"data.json", "{\n  \"articles\": [\n", "unknown"},
    {"x.xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", "feed"},
    {"x", "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- c -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\">",
     "feed"},
    {"x", "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
     "feed"},
    {"x.txt", "<!DOCTYPE rss PUBLIC \"-//Netscape//DTD RSS 0.91//EN\">\n<rss version=\"0.91\">",
     "feed"},
    {"page", "<!DOCTYPE html>\n<html lang=\"en\">", "html"},
    {"page.txt", "  <!doctype html><title>x</title>", "html"},
    {"page", "<html><head>", "html"},
    {"page", "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">\n<html>",
     "html"},
    {"frag", "<meta charset=\"utf-8\"><title>t</title>", "html"},
    {"frag", "<!-- saved page --><head><title>t</title>", "html"},
    {"x.feed", "<feedback>not a feed</feedback>", "text"},
    // The name decides otherwise.
    {"a.HTML.gz", "Plain words, no markup at all.", "html"},
    {"a.xhtml", "text", "html"},
    {"a.rss", "odd", "feed"},
    {"a.atom", "odd", "feed"},
    {"a.jsonl", "not json", "jsonl"},
    {"a.txt", "Headline\n\nBody text.", "text"},
    {"README", "Headline\n\nBody text.", "text"},
    {"story", "Saved from the web:\n<html><body>x</body></html>", "html"},
    {"story.txt", "About the <html> and <body> tags.", "text"},
    // UTF-16 with a BOM is decoded before sniffing.
    {"u16", std::string_view("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14), "html"},
    {"u16", std::string_view("\xFF\xFEH\0i\0\n\0", 8), "text"},
    // Binary data.
    {"a.pdf", "%PDF-1.7\n", "unknown"},
    {"image", std::string_view("\x89PNG\r\n\x1a\n\0\0", 10), "unknown"},
    {"blob", std::string_view("ab\0cd", 5), "unknown"},
    {"", "", "text"},
};

TEST(SniffFormat, Table) {
  for (const SniffCase& c : kSniffCases) {
    EXPECT_EQ(InputFormatName(SniffFormat(c.name, c.head)), c.expected)
        << "name=" << c.name << " head=" << c.head;
  }
}

TEST(DefaultIdForPath, StripsCompressionAndOneExtension) {
  const std::pair<std::string_view, std::string_view> kCases[] = {
      {"a.html.gz", "a"},
      {"dir/sub/000_13c8aef171640ef1.txt", "000_13c8aef171640ef1"},
      {"story.v2.html", "story.v2"},
      {"notes", "notes"},
      {".hidden", ".hidden"},
      {"x.GZ", "x"},
      {"folder/", "folder"},
      {"-", ""},
  };
  for (const auto& [path, id] : kCases) EXPECT_EQ(io::DefaultIdForPath(path), id) << path;
}

TEST(FormatExtension, IgnoresGz) {
  EXPECT_EQ(io::FormatExtension("a/B.HTML.gz"), "html");
  EXPECT_EQ(io::FormatExtension("a.warc.gz"), "warc");
  EXPECT_EQ(io::FormatExtension("file"), "");
  EXPECT_EQ(io::FormatExtension(".bashrc"), "");
  EXPECT_EQ(io::FormatExtension("dir.d/file"), "");
}

}  // namespace
}  // namespace parallax
