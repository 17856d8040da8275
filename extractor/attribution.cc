// Attributor: who stands behind each figure.
//
// 1. A figure inside a quote takes the quote's speaker: a direct quote ("in-quote:<quote rule>")
//    or reported speech ("in-reported:<quote rule>"). When the speaker is an organisation
//    speaking for itself (Speaker::org == name: "the Home Office said ..."), it becomes the
//    figure's source instead ("in-reported-org:..."). A figure in a quote whose speaker is
//    unknown keeps no speaker ("in-quote-unresolved") but may take a source as in 2.
// 2. A figure in the article's own voice may take a named source from the cues of
//    patterns/source_cues.txt, searched once per article in the normalized text: "after" cues
//    cover the figures after them in their sentence, "sentence" cues the whole sentence,
//    "anaphor" cues ("The statistics also revealed ...") the figures after them with the source
//    of the latest cue before, at most two paragraphs back. The rule name goes to
//    Claim::attribution_rule. Words of patterns/source_stopwords.txt ("The", "New") are not part
//    of a source.
#include "extractor/attribution.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractor/quote_words.h"

namespace claimex {
namespace {

constexpr int kAnaphorParagraphs = 2;

// A capitalised name: "City Hall", "Office for National Statistics", "ONS".
constexpr const char* kOrgMacro =
    R"((?:\p{Lu}[\p{L}\p{N}'&.-]*)(?:\s+(?:(?:of|for|and|on|&)\s+)?\p{Lu}[\p{L}\p{N}'&.-]*)*)";

enum class Scope { kAfter, kSentence, kAnaphor };

struct SourceRule {
  std::string name;
  Scope scope = Scope::kAfter;
  std::unique_ptr<RE2> re;
  int group = 0;  // index of the "src" group (0 for anaphor rules)
  bool org_only = false;
};

struct SourceHit {
  uint32_t start = 0;  // the cue
  uint32_t end = 0;
  std::string source;  // "" for an anaphor without antecedent
  const SourceRule* rule = nullptr;
};

void ReplaceAll(std::string* s, const std::string& from, const std::string& to) {
  for (size_t pos = s->find(from); pos != std::string::npos; pos = s->find(from, pos + to.size())) {
    s->replace(pos, from.size(), to);
  }
}

class Impl : public Attributor {
 public:
  void Attribute(const Document& doc, Extraction* ex) const override;

  std::vector<SourceRule> rules;
  // All rules' patterns in one set, compiled at Create: one pass over an article tells which
  // rules can match at all, and only those are run one by one (null: run every rule).
  std::unique_ptr<RE2::Set> prefilter;
  StringMap<int> org_words;
  StringMap<int> stop_words;  // source_stopwords.txt

