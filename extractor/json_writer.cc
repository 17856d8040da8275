#include "extractor/json_writer.h"

#include <charconv>
#include <cstdint>
#include <cmath>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string_view>

#include "extractor/flat_json.h"

namespace claimex {
namespace {

// A streaming JSON Lines printer: records are appended field by field to one buffer, in the same
// bytes nlohmann::ordered_json::dump(-1, ' ', false, replace) gives (the format shipped before:
// compact, no spaces, control characters as \u00xx, shortest round-trip doubles, NaN as null),
// without building a JSON tree per record.
class Record {
 public:
  explicit Record(std::string* buf) : buf_(buf) {}

  Record& Open() {
    buf_->push_back('{');
    first_ = true;
    return *this;
  }
  void Close() { buf_->push_back('}'); }
  void EndLine() { buf_->push_back('\n'); }

  // `k` is one of this file's field names: plain ASCII, printed without escaping.
  // A literal key: ,"key": is folded at compile time into one append of a constant length.
  template <size_t N>
  Record& Key(const char (&k)[N]) {
    char tmp[N + 3];
    tmp[0] = ',';
    tmp[1] = '"';
    std::memcpy(tmp + 2, k, N - 1);
    tmp[N + 1] = '"';
    tmp[N + 2] = ':';
    if (first_) {
      first_ = false;
      buf_->append(tmp + 1, N + 2);
    } else {
      buf_->append(tmp, N + 3);
    }
    return *this;
  }
  Record& Key(std::string_view k) {
    if (!first_) buf_->push_back(',');
    first_ = false;
    buf_->push_back('"');
    Append(k.data(), k.size());
    buf_->push_back('"');
    buf_->push_back(':');
    return *this;
  }
  // A nested object as the value of the current key.
  Record& OpenObject() { return Open(); }
  void CloseObject() {
    Close();
    first_ = false;
  }

  void Null() { buf_->append("null"); }
  void Str(std::string_view s);
  void Str(const char* s) { s ? Str(std::string_view(s)) : Null(); }
  void StrOrNull(std::string_view s) { s.empty() ? Null() : Str(s); }
  template <typename T>
  void Int(T v) {
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
    Append(tmp, static_cast<size_t>(r.ptr - tmp));
  }
  void Double(double v);
  void DoubleOrNull(const std::optional<double>& v) { v ? Double(*v) : Null(); }
  void Raw(char c) { buf_->push_back(c); }

 private:
  // Appends a few bytes one by one: for keys and numbers (a handful of bytes) this beats
  // std::string::append, whose inlined copy of a variable length is a slow `rep movs`.
  void Append(const char* p, size_t n) {
    if (n > 32) {
      buf_->append(p, n);
      return;
    }
    for (size_t i = 0; i < n; ++i) buf_->push_back(p[i]);
  }

  std::string* buf_;
  bool first_ = true;
};

// Length of the valid UTF-8 sequence at s[i] (1..4), or 0 when the bytes there are not one.
size_t Utf8Len(std::string_view s, size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return cont(1) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b == 0xE0 && b1 < 0xA0) return 0;   // overlong
    if (b == 0xED && b1 > 0x9F) return 0;   // surrogate
    return 3;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b == 0xF0 && b1 < 0x90) return 0;   // overlong
    if (b == 0xF4 && b1 > 0x8F) return 0;   // above U+10FFFF
    return 4;
  }
  return 0;
}

