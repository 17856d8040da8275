// Internal: RSS/Atom intake for OpenInputs (extractor/reader.h) — one article per item/entry of
// an RSS 2.0 (and 0.9x), RSS 1.0/RDF or Atom feed, parsed with libxml2.
//
//  - id: the item's <guid> / entry's <id>, else its link, else "<file stem>-<n>" (n counts items
//    from 1); a repeated id gets "#<n>" appended. origin: "feed.xml:LINE" (the item's line).
//  - title; url (RSS <link>, Atom <link rel="alternate" href>); published ("YYYY-MM-DD" from
//    pubDate, published, dc:date, updated, ...); author (author, dc:creator, Atom author/name);
//    source: the feed's own title.
//  - body: the first of content:encoded, Atom <content>, <description>, <summary> (then
//    itunes:summary, media:description) that has text; HTML in it is converted to text
//    (html_text.h: paragraphs joined by "\n\n", furniture dropped), Atom type="text" is taken as
//    plain text and type="xhtml" is walked as the tree it already is. An item with none of
//    these has its title as body (a headline-only feed); one with no title either is rejected.
//  - Charset: as declared or detected (markup_charset.h): the feed is decoded to UTF-8 first.
//  - Broken XML: libxml2's recover mode keeps what it can read; the items are delivered, then
//    ONE Rejection "feed.xml:LINE: broken XML: <first error> (N errors); items after it may be
//    missing or incomplete". A document that is no feed at all (an HTML page, empty, not XML)
//    is one Rejection.
//  - Safety: no network (XML_PARSE_NONET), no external entities or DTD loading, no entity
//    substitution (XML_PARSE_NOENT is not set), libxml2's default limits (no XML_PARSE_HUGE:
//    nesting deeper than 256 levels and entity expansion bombs stop the parse with an error).
//    The tree is walked without recursion.
#ifndef CLAIMEX_EXTRACTOR_FEED_READER_H_
#define CLAIMEX_EXTRACTOR_FEED_READER_H_

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "extractor/html_text.h"
#include "extractor/reader.h"

namespace claimex {

class FeedReader : public ArticleReader {
 public:
  // `bytes` is the whole feed, raw (undecoded; not compressed); `origin` names it in messages
  // and `stem` makes ids for items that have none.
  FeedReader(std::string bytes, std::string origin, std::string stem,
             std::shared_ptr<const WebRules> rules, const ReaderOptions& options);
  ~FeedReader() override;
  bool Next(ReadItem* item) override;

 private:
  void Parse();
  ReadItem MakeItem(const xmlNode* node, int n);

  std::string bytes_;
  std::string origin_;
  std::string stem_;
  std::shared_ptr<const WebRules> rules_;
  ReaderOptions options_;
  bool parsed_ = false;
  xmlDoc* doc_ = nullptr;              // owned
  std::vector<const xmlNode*> items_;  // item/entry elements in document order
  size_t next_ = 0;
  std::vector<ReadItem> tail_;  // what comes after the items (the error, if any)
  std::string encoding_;
  std::string feed_title_;
  std::unordered_set<std::string> seen_ids_;
};

}  // namespace claimex

#endif  // CLAIMEX_EXTRACTOR_FEED_READER_H_
