// PLACEHOLDER so the tree links while the real stage is written; finds nothing.
#include "extractor/timex.h"

namespace claimex {
namespace {
class Impl : public TimeFinder {
 public:
  std::string AnchorDate(const Document& doc) const override { return doc.article->published; }
  void Find(const Document&, const std::string&, std::vector<TimeExpr>*) const override {}
  void Scope(const Document&, Extraction*) const override {}
};
}  // namespace

Result<std::unique_ptr<const TimeFinder>> TimeFinder::Create(const RuleSet&) {
  return std::unique_ptr<const TimeFinder>(new Impl());
}

}  // namespace claimex
