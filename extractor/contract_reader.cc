// `claimex extract --with-body` output -> Articles with their Extractions (see
// extractor/contract_reader.h).
#include "extractor/contract_reader.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "extractor/byte_stream.h"

namespace claimex {
namespace {

using Json = nlohmann::json;

// How much of an over-long line is kept (for the article id in the message).
constexpr size_t kKeepPrefix = 4096;

// The string at `key`; "" when absent, null or not a string.
std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<double> Num(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

// The enum value whose name (as the writer prints it) is `name`; `none` when no name matches.
template <typename E, typename NameFn>
E FromName(const std::string& name, std::initializer_list<E> values, NameFn name_of, E none) {
  for (E v : values) {
    const char* n = name_of(v);
    if (n != nullptr && name == n) return v;
  }
  return none;
}

// Builds one article from its records; the first problem found is kept in `error`.
class ArticleBuilder {
 public:
  ArticleBuilder(const Json& record, std::string origin) {
    item_.article.id = Str(record, "article");
    item_.article.origin = std::move(origin);
    if (item_.article.id.empty()) {
      Fail("article record without an \"article\" id");
      return;
    }
    auto body = record.find("body");
    if (body == record.end() || !body->is_string()) {
      Fail("article record without \"body\" (write it with claimex extract --with-body)");
      return;
    }
    Article& a = item_.article;
    a.body = body->get<std::string>();
    a.title = Str(record, "title");
    a.source = Str(record, "source");
    a.url = Str(record, "url");
    a.published = Str(record, "published");
    a.encoding = Str(record, "encoding");
    item_.extraction.anchor_date = Str(record, "anchor_date");
    if (auto bytes = Num(record, "bytes"); bytes && *bytes != static_cast<double>(a.body.size())) {
      Fail("body has " + std::to_string(a.body.size()) + " bytes, the record says " +
           std::to_string(static_cast<long long>(*bytes)));
      return;
    }
    ReadSentences(record);
    ReadSpeakers(record);
  }

  const std::string& id() const { return item_.article.id; }
  void Fail(std::string why) {
    if (error_.empty()) error_ = std::move(why);
  }

  // Adds a claim, time or quote record (others are skipped).
  void Add(const Json& r, size_t line) {
    if (!error_.empty()) return;
    std::string type = Str(r, "type");
    if (type != "claim" && type != "time" && type != "quote") return;
    if (Str(r, "article") != id()) {
      return Fail("line " + std::to_string(line) + ": a " + type + " record of article \"" +
                  Str(r, "article") + "\" inside article \"" + id() + "\"");
    }
    Span span;
    if (!GetSpan(r, &span, line)) return;
    if (type == "claim") AddClaim(r, span, line);
    if (type == "time") AddTime(r, span);
    if (type == "quote") AddQuote(r, span);
  }

  // Resolves the references between records; the article, or why it cannot be one.
  ContractItem Finish() {
    Extraction& ex = item_.extraction;
    for (size_t i = 0; i < ex.claims.size() && error_.empty(); ++i) {
      Claim& c = ex.claims[i];
      const Refs& r = refs_[i];
      if (r.sentence) c.sentence = Find(ex.sentences, *r.sentence, "sentence");
      if (r.time) c.time = Find(ex.times, *r.time, "time");
      if (r.restates) {
        auto it = std::find_if(ex.claims.begin(), ex.claims.end(),
                               [&](const Claim& o) { return o.span.start == *r.restates; });
        if (it == ex.claims.end())
          Fail("claim restates no claim at " + std::to_string(*r.restates));
        c.restates = static_cast<int>(it - ex.claims.begin());
      }
    }
    if (!error_.empty()) return Rejection{item_.article.origin, id(), error_};
    return std::move(item_);
  }

 private:
  struct Refs {  // a claim's references, resolved in Finish (times come after the claims)
    std::optional<Span> sentence, time;
    std::optional<uint32_t> restates;
  };

  bool GetOffset(const Json& j, const char* key, uint32_t* out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number_unsigned()) return false;
    uint64_t v = it->get<uint64_t>();
    if (v > item_.article.body.size()) return false;
    *out = static_cast<uint32_t>(v);
    return true;
  }

  bool GetSpan(const Json& j, Span* span, size_t line) {
    if (GetOffset(j, "start", &span->start) && GetOffset(j, "end", &span->end) &&
        span->start <= span->end) {
      return true;
    }
    Fail("line " + std::to_string(line) + ": no valid start/end within the body (" +
         std::to_string(item_.article.body.size()) + " bytes)");
    return false;
  }

  std::optional<Span> SpanAt(const Json& r, const char* key, size_t line) {
    auto it = r.find(key);
    if (it == r.end() || it->is_null()) return std::nullopt;
    Span s;
    if (!it->is_object() || !GetSpan(*it, &s, line)) return std::nullopt;
    return s;
  }

  template <typename T>
  int Find(const std::vector<T>& items, Span span, const char* what) {
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].span == span) return static_cast<int>(i);
    }
    Fail(std::string("claim refers to a ") + what + " [" + std::to_string(span.start) + "," +
         std::to_string(span.end) + ") the article does not have");
    return -1;
  }

  int SpeakerIndex(const Json& r) {
    std::string name = Str(r, "speaker");
    if (name.empty()) return -1;
    std::vector<Speaker>& sp = item_.extraction.speakers;
    for (size_t i = 0; i < sp.size(); ++i) {
      if (sp[i].name == name) return static_cast<int>(i);
    }
    sp.push_back(Speaker{name, Str(r, "role"), "", {}});  // a speaker the list did not name
    return static_cast<int>(sp.size() - 1);
  }

  void ReadSentences(const Json& record) {
    auto it = record.find("sentences");
    if (it == record.end() || !it->is_array()) {
      return Fail(
          "article record without \"sentences\" (write it with claimex extract --with-body)");
    }
    for (const Json& s : *it) {
      if (!s.is_array() || s.size() != 3 || !s[0].is_number_unsigned() ||
          !s[1].is_number_unsigned() || !s[2].is_number_integer()) {
        return Fail("a sentence is not [start, end, paragraph]");
      }
      Sentence out;
      out.span = {s[0].get<uint32_t>(), s[1].get<uint32_t>()};
      out.paragraph = s[2].get<int>();
      if (out.span.start > out.span.end || out.span.end > item_.article.body.size()) {
        return Fail("a sentence span is outside the body");
      }
      item_.extraction.sentences.push_back(out);
    }
  }

  void ReadSpeakers(const Json& record) {
    auto it = record.find("speakers");
    if (it == record.end() || !it->is_array()) return;
    for (const Json& s : *it) {
      if (!s.is_object()) return Fail("a speaker is not an object");
      Speaker sp{Str(s, "name"), Str(s, "role"), Str(s, "org"), {}};
      if (auto al = s.find("aliases"); al != s.end() && al->is_array()) {
        for (const Json& a : *al) {
          if (a.is_string()) sp.aliases.push_back(a.get<std::string>());
        }
      }
      item_.extraction.speakers.push_back(std::move(sp));
    }
  }

  void AddClaim(const Json& r, Span span, size_t line) {
    Claim c;
    c.span = span;
    c.text = item_.article.body.substr(span.start, span.size());
    c.value = Num(r, "value");
    c.low = Num(r, "low");
    c.high = Num(r, "high");
    c.unit = Str(r, "unit");
    c.noun = Str(r, "noun");
    c.qualifier = FromName(Str(r, "qualifier"),
                           {Qualifier::kExact, Qualifier::kApprox, Qualifier::kGt, Qualifier::kGe,
                            Qualifier::kLt, Qualifier::kLe},
                           QualifierName, Qualifier::kExact);
    if (auto per = r.find("per"); per != r.end() && per->is_object()) {
      c.per = Rate{Num(*per, "value").value_or(1), Str(*per, "noun")};
    }
    c.change = FromName(Str(r, "change"), {Change::kUp, Change::kDown}, ChangeName, Change::kNone);
    c.change_kind = FromName(Str(r, "change_kind"), {ChangeKind::kBy, ChangeKind::kTo},
                             ChangeKindName, ChangeKind::kNone);
    c.measured = Str(r, "measured");
    c.speaker = SpeakerIndex(r);
    c.source = Str(r, "source");
    c.attribution_rule = Str(r, "rule");
    Refs refs;
    refs.sentence = SpanAt(r, "sentence", line);
    refs.time = SpanAt(r, "time", line);
    if (auto re = r.find("restates"); re != r.end() && re->is_number_unsigned()) {
      refs.restates = re->get<uint32_t>();
    }
    item_.extraction.claims.push_back(std::move(c));
    refs_.push_back(refs);
  }

  void AddTime(const Json& r, Span span) {
    TimeExpr t;
    t.span = span;
    t.text = item_.article.body.substr(span.start, span.size());
    t.timex = Str(r, "timex");
    t.from = Str(r, "from");
    t.to = Str(r, "to");
    t.kind = Str(r, "kind");
    item_.extraction.times.push_back(std::move(t));
  }

  void AddQuote(const Json& r, Span span) {
    Quote q;
    q.span = span;
    q.kind = FromName(Str(r, "kind"), {QuoteKind::kDirect, QuoteKind::kReported}, QuoteKindName,
                      QuoteKind::kDirect);
    q.speaker = SpeakerIndex(r);
    q.cue = Str(r, "cue");
    q.rule = Str(r, "rule");
    item_.extraction.quotes.push_back(std::move(q));
  }

  ExtractedArticle item_;
  std::vector<Refs> refs_;  // parallel to item_.extraction.claims
  std::string error_;
};

