#include "extractor/json_writer.h"

#include <nlohmann/json.hpp>

namespace claimex {
namespace {

using Json = nlohmann::ordered_json;

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json OrNull(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
Json OrNull(const char* s) { return s ? Json(s) : Json(nullptr); }

void Emit(std::ostream* out, const Json& j) {
  *out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

const Speaker* SpeakerOf(const Extraction& ex, int i) {
  return i >= 0 && i < static_cast<int>(ex.speakers.size()) ? &ex.speakers[i] : nullptr;
}

}  // namespace

Status JsonLinesWriter::Put(const Article& a, const Extraction& ex) {
  Json art;
  art["type"] = "article";
  art["article"] = a.id;
  if (!a.title.empty()) art["title"] = a.title;
  if (!a.source.empty()) art["source"] = a.source;
  if (!a.url.empty()) art["url"] = a.url;
  if (!a.author.empty()) art["author"] = a.author;
  if (!a.published.empty()) art["published"] = a.published;
  art["encoding"] = a.encoding;
  art["bytes"] = a.body.size();
  if (!ex.anchor_date.empty()) art["anchor_date"] = ex.anchor_date;
  if (options_.with_body) {
    art["body"] = a.body;
    Json& sentences = art["sentences"] = Json::array();
    for (const Sentence& s : ex.sentences) {
      sentences.push_back(Json::array({s.span.start, s.span.end, s.paragraph}));
    }
    Json& speakers = art["speakers"] = Json::array();
    for (const Speaker& sp : ex.speakers) {
      speakers.push_back(Json{{"name", sp.name}, {"role", sp.role}, {"org", sp.org},
                              {"aliases", sp.aliases}});
    }
  }
  Emit(out_, art);

  for (const Claim& c : ex.claims) {
    Json j;
    j["type"] = "claim";
    j["article"] = a.id;
    j["start"] = c.span.start;
    j["end"] = c.span.end;
    j["text"] = c.text;
    j["value"] = OrNull(c.value);
    j["low"] = OrNull(c.low);
    j["high"] = OrNull(c.high);
    j["unit"] = c.unit;
    j["noun"] = OrNull(c.noun);
    j["qualifier"] = QualifierName(c.qualifier);
    j["per"] = c.per ? Json{{"value", c.per->value}, {"noun", c.per->noun}} : Json(nullptr);
    j["change"] = OrNull(ChangeName(c.change));
    j["change_kind"] = OrNull(ChangeKindName(c.change_kind));
    const Speaker* sp = SpeakerOf(ex, c.speaker);
    j["speaker"] = sp ? Json(sp->name) : Json(nullptr);
    j["role"] = sp ? OrNull(sp->role) : Json(nullptr);
    j["source"] = OrNull(c.source);
    j["rule"] = OrNull(c.attribution_rule);
    if (c.time >= 0 && c.time < static_cast<int>(ex.times.size())) {
      const TimeExpr& t = ex.times[c.time];
      j["time"] = Json{{"text", t.text}, {"start", t.span.start}, {"end", t.span.end},
                       {"timex", OrNull(t.timex)}};
    } else {
      j["time"] = nullptr;
    }
    if (c.sentence >= 0 && c.sentence < static_cast<int>(ex.sentences.size())) {
      const Span& s = ex.sentences[c.sentence].span;
      j["sentence"] = Json{{"start", s.start}, {"end", s.end}};
    } else {
      j["sentence"] = nullptr;
    }
    j["measured"] = OrNull(c.measured);
    if (c.restates >= 0 && c.restates < static_cast<int>(ex.claims.size())) {
      j["restates"] = ex.claims[c.restates].span.start;
    }
    Emit(out_, j);
  }
  for (const TimeExpr& t : ex.times) {
    Json j;
    j["type"] = "time";
    j["article"] = a.id;
    j["start"] = t.span.start;
    j["end"] = t.span.end;
    j["text"] = t.text;
    j["timex"] = OrNull(t.timex);
    j["from"] = OrNull(t.from);
    j["to"] = OrNull(t.to);
    j["kind"] = OrNull(t.kind);
    Emit(out_, j);
  }
  for (const Quote& q : ex.quotes) {
    Json j;
    j["type"] = "quote";
    j["article"] = a.id;
    j["start"] = q.span.start;
    j["end"] = q.span.end;
    const Speaker* sp = SpeakerOf(ex, q.speaker);
    j["speaker"] = sp ? Json(sp->name) : Json(nullptr);
    j["role"] = sp ? OrNull(sp->role) : Json(nullptr);
    j["kind"] = QuoteKindName(q.kind);
    j["text"] = a.body.substr(q.span.start, q.span.size());
    j["cue"] = OrNull(q.cue);
    j["rule"] = OrNull(q.rule);
    Emit(out_, j);
  }
  if (!*out_) return Status::IoError("cannot write output");
  return Status::Ok();
}

Status JsonLinesWriter::PutLink(const Link& l) {
  Json j;
  j["type"] = "link";
  j["a"] = Json{{"article", l.a.article}, {"start", l.a.span.start}, {"end", l.a.span.end}};
  j["b"] = Json{{"article", l.b.article}, {"start", l.b.span.start}, {"end", l.b.span.end}};
  j["kind"] = LinkKindName(l.kind);
  j["score"] = l.score;
  Emit(out_, j);
  if (!*out_) return Status::IoError("cannot write output");
  return Status::Ok();
}

Status JsonLinesWriter::Finish() {
  out_->flush();
  if (!*out_) return Status::IoError("cannot write output");
  return Status::Ok();
}

}  // namespace claimex
