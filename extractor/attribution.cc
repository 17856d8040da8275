// PLACEHOLDER so the tree links while the real stage is written; finds nothing.
#include "extractor/attribution.h"

namespace claimex {
namespace {
class Impl : public Attributor {
 public:
  void Attribute(const Document&, Extraction*) const override {}
};
}  // namespace

Result<std::unique_ptr<const Attributor>> Attributor::Create(const RuleSet&) {
  return std::unique_ptr<const Attributor>(new Impl());
}

}  // namespace claimex
