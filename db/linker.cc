#include "db/linker.h"

#include <sqlite3.h>
#include <utf8proc.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "db/link_index.h"
#include "db/link_match.h"
#include "db/link_signature.h"
#include "db/link_text.h"

namespace claimex {

std::string FoldNormalized(std::string_view normalized) {
  std::string out;
  out.reserve(normalized.size());
  bool pending_space = false;
  auto put_space_if_pending = [&] {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
  };
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(normalized.data());
  size_t i = 0;
  while (i < normalized.size()) {
    const unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      if (b == ' ' || (b >= '\t' && b <= '\r')) {
        pending_space = true;
        continue;
      }
      put_space_if_pending();
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b));
      continue;
    }
    utf8proc_int32_t c = 0xFFFD;
    utf8proc_ssize_t n =
        utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(normalized.size() - i), &c);
    i += n > 0 ? static_cast<size_t>(n) : 1;  // a stray byte becomes U+FFFD
    if (n <= 0) c = 0xFFFD;
    put_space_if_pending();
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t len = utf8proc_encode_char(utf8proc_tolower(c), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
  }
  return out;
}

std::string NormalizeSentence(std::string_view raw) {
  return FoldNormalized(NormalizedText(raw).text());
}

std::string SentenceKey(const NormalizedText& body, Span raw) {
  const uint32_t start = body.FromRaw(raw.start);
  const uint32_t end = std::max(start, body.FromRaw(raw.end));
  return FoldNormalized(std::string_view(body.text()).substr(start, end - start));
}

namespace {

// The kind byte of a statement's candidate key that is looked up but not posted (an anchor:
// Link). Above every KeyKind, so that a posted key sorts before it.
constexpr uint8_t kLookupOnly = 0xff;

// Days since 1970-01-01 of a 'YYYY-MM-DD' date, or nothing for a shorter or odd one.
std::optional<int64_t> DayNumber(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
  int y = std::atoi(d.substr(0, 4).c_str());
  const unsigned m = static_cast<unsigned>(std::atoi(d.substr(5, 2).c_str()));
  const unsigned day = static_cast<unsigned>(std::atoi(d.substr(8, 2).c_str()));
  if (m < 1 || m > 12 || day < 1 || day > 31) return std::nullopt;
  y -= m <= 2;  // H. Hinnant's days_from_civil
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + ts.tv_nsec / 1e9;
}

// A stored article's place in time.
struct ArticleInfo {
  std::string published;
  int64_t seq = 0;
};

// Tokens of the part of a sentence that a quote covers; `base` is the sentence's body offset.
void AddQuoteTokens(const LinkLexicon& lex, std::string_view sentence, uint32_t base,
                    uint32_t q_start, uint32_t q_end, std::vector<LinkToken>* out) {
  const uint32_t from = std::max(q_start, base);
  const uint32_t to = std::min<uint32_t>(q_end, base + static_cast<uint32_t>(sentence.size()));
  if (from >= to) return;
  std::vector<LinkToken> t =
      lex.Tokenize(NormalizeSentence(sentence.substr(from - base, to - from)));
  out->insert(out->end(), t.begin(), t.end());
}

}  // namespace

struct Linker::Impl {
  Options options;
  MatchOptions match;
  std::shared_ptr<const LinkLexicon> lex;
  std::optional<NearModel> near_model;  // match.model points here
  LinkIndex index;
  WordWeights weights;
  // Totals for CLAIMEX_LINK_STATS.
  int64_t articles = 0, verified = 0, links = 0, loaded = 0;
  double cpu = 0;

  explicit Impl(LinkIndex ix) : index(std::move(ix)) {}
  ~Impl() {
    const char* env = std::getenv("CLAIMEX_LINK_STATS");
    if (env == nullptr || *env == '\0' || articles == 0) return;
    std::fprintf(stderr,
                 "claimex: linker: %lld articles, %.3f s CPU (%.1f us/article), %lld candidates "
                 "verified (%lld read from the database), %lld links\n",
                 static_cast<long long>(articles), cpu, 1e6 * cpu / static_cast<double>(articles),
                 static_cast<long long>(verified), static_cast<long long>(loaded),
                 static_cast<long long>(links));
  }