void Record::Str(std::string_view s) {
  // Most strings are plain ASCII: one append.
  const size_t plain = JsonPlainRunEnd(s, 0, true);
  if (plain == s.size()) {
    const size_t at = buf_->size();
    buf_->resize(at + s.size() + 2);
    char* out = buf_->data() + at;
    out[0] = '"';
    std::memcpy(out + 1, s.data(), s.size());
    out[s.size() + 1] = '"';
    return;
  }
  // Invalid UTF-8 is rare: let nlohmann replace it (its rules for how many bytes one U+FFFD
  // stands for are its own), so that the output stays what it always was.
  const size_t mark = buf_->size();
  buf_->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    const size_t run = JsonPlainRunEnd(s, i, true);
    if (run > i) {
      buf_->append(s.data() + i, run - i);
      i = run;
      if (i == s.size()) break;
    }
    const char c = s[i];
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80) {
      const size_t n = Utf8Len(s, i);
      if (n == 0) {
        buf_->resize(mark);
        buf_->append(nlohmann::json(std::string(s)).dump(
            -1, ' ', false, nlohmann::json::error_handler_t::replace));
        return;
      }
      buf_->append(s.data() + i, n);
      i += n;
      continue;
    }
    switch (c) {
      case '"': buf_->append("\\\""); break;
      case '\\': buf_->append("\\\\"); break;
      case '\b': buf_->append("\\b"); break;
      case '\t': buf_->append("\\t"); break;
      case '\n': buf_->append("\\n"); break;
      case '\f': buf_->append("\\f"); break;
      case '\r': buf_->append("\\r"); break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        const char esc[6] = {'\\', 'u', '0', '0', kHex[b >> 4], kHex[b & 15]};
        buf_->append(esc, 6);
      }
    }
    ++i;
  }
  buf_->push_back('"');
}

void Record::Double(double v) {
  if (!std::isfinite(v)) return Null();
  char tmp[64];
  char* end = nlohmann::detail::to_chars(tmp, tmp + sizeof tmp, v);
  Append(tmp, static_cast<size_t>(end - tmp));
}

const Speaker* SpeakerOf(const Extraction& ex, int i) {
  return i >= 0 && i < static_cast<int>(ex.speakers.size()) ? &ex.speakers[i] : nullptr;
}

// "speaker" and "role" of a claim or quote.
void PutSpeaker(const Speaker* sp, Record& r) {
  if (sp) {
    r.Key("speaker").Str(sp->name);
    r.Key("role").StrOrNull(sp->role);
  } else {
    r.Key("speaker").Null();
    r.Key("role").Null();
  }
}

// The record head every article-level record shares: {"type":..,"article":..
Record& Head(Record& r, const char* type, const std::string& id) {
  r.Open().Key("type").Str(type);
  r.Key("article").Str(id);
  return r;
}

void PutArticle(const Article& a, const Extraction& ex, bool with_body, Record& r) {
  Head(r, "article", a.id);
  auto opt = [&r](const char* key, const std::string& v) {
    if (!v.empty()) r.Key(key).Str(v);
  };
  opt("title", a.title);
  opt("source", a.source);
  opt("url", a.url);
  opt("author", a.author);
  opt("published", a.published);
  r.Key("encoding").Str(a.encoding);
  r.Key("bytes").Int(a.body.size());
  opt("anchor_date", ex.anchor_date);
  if (with_body) {
    r.Key("body").Str(a.body);
    r.Key("sentences").Raw('[');
    for (size_t i = 0; i < ex.sentences.size(); ++i) {
      const Sentence& s = ex.sentences[i];
      if (i) r.Raw(',');
      r.Raw('[');
      r.Int(s.span.start);
      r.Raw(',');
      r.Int(s.span.end);
      r.Raw(',');
      r.Int(s.paragraph);
      r.Raw(']');
    }
    r.Raw(']');
    r.Key("speakers").Raw('[');
    for (size_t i = 0; i < ex.speakers.size(); ++i) {
      const Speaker& sp = ex.speakers[i];
      if (i) r.Raw(',');
      Record o = r;  // a fresh field list inside the array
      o.Open().Key("name").Str(sp.name);
      o.Key("role").Str(sp.role);
      o.Key("org").Str(sp.org);
      o.Key("aliases").Raw('[');
      for (size_t k = 0; k < sp.aliases.size(); ++k) {
        if (k) o.Raw(',');
        o.Str(sp.aliases[k]);
      }
      o.Raw(']');
      o.Close();
    }
    r.Raw(']');
  }
  r.Close();
  r.EndLine();
}

void PutSpanFields(const Span& span, Record& r) {
  r.Key("start").Int(span.start);
  r.Key("end").Int(span.end);
}

