#include "db/link_signature.h"

#include <cstdint>
#include <cstring>

namespace claimex {
namespace {

constexpr unsigned char kVersion = 1;

class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}
  void Byte(unsigned char b) { out_->push_back(static_cast<char>(b)); }
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      Byte(static_cast<unsigned char>(v | 0x80));
      v >>= 7;
    }
    Byte(static_cast<unsigned char>(v));
  }
  void Fixed64(uint64_t v) {
    char b[8];
    for (int i = 0; i < 8; ++i) b[i] = static_cast<char>(v >> (8 * i));
    out_->append(b, 8);
  }
  void Double(double d) {
    uint64_t v;
    std::memcpy(&v, &d, sizeof v);
    Fixed64(v);
  }
  void OptDouble(const std::optional<double>& d) {
    Byte(d ? 1 : 0);
    if (d) Double(*d);
  }
  void Str(std::string_view s) {
    Varint(s.size());
    out_->append(s);
  }
  // 32-bit word hashes (link_text.h: word hashes fit 32 bits) as 4 bytes each.
  void Words(const std::vector<uint64_t>& w) {
    Varint(w.size());
    for (uint64_t h : w) Word(h);
  }
  void Word(uint64_t h) {
    char b[4];
    for (int i = 0; i < 4; ++i) b[i] = static_cast<char>(h >> (8 * i));
    out_->append(b, 4);
  }
  void Tokens(const std::vector<LinkToken>& t) {
    Varint(t.size());
    for (const LinkToken& x : t) {
      Word(x.hash);
      Byte(static_cast<unsigned char>((x.stop ? 1 : 0) | (x.number ? 2 : 0)));
    }
  }

 private:
  std::string* out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }
  unsigned char Byte() {
    if (pos_ >= in_.size()) return Fail();
    return static_cast<unsigned char>(in_[pos_++]);
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const unsigned char b = Byte();
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return Fail();
  }
  uint64_t Fixed(int bytes) {
    if (in_.size() - pos_ < static_cast<size_t>(bytes) || pos_ > in_.size()) return Fail();
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i)
      v |= static_cast<uint64_t>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
    pos_ += static_cast<size_t>(bytes);
    return v;
  }
  double Double() {
    const uint64_t v = Fixed(8);
    double d;
    std::memcpy(&d, &v, sizeof d);
    return d;
  }
  std::optional<double> OptDouble() {
    if (Byte() == 0) return std::nullopt;
    return Double();
  }
  // A count of items of at least `min_bytes` each that the rest of the input can hold.
  size_t Count(size_t min_bytes) {
    const uint64_t n = Varint();
    if (n > (in_.size() - pos_) / min_bytes) return Fail();
    return static_cast<size_t>(n);
  }
  std::string Str() {
    const size_t n = Count(1);
    if (!ok_) return {};
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  void StrInto(std::string* s) {
    const size_t n = Count(1);
    if (!ok_) return s->clear();
    s->assign(in_.data() + pos_, n);
    pos_ += n;
  }
  // Into an existing vector, reusing its memory.
  void Words(std::vector<uint64_t>* w) {
    w->resize(Count(4));
    for (uint64_t& h : *w) h = Fixed(4);
  }
  void Tokens(std::vector<LinkToken>* t) {
    t->resize(Count(5));
    for (LinkToken& x : *t) {
      x.hash = Fixed(4);
      const unsigned char f = Byte();
      x.stop = f & 1;
      x.number = f & 2;
    }
  }

 private:
  unsigned char Fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

void EncodeStatement(const Statement& st, std::string* out) {
  Writer w(out);
  w.Byte(kVersion);
  w.Tokens(st.tokens);
  w.Str(st.speaker);
  w.Tokens(st.quote);
  w.Varint(st.figures.size());
  for (const FigureFacts& f : st.figures) {
    w.Byte(static_cast<unsigned char>(f.range ? 1 : 0));
    w.Double(f.value);
    w.OptDouble(f.low);
    w.OptDouble(f.high);
    w.Double(f.tolerance);
    w.Str(f.unit);
    w.Word(f.noun);
    w.Byte(static_cast<unsigned char>(f.qualifier));
    w.OptDouble(f.per_value);
    w.Word(f.per_noun);
    w.Byte(static_cast<unsigned char>(f.change + 1));
    w.Byte(static_cast<unsigned char>(f.change_kind));
    w.Str(f.time_from);
    w.Str(f.time_to);
    w.Words(f.measured);
    w.Words(f.words);
  }
}

namespace {

// The signature's fields into *st (its derived fields are left as they are).
bool DecodeFields(std::string_view sig, Statement* st) {
  Reader r(sig);
  if (r.Byte() != kVersion) return false;
  r.Tokens(&st->tokens);
  r.StrInto(&st->speaker);
  r.Tokens(&st->quote);
  st->figures.resize(r.Count(20));
  for (FigureFacts& f : st->figures) {
    f.range = r.Byte() != 0;
    f.value = r.Double();
    f.low = r.OptDouble();
    f.high = r.OptDouble();
    f.tolerance = r.Double();
    r.StrInto(&f.unit);
    f.noun = r.Fixed(4);
    f.qualifier = static_cast<char>(r.Byte());
    f.per_value = r.OptDouble();
    f.per_noun = r.Fixed(4);
    f.change = static_cast<int>(r.Byte()) - 1;
    f.change_kind = r.Byte();
    r.StrInto(&f.time_from);
    r.StrInto(&f.time_to);
    r.Words(&f.measured);
    r.Words(&f.words);
  }
  return r.ok() && r.done();
}

}  // namespace

bool DecodeStatement(std::string_view sig, Statement* st) {
  if (!DecodeFields(sig, st)) return false;
  FinishStatement(st);
  st->idf_stamp = 0;
  return true;
}

void EncodeDerived(const Statement& st, std::string* out) {
  Writer w(out);
  w.Words(st.content);
  w.Tokens(st.distinct);
}

bool DecodeStatement(std::string_view sig, std::string_view derived, Statement* st) {
  if (!DecodeFields(sig, st)) return false;
  Reader r(derived);
  r.Words(&st->content);
  r.Tokens(&st->distinct);
  st->idf_stamp = 0;
  return r.ok() && r.done();
}

void EncodePrepared(const Linker::PreparedArticle& p, std::string* out) {
  Writer w(out);
  w.Varint(p.boilerplate_from);
  w.Varint(p.sentences.size());
  for (const Linker::PreparedSentence& s : p.sentences) {
    w.Fixed64(static_cast<uint64_t>(s.hash));
    w.Byte(static_cast<unsigned char>((s.linkable ? 1 : 0) | (s.house_line ? 2 : 0)));
    w.Str(s.sig);
    w.Str(s.derived);
    w.Varint(s.keys.size());
    for (const auto& [key, kind] : s.keys) {
      w.Fixed64(static_cast<uint64_t>(key));
      w.Byte(kind);
    }
  }
}

bool DecodePrepared(std::string_view bytes, Linker::PreparedArticle* out) {
  Reader r(bytes);
  out->boilerplate_from = static_cast<uint32_t>(r.Varint());
  out->sentences.resize(r.Count(11));
  for (Linker::PreparedSentence& s : out->sentences) {
    s.hash = static_cast<int64_t>(r.Fixed(8));
    const unsigned char flags = r.Byte();
    s.linkable = flags & 1;
    s.house_line = flags & 2;
    r.StrInto(&s.sig);
    r.StrInto(&s.derived);
    s.keys.resize(r.Count(9));
    for (auto& [key, kind] : s.keys) {
      key = static_cast<int64_t>(r.Fixed(8));
      kind = r.Byte();
    }
  }
  return r.ok() && r.done();
}

}  // namespace claimex