  struct Candidate {
    bool usable = false;
    int64_t article_id = 0, hash = 0;
    Statement statement;
    ArticleInfo article;
  };
  // Caches that live across articles; ids can be reused once a row is deleted, so Invalidate
  // drops them whenever an article is replaced or rolled back.
  std::unordered_map<int64_t, ArticleInfo> article_cache;
  // Candidates in two generations: when `candidates` holds kCandidateBytes it becomes
  // `old_candidates` (the previous old generation is dropped); a candidate found in the old
  // generation moves back, so the statements that keep coming up stay cached. Bounded by bytes,
  // not entries: long statements (press releases) take more.
  std::unordered_map<int64_t, Candidate> candidates, old_candidates;
  size_t candidate_bytes = 0;                           // of `candidates`, about
  static constexpr size_t kCandidateBytes = 24u << 20;  // per generation
  static size_t Bytes(const Candidate& c) {
    const Statement& st = c.statement;
    size_t n = 256 + st.tokens.size() * sizeof(LinkToken) + st.content.size() * 8 +
               st.distinct.size() * (sizeof(LinkToken) + sizeof(double)) +
               st.quote.size() * sizeof(LinkToken) + st.speaker.size();
    for (const FigureFacts& f : st.figures)
      n += sizeof(FigureFacts) + (f.measured.size() + f.words.size()) * 8;
    return n;
  }
  static constexpr size_t kMaxCachedArticles = 100000;
  static constexpr size_t kMaxCachedWords = 500000;
  // Word frequencies counted in memory (`weights`) and not yet written to link_words.
  std::vector<uint64_t> dirty_words;  // with repeats; sorted and made unique by Flush
  int64_t current_article = 0;
  std::string sig_buffer;  // LoadCandidate's

  bool Ordered(const ArticleInfo& mine, const ArticleInfo& other) const {
    // True when `other` comes first (it is side a).
    if (!mine.published.empty() && !other.published.empty() && mine.published != other.published)
      return other.published < mine.published;
    return other.seq < mine.seq;
  }
  bool InWindow(const ArticleInfo& a, const ArticleInfo& b) const {
    if (options.window_days <= 0) return true;
    auto x = DayNumber(a.published), y = DayNumber(b.published);
    if (!x || !y) return true;
    return std::llabs(*x - *y) <= options.window_days;
  }

  Result<ArticleInfo> ArticleOf(int64_t id) {
    auto it = article_cache.find(id);
    if (it != article_cache.end()) return it->second;
    Result<StoredArticle> a = index.Article(id);
    if (!a.ok()) return a.status();
    if (article_cache.size() >= kMaxCachedArticles) article_cache.clear();
    ArticleInfo info{a->published, a->seq};
    article_cache.emplace(id, info);
    return info;
  }

  // Loads the stored frequency of every word of `tokens` that is not in memory yet.
  Status EnsureWeights(const std::vector<LinkToken>& tokens) {
    for (const LinkToken& t : tokens) {
      if (weights.Has(t.hash)) continue;
      Result<int64_t> n = index.WordFrequency(t.hash);
      if (!n.ok()) return n.status();
      weights.Set(t.hash, *n);
    }
    return Status::Ok();
  }

  Result<Candidate> LoadCandidate(int64_t id) {
    Candidate c;
    ++loaded;
    std::string& sig = sig_buffer;
    Result<bool> found = index.Statement(id, &c.article_id, &c.hash, &sig);
    if (!found.ok()) return found.status();
    if (!*found) return c;                              // a stale posting
    if (!DecodeStatement(sig, &c.statement)) return c;  // not a signature this version reads
    Result<ArticleInfo> a = ArticleOf(c.article_id);
    if (!a.ok()) return a.status();
    c.article = *a;
    CLAIMEX_RETURN_IF_ERROR(EnsureWeights(c.statement.tokens));
    c.usable = true;
    return c;
  }

