#include "model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>

#include "hashing.h"

namespace parallax::ner {

static_assert(std::endian::native == std::endian::little, "model files are little-endian");

namespace {

constexpr char kMagic[8] = {'P', 'L', 'X', 'N', 'E', 'R', '\0', '\1'};
// Version 3: BILOU tags (17 weights per row). Version 2 files (IOB2, 9)
// are rejected with a message that says to retrain.
constexpr uint32_t kVersion = 3;
constexpr const char* kLabelNames[kNumLabels] = {"O",     "B-PER", "I-PER",  "B-ORG", "I-ORG",
                                                 "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
constexpr const char* kTagNames[kNumTags] = {
    "O",     "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG",  "I-ORG",  "L-ORG", "U-ORG",
    "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC"};

class Writer {
 public:
  template <typename T>
  void Put(T v) {
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));
    out_.append(b, sizeof(T));
  }
  void PutBytes(std::string_view s) { out_.append(s); }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool Get(T* v) {
    if (in_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(v, in_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetBytes(size_t n, std::string* s) {
    if (in_.size() - pos_ < n) return false;
    s->assign(in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  // True when at least n * unit bytes remain (guards huge counts).
  bool Has(uint64_t n, size_t unit) const { return n <= (in_.size() - pos_) / unit; }
  bool AtEnd() const { return pos_ == in_.size(); }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

void PutTable(const WeightTable& t, Writer* w) {
  for (float v : t.transitions) w->Put<float>(v);
  float max_abs = 0;
  for (float v : t.weights) max_abs = std::max(max_abs, std::fabs(v));
  float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  w->Put<float>(scale);
  w->Put<uint32_t>(static_cast<uint32_t>(t.keys.size()));
  for (size_t r = 0; r < t.keys.size(); ++r) {
    w->Put<uint64_t>(t.keys[r]);
    int16_t q[kNumTags];
    uint32_t mask = 0;
    for (int y = 0; y < kNumTags; ++y) {
      q[y] = static_cast<int16_t>(std::lround(t.weights[r * kNumTags + y] / scale));
      if (q[y] != 0) mask |= (1u << y);
    }
    w->Put<uint32_t>(mask);
    for (int y = 0; y < kNumTags; ++y) {
      if (q[y] != 0) w->Put<int16_t>(q[y]);
    }
  }
}

bool GetTable(Reader* r, WeightTable* t) {
  for (float& v : t->transitions) {
    if (!r->Get(&v)) return false;
  }
  float scale = 0;
  uint32_t n = 0;
  if (!r->Get(&scale) || !r->Get(&n) || !r->Has(n, 12)) return false;
  t->keys.resize(n);
  t->weights.assign(static_cast<size_t>(n) * kNumTags, 0.0f);
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t mask = 0;
    if (!r->Get(&t->keys[i]) || !r->Get(&mask)) return false;
    for (int y = 0; y < kNumTags; ++y) {
      if (!(mask & (1u << y))) continue;
      int16_t q = 0;
      if (!r->Get(&q)) return false;
      t->weights[static_cast<size_t>(i) * kNumTags + y] = q * scale;
    }
  }
  return true;
}

}  // namespace

const char* LabelName(int label) {
  return label >= 0 && label < kNumLabels ? kLabelNames[label] : "O";
}

int LabelFromName(std::string_view name) {
  for (int i = 0; i < kNumLabels; ++i) {
    if (name == kLabelNames[i]) return i;
  }
  return -1;
}

const char* TagName(int tag) { return tag >= 0 && tag < kNumTags ? kTagNames[tag] : "O"; }

bool AllowedTransition(int prev, int label) {
  if (!IsInside(label)) return true;
  return prev != -1 && prev != kO && LabelType(prev) == LabelType(label);
}

const char* GazTypeName(int type) {
  static constexpr const char* kNames[kGazCount] = {"country",    "demonym",    "city",
                                                    "region",     "person",     "first-name",
                                                    "last-name",  "organization",
                                                    "mined-org",  "mined-person"};
  return type >= 0 && type < kGazCount ? kNames[type] : "?";
}

void KeyIndex::Build(const std::vector<uint64_t>& keys) {
  size_t cap = 16;
  int bits = 4;
  while (cap < keys.size() * 2) {  // load factor <= 0.5
    cap <<= 1;
    ++bits;
  }
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  shift_ = 64 - bits;
  for (size_t r = 0; r < keys.size(); ++r) {
    uint64_t key = keys[r];
    size_t slot = static_cast<size_t>(key >> shift_);
    while (slots_[slot].key != 0 && slots_[slot].key != key) slot = (slot + 1) & mask_;
    slots_[slot] = {key, static_cast<int32_t>(r)};
  }
}

// The same quantisation as the model file (PutTable): a table read from a
// file gets back exactly the integers that were written.
void PackedRows::Build(const WeightTable& stage1, const WeightTable& stage2) {
  slots_.clear();
  const WeightTable* tables[2] = {&stage1, &stage2};
  for (int st = 0; st < 2; ++st) {
    float max_abs = 0;
    for (float v : tables[st]->weights) max_abs = std::max(max_abs, std::fabs(v));
    scale_[st] = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  }
  // Distinct keys of the two sorted key lists.
  size_t n = 0;
  for (size_t i = 0, j = 0; i < stage1.keys.size() || j < stage2.keys.size(); ++n) {
    if (j == stage2.keys.size() || (i < stage1.keys.size() && stage1.keys[i] < stage2.keys[j])) {
      ++i;
    } else if (i == stage1.keys.size() || stage2.keys[j] < stage1.keys[i]) {
      ++j;
    } else {
      ++i;
      ++j;
    }
  }
  if (n == 0) return;
  slots_.resize(n + n / 2 + 16);  // load factor <= 2/3 (a 128-byte slot: memory and load time)
  for (int st = 0; st < 2; ++st) {
    const WeightTable& t = *tables[st];
    for (size_t r = 0; r < t.keys.size(); ++r) {
      size_t slot = Home(t.keys[r]);
      while (slots_[slot].key != 0 && slots_[slot].key != t.keys[r]) {
        if (++slot == slots_.size()) slot = 0;
      }
      Slot& sl = slots_[slot];
      sl.key = t.keys[r];
      for (int y = 0; y < kNumTags; ++y) {
        long q = std::lround(t.weights[r * kNumTags + y] / scale_[st]);
        sl.w[st * kNumTags + y] = static_cast<int16_t>(std::clamp(q, -32767L, 32767L));
      }
    }
  }
}

void Model::Finalize() {
  FinalizeWeights();
  cluster_index.Build(cluster_keys);
  gazetteer_index.Build(gazetteer_keys);
  gazetteer_prefixes = std::any_of(gazetteer_masks.begin(), gazetteer_masks.end(),
                                   [](uint16_t m) { return (m & kGazPrefixBit) != 0; });
  corpus_case = std::any_of(gazetteer_masks.begin(), gazetteer_masks.end(),
                            [](uint16_t m) { return (m & kGazCaseBits) != 0; });
}

std::string SerializeModel(const Model& m) {
  Writer w;
  w.PutBytes(std::string_view(kMagic, sizeof(kMagic)));
  w.Put<uint32_t>(kVersion);
  w.Put<uint32_t>(kNumTags);
  w.Put<uint32_t>(static_cast<uint32_t>(m.description.size()));
  w.PutBytes(m.description);
  w.Put<uint32_t>(m.stage2.empty() ? 1 : 2);
  PutTable(m.stage1, &w);
  if (!m.stage2.empty()) PutTable(m.stage2, &w);

  w.Put<uint32_t>(static_cast<uint32_t>(m.cluster_keys.size()));
  for (size_t r = 0; r < m.cluster_keys.size(); ++r) {
    w.Put<uint64_t>(m.cluster_keys[r]);
    for (uint16_t c : m.clusters[r]) w.Put<uint16_t>(c);
  }

  w.Put<uint32_t>(static_cast<uint32_t>(m.gazetteer_max_tokens));
  w.Put<uint32_t>(static_cast<uint32_t>(m.gazetteer_keys.size()));
  for (size_t r = 0; r < m.gazetteer_keys.size(); ++r) {
    w.Put<uint64_t>(m.gazetteer_keys[r]);
    w.Put<uint16_t>(m.gazetteer_masks[r]);
  }
  w.Put<uint64_t>(HashBytes(w.str(), 0x4e4552));
  return std::move(w.str());
}

Result<Model> ParseModel(std::string_view bytes) {
  if (bytes.size() < sizeof(kMagic) + 8 || std::memcmp(bytes.data(), kMagic, 6) != 0) {
    return InvalidInput("not a Parallax NER model (bad magic)");
  }
  std::string_view body = bytes.substr(0, bytes.size() - 8);
  uint64_t stored;
  std::memcpy(&stored, bytes.data() + body.size(), 8);
  if (stored != HashBytes(body, 0x4e4552)) {
    return InvalidInput("NER model is corrupt or truncated (checksum mismatch)");
  }
  Reader r(body.substr(sizeof(kMagic)));
  uint32_t version = 0, labels = 0, desc_len = 0;
  if (!r.Get(&version)) return InvalidInput("NER model is truncated");
  if (version == 2) {
    return InvalidInput(
        "NER model file version 2 (IOB2 weights) is not supported by this tagger, which uses BILOU "
        "tags (version 3); retrain it with parallax_train_ner (models/ner/README.md)");
  }
  if (version != kVersion) {
    return InvalidInput("unsupported NER model version " + std::to_string(version));
  }
  Model m;
  const Status truncated = InvalidInput("NER model is truncated");
  if (!r.Get(&labels) || labels != kNumTags) return InvalidInput("NER model has wrong tag set");
  if (!r.Get(&desc_len) || !r.GetBytes(desc_len, &m.description)) return truncated;
  uint32_t stages = 0;
  if (!r.Get(&stages) || stages < 1 || stages > 2) return InvalidInput("NER model has a bad stage count");
  if (!GetTable(&r, &m.stage1)) return truncated;
  if (stages == 2 && !GetTable(&r, &m.stage2)) return truncated;
  uint32_t n = 0;
  if (!r.Get(&n) || !r.Has(n, 16)) return truncated;
  m.cluster_keys.resize(n);
  m.clusters.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (!r.Get(&m.cluster_keys[i])) return truncated;
    for (uint16_t& c : m.clusters[i]) {
      if (!r.Get(&c)) return truncated;
    }
  }
  uint32_t max_tokens = 0;
  if (!r.Get(&max_tokens) || !r.Get(&n) || !r.Has(n, 10) || max_tokens > 64) return truncated;
  m.gazetteer_max_tokens = static_cast<int>(max_tokens);
  m.gazetteer_keys.resize(n);
  m.gazetteer_masks.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (!r.Get(&m.gazetteer_keys[i]) || !r.Get(&m.gazetteer_masks[i])) return truncated;
  }
  if (!r.AtEnd()) return InvalidInput("NER model has trailing bytes");
  for (const auto* keys : {&m.stage1.keys, &m.stage2.keys, &m.cluster_keys, &m.gazetteer_keys}) {
    if (std::find(keys->begin(), keys->end(), 0) != keys->end()) {
      return InvalidInput("NER model has a zero key");
    }
  }
  m.Finalize();
  return m;
}

Status SaveModel(const Model& model, const std::string& path) {
  std::string bytes = SerializeModel(model);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return IoError(path + ": cannot open for writing");
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) return IoError(path + ": write failed");
  return Status::Ok();
}

Result<Model> LoadModel(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return NotFound(path + ": cannot open NER model");
  std::string bytes(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return IoError(path + ": cannot read NER model");
  }
  Result<Model> m = ParseModel(bytes);
  if (!m.ok()) return Status(m.status().code(), path + ": " + m.status().message());
  return m;
}

}  // namespace parallax::ner
