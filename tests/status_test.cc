// Tests for extractor/status.h.
#include <catch2/catch.hpp>

#include "extractor/status.h"

namespace claimex {
namespace {

Status FailsWhen(bool fail) {
  CLAIMEX_RETURN_IF_ERROR(fail ? Status::Malformed("line 3") : Status::Ok());
  return Status::NotFound("reached the end");
}

TEST_CASE("status carries a code and a one-line message", "[status]") {
  CHECK(Status().ok());
  CHECK(Status::Ok().ToString() == "ok");
  CHECK(Status::Malformed("line 7: not JSON").ToString() == "malformed: line 7: not JSON");
  CHECK(Status::TooLarge("x").code() == Status::Code::kTooLarge);
  CHECK(FailsWhen(true).code() == Status::Code::kMalformed);
  CHECK(FailsWhen(false).code() == Status::Code::kNotFound);
}

TEST_CASE("result holds a value or a status", "[status]") {
  Result<int> good(42);
  REQUIRE(good.ok());
  CHECK(*good == 42);
  Result<int> bad(Status::Empty("no text"));
  CHECK_FALSE(bad.ok());
  CHECK(bad.status().code() == Status::Code::kEmpty);
}

}  // namespace
}  // namespace claimex