  Result<const Candidate*> CandidateOf(int64_t id) {
    auto it = candidates.find(id);
    if (it != candidates.end()) return &it->second;
    if (candidate_bytes >= kCandidateBytes) {
      const size_t n = candidates.size();
      old_candidates = std::move(candidates);
      candidates.clear();
      candidates.reserve(n);
      candidate_bytes = 0;
    }
    auto old = old_candidates.find(id);
    if (old != old_candidates.end()) {
      auto node = old_candidates.extract(old);
      candidate_bytes += Bytes(node.mapped());
      return &candidates.insert(std::move(node)).position->second;
    }
    Result<Candidate> c = LoadCandidate(id);
    if (!c.ok()) return c.status();
    candidate_bytes += Bytes(*c);
    return &candidates.emplace(id, std::move(c.value())).first->second;
  }

  void Invalidate() {
    candidates.clear();
    old_candidates.clear();
    candidate_bytes = 0;
    article_cache.clear();
  }

  // Adds the article's words to the document frequencies (in memory; Flush writes them).
  Status CountWords(const std::vector<uint64_t>& words) {
    for (uint64_t w : words) {
      if (!weights.Has(w)) {
        Result<int64_t> n = index.WordFrequency(w);
        if (!n.ok()) return n.status();
        weights.Set(w, *n);
      }
      weights.Set(w, weights.Df(w) + 1);
      dirty_words.push_back(w);
    }
    return Status::Ok();
  }

  Status Flush() {
    CLAIMEX_RETURN_IF_ERROR(index.FlushPostings());
    std::vector<uint64_t>& words = dirty_words;
    std::sort(words.begin(), words.end());  // B-tree order
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (uint64_t w : words) {
      CLAIMEX_RETURN_IF_ERROR(index.SetWordFrequency(w, weights.Df(w)));
    }
    dirty_words.clear();
    if (weights.size() > kMaxCachedWords) {
      // Cached candidates had their words' frequencies loaded with them: they go too.
      weights.Clear();
      candidates.clear();
      old_candidates.clear();
      candidate_bytes = 0;
    }
    return Status::Ok();
  }

  Status Reload() {
    index.DropPendingPostings();
    dirty_words.clear();
    weights.Clear();
    Invalidate();
    return index.LoadCaps();
  }

  Result<bool> WriteLink(int64_t article, const ArticleInfo& mine, int64_t sentence,
                         int64_t other_article, const ArticleInfo& other, int64_t other_sentence,
                         LinkKind kind, double score) {
    Result<bool> r = Ordered(mine, other)
                         ? index.InsertLink(other_article, other_sentence, article, sentence,
                                            LinkKindName(kind), score)
                         : index.InsertLink(article, sentence, other_article, other_sentence,
                                            LinkKindName(kind), score);
    if (r.ok() && *r) ++links;
    return r;
  }

  bool Linkable(std::string_view normalized) const {
    if (normalized.size() < static_cast<size_t>(options.min_bytes)) return false;
    int words = 1;
    for (char c : normalized) words += c == ' ';
    return words >= options.min_words;
  }

  Statement NewStatement(const Article& a, const Extraction& ex, size_t i,
                         const std::string& key) const {
    Statement st;
    st.tokens = lex->Tokenize(key);
    FinishStatement(&st);
    for (const Claim& c : ex.claims) {
      if (c.sentence != static_cast<int>(i)) continue;
      FigureInput f;
      f.text = c.text;
      f.value = c.value;
      f.low = c.low;
      f.high = c.high;
      f.unit = c.unit;
      f.noun = c.noun;
      if (f.noun.empty() && c.restates >= 0)
        f.noun = ex.claims[static_cast<size_t>(c.restates)].noun;
      f.qualifier = QualifierName(c.qualifier);
      if (c.per) {
        f.per_value = c.per->value;
        f.per_noun = c.per->noun;
      }
      const char* change = ChangeName(c.change);
      const char* kind = ChangeKindName(c.change_kind);
      f.change = change ? change : "";
      f.change_kind = kind ? kind : "";
      f.measured = c.measured;
      if (c.time >= 0) {
        f.time_from = ex.times[static_cast<size_t>(c.time)].from;
        f.time_to = ex.times[static_cast<size_t>(c.time)].to;
        f.time_kind = ex.times[static_cast<size_t>(c.time)].kind;
      }
      st.figures.push_back(MakeFigure(*lex, f));
    }
    const Span span = ex.sentences[i].span;
    const std::string_view text = std::string_view(a.body).substr(span.start, span.size());
    for (const Quote& q : ex.quotes) {
      if (q.kind != QuoteKind::kDirect || q.speaker < 0) continue;
      if (q.span.start >= span.end || q.span.end <= span.start) continue;
      const std::string name = FoldNormalized(ex.speakers[static_cast<size_t>(q.speaker)].name);
      if (st.speaker.empty()) st.speaker = name;
      if (name != st.speaker) continue;
      AddQuoteTokens(*lex, text, span.start, q.span.start, q.span.end, &st.quote);
    }
    return st;
  }

