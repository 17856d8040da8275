// claimex_link_features: the near model's features (db/link_match.h: MeasureNear) for labelled
// sentence pairs, computed by the linker's own code, for tools/link_model/fit.py.
//
// Input (stdin): one pair per line, "LABEL<TAB>SENTENCE A<TAB>SENTENCE B" (LABEL: 1 same, 0
// different). Output (stdout): a header line "label<TAB>FEATURE..." then "LABEL<TAB>F1<TAB>..."
// per pair. Word weights are inverse document frequencies over the distinct sentences of the
// input, as the store's are over its articles. Errors go to stderr with the line number.
#include <iostream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "db/link_match.h"
#include "db/link_text.h"
#include "db/linker.h"
#include "extractor/rules.h"

namespace claimex {
namespace {

struct Pair {
  std::string label;
  size_t a, b;  // into the sentence list
};

int Run() {
  auto rules = RuleSet::Load();
  if (!rules.ok()) {
    std::cerr << rules.status().ToString() << "\n";
    return 2;
  }
  auto lex = LinkLexicon::Create(**rules);
  if (!lex.ok()) {
    std::cerr << lex.status().ToString() << "\n";
    return 2;
  }
  std::vector<Statement> statements;
  std::unordered_map<std::string, size_t> index;
  std::vector<Pair> pairs;
  auto add = [&](const std::string& sentence) {
    auto [it, added] = index.try_emplace(sentence, statements.size());
    if (added) {
      Statement st;
      st.tokens = (*lex)->Tokenize(NormalizeSentence(sentence));
      FinishStatement(&st);
      statements.push_back(std::move(st));
    }
    return it->second;
  };
  std::string line;
  for (int n = 1; std::getline(std::cin, line); ++n) {
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string::npos) {
      std::cerr << "stdin:" << n << ": want LABEL<TAB>SENTENCE<TAB>SENTENCE\n";
      return 2;
    }
    const size_t a = add(line.substr(t1 + 1, t2 - t1 - 1));
    const size_t b = add(line.substr(t2 + 1));
    pairs.push_back({line.substr(0, t1), a, b});
  }
  WordWeights weights;
  weights.SetArticles(static_cast<int64_t>(statements.size()));
  std::unordered_map<uint64_t, int64_t> df;
  for (const Statement& st : statements) {
    for (const LinkToken& t : st.distinct) ++df[t.hash];
  }
  for (const auto& [word, n] : df) weights.Set(word, n);
  std::cout.precision(6);
  std::cout << "label";
  for (int f = 0; f < kNearFeatureCount; ++f) std::cout << '\t' << NearFeatureName(f);
  std::cout << '\n';
  for (const Pair& p : pairs) {
    const NearFeatures f = MeasureNear(statements[p.a], statements[p.b], weights);
    std::cout << p.label;
    for (double v : f) std::cout << '\t' << v;
    std::cout << '\n';
  }
  return 0;
}

}  // namespace
}  // namespace claimex

int main() { return claimex::Run(); }