void PutClaim(const Article& a, const Extraction& ex, const Claim& c, Record& r) {
  Head(r, "claim", a.id);
  PutSpanFields(c.span, r);
  r.Key("text").Str(c.text);
  r.Key("value").DoubleOrNull(c.value);
  r.Key("low").DoubleOrNull(c.low);
  r.Key("high").DoubleOrNull(c.high);
  r.Key("unit").Str(c.unit);
  r.Key("noun").StrOrNull(c.noun);
  r.Key("qualifier").Str(QualifierName(c.qualifier));
  if (c.per) {
    r.Key("per").OpenObject().Key("value").Double(c.per->value);
    r.Key("noun").Str(c.per->noun);
    r.CloseObject();
  } else {
    r.Key("per").Null();
  }
  r.Key("change").Str(ChangeName(c.change));
  r.Key("change_kind").Str(ChangeKindName(c.change_kind));
  PutSpeaker(SpeakerOf(ex, c.speaker), r);
  r.Key("source").StrOrNull(c.source);
  r.Key("rule").StrOrNull(c.attribution_rule);
  if (c.time >= 0 && c.time < static_cast<int>(ex.times.size())) {
    const TimeExpr& t = ex.times[c.time];
    r.Key("time").OpenObject().Key("text").Str(t.text);
    PutSpanFields(t.span, r);
    r.Key("timex").StrOrNull(t.timex);
    r.CloseObject();
  } else {
    r.Key("time").Null();
  }
  if (c.sentence >= 0 && c.sentence < static_cast<int>(ex.sentences.size())) {
    r.Key("sentence").OpenObject();
    PutSpanFields(ex.sentences[c.sentence].span, r);
    r.CloseObject();
  } else {
    r.Key("sentence").Null();
  }
  r.Key("measured").StrOrNull(c.measured);
  if (c.restates >= 0 && c.restates < static_cast<int>(ex.claims.size())) {
    r.Key("restates").Int(ex.claims[c.restates].span.start);
  }
  r.Close();
  r.EndLine();
}

void PutTime(const Article& a, const TimeExpr& t, Record& r) {
  Head(r, "time", a.id);
  PutSpanFields(t.span, r);
  r.Key("text").Str(t.text);
  r.Key("timex").StrOrNull(t.timex);
  r.Key("from").StrOrNull(t.from);
  r.Key("to").StrOrNull(t.to);
  r.Key("kind").StrOrNull(t.kind);
  r.Close();
  r.EndLine();
}

void PutQuote(const Article& a, const Extraction& ex, const Quote& q, Record& r) {
  Head(r, "quote", a.id);
  PutSpanFields(q.span, r);
  PutSpeaker(SpeakerOf(ex, q.speaker), r);
  r.Key("kind").Str(QuoteKindName(q.kind));
  r.Key("text").Str(std::string_view(a.body).substr(q.span.start, q.span.size()));
  r.Key("cue").StrOrNull(q.cue);
  r.Key("rule").StrOrNull(q.rule);
  r.Close();
  r.EndLine();
}

void PutSide(const char* key, const LinkSide& side, Record& r) {
  r.Key(key).OpenObject().Key("article").Str(side.article);
  PutSpanFields(side.span, r);
  r.CloseObject();
}

}  // namespace

Status JsonLinesWriter::Put(const Article& a, const Extraction& ex) {
  std::string buf;
  buf.reserve(512 + 400 * (ex.claims.size() + ex.times.size() + ex.quotes.size()) +
              (options_.with_body ? a.body.size() + 16 * ex.sentences.size() : 0));
  Record r(&buf);
  PutArticle(a, ex, options_.with_body, r);
  for (const Claim& c : ex.claims) PutClaim(a, ex, c, r);
  for (const TimeExpr& t : ex.times) PutTime(a, t, r);
  for (const Quote& q : ex.quotes) PutQuote(a, ex, q, r);
  out_->write(buf.data(), static_cast<std::streamsize>(buf.size()));
  if (!*out_) return Status::IoError("cannot write output");
  return Status::Ok();
}

Status JsonLinesWriter::PutLink(const Link& l) {
  std::string buf;
  Record r(&buf);
  r.Open().Key("type").Str("link");
  PutSide("a", l.a, r);
  PutSide("b", l.b, r);
  r.Key("kind").Str(LinkKindName(l.kind));
  r.Key("score").Double(l.score);
  r.Close();
  r.EndLine();
  out_->write(buf.data(), static_cast<std::streamsize>(buf.size()));
  if (!*out_) return Status::IoError("cannot write output");
  return Status::Ok();
}

Status JsonLinesWriter::Finish() {
  out_->flush();
  if (!*out_) return Status::IoError("cannot write output");
  return Status::Ok();
}

}  // namespace claimex