  // Index `i` of the first sentence of the article's boilerplate block, or the sentence count.
  size_t BoilerplateStart(const Article& a, const Extraction& ex) const {
    const size_t n = ex.sentences.size();
    for (size_t i = 0; i < n; ++i) {
      const Sentence& s = ex.sentences[i];
      if (s.span.size() > 200) continue;
      const bool alone = (i == 0 || ex.sentences[i - 1].paragraph != s.paragraph) &&
                         (i + 1 == n || ex.sentences[i + 1].paragraph != s.paragraph);
      if (!alone) continue;
      const NormalizedText norm(std::string_view(a.body).substr(s.span.start, s.span.size()));
      if (lex->IsBoilerplateHeading(norm.text())) return i;
    }
    return n;
  }

  void Prepare(const Article& a, const Extraction& ex, PreparedArticle* out) const;
  Result<int> Link(int64_t article, const PreparedArticle& prepared,
                   const std::vector<int64_t>& sentence_ids);

  // Per-article scratch of Link, kept to reuse its memory.
  std::vector<Statement> statements;
  std::vector<size_t> todo;
  std::vector<uint64_t> words;
  std::vector<int64_t> own_ids, own_hashes, lookup;
  std::vector<std::pair<int64_t, int64_t>> postings, same, stored;
  std::vector<std::vector<std::pair<int64_t, uint8_t>>> statement_keys;
  std::vector<std::pair<int64_t, int>> votes;
  std::vector<std::pair<int64_t, uint64_t>> rare;
  std::vector<std::pair<int, int64_t>> ranked;
};

void Linker::Impl::Prepare(const Article& a, const Extraction& ex, PreparedArticle* out) const {
  out->sentences.resize(ex.sentences.size());
  out->boilerplate_from = static_cast<uint32_t>(BoilerplateStart(a, ex));
  const NormalizedText normalized(a.body);
  std::string key;
  for (size_t i = 0; i < ex.sentences.size(); ++i) {
    PreparedSentence& p = out->sentences[i];
    key = SentenceKey(normalized, ex.sentences[i].span);
    p.hash = NormalizedHash(key);
    p.linkable = Linkable(key);
    p.house_line = p.linkable && lex->IsBoilerplateLine(key);
    p.sig.clear();
    p.derived.clear();
    p.keys.clear();
    if (i >= out->boilerplate_from || !p.linkable) continue;
    const Statement st = NewStatement(a, ex, i, key);
    EncodeStatement(st, &p.sig);
    EncodeDerived(st, &p.derived);
    for (uint64_t h : Winnow(st.tokens, 3, 6)) {
      p.keys.push_back({IndexKey(KeyKind::kShingle, h), static_cast<uint8_t>(KeyKind::kShingle)});
    }
    for (const FigureFacts& f : st.figures) {
      for (uint64_t h : FigureKeys(f))
        p.keys.push_back({IndexKey(KeyKind::kFigure, h), static_cast<uint8_t>(KeyKind::kFigure)});
    }
    std::sort(p.keys.begin(), p.keys.end());
    p.keys.erase(std::unique(p.keys.begin(), p.keys.end()), p.keys.end());
  }
}

