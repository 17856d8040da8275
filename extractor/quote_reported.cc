// CueFinder::Reported: reported speech without quote marks, sentence by sentence.
//
// Forms, each with its rule name:
//   speaker-verb-content   "Mr Bloggs said (that) the cuts had ..."   (also "is warning that")
//   relative-who           "an architect who said he was ..."
//   coordinated            "Jo Bloggs opened the depot and said it would ..."
//   gerund                 "..., saying the cuts ..." (the clause's subject speaks)
//   gerund-opening         "Citing the cuts, Jo Bloggs warned ..."
//   content-speaker-verb   "The cuts will hurt, Jo Bloggs said (on Monday)."
//   content-verb-speaker   "The cuts will hurt, said Jo Bloggs."
//   parenthetical          "The cuts, Jo Bloggs said, will hurt."
//   according-to           "According to Jo Bloggs, ..." / "..., according to Jo Bloggs."
// A sentence may hold several cues ("Mr Bloggs said that Ms Stone told him ..."): the content of
// each runs to the end of the sentence, so nested reported speech gives nested quotes. Verbs with
// the "that" flag need "that"; verbs with the "mixed" flag ("called") need a quote mark in their
// content.
#include <algorithm>

#include "extractor/quote_cues.h"

namespace claimex {
namespace {

constexpr int kMaxPhraseWords = 6;  // "said in a June report, and ..."

}  // namespace

bool CueFinder::Emit(int c0, int c1, const Cue& cue, const std::vector<Span>& quoted,
                     const std::vector<bool>& used, std::vector<ReportedSpeech>* out) const {
  if (c1 <= c0) return false;
  auto quoted_word = [&](int k) { return Inside(quoted, w_[k].start); };
  // Content that is all one direct quote is that quote's business.
  if (w_.Is(c0, '"') || quoted_word(c0)) {
    bool all = true;
    for (int k = c0; k < c1 && all; ++k) all = !w_.IsWord(k) || quoted_word(k);
    if (all) return false;
  }
  // The content ends before the cue of a direct quote inside it ("..., Jo Bloggs boasted, ").
  for (int k = c0 + 1; k < c1; ++k) {
    if (!used[k]) continue;
    int cut = k;
    while (cut > c0 && !w_.Is(cut - 1, ',') && !w_.Is(cut - 1, '-') && !w_.Is(cut - 1, ';') &&
           k - cut < kMaxPhraseWords) {
      --cut;
    }
    c1 = cut > c0 ? cut : k;
    break;
  }
  int words = 0;
  for (int k = c0; k < c1; ++k) words += w_.IsWord(k);
  if (words < kMinReportedWords) return false;
  out->push_back({ContentSpan(c0, c1), cue});
  return true;
}

void CueFinder::AccordingTo(int sf, int sl, const std::vector<Span>& quoted,
                            const std::vector<bool>& used, std::vector<ReportedSpeech>* out) const {
  for (int a = sf; a + 1 < sl; ++a) {
    if (!w_.IsWord(a) || w_.Lower(a) != "according" || w_.Lower(a + 1) != "to" ||
        Inside(quoted, w_[a].start)) {
      continue;
    }
    Mention m = mp_.After(a + 2, sl);
    if (!m.ok()) return;
    Cue cue = MakeCue(m, a, a + 2, "according-to");
    if (a == sf) {
      // "According to X, ...": the content follows the first comma after X.
      for (int k = m.last; k < sl; ++k) {
        if (w_.Is(k, ',')) {
          Emit(k + 1, sl, cue, quoted, used, out);
          break;
        }
      }
    } else if (a - 1 > sf && w_.Is(a - 1, ',')) {
      Emit(AfterDateline(sf, a - 1), a - 1, cue, quoted, used, out);
    }
    return;
  }
}

// A newswire dateline opening the sentence ("HARBOURSIDE, 22 July 2024 - ...", "LONDON
// (Wire) - ...": a word in capitals, then a spaced dash within eight words) is not what was
// said: the content starts after the dash. Otherwise `first`.
int CueFinder::AfterDateline(int first, int last) const {
  std::string_view head = w_.Text(first);
  if (head.size() < 3 ||
      !std::all_of(head.begin(), head.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return first;
  }
  for (int k = first + 1; k < std::min(last, first + 9); ++k) {
    if (w_.Is(k, '-') && w_[k].start > w_[k - 1].end && k + 1 < last) return k + 1;
  }
  return first;
}

void CueFinder::Reported(int s, const std::vector<Span>& quoted, const std::vector<bool>& used,
                         std::vector<ReportedSpeech>* out) const {
  // Plain ints, not a structured binding: lambdas below capture them (clang 14, used for the
  // fuzz build, cannot capture structured bindings).
  const std::pair<int, int> range = w_.Range(doc_.sentences[s].span);
  const int sf = range.first, sl = range.second;
  if (sl - sf < 4) return;
  auto quoted_word = [&](int k) { return Inside(quoted, w_[k].start); };
  auto is_word = [&](int k, std::string_view lw) {
    return k >= sf && k < sl && w_.IsWord(k) && w_.Lower(k) == lw;
  };
  struct Found {
    Cue cue;
    int content;  // first word of the content
  };
  std::vector<Found> found;
  for (int v = sf; v < sl; ++v) {
    if (used[v] || !w_.IsWord(v)) continue;
    int len;
    int flags =
        VerbAt(v, sl, kVerbReport | kVerbThat | kVerbGerund | kVerbMixed | kVerbStance, &len);
    if (!flags || quoted_word(v)) continue;
    const int after = v + len;
    // "is (once again) warning that", "has been saying": a participle after an auxiliary is a
    // finite verb.
    const int aux = mp_.SkipAdjunctsBack(v - 1, sf, false);
    const bool progressive = is_word(aux, "is") || is_word(aux, "are") || is_word(aux, "was") ||
                             is_word(aux, "were") || is_word(aux, "been") ||
                             is_word(aux, "isn't") || is_word(aux, "wasn't") ||
                             is_word(aux, "aren't") || is_word(aux, "weren't");
    // "Citing an old theory, Jo Bloggs accused ...": a participle opening the sentence; the
    // content runs to the comma, the speaker is the subject after it.
    if ((flags & kVerbGerund) && !progressive && found.empty() &&
        (v == sf || (v == sf + 1 && (mp_.ClassAt(sf) & kClauseLink)))) {
      int k = after;
      while (k < sl && !w_.Is(k, ',')) ++k;
      Mention m = k + 1 < sl ? SubjectAt(k + 1, sl) : Mention();
      if (m.ok() && k < sl) {
        Emit(after, k, MakeCue(m, v, after, "gerund-opening"), quoted, used, out);
        return;
      }
      continue;
    }
    if ((flags & kVerbGerund) && !progressive) {
      // "..., saying the cuts ...", "began by saying ...", "tweets saying that ...": the subject
      // of the clause speaks.
      const bool after_comma = w_.Is(v - 1, ',') && v - 1 > sf;
      // ("tweets saying that ...": after a noun, but not after "be" or "without")
      const bool after_word =
          v - 1 > sf && w_.IsWord(v - 1) &&
          ((mp_.ClassAt(v - 1) & (kPreposition | kSubordinator)) ||
           mp_.SkipAdjunctsBack(v - 1, sf, false) != v - 1 ||  // "tweets on Friday saying"
           (!w_[v - 1].cap && !lex_.content_stops.Contains(w_, v - 1) &&
            !lex_.gerund_stops.Contains(w_, v - 1)));
      if (!after_comma && !after_word) continue;
      int c = ContentStart(after, sl, flags);
      if (c < 0) continue;
      Mention m = SentenceSubject(sf, v - 1);
      if (m.ok()) found.push_back({MakeCue(m, v, after, "gerund"), c});
      continue;
    }
    // A naming verb ("called", "criticized") is speech only with a quote in its content.
    const bool mixed_only =
        (flags & (kVerbMixed | kVerbStance)) && !(flags & (kVerbReport | kVerbThat));
    // "..., said X."
    if (!mixed_only && found.empty() && w_.Is(v - 1, ',') && v - 1 > sf) {
      Mention m = mp_.After(after, sl);
      // "..., told me." is no speaker phrase; a description needs a determiner.
      if (m.kind == Mention::kDescription && !(mp_.ClassAt(m.first) & kDeterminer)) {
        m = Mention();
      }
      if (m.ok()) {
        int e = m.last;
        if (w_.Is(e, ',')) {
          while (e < sl && !w_.Is(e, '.')) ++e;  // an apposition to the end
        }
        e = mp_.SkipAdjunctsForward(e, sl);
        if (e >= sl - 1) {
          Emit(sf, v - 1, MakeCue(m, v, after, "content-verb-speaker"), quoted, used, out);
          return;
        }
      }
    }
    const int verb = progressive ? aux : v;
    const int j = mp_.SkipBack(verb - 1, sf);
    Mention m;
    const char* rule = "speaker-verb-content";
    if (is_word(j, "who")) {
      // "an architect who said ...", "Jo Bloggs, now the party leader, who said ..."
      int e = w_.Is(j - 1, ',') ? j - 2 : j - 1;
      if (e >= sf && mp_.IsNameWord(e)) m = mp_.Classify(mp_.RunStart(e, sf), e + 1);
      if (m.kind != Mention::kName && m.kind != Mention::kOrg) m = mp_.Before(j, sf);
      rule = "relative-who";
    } else if (is_word(j, "and") || is_word(j, "but")) {
      // "Jo Bloggs opened the depot and said ...": the clause's subject.
      m = SentenceSubject(sf, j);
      rule = "coordinated";
    } else {
      m = mp_.Before(verb, sf);
      // "The Commission on Harbour Safety says", "supporters in the council say": the mention
      // before the verb is the object of a phrase after the subject's head; walk back over up to
      // two such phrases to the head (which speaks).
      for (int hop = 0; hop < 2 && m.ok() && !m.after_relative && !mp_.AtClauseStart(m.first, sf);
           ++hop) {
        const int p = m.first - 1;
        if (p <= sf || !w_.IsWord(p) || !(mp_.ClassAt(p) & kPreposition)) break;
        Mention head = mp_.Before(p, sf);
        if (!head.ok()) break;
        m = head;
      }
      // "The independent Commission says": lower-case modifiers between a determiner at the
      // clause start and the name belong to the mention.
      if (m.ok() && !m.after_relative && !mp_.AtClauseStart(m.first, sf)) {
        int k = m.first - 1;
        int n = 0;
        while (k > sf && n < 3 && w_.IsWord(k) && w_[k].kind == QWord::kAlpha && !w_[k].cap &&
               !mp_.ClassAt(k)) {
          --k;
          ++n;
        }
        if (n > 0 && k >= sf && w_.IsWord(k) && (mp_.ClassAt(k) & kDeterminer) &&
            mp_.AtClauseStart(k, sf)) {
          m.first = k;
        }
      }
    }
    if (!m.ok()) continue;
    if (!(flags & kVerbReport) && !(flags & kVerbMixed) && IsSourceNoun(m)) continue;
    const bool plain = rule == std::string_view("speaker-verb-content");
    if (plain && found.empty() && !mixed_only) {
      // "The cuts, Jo Bloggs said, will hurt."
      int p = mp_.SkipAdjunctsForward(after, sl);
      if (p < sl && w_.IsWord(p) && (mp_.ClassAt(p) & kPreposition)) {
        int k = p;
        while (k < sl && k - p < kMaxPhraseWords && w_.IsWord(k)) ++k;
        if (w_.Is(k, ',')) p = k;
      }
      // (not when a new clause follows: "..., X said on Friday, as staff gathered")
      bool clause_after =
          p + 1 < sl && w_.IsWord(p + 1) &&
          ((mp_.ClassAt(p + 1) & kClauseLink) || VerbAt(p + 1, sl, kVerbGerund, &len));
      if (w_.Is(p, ',') && !clause_after && m.first - 1 > sf && w_.Is(m.first - 1, ',')) {
        if (Emit(sf, sl, MakeCue(m, verb, after, "parenthetical"), quoted, used, out)) return;
        continue;
      }
      // "The cuts will hurt, Jo Bloggs said (on Monday)(, as ...)."
      int e = mp_.SkipAdjunctsForward(after, sl);
      if (e < sl && w_.IsWord(e) && (mp_.ClassAt(e) & kPreposition)) {
        int k = e;
        while (k < sl && k - e < kMaxPhraseWords && w_.IsWord(k)) ++k;
        if (k >= sl || w_.Is(k, ',') || k == sl - 1) e = k;
      }
      // "..., Jo Bloggs told the Gazette."
      if ((flags & kVerbObject) && e < sl && mp_.IsNameWord(e)) {
        e = mp_.SkipAdjunctsForward(mp_.RunEnd(e, sl), sl);
      }
      bool ends = e >= sl || (!w_.IsWord(e) && (e == sl - 1 || w_.Is(e, ',')));
      // The content ends with a comma, or with a quote mark after one ('... smart,'' X said').
      bool comma_before =
          m.first - 1 > sf && (w_.Is(m.first - 1, ',') || w_.Is(m.first - 1, '"') ||
                               (w_.Is(m.first - 1, '\'') && w_.Is(m.first - 2, '\'')));
      if (ends && comma_before) {
        Emit(sf, m.first - 1, MakeCue(m, verb, after, "content-speaker-verb"), quoted, used, out);
        return;
      }
    }
    if (plain && !m.after_relative && !mp_.AtClauseStart(m.first, sf)) continue;
    // A naming verb keeps its object in the content: 'called [the plan "a disaster"]'.
    int content_flags = mixed_only ? (flags & ~kVerbObject) | kVerbMixed : flags;
    int c = ContentStart(after, sl, content_flags, rule != std::string_view("coordinated"));
    if (c < 0) continue;
    if (mixed_only) {
      // 'X called the plan "a disaster"' is a mixed quote; without a quote mark a naming or
      // criticism verb ("Jo Bloggs criticised the plan") is an attributed stance only when a
      // person by name (or pronoun, or title) holds it.
      bool quote = false;
      for (int k = c; k < sl && !quote; ++k) quote = w_.Is(k, '"') || w_.Is(k, '\'');
      bool person =
          m.kind == Mention::kName || m.kind == Mention::kPronoun || m.kind == Mention::kRole;
      if (!quote && (!person || !(flags & kVerbStance))) continue;
      // A naming verb (mixed and stance: "called") without a quote mark names only with a
      // complement after its object: "called the plan a reset", not "called her mother on Friday"
      // or "called the police when ...".
      if (!quote && (flags & kVerbMixed)) {
        bool early_link = false;
        for (int k = c; k < std::min(c + 3, sl) && !early_link; ++k) {
          early_link =
              !w_.IsWord(k) ||
              ((mp_.ClassAt(k) & (kPreposition | kClauseLink)) && w_.Lower(k) != "of");
        }
        if (early_link) continue;
      }
    }
    found.push_back({MakeCue(m, verb, after, rule), c});
    v = c - 1;  // cues inside this content end it
  }
  // "the Mayor's claim that the depot would close": a speech noun (speech_nouns.txt) after a
  // possessor (up to two modifiers between: "Jo Bloggs's earlier claim that"), with a clause after
  // "that" (not "the claim that was made"); the possessor speaks.
  if (found.empty()) {
    for (int v = sf + 2; v + 2 < sl; ++v) {
      if (used[v] || quoted_word(v) || !lex_.speech_nouns.Contains(w_, v) ||
          !is_word(v + 1, "that")) {
        continue;
      }
      const int s0 = v + 2;
      const bool clause = w_.IsWord(s0) && (lex_.pronouns.Contains(w_, s0) ||
                                            (mp_.ClassAt(s0) & kDeterminer) ||
                                            w_.Lower(s0) == "there" || mp_.IsNameWord(s0));
      if (!clause) continue;
      int k = v - 1;
      for (int n = 0; n < 2 && k > sf && w_.IsWord(k) && !w_[k].cap && !is_word(k, "'s") &&
                      !mp_.ClassAt(k);
           ++n) {
        --k;
      }
      if (!is_word(k, "'s")) continue;
      Mention m = mp_.Before(k, sf);
      if (!m.ok()) continue;
      Emit(v + 1, sl, MakeCue(m, v, v + 1, "speech-noun"), quoted, used, out);
      return;
    }
  }
  // Each content runs to the end of the sentence; a cue inside it is reported speech nested in
  // it ("X said that Y told him ...") and gets its own, shorter quote.
  for (const Found& f : found) Emit(f.content, sl, f.cue, quoted, used, out);
  if (found.empty()) AccordingTo(sf, sl, quoted, used, out);
}

}  // namespace claimex