 private:
  std::vector<SourceHit> FindSources(const Document& doc) const;
  bool LooksLikeOrg(std::string_view name) const;
  std::string CleanSource(std::string_view s) const;
};

std::string Impl::CleanSource(std::string_view s) const {
  // Drop leading words that are no source ("The", "New"), and a possessive.
  while (!s.empty()) {
    size_t sp = s.find(' ');
    std::string_view first = s.substr(0, sp);
    if (first != "the" && stop_words.find(first) == stop_words.end()) break;
    s = sp == std::string_view::npos ? std::string_view() : s.substr(sp + 1);
  }
  while (!s.empty() && (s.back() == '.' || s.back() == '\'' || s.back() == '-')) s.remove_suffix(1);
  if (s.ends_with("'s")) s.remove_suffix(2);
  return std::string(s);
}

bool Impl::LooksLikeOrg(std::string_view name) const {
  WordIndex w(name);
  for (int i = 0; i < w.size(); ++i) {
    if (org_words.find(w.Text(i)) != org_words.end() || w[i].acronym) return true;
  }
  return false;
}

std::vector<SourceHit> Impl::FindSources(const Document& doc) const {
  std::vector<SourceHit> hits;
  const std::string& text = doc.norm.text();
  std::vector<bool> may_match(rules.size(), true);
  if (prefilter != nullptr) {
    std::vector<int> which;
    RE2::Set::ErrorInfo error;
    if (prefilter->Match(text, &which, &error)) {
      std::fill(may_match.begin(), may_match.end(), false);
      for (int k : which) may_match[k] = true;
    } else if (error.kind == RE2::Set::kNoError) {
      return hits;  // no rule matches anywhere
    }  // else (the DFA ran out of memory): run every rule
  }
  for (size_t k = 0; k < rules.size(); ++k) {
    if (!may_match[k]) continue;
    const SourceRule& r = rules[k];
    re2::StringPiece input(text);
    std::vector<re2::StringPiece> groups(r.re->NumberOfCapturingGroups() + 1);
    size_t pos = 0;
    while (pos <= text.size() && r.re->Match(input, pos, text.size(), RE2::UNANCHORED,
                                             groups.data(), static_cast<int>(groups.size()))) {
      const re2::StringPiece& all = groups[0];
      SourceHit h;
      h.start = static_cast<uint32_t>(all.data() - text.data());
      h.end = static_cast<uint32_t>(h.start + all.size());
      h.rule = &r;
      if (r.group > 0 && groups[r.group].data() != nullptr) {
        h.source = CleanSource(std::string_view(groups[r.group].data(), groups[r.group].size()));
      }
      pos = std::max<size_t>(h.end, h.start + 1);
      if (r.scope != Scope::kAnaphor && h.source.empty()) continue;
      if (r.org_only && !LooksLikeOrg(h.source)) continue;
      hits.push_back(std::move(h));
    }
  }
  std::sort(hits.begin(), hits.end(),
            [](const SourceHit& a, const SourceHit& b) { return a.start < b.start; });
  // Anaphors take the source of the latest named cue before them, not too far back.
  auto paragraph_of = [&](uint32_t off) {
    auto it = std::upper_bound(doc.paragraphs.begin(), doc.paragraphs.end(), off,
                               [](uint32_t o, const Span& p) { return o < p.start; });
    return static_cast<int>(it - doc.paragraphs.begin()) - 1;
  };
  for (size_t i = 0; i < hits.size(); ++i) {
    if (hits[i].rule->scope != Scope::kAnaphor) continue;
    for (size_t j = i; j-- > 0;) {
      if (hits[j].rule->scope == Scope::kAnaphor) continue;
      if (paragraph_of(hits[i].start) - paragraph_of(hits[j].start) <= kAnaphorParagraphs) {
        hits[i].source = hits[j].source;
      }
      break;
    }
  }
  return hits;
}

void Impl::Attribute(const Document& doc, Extraction* ex) const {
  if (ex->claims.empty()) return;
  std::vector<SourceHit> hits;
  bool hits_ready = false;
  for (Claim& c : ex->claims) {
    // 1. Inside a quote: the quote's speaker (the innermost quote when they nest).
    // Quotes never cross a paragraph: look back from the claim to its paragraph's start only.
    const Quote* in = nullptr;
    {
      auto para = std::upper_bound(doc.paragraphs.begin(), doc.paragraphs.end(), c.span.start,
                                   [](uint32_t o, const Span& p) { return o < p.start; });
      uint32_t floor = para == doc.paragraphs.begin() ? 0 : (para - 1)->start;
      auto it = std::upper_bound(ex->quotes.begin(), ex->quotes.end(), c.span.start,
                                 [](uint32_t o, const Quote& q) { return o < q.span.start; });
      while (it != ex->quotes.begin()) {
        --it;
        if (it->span.start < floor) break;
        if (c.span.end <= it->span.end) {
          in = &*it;  // the latest-starting quote that holds the claim: the innermost
          break;
        }
      }
    }
    if (in != nullptr) {
      const char* where = in->kind == QuoteKind::kDirect ? "in-quote" : "in-reported";
      const Speaker* sp = in->speaker >= 0 && in->speaker < static_cast<int>(ex->speakers.size())
                              ? &ex->speakers[in->speaker]
                              : nullptr;
      if (sp != nullptr && !sp->org.empty() && sp->org == sp->name) {
        // An organisation speaking for itself is the figure's source.
        c.source = sp->name;
        c.attribution_rule = std::string(where) + "-org:" + in->rule;
        continue;
      }
      if (sp != nullptr) {
        c.speaker = in->speaker;
        c.attribution_rule = std::string(where) + ":" + in->rule;
        continue;
      }
      // Unknown speaker ("a spokesman said ..."): a named source cue may still apply below.
      c.attribution_rule = "in-quote-unresolved";
    }
    // 2. The article's own voice: a named source near the figure.
    if (!hits_ready) {
      hits = FindSources(doc);
      hits_ready = true;
    }
    int s = doc.SentenceAt(c.span.start);
    if (s < 0) continue;
    const Span sent = doc.sentences[s].span;
    const SourceHit* best = nullptr;
    for (const SourceHit& h : hits) {
      if (h.start >= sent.end) break;
      if (h.start < sent.start || h.source.empty()) continue;
      bool applies = h.rule->scope == Scope::kSentence || h.end <= c.span.start;
      if (!applies) continue;
      // The nearest cue before the figure wins over a sentence-wide one after it.
      if (best == nullptr || h.end <= c.span.start) best = &h;
    }
    if (best != nullptr) {
      c.source = best->source;
      c.attribution_rule = best->rule->name;
    }
  }
}

Status LoadSourceRules(const RuleSet& rules, Impl* impl) {
  auto nouns = rules.Get("source_nouns.txt");
  if (!nouns.ok()) return nouns.status();
  std::string data = "(?:";
  for (const RuleLine& line : (*nouns)->lines) {
    if (line.fields.size() != 1) return (*nouns)->Error(line, "expected one noun per line");
    if (data.size() > 3) data += "|";
    data += RE2::QuoteMeta(line.fields[0]);
  }
  data += ")";
  auto stops = rules.Get("source_stopwords.txt");
  if (!stops.ok()) return stops.status();
  for (const RuleLine& line : (*stops)->lines) impl->stop_words[line.fields[0]] = 1;
  auto orgs = rules.Get("organisations.txt");
  if (!orgs.ok()) return orgs.status();
  for (const RuleLine& line : (*orgs)->lines) impl->org_words[line.fields[0]] = 1;
  auto file = rules.Get("source_cues.txt");
  if (!file.ok()) return file.status();
  for (const RuleLine& line : (*file)->lines) {
    if (line.fields.size() < 3 || line.fields.size() > 4) {
      return (*file)->Error(line, "expected: RULE SCOPE REGEX [org]");
    }
    SourceRule r;
    r.name = line.fields[0];
    const std::string& scope = line.fields[1];
    if (scope == "after") {
      r.scope = Scope::kAfter;
    } else if (scope == "sentence") {
      r.scope = Scope::kSentence;
    } else if (scope == "anaphor") {
      r.scope = Scope::kAnaphor;
    } else {
      return (*file)->Error(line, "unknown scope '" + scope + "'");
    }
    if (line.fields.size() == 4) {
      if (line.fields[3] != "org")
        return (*file)->Error(line, "unknown flag '" + line.fields[3] + "'");
      r.org_only = true;
    }
    std::string pattern = line.fields[2];
    ReplaceAll(&pattern, "{ORG}", kOrgMacro);
    ReplaceAll(&pattern, "{DATA}", data);
    RE2::Options opt;
    opt.set_log_errors(false);
    r.re = std::make_unique<RE2>(pattern, opt);
    if (!r.re->ok()) return (*file)->Error(line, "bad regex: " + r.re->error());
    auto named = r.re->NamedCapturingGroups();
    auto it = named.find("src");
    if (it != named.end()) r.group = it->second;
    if (r.scope != Scope::kAnaphor && r.group == 0) {
      return (*file)->Error(line, "regex has no (?P<src>...) group");
    }
    impl->rules.push_back(std::move(r));
  }
  RE2::Options opt;
  opt.set_log_errors(false);
  auto set = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
  for (const SourceRule& r : impl->rules) {
    if (set->Add(r.re->pattern(), nullptr) < 0) return Status::Ok();  // no prefilter
  }
  if (set->Compile()) impl->prefilter = std::move(set);
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<const Attributor>> Attributor::Create(const RuleSet& rules) {
  auto impl = std::make_unique<Impl>();
  CLAIMEX_RETURN_IF_ERROR(LoadSourceRules(rules, impl.get()));
  return std::unique_ptr<const Attributor>(std::move(impl));
}

}  // namespace claimex