Result<int> Linker::Impl::Link(int64_t article, const PreparedArticle& prepared,
                               const std::vector<int64_t>& sentence_ids) {
  current_article = article;
  Result<ArticleInfo> me_r = ArticleOf(article);
  if (!me_r.ok()) return me_r.status();
  const ArticleInfo me = *me_r;
  const int64_t links_before = links;
  index.SetStoredArticles(me.seq);
  const std::vector<PreparedSentence>& sentences = prepared.sentences;
  const size_t n_sentences = std::min(sentences.size(), sentence_ids.size());

  // The outlet's boilerplate block: its wording is boilerplate everywhere.
  const size_t boiler_from = std::min<size_t>(prepared.boilerplate_from, n_sentences);
  for (size_t i = 0; i < n_sentences; ++i) {
    if (i < boiler_from && !sentences[i].house_line) continue;
    const int64_t key = IndexKey(KeyKind::kBoilerplate, static_cast<uint64_t>(sentences[i].hash));
    if (!sentences[i].linkable || index.Capped(key)) continue;
    CLAIMEX_RETURN_IF_ERROR(index.Cap(key, KeyKind::kBoilerplate, 0));
    CLAIMEX_RETURN_IF_ERROR(index.UnlinkHash(sentences[i].hash));
  }

  // The statements to link, and the article's words into the document frequencies.
  todo.clear();
  words.clear();
  own_ids.assign(sentence_ids.begin(), sentence_ids.begin() + static_cast<ptrdiff_t>(n_sentences));
  own_hashes.clear();
  if (statements.size() < n_sentences) statements.resize(n_sentences);
  for (size_t i = 0; i < n_sentences; ++i) {
    own_hashes.push_back(sentences[i].hash);
    if (i >= boiler_from || !sentences[i].linkable || sentences[i].sig.empty()) continue;
    if (index.Capped(IndexKey(KeyKind::kVerbatim, static_cast<uint64_t>(sentences[i].hash))))
      continue;
    if (!DecodeStatement(sentences[i].sig, sentences[i].derived, &statements[i]))
      return Status::Internal("a prepared statement does not decode");
    todo.push_back(i);
    words.insert(words.end(), statements[i].content.begin(), statements[i].content.end());
  }
  std::sort(own_ids.begin(), own_ids.end());
  std::sort(own_hashes.begin(), own_hashes.end());
  auto is_own = [&](int64_t id) { return std::binary_search(own_ids.begin(), own_ids.end(), id); };
  if (todo.empty()) return 0;
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  weights.SetArticles(me.seq);
  CLAIMEX_RETURN_IF_ERROR(CountWords(words));

  // Every statement's candidate keys: shingles and figures (prepared) and anchors (its rarest
  // words now; no frequency of its own words changes while the article is linked). The stored
  // postings of all of them are read in one pass in key order; a key capped meanwhile is
  // skipped below, and postings added by earlier statements of the article are pending.
  if (statement_keys.size() < todo.size()) statement_keys.resize(todo.size());
  lookup.clear();
  for (size_t t = 0; t < todo.size(); ++t) {
    const size_t i = todo[t];
    std::vector<std::pair<int64_t, uint8_t>>& keys = statement_keys[t];
    keys.assign(sentences[i].keys.begin(), sentences[i].keys.end());
    rare.clear();
    for (uint64_t w : statements[i].content) rare.push_back({weights.Df(w), w});
    std::sort(rare.begin(), rare.end());
    // Posted: its rarest words (ties by hash, the same order in every article). Looked up: its
    // rarest words that another stored article has (frequency >= 2 with this one) — a word only
    // this article has finds nothing now, and a later restatement's own new words would
    // otherwise crowd out the words it shares with this one.
    const size_t n_anchors = std::min(rare.size(), static_cast<size_t>(options.anchors));
    for (size_t k = 0; k < n_anchors; ++k) {
      keys.push_back(
          {IndexKey(KeyKind::kAnchor, rare[k].second), static_cast<uint8_t>(KeyKind::kAnchor)});
    }
    size_t looked_up = 0;
    for (size_t k = 0; k < rare.size() && looked_up < n_anchors; ++k) {
      if (rare[k].first < 2) continue;
      ++looked_up;
      if (k < n_anchors) continue;  // posted too
      keys.push_back({IndexKey(KeyKind::kAnchor, rare[k].second), kLookupOnly});
    }
    // By key, a posted key before a lookup-only one (kLookupOnly sorts last), then one of each.
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end(),
                           [](const auto& x, const auto& y) { return x.first == y.first; }),
               keys.end());
    for (const auto& [key, kind] : keys) {
      if (!index.Capped(key)) lookup.push_back(key);
    }
  }
  std::sort(lookup.begin(), lookup.end());
  lookup.erase(std::unique(lookup.begin(), lookup.end()), lookup.end());
  stored.clear();
  CLAIMEX_RETURN_IF_ERROR(index.LookupStored(lookup, &stored));

  std::vector<int64_t> linked;  // verbatim links of the statement (a few)
  for (size_t t = 0; t < todo.size(); ++t) {
    const size_t i = todo[t];
    const int64_t s_id = sentence_ids[i];
    const int64_t s_hash = sentences[i].hash;
    const Statement& st = statements[i];
    linked.clear();

    // 1. Verbatim: the same sentence hash.
    const int64_t vkey = IndexKey(KeyKind::kVerbatim, static_cast<uint64_t>(s_hash));
    const size_t own =
        static_cast<size_t>(std::upper_bound(own_hashes.begin(), own_hashes.end(), s_hash) -
                            std::lower_bound(own_hashes.begin(), own_hashes.end(), s_hash));
    same.clear();
    Result<int> n = index.SameHash(s_hash, options.max_shared + 1 + static_cast<int>(own), &same);
    if (!n.ok()) return n.status();
    const size_t cap = static_cast<size_t>(options.max_shared);
    if (same.size() > cap) {
      // Boilerplate. When this article takes the hash over the cap, the links made while it was
      // under the cap go too.
      if (same.size() - own <= cap) CLAIMEX_RETURN_IF_ERROR(index.UnlinkHash(s_hash));
      CLAIMEX_RETURN_IF_ERROR(
          index.Cap(vkey, KeyKind::kVerbatim, static_cast<int64_t>(same.size())));
      continue;
    }
    // A stock phrase ("He did not elaborate.") repeats no statement: its copies are no links.
    if (!same.empty() && !Specific(st, weights, options.rare_share)) same.clear();
    for (const auto& [other, other_article] : same) {
      if (is_own(other)) continue;
      Result<ArticleInfo> oa = ArticleOf(other_article);
      if (!oa.ok()) return oa.status();
      if (!InWindow(me, *oa)) continue;
      Result<bool> w =
          WriteLink(article, me, s_id, other_article, *oa, other, LinkKind::kVerbatim, 1.0);
      if (!w.ok()) return w.status();
      linked.push_back(other);
    }
    // The statement's signature, for when it is a candidate of a later article.
    CLAIMEX_RETURN_IF_ERROR(index.AddStatement(s_id, article, s_hash, sentences[i].sig));

    // 2. Candidates: the statements that share its keys.
    const std::vector<std::pair<int64_t, uint8_t>>& keys = statement_keys[t];
    postings.clear();
    for (const auto& entry : keys) {
      // (a named variable, not a structured binding: clang 14 cannot capture those)
      const int64_t key = entry.first;
      if (index.Capped(key)) continue;
      auto from = std::lower_bound(stored.begin(), stored.end(), std::pair{key, INT64_MIN});
      for (; from != stored.end() && from->first == key; ++from) postings.push_back(*from);
      index.ForEachPending(key, [&](int64_t sentence) { postings.push_back({key, sentence}); });
    }
    std::sort(postings.begin(), postings.end());
    votes.clear();  // (sentence, weight), summed per sentence below
    for (const auto& [key, kind_byte] : keys) {
      if (index.Capped(key)) continue;
      const bool lookup_only = kind_byte == kLookupOnly;
      const KeyKind kind = lookup_only ? KeyKind::kAnchor : static_cast<KeyKind>(kind_byte);
      auto from = std::lower_bound(postings.begin(), postings.end(), std::pair{key, INT64_MIN});
      auto to = from;
      while (to != postings.end() && to->first == key) ++to;
      const int got = static_cast<int>(to - from);
      if (got + 1 > options.key_cap) {
        CLAIMEX_RETURN_IF_ERROR(index.Cap(key, kind, got + 1));
        continue;
      }
      // An anchor that only a few statements carry (a name, a rare term) counts double.
      const int weight = kind == KeyKind::kFigure       ? 3
                         : kind == KeyKind::kShingle    ? 2
                         : got <= options.rare_postings ? 2
                                                        : 1;
      for (auto p = from; p != to; ++p) {
        if (!is_own(p->second) &&
            std::find(linked.begin(), linked.end(), p->second) == linked.end()) {
          votes.push_back({p->second, weight});
        }
      }
      if (!lookup_only) index.AddPosting(key, s_id);
    }

    // 3. Verify the best-supported candidates.
    ranked.clear();
    std::sort(votes.begin(), votes.end());
    for (size_t k = 0; k < votes.size();) {
      const int64_t id = votes[k].first;
      int v = 0;
      for (; k < votes.size() && votes[k].first == id; ++k) v += votes[k].second;
      if (v >= options.min_votes) ranked.push_back({v, id});
    }
    std::sort(ranked.begin(), ranked.end(), std::greater<>());
    if (ranked.size() > static_cast<size_t>(options.max_candidates))
      ranked.resize(static_cast<size_t>(options.max_candidates));
    for (const auto& [v, other] : ranked) {
      Result<const Candidate*> got = CandidateOf(other);
      if (!got.ok()) return got.status();
      const Candidate& c = **got;
      if (!c.usable || c.article_id == current_article || !InWindow(me, c.article)) continue;
      if (index.Capped(IndexKey(KeyKind::kVerbatim, static_cast<uint64_t>(c.hash)))) continue;
      ++verified;
      std::optional<Verdict> verdict = Compare(st, c.statement, weights, match);
      if (!verdict) continue;
      Result<bool> w = WriteLink(article, me, s_id, c.article_id, c.article, other, verdict->kind,
                                 verdict->score);
      if (!w.ok()) return w.status();
    }
  }
  return static_cast<int>(links - links_before);
}

