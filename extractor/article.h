// Article: one unit of input as the readers deliver it. Plain data, owned by value.
#ifndef CLAIMEX_EXTRACTOR_ARTICLE_H_
#define CLAIMEX_EXTRACTOR_ARTICLE_H_

#include <cstdint>
#include <string>

namespace claimex {

struct Article {
  std::string id;         // text file: the file name without extension; feed: its "id"
  std::string body;       // UTF-8 text exactly as given (decoded to UTF-8, BOM dropped; line
                          // ends kept). Every span claimex reports is a byte range into it.
  std::string title;      // "" when unknown (likewise source, url, published)
  std::string source;     // outlet or issuer ("Reuters", "Senator Bond")
  std::string url;
  std::string published;  // "YYYY-MM-DD" (a date-time in the feed is cut to its date)
  std::string encoding;   // the encoding the input was decoded from: "UTF-8", "UTF-16LE",
                          // "ISO-8859-1", "windows-1252", ... (ICU converter names)
  std::string origin;     // where it came from, for messages: "dir/a.txt" or "feed.jsonl:7"
  std::string author;     // byline of a web page or feed item ("Jo Bloggs"), "" when unknown
};

// An input that could not become an Article: reported in one line, and the run goes on.
struct Rejection {
  std::string origin;  // "feed.jsonl:7", "dir/a.txt"
  std::string id;      // the article id when it is known, else ""
  std::string reason;  // "not JSON: unexpected end of input", "empty body", ...
  // "feed.jsonl:7 (id bbc-business-016): not JSON: ..." — the one-line error message.
  std::string Message() const;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_ARTICLE_H_
