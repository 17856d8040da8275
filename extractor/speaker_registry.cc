#include "extractor/speaker_registry.h"

#include <algorithm>

namespace claimex {
namespace {

constexpr int kPronounParagraphs = 3;  // how far back a pronoun looks for its person
constexpr int kTitleWords = 4;         // a title-case paragraph has at least this many words
constexpr int kRoleWords = 24;         // the longest role in apposition ("the police and ...")

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool Compatible(Gender person, Gender pronoun) {
  if (pronoun == Gender::kMale || pronoun == Gender::kFemale) {
    return person == Gender::kAny || person == pronoun;
  }
  return true;
}

}  // namespace

SpeakerRegistry::SpeakerRegistry(const WordIndex& words, const QuoteLexicon& lex,
                                 const MentionParser& parser, const std::vector<Span>& paragraphs,
                                 std::vector<uint32_t> section_starts)
    : w_(words),
      lex_(lex),
      mp_(parser),
      paragraphs_(paragraphs),
      section_starts_(std::move(section_starts)) {}

int SpeakerRegistry::ParagraphOf(int word) const {
  if (word < 0 || word >= w_.size()) return static_cast<int>(paragraphs_.size());
  uint32_t off = w_[word].start;
  auto it = std::upper_bound(paragraphs_.begin(), paragraphs_.end(), off,
                             [](uint32_t o, const Span& p) { return o < p.start; });
  return static_cast<int>(it - paragraphs_.begin()) - 1;
}

int SpeakerRegistry::SectionOf(int word) const {
  uint32_t off = word < w_.size() ? w_[word].start : static_cast<uint32_t>(w_.text().size());
  return static_cast<int>(std::upper_bound(section_starts_.begin(), section_starts_.end(), off) -
                          section_starts_.begin());
}

void SpeakerRegistry::AddMention(int word, int person) {
  if (scanning_) {  // sorted once at the end of Scan()
    mentions_.emplace_back(word, person);
    people_[person].mentions.push_back(word);
    return;
  }
  std::pair<int, int> m{word, person};
  auto it = std::lower_bound(mentions_.begin(), mentions_.end(), m);
  if (it != mentions_.end() && *it == m) return;
  mentions_.insert(it, m);
  std::vector<int>& own = people_[person].mentions;
  own.insert(std::lower_bound(own.begin(), own.end(), word), word);
}

void SpeakerRegistry::SortMentions() {
  std::sort(mentions_.begin(), mentions_.end());
  mentions_.erase(std::unique(mentions_.begin(), mentions_.end()), mentions_.end());
  for (Person& p : people_) {
    std::sort(p.mentions.begin(), p.mentions.end());
    p.mentions.erase(std::unique(p.mentions.begin(), p.mentions.end()), p.mentions.end());
  }
}

int SpeakerRegistry::AddPerson(const Mention& m) {
  std::string name = mp_.TextOf(m.name_first, m.name_last);
  std::string key = Lower(name);
  auto it = by_name_.find(key);
  int p;
  if (it != by_name_.end()) {
    p = Canon(it->second);
  } else {
    std::string first(w_.Lower(m.name_first));
    std::string last(w_.Lower(m.name_last - 1));
    p = -1;
    // "Donald J. Trump" and "Donald Trump" are one person.
    if (m.kind == Mention::kName && m.name_words() >= 2) {
      auto same_last = by_last_.find(last);
      if (same_last != by_last_.end()) {
        for (int i : same_last->second) {
          const Person& other = people_[i];
          if (!other.org && other.same_as < 0 && other.first_word == first) {
            p = i;
            break;
          }
        }
      }
    }
    if (p < 0) {
      Person person;
      person.name = name;
      person.first_word = first;
      person.last_word = last;
      person.org = m.kind == Mention::kOrg;
      // A common first name marks a person and gives a gender a pronoun can check.
      int len;
      int g = m.name_words() >= 2
                  ? lex_.first_names.MatchAt(w_, m.name_first, m.name_first + 1, &len)
                  : -1;
      if (g >= 0 && !person.org) {
        person.first_name = true;
        person.gender = static_cast<Gender>(g);
      }
      if (people_.empty()) people_.reserve(16);  // (a growing vector moves every Person)
      people_.push_back(std::move(person));
      if (m.honorific) people_.back().honorific = true;
      p = static_cast<int>(people_.size()) - 1;
      if (name.find(' ') != std::string::npos) {
        by_first_[first].push_back(p);
        by_last_[last].push_back(p);
      }
    }
    by_name_[key] = p;
  }
  if (m.honorific) people_[p].honorific = true;
  NoteRole(p, m);
  return p;
}

void SpeakerRegistry::SetRoleHead(int p, const std::string& head) {
  people_[p].role_head = head;
  by_role_[head].push_back(p);
}

void SpeakerRegistry::NoteRole(int p, const Mention& m) {
  Person& person = people_[p];
  if (person.role.empty() && !m.role.empty()) person.role = m.role;
  if (person.role_head.empty() && !m.role_head.empty()) SetRoleHead(p, m.role_head);
  if (person.gender == Gender::kAny && !person.org &&
      (m.gender == Gender::kMale || m.gender == Gender::kFemale)) {
    person.gender = m.gender;
  }
}

std::string SpeakerRegistry::AppositeRole(const Mention& m, std::string* head) const {
  auto role_in = [&](int a, int b) {
    for (int k = a; k < b; ++k) {
      int len;
      if (lex_.verbs.MatchAt(w_, k, b, &len) >= 0) return false;
    }
    for (int k = a; k < b; ++k) {
      int len;
      if (lex_.roles.MatchAt(w_, k, b, &len) >= 0) {
        *head = mp_.RoleHead(k, len);
        return true;
      }
    }
    return false;
  };
  // A title phrase has no quote mark at its edge and no speech verb ("...,' said the Mayor").
  auto is_break = [&](int k) {
    return w_[k].kind == QWord::kPunct && !w_.Is(k, '(') && !w_.Is(k, ')') && !w_.Is(k, '-') &&
           !mp_.IsPossessiveMark(k);
  };

  // After: "Jo Bloggs, the party's spokesman, said".
  if (w_.Is(m.last, ',')) {
    int a = m.last + 1;
    int b = a;
    while (b < w_.size() && b - a < kRoleWords && !is_break(b) && !w_[b].para_start) ++b;
    bool starts_ok =
        a < w_.size() && w_.IsWord(a) &&
        ((mp_.ClassAt(a) & kDeterminer) || !w_[a].cap || lex_.roles.Contains(w_, a));
    if (b > a && starts_ok && (w_.Is(b, ',') || w_.Is(b, '.')) && role_in(a, b)) {
      while (a < b && (mp_.ClassAt(a) & kDeterminer)) ++a;
      return mp_.TextOf(a, b);
    }
  }
  // Before: "London Assembly member for Hackney, Jo Bloggs said".
  if (m.first - 1 >= 0 && w_.Is(m.first - 1, ',')) {
    int b = m.first - 1;
    int a = b;
    while (a - 1 >= 0 && b - a < kRoleWords && !is_break(a - 1) && !w_[a].para_start) --a;
    if (b > a && (a == 0 || is_break(a - 1) || w_[a].para_start) && role_in(a, b)) {
      while (a < b && (mp_.ClassAt(a) & kDeterminer)) ++a;
      return mp_.TextOf(a, b);
    }
  }
  return "";
}

std::string SpeakerRegistry::OrgOfRole(const std::string& role) const {
  // "Chief Inspector at Northshire Police" -> "Northshire Police": the organisation named after
  // at/of/for/with, when it has an organisation word.
  WordIndex w(role);
  for (int i = 0; i + 1 < w.size(); ++i) {
    std::string_view lw = w.Lower(i);
    if (lw != "at" && lw != "of" && lw != "for" && lw != "with") continue;
    int a = i + 1;
    if (w.IsWord(a) && w.Lower(a) == "the") ++a;
    int b = a;
    bool org = false;
    while (b < w.size() && w.IsWord(b) && (w[b].cap || w[b].initial)) {
      org = org || lex_.IsOrgWord(w.Text(b)) || w[b].acronym;
      ++b;
    }
    if (org) return std::string(role.substr(w[a].start, w[b - 1].end - w[a].start));
  }
  return "";
}

bool SpeakerRegistry::TitleCase(Span paragraph) const {
  auto [a, b] = w_.Range(paragraph);
  // Counted below are the words that are no function words; most paragraphs are prose, which
  // a few lower-case content words already rule out, so look those up first: at most
  // `capitalized` capitals can be counted, and 9 lower-case content words per capital say no.
  int capitalized = 0, alpha = 0;
  for (int k = a; k < b; ++k) {
    if (!w_.IsWord(k) || w_[k].kind != QWord::kAlpha) continue;
    ++alpha;
    capitalized += w_[k].cap;
  }
  if (alpha < kTitleWords) return false;
  int lower_content = 0;
  for (int k = a; k < b; ++k) {
    if (!w_.IsWord(k) || w_[k].kind != QWord::kAlpha || w_[k].cap) continue;
    if (mp_.ClassAt(k)) continue;
    if (9 * ++lower_content > capitalized) return false;
  }
  int words = 0, caps = 0;
  for (int k = a; k < b; ++k) {
    if (!w_.IsWord(k) || w_[k].kind != QWord::kAlpha || mp_.ClassAt(k)) continue;
    ++words;
    caps += w_[k].cap;
  }
  return words >= kTitleWords && (words - caps) * 10 <= words;
}

void SpeakerRegistry::MergeLongNames() {
  // A name that ends with another known name is one person with it. Usually the longer one has
  // a stray word in front ("Rival Jo Bloggs" is "Jo Bloggs"); but when the shorter one is a
  // compound surname ("Mr. Guajardo Villarreal", "De Blasio") the longer one is the full name.
  for (size_t p = 0; p < people_.size(); ++p) {
    Person& person = people_[p];
    if (person.org || person.same_as >= 0) continue;
    WordIndex words(person.name);
    for (int k = 1; k + 2 <= words.size(); ++k) {
      std::string suffix =
          Lower(person.name.substr(words[k].start, person.name.size() - words[k].start));
      auto it = by_name_.find(suffix);
      if (it == by_name_.end() || Canon(it->second) == static_cast<int>(p)) continue;
      int other = Canon(it->second);
      Person& shorter = people_[other];
      std::string first = Lower(words.Text(k));
      bool surname = shorter.honorific || lex_.IsParticle(first);
      int from = surname ? other : static_cast<int>(p);
      int to = surname ? static_cast<int>(p) : other;
      people_[from].same_as = to;
      for (int word : people_[from].mentions) AddMention(word, to);
      if (people_[to].role.empty()) people_[to].role = people_[from].role;
      if (people_[to].role_head.empty() && !people_[from].role_head.empty()) {
        SetRoleHead(to, people_[from].role_head);
      }
      break;
    }
  }
}

int SpeakerRegistry::Canon(int p) const {
  while (p >= 0 && people_[p].same_as >= 0) p = people_[p].same_as;
  return p;
}

int SpeakerRegistry::FindByName(int first, int last) const {
  auto it = by_name_.find(Lower(mp_.TextOf(first, last)));
  return it == by_name_.end() ? -1 : Canon(it->second);
}

int SpeakerRegistry::FindPartName(const Mention& m, int before_word) const {
  const int a = m.name_first, b = m.name_last;
  // A longer full name that ends with these words: "Guajardo Villarreal".
  std::string tail = " " + Lower(mp_.TextOf(a, b));
  auto same_last = by_last_.find(w_.Lower(b - 1));
  if (same_last != by_last_.end()) {
    for (int p : same_last->second) {
      const Person& person = people_[p];
      if (person.org || person.same_as >= 0) continue;
      std::string name = Lower(person.name);
      if (name.size() > tail.size() && name.ends_with(tail)) return p;
    }
  }
  // Fewer words: "Rival Jo Bloggs", "Bloggs Vows" (a title-case headline), "De Bloggs".
  for (int k = a + 1; k < b; ++k) {
    int p = b - k >= 2 ? FindByName(k, b) : FindByWord(w_.Lower(k), true, before_word);
    if (p >= 0) return p;
  }
  for (int k = b - 1; k > a; --k) {
    int p = k - a >= 2 ? FindByName(a, k) : FindByWord(w_.Lower(a), true, before_word);
    if (p >= 0) return p;
  }
  return -1;
}

bool SpeakerRegistry::Knows(const Mention& m) const {
  // Only people: "PENCE:" is Mike Pence, "CLARIFICATION:" is nobody.
  bool one_word = m.name_words() == 1;
  if (m.kind != Mention::kName && !(m.kind == Mention::kOrg && one_word)) return false;
  // ... and only people the article marks as such ("Operation Anchor:" is no one).
  int p = FindByName(m.name_first, m.name_last);
  if (p < 0 || people_[p].org) {
    p = one_word ? FindByWord(w_.Lower(m.name_first), true, w_.size()) : FindPartName(m, w_.size());
  }
  return p >= 0 && !people_[p].org && Strong(people_[p]);
}

void SpeakerRegistry::Scan() {
  scanning_ = true;
  std::vector<Mention> pending;
  int i = 0;
  const int n = w_.size();
  // Title-case paragraphs (headlines) give no reliable names: "Jo Bloggs Vows To Act".
  std::vector<Span> skip;
  for (const Span& p : paragraphs_) {
    if (TitleCase(p)) skip.push_back(p);
  }
  size_t next_skip = 0;
  while (i < n) {
    while (next_skip < skip.size() && skip[next_skip].end <= w_[i].start) ++next_skip;
    if (next_skip < skip.size() && w_[i].start >= skip[next_skip].start) {
      i = w_.FirstAt(skip[next_skip].end);
      continue;
    }
    bool starts = (mp_.IsNameWord(i) && !lex_.IsNameStop(w_.Text(i))) ||
                  (w_.IsWord(i) && w_.Lower(i) == "the" && mp_.IsNameWord(i + 1));
    if (!starts) {
      ++i;
      continue;
    }
    int s = w_.Lower(i) == "the" ? i + 1 : i;
    int e = mp_.RunEnd(s, n);
    if (e <= s) {
      ++i;
      continue;
    }
    int floor = std::max(0, s - 6);
    Mention m = mp_.NameEndingAt(e - 1, floor);
    if (m.kind == Mention::kName || m.kind == Mention::kOrg) {
      std::string head;
      std::string role = AppositeRole(m, &head);
      if (!role.empty() && m.kind == Mention::kName) {
        if (m.role.empty()) m.role = role;
        if (m.role_head.empty()) m.role_head = head;
      }
      if (m.kind == Mention::kOrg || m.name_words() >= 2) {
        AddMention(m.name_first, AddPerson(m));
      } else {
        pending.push_back(m);
      }
    } else if (m.kind == Mention::kRole) {
      pending.push_back(m);
    }
    i = e;
  }
  MergeLongNames();
  SortMentions();
  // One-word names and roles refer to the full names read above (mentions found here are added
  // after the loop, so that every lookup sees the full names only).
  std::vector<std::pair<int, int>> found;
  for (const Mention& m : pending) {
    int p = -1;
    if (m.kind == Mention::kName) {
      std::string_view word = w_.Lower(m.name_first);
      p = FindByWord(word, true, m.first);
      if (p < 0) p = FindByWord(word, false, m.first);
    } else {
      p = FindByRole(m.role_head, m.first);
    }
    if (p >= 0) {
      if (m.kind == Mention::kName && m.honorific && people_[p].gender == Gender::kAny) {
        NoteRole(p, m);
      }
      found.emplace_back(m.name_first < m.name_last ? m.name_first : m.first, p);
    }
  }
  for (const auto& [word, p] : found) AddMention(word, p);
  SortMentions();
  scanning_ = false;
}

int SpeakerRegistry::LatestMention(int person, int before_word) const {
  const std::vector<int>& own = people_[person].mentions;
  auto it = std::lower_bound(own.begin(), own.end(), before_word);
  return it == own.begin() ? -1 : *(it - 1);
}

int SpeakerRegistry::FindByWord(std::string_view lower, bool last_word, int before_word) const {
  const StringMap<std::vector<int>>& index = last_word ? by_last_ : by_first_;
  auto it = index.find(lower);
  if (it == index.end()) return -1;
  int best = -1;
  int best_key = -2;
  for (int i : it->second) {
    const Person& p = people_[i];
    if (p.org || p.same_as >= 0) continue;
    // Prefer who already speaks, then the latest mention before, then the first named.
    int key = LatestMention(i, before_word);
    if (p.speaker >= 0) key += 1 << 28;
    if (key > best_key) {
      best_key = key;
      best = i;
    }
  }
  return best;
}

int SpeakerRegistry::FindByRole(const std::string& role_head, int before_word) const {
  auto it = by_role_.find(role_head);
  if (role_head.empty() || it == by_role_.end()) return -1;
  int best = -1;
  int best_key = -2;
  for (int i : it->second) {
    const Person& p = people_[i];
    if (p.org || p.same_as >= 0 || p.role_head != role_head) continue;
    int key = LatestMention(i, before_word);
    if (key > best_key) {
      best_key = key;
      best = i;
    }
  }
  return best;
}

int SpeakerRegistry::ResolvePronoun(const Mention& m) const {
  const int para = ParagraphOf(m.first);
  const int section = SectionOf(m.first);
  const bool person_pronoun = m.gender == Gender::kMale || m.gender == Gender::kFemale;
  // Prefer people the article marks as such (a speaker, an honorific, a title, a gender) over
  // other capitalised names ("People in Lantern Hill told me," she said).
  int weak = -1, fallback = -1;
  for (auto it = std::lower_bound(mentions_.begin(), mentions_.end(), std::make_pair(m.first, -1));
       it != mentions_.begin();) {
    --it;
    if (para - ParagraphOf(it->first) > kPronounParagraphs) break;
    if (SectionOf(it->first) != section) break;
    const Person& p = people_[it->second];
    if (p.org == person_pronoun) continue;
    if (!Compatible(p.gender, m.gender)) {
      if (fallback < 0 && Strong(p)) fallback = it->second;
      continue;
    }
    if (Strong(p)) return it->second;
    if (weak < 0) weak = it->second;
  }
  return weak >= 0 ? weak : fallback;
}

bool SpeakerRegistry::Strong(const Person& p) const {
  return p.speaker >= 0 || p.honorific || !p.role.empty() || p.first_name ||
         p.gender == Gender::kMale || p.gender == Gender::kFemale;
}

bool SpeakerRegistry::MarkedAsPerson(int speaker) const {
  for (const Person& p : people_) {
    if (p.speaker != speaker || p.same_as >= 0) continue;
    return !p.org && (p.honorific || !p.role.empty() || p.first_name || p.by_pronoun);
  }
  return false;
}

SpeakerRegistry::Resolution SpeakerRegistry::Resolve(const Mention& m,
                                                     std::vector<Speaker>* speakers) {
  Resolution r;
  int p = -1;
  switch (m.kind) {
    case Mention::kName:
      if (m.name_words() >= 2) {
        r.how = "name";
        p = FindByName(m.name_first, m.name_last);
        if (p < 0 && (p = FindPartName(m, m.first)) >= 0) r.how = "name-part";
        if (p < 0) p = AddPerson(m);
        NoteRole(p, m);
      } else {
        std::string_view word = w_.Lower(m.name_first);
        p = FindByWord(word, true, m.first);
        r.how = "surname";
        if (p < 0 && (p = FindByWord(word, false, m.first)) >= 0) r.how = "first-name";
        if (p < 0) {
          p = AddPerson(m);
          r.how = "surname-only";
          // A lone capitalised word never introduced as a person ("Harbourline said") is
          // taken for an organisation: it takes no pronouns, and its figures get it as source.
          if (!m.honorific && m.role.empty() && m.role_head.empty()) people_[p].org = true;
        }
        NoteRole(p, m);
      }
      break;
    case Mention::kOrg:
      // An all-capitals word may be a surname ("PENCE:" in a transcript).
      if (m.name_words() == 1 && (p = FindByWord(w_.Lower(m.name_first), true, m.first)) >= 0) {
        r.how = "surname";
        break;
      }
      p = AddPerson(m);
      r.how = "org";
      break;
    case Mention::kRole:
      p = FindByRole(m.role_head, m.first);
      r.how = "role";
      break;
    case Mention::kPronoun:
      p = ResolvePronoun(m);
      r.how = "pronoun";
      if (p >= 0 && !people_[p].org) {
        if (people_[p].gender == Gender::kAny) people_[p].gender = m.gender;
        people_[p].by_pronoun = true;
      }
      break;
    case Mention::kDescription:
    case Mention::kNone:
      r.how = "description";
      break;
  }
  if (p < 0) return r;
  AddMention(m.kind == Mention::kName || m.kind == Mention::kOrg ? m.name_first : m.first, p);
  Person& person = people_[p];
  if (person.speaker < 0) {
    Speaker s;
    s.name = person.name;
    s.role = person.role;
    s.org = person.org ? person.name : OrgOfRole(person.role);
    speakers->push_back(s);
    person.speaker = static_cast<int>(speakers->size()) - 1;
  }
  Speaker& s = (*speakers)[person.speaker];
  if (s.role.empty()) {
    s.role = person.role;
    if (s.org.empty()) s.org = OrgOfRole(s.role);
  }
  if (m.kind != Mention::kPronoun) {
    std::string alias = mp_.TextOf(m.kind == Mention::kRole ? m.first : m.first, m.last);
    if (m.kind == Mention::kName && m.honorific) alias = mp_.TextOf(m.first, m.name_last);
    if (m.kind == Mention::kName && !m.honorific) alias = mp_.TextOf(m.name_first, m.name_last);
    if (alias != s.name &&
        std::find(s.aliases.begin(), s.aliases.end(), alias) == s.aliases.end()) {
      s.aliases.push_back(alias);
    }
  }
  r.speaker = person.speaker;
  return r;
}

}  // namespace claimex
