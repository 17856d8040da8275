#include "extractor/speaker_mentions.h"

namespace claimex {
namespace {

constexpr int kMaxDescriptionWords = 8;  // "a senior source close to the talks"
constexpr int kMaxModifierWords = 4;     // "longtime Democratic pollster"
constexpr int kMaxNameWords = 4;         // "Leonard E. Burman", "Ursula von der Leyen"
constexpr int kMaxParenWords = 10;       // "(D-Wis.)", "(R-Utah)"
constexpr int kMaxAppositions = 5;       // "Jo Bloggs, 59, of Ashton, Md., who ..., said"

}  // namespace

std::string MentionParser::TextOf(int first, int last) const {
  if (first >= last) return "";
  return std::string(w_.text().substr(w_[first].start, w_[last - 1].end - w_[first].start));
}

std::string MentionParser::RoleHead(int i, int len) const {
  int h = i + len - 1;
  for (int k = i + 1; k < i + len; ++k) {
    if (w_.IsWord(k) && (w_.Lower(k) == "of" || w_.Lower(k) == "for")) {
      h = k - 1;
      break;
    }
  }
  if (w_.Is(h, '.') && h > i) --h;
  return std::string(w_.Lower(h));
}

bool MentionParser::IsAbbreviationStop(int i, int floor) const {
  if (!w_.Is(i, '.') || i - 1 < floor) return false;
  int len;
  return lex_.honorifics.Contains(w_, i - 1) || lex_.roles.MatchEndingAt(w_, i, floor, &len) >= 0;
}

bool MentionParser::IsNameWord(int i) const {
  if (!w_.IsWord(i)) return false;
  const QWord& q = w_[i];
  return q.kind == QWord::kAlpha && (q.cap || q.initial);
}

int MentionParser::RunStart(int last, int floor) const {
  int k = last;
  while (k - 1 >= floor && !w_[k].para_start) {
    int p = k - 1;
    if (IsNameWord(p) && !lex_.IsNameStop(w_.Text(p))) {
      k = p;
      continue;
    }
    int len;
    // "Mr." / "Sen.": the full stop of an abbreviated honorific or role.
    if (w_.Is(p, '.') && IsAbbreviationStop(p, floor)) {
      k = p;
      continue;
    }
    if (w_.IsWord(p) && lex_.IsParticle(w_.Text(p)) && IsNameWord(p - 1) && p - 1 >= floor) {
      k = p;
      continue;
    }
    // "Mayor of London", "Office for National Statistics": of/for after a role or organisation.
    std::string_view lw = w_.IsWord(p) ? w_.Lower(p) : std::string_view();
    if ((lw == "of" || lw == "for") && p - 1 >= floor && IsNameWord(p - 1) &&
        (lex_.roles.MatchEndingAt(w_, p - 1, floor, &len) >= 0 || lex_.IsOrgWord(w_.Text(p - 1)))) {
      k = p;
      continue;
    }
    break;
  }
  return k;
}

int MentionParser::RunEnd(int first, int limit) const {
  int k = first;
  while (k < limit && (k == first || !w_[k].para_start)) {
    if (IsNameWord(k) && (k == first || !lex_.IsNameStop(w_.Text(k)))) {
      ++k;
      continue;
    }
    if (k > first && IsAbbreviationStop(k, first)) {
      ++k;
      continue;
    }
    if (k > first && w_.IsWord(k) && lex_.IsParticle(w_.Text(k)) && IsNameWord(k + 1) &&
        k + 1 < limit) {
      ++k;
      continue;
    }
    std::string_view lw = w_.IsWord(k) ? w_.Lower(k) : std::string_view();
    int len;
    if (k > first && (lw == "of" || lw == "for") && IsNameWord(k + 1) && k + 1 < limit &&
        (lex_.roles.MatchEndingAt(w_, k - 1, first, &len) >= 0 || lex_.IsOrgWord(w_.Text(k - 1)))) {
      ++k;
      continue;
    }
    break;
  }
  return k;
}

bool MentionParser::AtClauseStart(int i, int floor) const {
  if (i <= floor) return true;
  int p = i - 1;
  if (w_[p].kind == QWord::kPunct) return true;
  // "Even China said", "But Jo Bloggs said": a capitalised opener at the sentence start.
  if (p == floor && lex_.IsNameStop(w_.Text(p))) return true;
  return (ClassAt(p) & kClauseLink) != 0;
}

int MentionParser::SkipAdjunctsBack(int i, int floor, bool before_verb) const {
  while (i >= floor) {
    int len;
    int v = lex_.adjuncts.MatchEndingAt(w_, i, floor, &len);
    if (v < 0 || (v == kAdjunctBefore && !before_verb)) break;
    i -= len;
  }
  return i;
}

int MentionParser::SkipAdjunctsForward(int i, int limit) const {
  while (i < limit) {
    int len;
    int v = lex_.adjuncts.MatchAt(w_, i, limit, &len);
    if (v != kAdjunctBoth) break;
    i += len;
  }
  return i;
}

Mention MentionParser::Classify(int first, int last) const {
  Mention m;
  m.first = first;
  m.last = last;
  int i = first;
  // Leading determiners ("the Mayor") and capitalised function words ("The", "Although").
  while (i < last && w_.IsWord(i) &&
         ((ClassAt(i) & kDeterminer) || lex_.IsNameStop(w_.Text(i)))) {
    ++i;
  }
  const int role_start = i;
  // The name starts after the last title, honorific, lower-case word or punctuation of the
  // phrase: "Wells Fargo CEO John Stumpf", "Stein spokeswoman Melezia Figueroa", "Mr. King".
  int name_start = i;
  int honorific_at = -1;
  bool after_honorific = false;
  int k = i;
  while (k < last) {
    int len;
    if (!after_honorific) {
      int g = lex_.honorifics.MatchAt(w_, k, last, &len);
      int after = k + len + (w_.Is(k + len, '.') ? 1 : 0);
      if (g >= 0 && after < last && IsNameWord(after)) {
        m.honorific = true;
        honorific_at = k;
        if (g != static_cast<int>(Gender::kAny)) m.gender = static_cast<Gender>(g);
        k = name_start = after;
        after_honorific = true;  // everything after "Mr." is the name ("Mr. King")
        continue;
      }
      g = lex_.roles.MatchAt(w_, k, last, &len);
      // "Charlie King", "John Major": a title that is also a surname ends the phrase after a
      // capitalised word that is no title.
      if (g >= 0 && k + 1 == last && k > name_start && IsNameWord(k - 1) &&
          lex_.surname_roles.Contains(w_, k) && !lex_.roles.Contains(w_, k - 1) &&
          !lex_.IsOrgWord(w_.Text(k - 1))) {
        g = -1;
      }
      if (g >= 0) {
        m.role_head = RoleHead(k, len);
        if (g != static_cast<int>(Gender::kAny)) m.gender = static_cast<Gender>(g);
        k += len;
        if (w_.Is(k, '.') && k + 1 < last) ++k;
        // "Minister for Policing Kit Malthouse", "the Mayor of Northshire": of/for + a capitalised
        // word, when a name remains after it or nothing does.
        while (k + 1 < last && (w_.Lower(k) == "of" || w_.Lower(k) == "for") && IsNameWord(k + 1) &&
               (last - (k + 2) >= 2 || last == k + 2)) {
          k += 2;
        }
        name_start = k;
        continue;
      }
    }
    if (!w_.IsWord(k) || (!IsNameWord(k) && !lex_.IsParticle(w_.Text(k)))) {
      name_start = k + 1;  // a lower-case modifier, "'s", or punctuation
      honorific_at = -1;
      after_honorific = false;
    }
    ++k;
  }
  int name_last = last;
  while (name_last > name_start && !w_.IsWord(name_last - 1)) --name_last;
  // Particles open no name ("de Blasio" keeps them only after a first name).
  m.name_first = name_start;
  m.name_last = name_last;
  int role_end = honorific_at >= 0 ? honorific_at : name_start;
  while (role_end > role_start && !w_.IsWord(role_end - 1) &&
         !IsAbbreviationStop(role_end - 1, role_start)) {
    --role_end;
  }
  if (role_end > role_start) m.role = TextOf(role_start, role_end);
  // "King says": a lone capitalised title that is also a surname, with no "the", is a name.
  if (m.name_words() <= 0 && role_start == first && last - first == 1 && w_[first].cap &&
      lex_.surname_roles.Contains(w_, first)) {
    m.name_first = first;
    m.name_last = last;
    m.role.clear();
    m.role_head.clear();
    m.gender = Gender::kAny;
    m.kind = Mention::kName;
    return m;
  }
  if (m.name_words() <= 0) {
    m.name_first = m.name_last = name_start;
    m.kind = m.role_head.empty() ? Mention::kDescription : Mention::kRole;
    if (role_end <= role_start) m.kind = Mention::kNone;
    return m;
  }
  // "the Bank of England": the name after of/for continues an organisation's name.
  if (m.name_first - 2 >= role_start && w_.IsWord(m.name_first - 1) &&
      (w_.Lower(m.name_first - 1) == "of" || w_.Lower(m.name_first - 1) == "for") &&
      lex_.IsOrgWord(w_.Text(m.name_first - 2))) {
    m.name_first = RunStart(m.name_first - 2, role_start);
    if (m.name_first <= role_start) m.role.clear();  // (no "Office for" role in "the Office for X")
    m.kind = Mention::kOrg;
    m.gender = Gender::kThing;
    return m;
  }
  // "the Washington Post Jo Bloggs" (an organisation, then a person): the name after it.
  int last_org = -1;
  for (int n = m.name_first; n < m.name_last; ++n) {
    if (lex_.IsOrgWord(w_.Text(n))) last_org = n;
  }
  if (last_org >= 0 && last_org + 1 < m.name_last) m.name_first = last_org + 1;
  bool org = last_org >= 0 && last_org + 1 >= m.name_last;
  if (m.name_words() == 1 && w_[m.name_first].acronym) org = true;
  if (org) {
    m.kind = Mention::kOrg;
    m.gender = Gender::kThing;
    return m;
  }
  if (m.name_words() > kMaxNameWords) return Mention();
  int full_words = 0;  // words other than initials and particles
  for (int n = m.name_first; n < m.name_last; ++n) {
    // "Jo N Bloggs": a single capital letter is an initial without its full stop.
    full_words += !w_[n].initial && !lex_.IsParticle(w_.Text(n)) && w_[n].end - w_[n].start > 1;
  }
  if (full_words > 3) return Mention();
  m.kind = Mention::kName;
  return m;
}

Mention MentionParser::LowerCaseBefore(int j, int floor) const {
  // Walk back over the words of a describing phrase to its determiner: "a spokesman for the
  // council", "officials", "the Mayor".
  int k = j;
  int det = -1;
  int n = 0;
  // (a number counts the people described: "63 percent said", "another 19 voters said")
  while (k >= floor && n < kMaxDescriptionWords && w_.IsWord(k) &&
         (w_[k].kind == QWord::kAlpha || (w_[k].kind == QWord::kNumber && k != j)) &&
         (k == j || !w_[k + 1].para_start)) {
    int cls = ClassAt(k);
    if (cls & (kRelative | kClauseLink)) break;
    if (cls & kDeterminer) {
      det = k;
      // "a spokesman for the council": a preposition before the determiner continues the phrase.
      if (k - 1 >= floor && w_.IsWord(k - 1) && (ClassAt(k - 1) & kPreposition) &&
          !(ClassAt(k - 1) & kDeterminer)) {
        // (that determiner belongs to the phrase's object: "supporters in the council" has none)
        det = -1;
        k -= 2;
        n += 2;
        continue;
      }
      break;
    }
    if ((cls & kPreposition) && k != j) {
      --k;
      ++n;
      continue;
    }
    if (lex_.pronouns.Contains(w_, k) || lex_.content_stops.Contains(w_, k)) {
      if (k == j) return Mention();
      break;
    }
    --k;
    ++n;
  }
  int first = det >= 0 ? det : k + 1;
  if (first > j) return Mention();
  // The head noun is the last word before a preposition ("spokesman" in "a spokesman for ...").
  int head = j;
  for (int h = first + (det >= 0 ? 1 : 0); h <= j; ++h) {
    if (ClassAt(h) & kPreposition) {
      head = h - 1;
      break;
    }
  }
  // A bare phrase is short: "officials", "local officials in the county".
  if (det < 0 && (head < first || head - first + 1 > 3)) return Mention();
  if (!AtClauseStart(first, floor)) return Mention();
  Mention m;
  m.first = first;
  m.last = j + 1;
  m.kind = Mention::kDescription;
  int len;
  int g = lex_.roles.MatchEndingAt(w_, head, first, &len);
  if (g >= 0) {
    m.role_head = std::string(w_.Lower(head));
    m.role = TextOf(det >= 0 ? det + 1 : first, head + 1);
    if (g != static_cast<int>(Gender::kAny)) m.gender = static_cast<Gender>(g);
    // "the Mayor" refers to one known person; "a spokesman" does not.
    if (det >= 0 && w_.Lower(det) == "the" && head == j) m.kind = Mention::kRole;
  }
  m.after_relative =
      first - 1 >= floor && w_.IsWord(first - 1) && (ClassAt(first - 1) & kRelative);
  return m;
}

Mention MentionParser::NameBefore(int j, int floor) const {
  int s = RunStart(j, floor);
  // Lower-case role words and their modifiers right before the name: "Stein spokeswoman Melezia
  // Figueroa", "longtime Democratic pollster Pat Caddell", "Clinton's spokesman Brian Fallon".
  int len;
  if (s - 1 >= floor && w_.IsWord(s - 1) && !w_[s - 1].cap &&
      lex_.roles.MatchEndingAt(w_, s - 1, floor, &len) >= 0) {
    int k = s - len;
    int n = 0;
    while (k - 1 >= floor && n < kMaxModifierWords && !w_[k].para_start && w_.IsWord(k - 1) &&
           w_[k - 1].kind == QWord::kAlpha && !ClassAt(k - 1) &&
           !lex_.IsNameStop(w_.Text(k - 1))) {
      --k;
      ++n;
    }
    s = k;
  }
  int p = s - 1;
  if (p >= floor && w_.IsWord(p) && w_.Lower(p) == "the") --p;
  if (p >= floor && w_.IsWord(p) && (ClassAt(p) & kPreposition) &&
      !(ClassAt(p) & kDeterminer)) {
    // "Mr. Morgan of the Sierra Club said": the person is named before of/at/from.
    std::string_view lp = w_.Lower(p);
    if ((lp == "of" || lp == "at" || lp == "from") && p - 1 >= floor && IsNameWord(p - 1) &&
        !lex_.roles.Contains(w_, p - 1) && !lex_.IsOrgWord(w_.Text(p - 1))) {
      Mention person = NameBefore(p - 1, floor);
      if (person.kind == Mention::kName) {
        if (person.role.empty()) person.role = TextOf(s, j + 1);
        person.last = j + 1;
        return person;
      }
    }
    // "a spokesman for the Home Office said": the name is part of a describing phrase whose
    // head is a title ("a trip by Senator Jo Bloggs" is not).
    Mention d = LowerCaseBefore(j, floor);
    if (d.ok() && !d.role_head.empty()) return d;
  }
  Mention m = Classify(s, j + 1);
  if (!m.ok()) return m;
  // The phrase may start with "The" (skipped by Classify); keep it in the span.
  if (s - 1 >= floor && w_.IsWord(s - 1) && (ClassAt(s - 1) & kDeterminer)) {
    m.first = s - 1;
  }
  m.after_relative = m.first - 1 >= floor && w_.IsWord(m.first - 1) &&
                     (ClassAt(m.first - 1) & kRelative);
  return m;
}

int MentionParser::SkipBack(int j, int floor) const {
  while (j >= floor) {
    int k = SkipAdjunctsBack(j, floor, true);
    if (k != j) {
      j = k;
      continue;
    }
    // "Clinton boldly suggested": one adverb in -ly after the subject.
    std::string_view lw = w_.IsWord(j) ? w_.Lower(j) : std::string_view();
    if (lw.size() > 4 && lw.ends_with("ly") && !w_[j].cap && j - 1 >= floor &&
        (IsNameWord(j - 1) || lex_.pronouns.Contains(w_, j - 1) || w_.Is(j - 1, ')') ||
         w_.Is(j - 1, ',') || SkipAdjunctsBack(j - 1, floor, true) != j - 1)) {
      --j;
      continue;
    }
    // "who in 2010 said": a preposition and a year.
    if (w_[j].kind == QWord::kNumber && j - 1 >= floor && w_.IsWord(j - 1) &&
        (ClassAt(j - 1) & kPreposition)) {
      j -= 2;
      continue;
    }
    // "Rep. Jo Bloggs (D-Wis.) said": a parenthesis.
    if (w_.Is(j, ')')) {
      int o = j - 1;
      while (o >= floor && o > j - kMaxParenWords && !w_.Is(o, '(')) --o;
      if (o >= floor && w_.Is(o, '(')) {
        j = o - 1;
        continue;
      }
    }
    break;
  }
  return j;
}

bool MentionParser::IsSegmentBreak(int k) const {
  // A lone '-' is a dash ("WASHINGTON -- President X"); hyphens inside words are no words.
  return w_[k].kind == QWord::kPunct && !w_.Is(k, '.') && !w_.Is(k, '(') && !w_.Is(k, ')') &&
         !w_.Is(k, '&') && !w_.Is(k, '/') && !IsPossessiveMark(k);
}

bool MentionParser::IsPossessiveMark(int k) const {
  // "the Tenants' Union", "veterans' families": an apostrophe after a plural, not a quote mark.
  return w_.Is(k, '\'') && k > 0 && w_.IsWord(k - 1) && w_[k - 1].end == w_[k].start &&
         w_.Lower(k - 1).ends_with("s") && k + 1 < w_.size() && w_.IsWord(k + 1);
}

std::string MentionParser::RoleIn(int first, int last, std::string* head, Gender* gender) const {
  for (int r = first; r < last; ++r) {
    if (w_.IsWord(r) && (ClassAt(r) & kRelative)) break;  // "who runs ..."
    int len;
    int g = lex_.roles.MatchAt(w_, r, last, &len);
    if (g < 0) continue;
    *head = RoleHead(r, len);
    if (g != static_cast<int>(Gender::kAny)) *gender = static_cast<Gender>(g);
    int a = first;
    while (a < last && w_.IsWord(a) && (ClassAt(a) & kDeterminer)) ++a;
    return TextOf(a, last);
  }
  return "";
}

Mention MentionParser::Apposed(int comma, int floor) const {
  // Comma-separated segments before the verb: the earliest one that is a name at its segment's
  // start is the speaker; a segment after it with a title gives the role. "Steve Smith, the
  // party's spokesman, said", "Jo Bloggs, 59, of Ashton, Md., said", "Mayor of X, Jo Bloggs,
  // said" (a title alone is no name).
  Mention best;
  int best_end = -1;
  int seg_end = comma;
  bool after_phrase = false;  // only prepositional phrases so far ("X, at the debate, said")
  for (int n = 0; n < kMaxAppositions; ++n) {
    int k = seg_end - 1;
    while (k >= floor && !IsSegmentBreak(k) && !w_[k + 1].para_start) --k;
    int seg_start = k + 1;
    bool phrase = seg_start < seg_end && w_.IsWord(seg_start) &&
                  (ClassAt(seg_start) & kPreposition) &&
                  !(ClassAt(seg_start) & kDeterminer);
    if (n == 0) after_phrase = phrase;
    int last_word = seg_end - 1;
    while (last_word >= seg_start && (w_.Is(last_word, '.') || w_.Is(last_word, ')'))) {
      if (w_.Is(last_word, ')')) {
        while (last_word > seg_start && !w_.Is(last_word, '(')) --last_word;
      }
      --last_word;
    }
    if (last_word >= seg_start && IsNameWord(last_word)) {
      Mention a = NameBefore(last_word, seg_start);
      bool named = a.kind == Mention::kName || a.kind == Mention::kOrg;
      if (named && a.first <= seg_start + 1) {
        best = a;
        best_end = seg_end;
      } else if (named && after_phrase && !best.ok()) {
        // "Trump has been targeting her since Clinton, at the debate, cited ...": the name
        // right before a phrase in commas.
        best = a;
        best_end = seg_end;
        break;
      }
    }
    if (!phrase) after_phrase = false;
    if (k < floor || !w_.Is(k, ',')) break;
    seg_end = k;
  }
  if (!best.ok()) return best;
  if (best.kind == Mention::kName) {
    // The role: the first segment after the name that has a title.
    int r0 = best_end + 1;
    while (r0 < comma) {
      int r1 = r0;
      while (r1 < comma && !w_.Is(r1, ',')) ++r1;
      std::string head;
      Gender g = Gender::kAny;
      std::string role = RoleIn(r0, r1, &head, &g);
      if (!role.empty()) {
        if (best.role.empty()) best.role = role;
        if (best.role_head.empty()) best.role_head = head;
        if (best.gender == Gender::kAny) best.gender = g;
        break;
      }
      r0 = r1 + 1;
    }
  }
  best.last = comma;
  return best;
}

namespace {
constexpr int kMaxDashAside = 30;  // words between the dashes of "X -- an aside -- said"
}  // namespace

Mention MentionParser::Before(int end, int floor) const {
  int j = SkipBack(end - 1, floor);
  if (j < floor) return Mention();
  if (w_.Is(j, ',')) return Apposed(j, floor);
  // "Jo Bloggs -- author of a book on the ferries -- said": the mention before the opening dash.
  auto dash = [&](int k) {
    if (k < floor || w_.IsWord(k)) return false;
    std::string_view t = w_.Text(k);
    return t == "-" || t == "--" || t == "\u2014" || t == "\u2013" || t == "\u2015";
  };
  if (dash(j)) {
    int k = j;
    while (dash(k - 1)) --k;
    int open = k - 1;
    for (int n = 0; open >= floor && !dash(open) && n < kMaxDashAside; ++n) --open;
    if (open < floor || !dash(open) || open == k - 1) return Mention();
    while (dash(open - 1)) --open;
    Mention m = Before(open, floor);
    if (m.kind != Mention::kName && m.kind != Mention::kOrg) return Mention();
    return AtClauseStart(m.first, floor) ? m : Mention();
  }
  if (!w_.IsWord(j)) return Mention();
  int g;
  int len;
  if ((g = lex_.pronouns.MatchAt(w_, j, j + 1, &len)) >= 0) {
    Mention m;
    m.kind = Mention::kPronoun;
    m.first = j;
    m.last = j + 1;
    m.gender = static_cast<Gender>(g);
    m.after_relative =
        j - 1 >= floor && w_.IsWord(j - 1) && (ClassAt(j - 1) & kRelative);
    return m;
  }
  if (IsNameWord(j)) return NameBefore(j, floor);
  if (w_[j].kind == QWord::kAlpha) return LowerCaseBefore(j, floor);
  return Mention();
}

Mention MentionParser::After(int start, int limit) const {
  int i = SkipAdjunctsForward(start, limit);
  if (i >= limit || !w_.IsWord(i)) return Mention();
  {
    int cls = ClassAt(i);
    if ((cls & (kRelative | kClauseLink | kPreposition | kWh)) && !(cls & kDeterminer)) {
      return Mention();  // "... suggests that Phoenix": no speaker phrase starts here
    }
  }
  int g, len;
  if ((g = lex_.pronouns.MatchAt(w_, i, i + 1, &len)) >= 0) {
    Mention m;
    m.kind = Mention::kPronoun;
    m.first = i;
    m.last = i + 1;
    m.gender = static_cast<Gender>(g);
    return m;
  }
  // The phrase runs to punctuation, a relative word or a preposition other than of/for.
  int e = i;
  int n = 0;
  while (e < limit && n < kMaxDescriptionWords + 2) {
    if (!w_.IsWord(e)) {
      // "Mr." / "Sen.": keep the full stop of an abbreviation before a name.
      if (w_.Is(e, '.') && e > i && IsNameWord(e + 1) && e + 1 < limit &&
          IsAbbreviationStop(e, i)) {
        ++e;
        continue;
      }
      break;
    }
    int cls = ClassAt(e);
    if (e > i && (cls & kRelative) && !(cls & kDeterminer)) break;
    if (e > i && (cls & kPreposition)) {
      // of/for continue a title or organisation ("Mayor of London", "a spokesman for the
      // council") but not a name ("Jo Bloggs of the Sierra Club").
      std::string_view lw = w_.Lower(e);
      bool inside =
          (lw == "of" || lw == "for") &&
          (!IsNameWord(e - 1) || lex_.roles.Contains(w_, e - 1) || lex_.IsOrgWord(w_.Text(e - 1)));
      if (!inside) break;
    }
    if (e > i && (cls & kClauseLink)) break;
    if (w_[e].kind == QWord::kNumber) break;
    // An auxiliary ("had", "is", "will") starts a clause: the phrase ended before it.
    if (e > i && !(cls & kPreposition) && lex_.content_stops.Contains(w_, e)) break;
    ++e;
    ++n;
  }
  if (e == i) return Mention();
  // Trailing "of"/"for" without a complement.
  while (e > i && w_.IsWord(e - 1) && (ClassAt(e - 1) & kPreposition)) --e;
  Mention m;
  if (IsNameWord(e - 1)) {
    // The last run of name words is the name: "Republican nominee Donald Trump".
    int s = RunStart(e - 1, i);
    bool has_lower_after_det = false;
    for (int k = i; k < s; ++k) {
      if (w_.IsWord(k) && (ClassAt(k) & kPreposition)) has_lower_after_det = true;
    }
    if (has_lower_after_det) {
      // "a spokesman for the Home Office": a description that ends in a name.
      m = Classify(i, e);
      if (m.kind != Mention::kOrg) {
        m.kind = Mention::kDescription;
        m.name_first = m.name_last = 0;
      }
    } else {
      m = Classify(i, e);
    }
  } else {
    m = Classify(i, e);
    if (m.kind == Mention::kName) m.kind = Mention::kDescription;
    // "said the mayor": a lower-case role with "the" refers to a known person.
    if (m.kind == Mention::kRole && w_.Lower(i) != "the") m.kind = Mention::kDescription;
  }
  if (!m.ok()) return m;
  m.first = i;
  m.last = e;
  // Apposition after a name: "said Jo Bloggs, an economist at the bank".
  if (m.kind == Mention::kName && w_.Is(e, ',') && e + 1 < limit) {
    int r = e + 1;
    int r_end = r;
    while (r_end < limit && r_end - r < 16 &&
           !(w_[r_end].kind == QWord::kPunct && !w_.Is(r_end, '(') && !w_.Is(r_end, ')') &&
             !w_.Is(r_end, '-') && !IsPossessiveMark(r_end))) {
      ++r_end;
    }
    bool is_role = false;
    for (int k = r; k < r_end; ++k) {
      int l2;
      int g2 = lex_.roles.MatchAt(w_, k, r_end, &l2);
      if (g2 >= 0) {
        is_role = true;
        if (m.role_head.empty()) m.role_head = RoleHead(k, l2);
        if (m.gender == Gender::kAny && g2 != 0) m.gender = static_cast<Gender>(g2);
        break;
      }
      if (w_.IsWord(k) && (ClassAt(k) & kRelative)) break;
    }
    if (is_role && m.role.empty()) {
      int a0 = r;
      while (a0 < r_end && w_.IsWord(a0) && (ClassAt(a0) & kDeterminer)) ++a0;
      m.role = TextOf(a0, r_end);
    }
  }
  return m;
}

}  // namespace claimex
