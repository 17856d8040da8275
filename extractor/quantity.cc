// PLACEHOLDER so the tree links while the real stage is written; finds nothing.
#include "extractor/quantity.h"

namespace claimex {
namespace {
class Impl : public QuantityFinder {
 public:
  void Find(const Document&, std::vector<Claim>*) const override {}
};
}  // namespace

Result<std::unique_ptr<const QuantityFinder>> QuantityFinder::Create(const RuleSet&) {
  return std::unique_ptr<const QuantityFinder>(new Impl());
}

}  // namespace claimex
