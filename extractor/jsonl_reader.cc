// JSON Lines feeds -> Articles, one line at a time (see extractor/jsonl_reader.h).
#include "extractor/jsonl_reader.h"

#include <cctype>
#include <nlohmann/json.hpp>
#include <utility>

#include "extractor/encoding.h"
#include "extractor/flat_json.h"
#include "extractor/status.h"
#include "extractor/text_reader.h"

namespace claimex {
namespace {

using Json = nlohmann::json;

// How much of an over-long line is kept to find its id for the message.
constexpr size_t kKeepPrefix = 4096;

// nlohmann's message, made short and one-line: "[json.exception.parse_error.101] parse error
// at line 1, column 9: syntax error while parsing value - invalid literal; last read: 'x'"
// -> "column 9: invalid literal".
std::string ShortParseMessage(std::string message) {
  if (size_t p = message.find("] "); p != std::string::npos) message.erase(0, p + 2);
  if (message.starts_with("parse error at line 1, ")) message.erase(0, 23);
  if (size_t p = message.find("; last read"); p != std::string::npos) message.erase(p);
  if (size_t p = message.find("syntax error while parsing "); p != std::string::npos) {
    if (size_t dash = message.find(" - ", p); dash != std::string::npos) {
      message.erase(p, dash + 3 - p);
    }
  }
  for (char& c : message) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return message;
}

// The id of a line too long to parse, found textually in its first bytes ("" if none).
std::string SniffId(std::string_view prefix) {
  size_t key = prefix.find("\"id\"");
  if (key == std::string_view::npos) return "";
  size_t p = key + 4;
  while (p < prefix.size() && (prefix[p] == ' ' || prefix[p] == ':' || prefix[p] == '\t')) ++p;
  if (p >= prefix.size()) return "";
  if (prefix[p] == '"') {
    size_t end = prefix.find('"', p + 1);
    if (end == std::string_view::npos || end - p > 200) return "";
    return std::string(prefix.substr(p + 1, end - p - 1));
  }
  size_t end = p;
  while (end < prefix.size() && std::isdigit(static_cast<unsigned char>(prefix[end]))) ++end;
  return std::string(prefix.substr(p, end - p));
}

// The string value of an optional field; "" when absent or not a string.
std::string OptionalString(Json& object, const char* key) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return "";
  std::string value = std::move(it->get_ref<std::string&>());
  ReplaceNuls(&value);
  return value;
}

Rejection Reject(const std::string& origin, std::string id, std::string reason) {
  return Rejection{origin, std::move(id), std::move(reason)};
}

}  // namespace

std::string IsoDate(std::string_view s) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    }
    return true;
  };
  if (s.size() < 10 || !digits(0, 4) || s[4] != '-' || !digits(5, 2) || s[7] != '-' ||
      !digits(8, 2)) {
    return "";
  }
  if (s.size() > 10 && s[10] != 'T' && s[10] != 't' && s[10] != ' ') return "";
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  return std::string(s.substr(0, 10));
}