// The id of a line too long to parse, from its first bytes ("" if not found).
std::string SniffArticleId(std::string_view prefix) {
  size_t key = prefix.find("\"article\":\"");
  if (key == std::string_view::npos) return "";
  size_t start = key + 11, end = prefix.find('"', start);
  return end == std::string_view::npos ? "" : std::string(prefix.substr(start, end - start));
}

bool IsBlankLine(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}

}  // namespace

ContractReader::ContractReader(std::unique_ptr<ByteStream> stream, std::string origin,
                               size_t max_line_bytes)
    : stream_(std::move(stream)), origin_(std::move(origin)), max_line_bytes_(max_line_bytes) {}

ContractReader::~ContractReader() = default;

// Reads the next non-blank line into *line (a too-long line holds its first bytes and is marked
// by a leading '\0'). False at the end of the input.
bool ContractReader::ReadLine(std::string* line) {
  for (;;) {
    size_t length = 0;
    ByteStream::Line kind = stream_->ReadLine(max_line_bytes_, kKeepPrefix, line, &length);
    if (kind == ByteStream::Line::kEnd) return false;
    ++line_number_;
    if (kind == ByteStream::Line::kTooLong) {
      line->insert(line->begin(), '\0');
      return true;
    }
    if (!IsBlankLine(*line)) return true;
  }
}