Linker::Linker() = default;
Linker::Linker(Linker&&) noexcept = default;
Linker& Linker::operator=(Linker&&) noexcept = default;
Linker::~Linker() = default;

Result<Linker> Linker::Create(sqlite3* db, const Options& options) {
  auto rules = RuleSet::Load();
  if (!rules.ok()) return rules.status();
  auto lex = LinkLexicon::Create(**rules);
  if (!lex.ok()) return lex.status();
  auto model = NearModel::Create(**rules);
  if (!model.ok()) return model.status();
  auto ix = LinkIndex::Create(db, options.recent_from, options.merge_postings);
  if (!ix.ok()) return ix.status();
  Linker linker;
  linker.impl_ = std::make_unique<Impl>(std::move(ix.value()));
  linker.impl_->options = options;
  linker.impl_->lex = std::move(lex.value());
  linker.impl_->near_model = std::move(model.value());
  linker.impl_->match.model = &*linker.impl_->near_model;
  linker.impl_->match.near_threshold = options.near_threshold;
  linker.impl_->match.figure_context = options.figure_context;
  linker.impl_->match.rare_share = options.rare_share;
  return linker;
}

Result<Linker> Linker::Create(sqlite3* db) {
  std::map<std::string, double> settings;
  CLAIMEX_RETURN_IF_ERROR(LinkIndex::ReadSettings(db, &settings));
  Options o;
  auto get = [&](const char* name, auto* field) {
    auto it = settings.find(name);
    if (it != settings.end()) *field = static_cast<std::decay_t<decltype(*field)>>(it->second);
  };
  get("window_days", &o.window_days);
  get("max_shared", &o.max_shared);
  get("key_cap", &o.key_cap);
  get("max_candidates", &o.max_candidates);
  get("min_votes", &o.min_votes);
  get("near_threshold", &o.near_threshold);
  get("figure_context", &o.figure_context);
  get("rare_share", &o.rare_share);
  get("recent_from", &o.recent_from);
  get("merge_postings", &o.merge_postings);
  return Create(db, o);
}

bool Linker::Linkable(std::string_view normalized) const { return impl_->Linkable(normalized); }

void Linker::Invalidate() { impl_->Invalidate(); }
Status Linker::Flush() { return impl_->Flush(); }
Status Linker::Reload() { return impl_->Reload(); }

void Linker::Prepare(const Article& text, const Extraction& extraction,
                     PreparedArticle* out) const {
  impl_->Prepare(text, extraction, out);
}

Result<int> Linker::LinkArticle(int64_t article, const PreparedArticle& prepared,
                                const std::vector<int64_t>& sentence_ids) {
  const double start = ThreadCpuSeconds();
  Result<int> r = impl_->Link(article, prepared, sentence_ids);
  impl_->cpu += ThreadCpuSeconds() - start;
  ++impl_->articles;
  return r;
}

}  // namespace claimex