ReadItem ParseJsonLine(std::string_view line, const std::string& origin,
                       const ReaderOptions& options) {
  std::string encoding = "UTF-8";
  std::string decoded;
  if (!IsValidUtf8(line)) {
    Status st = DecodeToUtf8(line, &decoded, &encoding);
    if (!st.ok()) return Reject(origin, SniffId(line), "cannot decode: " + st.message());
    line = decoded;
  }
  {
    // The common case, a flat object of strings, is read without a JSON tree; anything else
    // (and every line that is rejected) goes through nlohmann below.
    Article article;
    std::string published;
    FlatField fields[] = {{"id", &article.id},         {"body", &article.body},
                          {"title", &article.title},   {"source", &article.source},
                          {"url", &article.url},       {"published", &published}};
    if (ReadFlatJsonObject(line, fields, std::size(fields)) && !article.id.empty() &&
        fields[1].found && !IsBlank(article.body) &&
        article.body.size() <= options.max_article_bytes) {
      ReplaceNuls(&article.body);
      ReplaceNuls(&article.title);
      ReplaceNuls(&article.source);
      ReplaceNuls(&article.url);
      ReplaceNuls(&published);
      article.published = IsoDate(published);
      article.encoding = std::move(encoding);
      article.origin = origin;
      return article;
    }
  }
  Json json;
  try {
    json = Json::parse(line);
  } catch (const Json::exception& e) {
    return Reject(origin, SniffId(line.substr(0, kKeepPrefix)),
                  "not JSON: " + ShortParseMessage(e.what()));
  }
  if (!json.is_object()) return Reject(origin, "", "not a JSON object");

  Article article;
  auto id = json.find("id");
  if (id != json.end() && id->is_string()) {
    article.id = id->get<std::string>();
  } else if (id != json.end() && id->is_number()) {
    article.id = id->dump();  // 42 -> "42"
  } else if (id != json.end() && !id->is_null()) {
    return Reject(origin, "", std::string("id is a JSON ") + id->type_name() + ", not a string");
  }
  if (article.id.empty()) return Reject(origin, "", "missing id");
  auto body = json.find("body");
  if (body == json.end() || body->is_null()) return Reject(origin, article.id, "missing body");
  if (!body->is_string()) return Reject(origin, article.id, "body is not a string");
  article.body = std::move(body->get_ref<std::string&>());
  if (IsBlank(article.body)) return Reject(origin, article.id, "empty body");
  if (article.body.size() > options.max_article_bytes) {
    return Reject(origin, article.id,
                  TooLargeReason(article.body.size(), options.max_article_bytes));
  }
  ReplaceNuls(&article.body);
  article.title = OptionalString(json, "title");
  article.source = OptionalString(json, "source");
  article.url = OptionalString(json, "url");
  article.published = IsoDate(OptionalString(json, "published"));
  article.encoding = std::move(encoding);
  article.origin = origin;
  return article;
}

JsonLinesReader::JsonLinesReader(std::unique_ptr<ByteStream> stream, std::string origin,
                                 const ReaderOptions& options)
    : stream_(std::move(stream)), origin_(std::move(origin)), options_(options) {}

size_t JsonLinesReader::LineLimit(const ReaderOptions& options) {
  return options.max_article_bytes + options.max_article_bytes / 2 + 64 * 1024;
}

bool JsonLinesReader::Next(ReadItem* item) {
  while (!done_) {
    if (line_number_ == 0) {
      // A feed must be UTF-8 (JSON); a UTF-16/32 byte-order mark means it is not.
      size_t bom_length = 0;
      Bom bom = DetectBom(stream_->Peek(4), &bom_length);
      if (bom != Bom::kNone && bom != Bom::kUtf8) {
        done_ = true;
        *item = Reject(origin_, "",
                       std::string("cannot decode: JSON Lines must be UTF-8, found a ") +
                           BomEncodingName(bom) + " byte-order mark");
        return true;
      }
    }
    size_t length = 0;
    size_t limit = LineLimit(options_);
    ByteStream::Line kind = stream_->ReadLine(limit, kKeepPrefix, &line_, &length);
    if (kind == ByteStream::Line::kEnd) {
      done_ = true;
      if (!stream_->error().empty()) {
        *item = Reject(origin_, "", "cannot read: " + stream_->error());
        return true;
      }
      return false;
    }
    ++line_number_;
    std::string_view line = line_;
    if (line_number_ == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    std::string origin = origin_ + ":" + std::to_string(line_number_);
    if (kind == ByteStream::Line::kTooLong) {
      *item = Reject(origin, SniffId(line), TooLargeReason(length, options_.max_article_bytes));
      return true;
    }
    if (IsBlank(line)) continue;
    *item = ParseJsonLine(line, origin, options_);
    return true;
  }
  return false;
}

}  // namespace claimex