bool ContractReader::Next(ContractItem* item) {
  std::string line;
  for (;;) {        // find the next article record
    size_t at = 0;  // the line number of `line`
    if (pending_line_ != 0) {
      line = std::move(pending_);
      at = pending_line_;
      pending_line_ = 0;
    } else if (done_ || !ReadLine(&line)) {
      if (!done_ && !stream_->error().empty()) {
        done_ = true;
        *item = Rejection{origin_, "", "cannot read: " + stream_->error()};
        return true;
      }
      done_ = true;
      return false;
    } else {
      at = line_number_;
    }
    const std::string origin = origin_ + ":" + std::to_string(at);
    if (!line.empty() && line[0] == '\0') {
      *item = Rejection{origin, SniffArticleId(line),
                        "line longer than " + std::to_string(max_line_bytes_) + " bytes"};
      return true;
    }
    Json record = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded() || !record.is_object()) {
      *item = Rejection{origin, SniffArticleId(line.substr(0, kKeepPrefix)), "not a JSON object"};
      return true;
    }
    if (Str(record, "type") != "article") continue;  // links, or records of a rejected article

    ArticleBuilder builder(record, origin);
    while (ReadLine(&line)) {
      if (!line.empty() && line[0] == '\0') {
        builder.Fail("line " + std::to_string(line_number_) + " is too long");
        continue;
      }
      Json r = Json::parse(line, nullptr, false);
      if (r.is_discarded() || !r.is_object()) {
        builder.Fail("line " + std::to_string(line_number_) + " is not a JSON object");
        continue;
      }
      if (Str(r, "type") == "article") {
        pending_ = std::move(line);
        pending_line_ = line_number_;
        break;
      }
      builder.Add(r, line_number_);
    }
    *item = builder.Finish();  // messages name the article record's line
    return true;
  }
}

bool LooksLikeContract(std::string_view head) {
  size_t p = 0;
  auto skip_space = [&] {
    while (p < head.size() && std::isspace(static_cast<unsigned char>(head[p]))) ++p;
  };
  auto eat = [&](std::string_view s) {
    skip_space();
    if (head.substr(p, s.size()) != s) return false;
    p += s.size();
    return true;
  };
  if (head.starts_with("\xEF\xBB\xBF")) p = 3;
  return eat("{") && eat("\"type\"") && eat(":") && eat("\"article\"");
}

}  // namespace claimex
