// QuoteFinder: direct quotes (quote_marks.cc) with their cues (quote_cues.cc), reported speech,
// and the speaker registry (speaker_registry.cc) that resolves every cue to a full name.
//
// A direct quote takes the speaker of its own cue; without one it continues the quote of the
// paragraph before (a multi-paragraph quote, or a quote paragraph right after one) or of an
// earlier quote in its paragraph ('"A," said X. "B."'). Quotes without a cue that are short or
// sit inside a sentence are scare quotes or titles and are dropped. A direct quote inside
// reported speech ('X said the cuts were "drastic"') is part of that (mixed) quote. Quote::rule
// is "<cue rule>/<how the speaker was resolved>", e.g. "speaker-verb/surname".
#include "extractor/quotes.h"

#include <algorithm>
#include <climits>
#include <cstdlib>

#include "extractor/quote_cues.h"
#include "extractor/quote_lexicon.h"
#include "extractor/quote_marks.h"
#include "extractor/quote_words.h"
#include "extractor/speaker_mentions.h"
#include "extractor/speaker_registry.h"

namespace claimex {
namespace {

constexpr int kMinLoneQuoteWords = 4;      // a quote without a cue has at least this many words
constexpr int kMinEmbeddedQuoteWords = 8;  // ... and this many when it sits inside a sentence
constexpr int kMaxHeadingWords = 8;        // a "Notes to editors" heading is short
constexpr int kMaxColonNameWords = 4;      // "PENCE:", "Sen. Jo Bloggs:"

struct Candidate {
  Span span;
  QuoteKind kind = QuoteKind::kDirect;
  Cue cue;
  const char* rule = "";
  int paragraph = -1;
  int inherit = -1;  // the candidate whose speaker this one takes
  int speaker = -1;
  bool dropped = false;
  std::string how;
};

// True when every word of s longer than three letters is capitalised (a heading or a title).
bool TitleCase(const WordIndex& w, Span s) {
  auto [a, b] = w.Range(s);
  int words = 0;
  for (int k = a; k < b; ++k) {
    if (w[k].kind != QWord::kAlpha || w[k].end - w[k].start <= 3) continue;
    if (!w[k].cap) return false;
    ++words;
  }
  return words >= 2;
}

int CountWords(const WordIndex& w, Span s) {
  auto [a, b] = w.Range(s);
  int n = 0;
  for (int k = a; k < b; ++k) n += w.IsWord(k);
  return n;
}

class Impl : public QuoteFinder {
 public:
  explicit Impl(std::unique_ptr<const QuoteLexicon> lex) : lex_(std::move(lex)) {}

  void Find(const Document& doc, std::vector<Quote>* quotes,
            std::vector<Speaker>* speakers) const override;

 private:
  std::vector<uint32_t> SectionStarts(const Document& doc, const WordIndex& w) const;
  bool Embedded(const Document& doc, const WordIndex& w, const QuoteSegment& seg) const;
  void BlockQuotes(const Document& doc, const WordIndex& w, const CueFinder& cues, uint32_t notes,
                   std::vector<Candidate>* cands) const;
  void ColonLines(const Document& doc, const WordIndex& w, const MentionParser& mp,
                  const SpeakerRegistry& registry, uint32_t notes,
                  std::vector<Candidate>* cands) const;

