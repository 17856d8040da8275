#include "extractor/quote_cues.h"

#include <algorithm>

namespace claimex {
namespace {

constexpr int kMaxCueWords = 32;      // speaker phrase + apposition before the verb after a quote
constexpr int kMaxObjectWords = 6;    // 'X told the BBC: "'
constexpr int kMaxLeadWords = 12;     // "During the debate on Monday, Trump said"
constexpr int kMaxLeadModifiers = 4;  // '"...," Tulsa police Chief Jo Bloggs said'
constexpr int kMaxThatDistance = 10;  // "says at a stop in Toledo, Ohio, that ..."

}  // namespace

Cue MakeCue(const Mention& m, int verb_first, int verb_last, const char* rule) {
  Cue c;
  c.who = m;
  c.verb_first = verb_first;
  c.verb_last = verb_last;
  c.rule = rule;
  return c;
}

CueFinder::CueFinder(const Document& doc, const WordIndex& words, const QuoteLexicon& lex,
                     const MentionParser& parser)
    : doc_(doc), w_(words), lex_(lex), mp_(parser) {}

int CueFinder::VerbAt(int i, int limit, int flags, int* len) const {
  if (!w_.IsWord(i)) return 0;
  int v = lex_.verbs.MatchAt(w_, i, limit, len);
  return v >= 0 && (v & flags) ? v : 0;
}

int CueFinder::VerbEndingAt(int j, int floor, int flags, int* first) const {
  if (!w_.IsWord(j)) return 0;
  int len;
  int v = lex_.verbs.MatchEndingAt(w_, j, floor, &len);
  if (v < 0 || !(v & flags)) return 0;
  *first = j - len + 1;
  return v;
}

bool CueFinder::Inside(const std::vector<Span>& quoted, uint32_t offset) const {
  auto it = std::upper_bound(quoted.begin(), quoted.end(), offset,
                             [](uint32_t o, const Span& s) { return o < s.start; });
  return it != quoted.begin() && offset < (it - 1)->end;
}

bool CueFinder::IsSourceNoun(const Mention& m) const {
  for (int k = m.first; k < m.last; ++k) {
    if (lex_.source_nouns.Contains(w_, k)) return true;
  }
  return false;
}

Span CueFinder::ContentSpan(int first, int last) const {
  while (last > first && !w_.IsWord(last - 1) && !w_.Is(last - 1, ')') && !w_.Is(last - 1, '%')) {
    --last;
  }
  if (last <= first) return Span{w_[first].start, w_[first].start};
  return Span{w_[first].start, w_[last - 1].end};
}

Cue CueFinder::After(const QuoteSegment& seg) const {
  if (!seg.closed) return Cue();
  auto [pf, pl] = w_.Range(doc_.paragraphs[seg.paragraph]);
  int i = w_.FirstAt(seg.close_end);
  if (i >= pl) return Cue();
  std::string_view t = doc_.norm.text();
  char last = seg.span.end > seg.span.start ? t[seg.span.end - 1] : ' ';
  bool open_ended = last == ',' || last == '?' || last == '!' || last == '-';
  if (w_.Is(i, ',')) {
    ++i;
    open_ended = true;
  }
  if (i >= pl) return Cue();
  int len;
  // '"..." - Jo Bloggs': a dash sign-off.
  if (w_.Is(i, '-')) {
    Mention m = mp_.After(i + 1, pl);
    if (m.kind == Mention::kName || m.kind == Mention::kOrg) {
      return MakeCue(m, i, i + 1, "dash-signoff");
    }
    return Cue();
  }
  // '"...," according to X.'
  if (w_.Lower(i) == "according" && i + 1 < pl && w_.Lower(i + 1) == "to") {
    Mention m = mp_.After(i + 2, pl);
    if (m.ok()) return MakeCue(m, i, i + 2, "according-to");
    return Cue();
  }
  // '"...," said X'
  if (VerbAt(i, pl, kVerbDirect, &len)) {
    Mention m = mp_.After(i + len, pl);
    if (m.ok()) return MakeCue(m, i, i + len, "verb-speaker");
    return Cue();
  }
  // '"...," X said' — the first direct verb within reach decides.
  for (int v = i; v < pl && v < i + kMaxCueWords; ++v) {
    if (w_.Is(v, '"') || w_.Is(v, '\'') || w_.Is(v, '!') || w_.Is(v, '?') || w_.Is(v, ';') ||
        w_.Is(v, ':')) {
      break;
    }
    if (w_.Is(v, '(')) {  // "Rep. Jo Bloggs (D-Wis.) said"
      while (v + 1 < pl && !w_.Is(v, ')')) ++v;
      continue;
    }
    // A full stop ends the cue unless it abbreviates ("Sen.", "J.", "R-Ky., said").
    bool abbreviation = mp_.IsAbbreviationStop(v, i) || (v > i && w_[v - 1].initial) ||
                        w_.Is(v + 1, ',') || (w_.IsWord(v + 1) && !w_[v + 1].cap);
    if (w_.Is(v, '.') && !abbreviation) break;
    if (!VerbAt(v, pl, kVerbDirect, &len)) continue;
    Mention m = mp_.Before(v, i);
    if (!m.ok()) return Cue();
    // Only describing words may stand before the speaker phrase ("Tulsa police Chief Jo Bloggs").
    // ('"...," when Jo Bloggs said' is a new clause, not a cue.)
    for (int k = i; k < m.first; ++k) {
      if (!w_.IsWord(k) || lex_.verbs.Contains(w_, k) || m.first - i > kMaxLeadModifiers ||
          (mp_.ClassAt(k) & kClauseLink)) {
        return Cue();
      }
    }
    if (!open_ended) {
      // After a full stop, 'Smith said the plan ...' is a new sentence, not a cue.
      int after = mp_.SkipAdjunctsForward(v + len, pl);
      if (after < pl && w_.IsWord(after)) return Cue();
    }
    return MakeCue(m, v, v + len, "speaker-verb");
  }
  return Cue();
}

Cue CueFinder::Before(const QuoteSegment& seg) const {
  auto [pf, pl] = w_.Range(doc_.paragraphs[seg.paragraph]);
  int j = w_.FirstAt(seg.open) - 1;
  int floor = pf;
  if (j < pf) {
    // The quote opens its paragraph: a cue may end the previous paragraph with ':'.
    if (seg.paragraph == 0) return Cue();
    auto [qf, ql] = w_.Range(doc_.paragraphs[seg.paragraph - 1]);
    if (ql <= qf || !w_.Is(ql - 1, ':')) return Cue();
    j = ql - 1;
    floor = qf;
  }
  bool colon = false;
  if (w_.Is(j, ':')) {
    colon = true;
    --j;
  } else if (w_.Is(j, ',')) {
    --j;
  } else if (w_.Is(j, '.')) {
    return PreviousCue(j, floor);
  }
  if (j < floor) return Cue();
  // The sentence the cue is in: do not reach back past a sentence end.
  int s = doc_.SentenceAt(w_[j].start);
  if (s >= 0) floor = std::max(floor, w_.FirstAt(doc_.sentences[s].span.start));
  if (w_.IsWord(j) && w_.Lower(j) == "that" && j - 1 >= floor) --j;
  int k = mp_.SkipAdjunctsBack(j, floor, false);
  if (k < floor) return Cue();
  // 'According to X, "...'
  for (int a = k - 1; a >= floor && a >= k - kMaxLeadWords; --a) {
    if (w_.IsWord(a) && w_.Lower(a) == "according" && w_.IsWord(a + 1) && w_.Lower(a + 1) == "to") {
      Mention m = mp_.After(a + 2, k + 1);
      if (m.ok() && m.last == k + 1) return MakeCue(m, a, a + 2, "according-to");
      break;
    }
  }
  int vf;
  int flags = VerbEndingAt(k, floor, kVerbDirect, &vf);
  if (flags) {
    // ', saying: "...' — the subject of the clause before speaks.
    if ((flags & kVerbGerund) && vf - 1 >= floor && w_.Is(vf - 1, ',')) {
      Mention m = SentenceSubject(floor, vf - 1);
      if (m.ok()) return MakeCue(m, vf, k + 1, "gerund");
      return Cue();
    }
    if ((flags & kVerbGerund) && vf - 1 >= floor && mp_.IsNameWord(vf - 1)) {
      // "footage of Jo Bloggs saying: ..." — the name right before the participle.
      Mention m = mp_.Classify(mp_.RunStart(vf - 1, floor), vf);
      if (m.kind == Mention::kName) return MakeCue(m, vf, k + 1, "gerund-name");
    }
    Mention m = mp_.Before(vf, floor);
    if (m.ok() && !m.after_relative) {
      return MakeCue(m, vf, k + 1, colon ? "speaker-verb-colon" : "speaker-verb-before");
    }
    return Cue();
  }
  // 'X told the BBC: "...': an addressee between the verb and the quote.
  for (int v = k - 1; v >= floor && v >= k - kMaxObjectWords; --v) {
    if (!w_.IsWord(v)) break;
    if (int f = VerbEndingAt(v, floor, kVerbObject, &vf)) {
      // "..., asking her: "...": the subject of the clause before speaks.
      Mention m = (f & kVerbGerund) ? SentenceSubject(floor, vf) : mp_.Before(vf, floor);
      if (m.ok() && !m.after_relative) return MakeCue(m, vf, v + 1, "speaker-verb-object");
      break;
    }
  }
  // 'Jo Bloggs: "...' — a name and a colon opening the paragraph.
  if (colon) {
    Mention m = mp_.Before(j + 1, floor);
    if ((m.kind == Mention::kName || m.kind == Mention::kOrg || m.kind == Mention::kRole) &&
        m.first <= floor + 1) {
      return MakeCue(m, j + 1, j + 2, "speaker-colon");
    }
  }
  return Cue();
}

Cue CueFinder::PreviousCue(int stop, int floor) const {
  // 'Partly quoted, Mr. Bloggs said. "The rest of it."': a sentence that ends in a cue right
  // before the quote.
  int k = mp_.SkipAdjunctsBack(stop - 1, floor, false);
  int vf;
  if (k < floor || !VerbEndingAt(k, floor, kVerbDirect, &vf)) return Cue();
  int s = doc_.SentenceAt(w_[vf].start);
  int sf = s >= 0 ? std::max(floor, w_.FirstAt(doc_.sentences[s].span.start)) : floor;
  Mention m = mp_.Before(vf, sf);
  if (!m.ok() || m.after_relative || m.kind == Mention::kDescription) return Cue();
  if (m.first > sf && !w_.Is(m.first - 1, ',') && !w_.Is(m.first - 1, '"') &&
      !w_.Is(m.first - 1, '\'')) {
    return Cue();
  }
  return MakeCue(m, vf, k + 1, "previous-cue");
}

Cue CueFinder::InSentence(const QuoteSegment& seg) const {
  int s = doc_.SentenceAt(seg.open);
  if (s < 0) return Cue();
  auto [sf, sl] = w_.Range(doc_.sentences[s].span);
  int open_w = w_.FirstAt(seg.open);
  for (int v = open_w - 1; v >= sf; --v) {
    if (w_.Is(v, '"')) break;
    int vf;
    int flags = VerbEndingAt(v, sf, kVerbDirect | kVerbReport | kVerbThat, &vf);
    if (!flags) continue;
    if ((flags & kVerbGerund) && vf - 1 > sf && w_.Is(vf - 1, ',')) {
      Mention m = SentenceSubject(sf, vf - 1);
      return m.ok() ? MakeCue(m, vf, v + 1, "gerund") : Cue();
    }
    Mention m = mp_.Before(vf, sf);
    if (m.ok() && !m.after_relative) return MakeCue(m, vf, v + 1, "sentence-verb");
    return Cue();
  }
  return Cue();
}

Mention CueFinder::SentenceSubject(int first, int limit) const {
  // A speech verb earlier in the clause names the speaker: "X said ..., arguing that".
  for (int v = limit - 1; v > first; --v) {
    int vf;
    if (!VerbEndingAt(v, first, kVerbDirect | kVerbReport, &vf)) continue;
    int f;
    if (VerbEndingAt(v, first, kVerbGerund, &f)) continue;
    Mention m = mp_.Before(vf, first);
    if (m.ok() && !m.after_relative) return m;
    break;
  }
  // The subject: the last name (or pronoun) that opens a clause of the sentence and is followed
  // by a lower-case word (its verb): "Chastened by X, Jo Bloggs revised the plan, promising ...".
  Mention best;
  for (int i = first; i < limit; ++i) {
    bool clause_start = i == first || w_.Is(i - 1, ',') || w_.Is(i - 1, ';');
    if (!clause_start) continue;
    int s = i;
    while (s < limit && w_.IsWord(s) && (mp_.ClassAt(s) & kClauseLink)) ++s;
    Mention m = SubjectAt(s, limit);
    if (!m.ok()) continue;
    // The sentence's first phrase, or a clause opener followed by its verb (lower case).
    int after = m.last;
    if (s == first || (after < limit && w_.IsWord(after) && !w_[after].cap)) best = m;
  }
  return best;
}

Mention CueFinder::SubjectAt(int i, int limit) const {
  if (i >= limit || !w_.IsWord(i)) return Mention();
  int len;
  int g = lex_.pronouns.MatchAt(w_, i, i + 1, &len);
  if (g >= 0) {
    Mention m;
    m.kind = Mention::kPronoun;
    m.first = i;
    m.last = i + 1;
    m.gender = static_cast<Gender>(g);
    return m;
  }
  // Name words, possessives and title words up to the last name word ("Hillary Clinton's
  // campaign manager Robby Mook", "Democratic presidential nominee Jo Bloggs").
  int last_name = -1;
  for (int k = i; k < limit && k < i + kMaxLeadWords; ++k) {
    if (mp_.IsNameWord(k) || mp_.IsAbbreviationStop(k, i)) {
      if (mp_.IsNameWord(k)) last_name = k;
      continue;
    }
    if (!w_.IsWord(k)) break;
    if (w_.Lower(k) == "'s" || (mp_.ClassAt(k) & kDeterminer)) continue;
    // A lower-case word stays in the phrase only when a title follows before the next name.
    bool title_ahead = false;
    for (int t = k; t < limit && t < k + 3 && w_.IsWord(t) && !mp_.IsNameWord(t); ++t) {
      if (lex_.roles.MatchAt(w_, t, limit, &len) >= 0 && mp_.IsNameWord(t + len)) {
        title_ahead = true;
      }
    }
    if (!title_ahead) break;
  }
  if (last_name >= 0) {
    Mention m = mp_.NameEndingAt(last_name, i);
    return m.kind == Mention::kName || m.kind == Mention::kOrg || m.kind == Mention::kRole
               ? m
               : Mention();
  }
  Mention m = mp_.After(i, limit);
  return m.kind == Mention::kRole ? m : Mention();
}

int CueFinder::ContentStart(int i, int limit, int flags, bool loose) const {
  i = mp_.SkipAdjunctsForward(i, limit);
  // "said in a letter to the council that ...", "says at a stop in Toledo, Ohio, that ...":
  // "that" close after the verb opens the content.
  if (loose && i < limit && w_.IsWord(i) && (mp_.ClassAt(i) & kPreposition)) {
    for (int k = i + 1; k < limit && k < i + kMaxThatDistance; ++k) {
      if (!w_.IsWord(k) && !w_.Is(k, ',') && !w_.Is(k, '.')) break;
      if (w_.IsWord(k) && w_.Lower(k) == "that") return k;
    }
  }
  if (flags & kVerbObject) {
    // "told reporters that ...", "told the BBC the plan ...": find "that" or skip the addressee.
    for (int k = i; k < limit && k < i + kMaxLeadWords; ++k) {
      if (!w_.IsWord(k)) break;
      if (w_.Lower(k) == "that" || (k > i && (mp_.ClassAt(k) & kWh))) return k;
    }
    // "tells his supporters at a rally to ...": an infinitive after the addressee.
    if (flags & kVerbTo) {
      for (int k = i + 1; k < limit && k < i + kMaxLeadWords; ++k) {
        if (!w_.IsWord(k)) break;
        if (w_.Lower(k) == "to" && k + 1 < limit && w_.IsWord(k + 1) && !w_[k + 1].cap) return k;
      }
    }
    if (i < limit && mp_.IsNameWord(i)) {
      i = mp_.RunEnd(i, limit);
    } else {
      if (i < limit && w_.IsWord(i) && (mp_.ClassAt(i) & kDeterminer)) ++i;
      if (i < limit && w_.IsWord(i)) ++i;
    }
    i = mp_.SkipAdjunctsForward(i, limit);
  }
  // 'said "budget reforms" would pay for it': content may open with a quote mark.
  if (i + 1 < limit && (w_.Is(i, '"') || w_.Is(i, '\'')) && w_.IsWord(i + 1)) return i;
  if (i >= limit || !w_.IsWord(i)) return -1;
  std::string_view lw = w_.Lower(i);
  if ((flags & kVerbTo) && lw == "to") return i;
  // "that"-verbs also take an indirect question: "emphasizing why ...".
  if ((flags & kVerbThat) && !(flags & kVerbReport) && lw != "that" && !(lex_.ClassOf(lw) & kWh)) {
    return -1;
  }
  if ((flags & kVerbMixed) && lw == "as") return i;  // 'described as "an intentional act"'
  // "said about 20 people": a stop word before a number opens content after all.
  if (lex_.content_stops.Contains(w_, i) &&
      !(i + 1 < limit && w_[i + 1].kind == QWord::kNumber && (lex_.ClassOf(lw) & kPreposition))) {
    return -1;
  }
  int words = 0;
  for (int k = i; k < limit; ++k) words += w_.IsWord(k);
  return words >= kMinReportedWords ? i : -1;
}

}  // namespace claimex
