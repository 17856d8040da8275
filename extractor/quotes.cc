// PLACEHOLDER so the tree links while the real stage is written; finds nothing.
#include "extractor/quotes.h"

namespace claimex {
namespace {
class Impl : public QuoteFinder {
 public:
  void Find(const Document&, std::vector<Quote>*, std::vector<Speaker>*) const override {}
};
}  // namespace

Result<std::unique_ptr<const QuoteFinder>> QuoteFinder::Create(const RuleSet&) {
  return std::unique_ptr<const QuoteFinder>(new Impl());
}

}  // namespace claimex
