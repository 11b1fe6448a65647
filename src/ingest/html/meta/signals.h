// PageSignals: everything the metadata extractors look at, gathered in one
// pass over the document's flat node array (<meta>, <link>, <title>, <h1>,
// <time>, microdata itemprops, and elements whose class or id names a byline
// or a date line).
//
// Views point into the HtmlDocument, which must outlive the signals.
// Not thread-safe to mutate; a filled PageSignals may be read concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html/dom.h"

namespace parallax::html::meta {

// One <meta> tag. `key` is its name, property, itemprop or http-equiv,
// lowercased ("og:title", "article:published_time", "datepublished").
struct MetaEntry {
  std::string key;
  std::string_view content;
};

struct PageSignals {
  std::vector<MetaEntry> metas;
  std::string_view html_lang;  // <html lang> (or xml:lang)
  std::string_view canonical;  // <link rel=canonical href>
  std::string_view base_href;  // <base href>
  uint32_t title = kNoNode;    // first <title>
  uint32_t article = kNoNode;  // first <article>, else first <main>
  std::vector<uint32_t> h1;              // <h1> elements
  std::vector<uint32_t> headlines;       // itemprop=headline (non-meta)
  std::vector<uint32_t> times;           // <time> elements
  std::vector<uint32_t> item_published;  // itemprop=datePublished/dateCreated (non-meta)
  std::vector<uint32_t> item_modified;   // itemprop=dateModified (non-meta)
  std::vector<uint32_t> authors;         // rel=author, itemprop=author, byline/author classes
  std::vector<uint32_t> date_lines;      // class/id naming a date, time, byline or post meta
  std::vector<uint32_t> abbr_dates;      // <abbr class="published"> and friends

  // First meta content for `key` (lowercase); empty when absent.
  std::string_view Meta(std::string_view key) const;

  // True when `id` lies inside <footer>, <nav>, <aside> or an element whose
  // class/id names comments, related stories or a sidebar: text there
  // rarely describes the page's own article.
  bool InBoilerplate(uint32_t id) const;

  std::vector<uint8_t> boilerplate_;  // per node; filled by CollectSignals
};

PageSignals CollectSignals(const HtmlDocument& doc);

}  // namespace parallax::html::meta