  std::unique_ptr<const QuoteLexicon> lex_;
};

std::vector<uint32_t> Impl::SectionStarts(const Document& doc, const WordIndex& w) const {
  std::vector<uint32_t> starts;
  for (const Span& p : doc.paragraphs) {
    auto [a, b] = w.Range(p);
    int len;
    if (b - a <= kMaxHeadingWords && lex_->press_release.MatchAt(w, a, b, &len) >= 0) {
      starts.push_back(p.start);
    }
  }
  return starts;
}

bool Impl::Embedded(const Document& doc, const WordIndex& w, const QuoteSegment& seg) const {
  int s = doc.SentenceAt(seg.open);
  if (s < 0) return false;
  auto [sf, sl] = w.Range(doc.sentences[s].span);
  int open = w.FirstAt(seg.open);
  for (int k = sf; k < open; ++k) {
    if (w.IsWord(k)) return true;
  }
  std::string_view t = doc.norm.text();
  char last = t[seg.span.end - 1];
  bool speech_end = last == '.' || last == ',' || last == '?' || last == '!';
  if (speech_end || !seg.closed) return false;
  for (int k = w.FirstAt(seg.close_end); k < sl; ++k) {
    if (w.IsWord(k)) return true;
  }
  return false;
}

void Impl::BlockQuotes(const Document& doc, const WordIndex& w, const CueFinder& cues,
                       uint32_t notes, std::vector<Candidate>* cands) const {
  // 'Jo Bloggs added:' closing a paragraph, then a paragraph without quote marks: a quoted block
  // (a letter, a transcript). Paragraphs that already hold a quote are left alone.
  for (int pi = 1; pi < static_cast<int>(doc.paragraphs.size()); ++pi) {
    const Span p = doc.paragraphs[pi];
    if (p.start >= notes) break;
    auto [a, b] = w.Range(doc.paragraphs[pi - 1]);
    if (b <= a || !w.Is(b - 1, ':')) continue;
    bool quoted = false;
    for (const Candidate& c : *cands) quoted = quoted || c.paragraph == pi;
    auto [pa, pb] = w.Range(p);
    if (quoted || pb - pa < kMinLoneQuoteWords || w.Is(pa, '"') || w.Is(pa, '\'')) continue;
    QuoteSegment seg;
    seg.span = p;
    seg.open = p.start;
    seg.paragraph = pi;
    Cue cue = cues.Before(seg);
    if (!cue.ok()) continue;
    Candidate c;
    c.span = p;
    c.cue = cue;
    c.rule = "colon-block";
    c.paragraph = pi;
    cands->push_back(c);
  }
}

void Impl::ColonLines(const Document& doc, const WordIndex& w, const MentionParser& mp,
                      const SpeakerRegistry& registry, uint32_t notes,
                      std::vector<Candidate>* cands) const {
  // "PENCE: Well, ..." (a transcript) and "Bloggs: the plan will work" (a headline): a known
  // person's name and a colon open the paragraph; the rest of it is what they said.
  for (int pi = 0; pi < static_cast<int>(doc.paragraphs.size()); ++pi) {
    const Span p = doc.paragraphs[pi];
    if (p.start >= notes) break;
    auto [a, b] = w.Range(p);
    int s = a;
    if (w.Is(s, '"') || w.Is(s, '\'')) ++s;
    int c = s;
    while (c < b && c < s + kMaxColonNameWords &&
           (mp.IsNameWord(c) || mp.IsAbbreviationStop(c, s))) {
      ++c;
    }
    if (c == s || c + 1 >= b || !w.Is(c, ':')) continue;
    Mention m = mp.Classify(s, c);
    if ((m.kind != Mention::kName && m.kind != Mention::kOrg) || !registry.Knows(m)) continue;
    if (w.Is(c + 1, '"') || w.Is(c + 1, '\'')) continue;  // a quote: its own cue finds the name
    Span content{w[c + 1].start, p.end};
    bool all_caps = true;
    for (int k = s; k < c; ++k) all_caps = all_caps && (w[k].acronym || !w.IsWord(k));
    Cue cue;
    cue.who = m;
    cue.verb_first = c;
    cue.verb_last = c + 1;
    cue.rule = "speaker-colon-line";
    // A quote that opens the paragraph with the name inside it: the quote starts after the colon.
    Candidate* same = nullptr;
    for (Candidate& q : *cands) {
      if (q.paragraph == pi && q.span.start == w[s].start) same = &q;
    }
    if (same != nullptr) {
      same->span.start = content.start;
      same->cue = cue;
      same->rule = cue.rule;
      same->inherit = -1;
      continue;
    }
    Candidate q;
    q.span = content;
    while (q.span.end > q.span.start && doc.norm.text()[q.span.end - 1] == '"') --q.span.end;
    q.kind = all_caps ? QuoteKind::kDirect : QuoteKind::kReported;
    q.cue = cue;
    q.rule = cue.rule;
    q.paragraph = pi;
    cands->push_back(q);
  }
}

void Impl::Find(const Document& doc, std::vector<Quote>* quotes,
                std::vector<Speaker>* speakers) const {
  WordIndex words(doc.norm.text(), doc.lower);
  words.MarkParagraphs(doc.paragraphs);
  const WordIndex& w = words;
  const MentionParser mp(w, *lex_);
  std::vector<uint32_t> sections = SectionStarts(doc, w);
  const uint32_t notes = sections.empty() ? UINT32_MAX : sections.front();
  const size_t first_speaker = speakers->size();
  SpeakerRegistry registry(w, *lex_, mp, doc.paragraphs, sections);
  registry.Scan();
  const CueFinder cues(doc, w, *lex_, mp);
  auto same_section = [&](uint32_t a, uint32_t b) {
    auto ia = std::upper_bound(sections.begin(), sections.end(), a);
    auto ib = std::upper_bound(sections.begin(), sections.end(), b);
    return ia == ib;
  };

  // Direct quotes.
  std::vector<Candidate> cands;
  std::vector<bool> used(w.size(), false);
  for (const QuoteSegment& seg : FindQuoteSegments(doc)) {
    Candidate c;
    c.span = seg.span;
    c.paragraph = seg.paragraph;
    const Candidate* last = cands.empty() ? nullptr : &cands.back();
    bool last_before = last != nullptr && last->paragraph == seg.paragraph - 1 &&
                       same_section(last->span.start, seg.open);
    Cue cue = cues.After(seg);
    if (!cue.ok()) cue = cues.Before(seg);
    // 'X called the plan "a disaster"', 'On "Face the Nation," X said': a name for something
    // or a title, unless it is a sentence.
    const int words = CountWords(w, seg.span);
    if (words < kMinLoneQuoteWords &&
        ((cue.ok() && std::string_view(cue.rule) == "speaker-verb-object") ||
         Embedded(doc, w, seg))) {
      continue;
    }
    // A short title-case line in quote marks is a heading ("'All Bets Are Off.'").
    if (!cue.ok() && words < kMinEmbeddedQuoteWords && TitleCase(w, seg.span)) continue;
    if (cue.ok()) {
      c.cue = cue;
      c.rule = cue.rule;
      // The cue's words are taken, except a cue that ends the sentence before: that sentence is
      // reported speech of its own ('The plan works, X said. "It is costed."').
      if (std::string_view(cue.rule) != "previous-cue") {
        // The speaker phrase and the verb; what lies between (a gerund's clause) stays free.
        for (int k = cue.who.first; k < cue.who.last; ++k) used[k] = true;
        for (int k = std::max(cue.verb_first, 0); k < cue.verb_last; ++k) used[k] = true;
        if (cue.verb_first >= 0 && std::abs(cue.verb_first - cue.who.last) <= 1) {
          for (int k = cue.first(); k < cue.last(); ++k) used[k] = true;
        }
      }
    } else if (seg.continued && last_before) {
      c.inherit = static_cast<int>(cands.size()) - 1;
      c.rule = "continued";
    } else if (last != nullptr && last->paragraph == seg.paragraph &&
               doc.Text(Span{last->span.end, seg.open}).find('\n') == std::string_view::npos) {
      c.inherit = static_cast<int>(cands.size()) - 1;
      c.rule = "same-paragraph";
    } else {
      if (words < kMinLoneQuoteWords || (words < kMinEmbeddedQuoteWords && Embedded(doc, w, seg))) {
        continue;  // a scare quote or a title
      }
      Cue sc = cues.InSentence(seg);
      if (sc.ok()) {
        c.cue = sc;
        c.rule = sc.rule;
      } else if (last_before && seg.open == doc.paragraphs[seg.paragraph].start) {
        c.inherit = static_cast<int>(cands.size()) - 1;
        c.rule = "next-paragraph";
      } else {
        c.rule = "unattributed";
      }
    }
    cands.push_back(c);
  }
  ColonLines(doc, w, mp, registry, notes, &cands);
  BlockQuotes(doc, w, cues, notes, &cands);
  const size_t direct_count = cands.size();

  // Reported speech, sentence by sentence, before any "Notes to editors".
  std::vector<Span> quoted;
  for (const Candidate& c : cands) quoted.push_back(c.span);
  std::sort(quoted.begin(), quoted.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
  std::vector<ReportedSpeech> reported;
  for (int s = 0; s < static_cast<int>(doc.sentences.size()); ++s) {
    if (doc.sentences[s].span.start >= notes) break;
    cues.Reported(s, quoted, used, &reported);
  }
  for (const ReportedSpeech& r : reported) {
    Candidate c;
    c.span = r.span;
    c.kind = QuoteKind::kReported;
    c.cue = r.cue;
    c.rule = r.cue.rule;
    cands.push_back(c);
  }
  // A direct quote inside reported speech is part of that mixed quote.
  for (size_t i = 0; i < direct_count; ++i) {
    for (size_t j = direct_count; j < cands.size(); ++j) {
      if (cands[i].span.start >= cands[j].span.start &&
          cands[i].span.end <= cands[j].span.end + 1) {
        cands[i].dropped = true;
        cands[i].inherit = static_cast<int>(j);
        break;
      }
    }
  }

  // Speakers, in text order (pronouns refer back to what was resolved before them).
  std::vector<int> order(cands.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return cands[a].span.start < cands[b].span.start; });
  std::vector<int> resolved(cands.size(), 0);
  auto resolve = [&](int i, auto&& self) -> void {
    if (resolved[i]) return;
    resolved[i] = 1;
    Candidate& c = cands[i];
    if (c.inherit >= 0) {
      self(c.inherit, self);
      c.speaker = cands[c.inherit].speaker;
      c.how = "inherited";
      if (!c.cue.ok()) c.cue = cands[c.inherit].cue;
    } else if (c.cue.ok()) {
      SpeakerRegistry::Resolution r = registry.Resolve(c.cue.who, speakers);
      c.speaker = r.speaker;
      c.how = r.how;
    } else {
      c.how = "none";
    }
  };
  for (int i : order) resolve(i, resolve);
  for (int i : order) {
    const Candidate& c = cands[i];
    if (c.dropped || c.span.end <= c.span.start) continue;
    Quote q;
    q.span = c.span;
    q.kind = c.kind;
    q.speaker = c.speaker;
    if (c.cue.ok() || c.cue.verb_first >= 0) {
      int a = c.cue.first(), b = c.cue.last();
      if (a < b) q.cue = std::string(doc.Text(Span{w[a].start, w[b - 1].end}));
    }
    q.rule = std::string(c.rule) + "/" + c.how;
    quotes->push_back(std::move(q));
  }
  // A speaker the article never marks as a person and never quotes directly is taken for an
  // organisation ("Time Warner said sales rose"): Speaker::org = name, so that the figures in
  // its statements get it as their source.
  std::vector<bool> direct(speakers->size(), false);
  for (const Quote& q : *quotes) {
    if (q.speaker >= 0 && q.kind == QuoteKind::kDirect) direct[q.speaker] = true;
  }
  for (size_t s = first_speaker; s < speakers->size(); ++s) {
    Speaker& sp = (*speakers)[s];
    if (sp.org.empty() && !direct[s] && !registry.MarkedAsPerson(static_cast<int>(s))) {
      sp.org = sp.name;
    }
  }
}

}  // namespace

Result<std::unique_ptr<const QuoteFinder>> QuoteFinder::Create(const RuleSet& rules) {
  auto lex = QuoteLexicon::Create(rules);
  if (!lex.ok()) return lex.status();
  return std::unique_ptr<const QuoteFinder>(new Impl(std::move(*lex)));
}

}  // namespace claimex
