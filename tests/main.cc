// The Catch2 main of claimex_tests; every tests/*_test.cc is linked in.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
