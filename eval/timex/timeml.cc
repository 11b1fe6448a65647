#include "timeml.h"

#include <fstream>
#include <sstream>

namespace parallax::eval {
namespace {

std::string Attr(const std::string& tag, const std::string& name) {
  std::string key = " " + name + "=\"";
  size_t p = tag.find(key);
  if (p == std::string::npos) return "";
  p += key.size();
  size_t e = tag.find('"', p);
  return e == std::string::npos ? "" : tag.substr(p, e - p);
}

size_t Utf8Chars(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

Result<TimeMLDoc> ReadTimeML(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string xml = ss.str();
  TimeMLDoc doc;
  doc.id = path.substr(path.find_last_of('/') + 1);
  size_t dct = xml.find("<DCT>");
  if (dct != std::string::npos) {
    size_t tag_end = xml.find('>', dct + 5);
    doc.dct = Attr(xml.substr(dct + 5, tag_end - dct - 5), "value").substr(0, 10);
  }
  size_t begin = xml.find("<TEXT>");
  size_t end = xml.find("</TEXT>");
  if (begin == std::string::npos || end == std::string::npos) return InvalidInput("no <TEXT>");
  begin += 6;
  Span open;
  bool in_timex = false;
  for (size_t i = begin; i < end;) {
    char c = xml[i];
    if (c == '<') {
      size_t close = xml.find('>', i);
      std::string tag = xml.substr(i, close - i + 1);
      if (tag.rfind("<TIMEX3", 0) == 0) {
        open = Span{Utf8Chars(doc.text), 0, Attr(tag, "type"), Attr(tag, "value")};
        in_timex = true;
      } else if (tag == "</TIMEX3>" && in_timex) {
        open.end = Utf8Chars(doc.text);
        doc.timexes.push_back(open);
        in_timex = false;
      }
      i = close + 1;
    } else if (c == '&') {
      size_t semi = xml.find(';', i);
      std::string ent = xml.substr(i, semi - i + 1);
      if (ent == "&amp;") doc.text += '&';
      else if (ent == "&lt;") doc.text += '<';
      else if (ent == "&gt;") doc.text += '>';
      else if (ent == "&quot;") doc.text += '"';
      else if (ent == "&apos;") doc.text += '\'';
      else doc.text += ent;
      i = semi + 1;
    } else {
      doc.text += c;
      ++i;
    }
  }
  return doc;
}

void Counts::Add(const Counts& o) {
  gold += o.gold;
  predicted += o.predicted;
  strict += o.strict;
  relaxed += o.relaxed;
  value += o.value;
  type += o.type;
}

Counts Score(const std::vector<Span>& gold, const std::vector<Span>& predicted,
             std::vector<int>* matched) {
  Counts c;
  c.gold = gold.size();
  c.predicted = predicted.size();
  std::vector<bool> used(predicted.size(), false);
  if (matched) matched->assign(gold.size(), -1);
  for (size_t g = 0; g < gold.size(); ++g) {
    // One to one: the unused overlapping prediction with the largest overlap.
    int best = -1;
    size_t best_overlap = 0;
    for (size_t p = 0; p < predicted.size(); ++p) {
      if (used[p]) continue;
      size_t lo = std::max(gold[g].begin, predicted[p].begin);
      size_t hi = std::min(gold[g].end, predicted[p].end);
      if (hi > lo && hi - lo > best_overlap) {
        best = static_cast<int>(p);
        best_overlap = hi - lo;
      }
    }
    if (best < 0) continue;
    used[best] = true;
    if (matched) (*matched)[g] = best;
    const Span& p = predicted[best];
    ++c.relaxed;
    if (p.begin == gold[g].begin && p.end == gold[g].end) ++c.strict;
    if (p.value == gold[g].value) ++c.value;
    if (p.type == gold[g].type) ++c.type;
  }
  return c;
}

double F1(size_t correct, size_t predicted, size_t gold) {
  double p = predicted ? double(correct) / predicted : 0;
  double r = gold ? double(correct) / gold : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

}  // namespace parallax::eval
