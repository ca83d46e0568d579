#pragma once
// Catch2 2.x (Debian 12) and 3.x (Debian 13, Ubuntu 24.04) alike: the tests include this and
// write the 2.x spellings, which this header maps onto 3.x.
#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_approx.hpp>
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <string>

namespace Catch::Matchers {
// 3.x renamed the string matcher Contains to ContainsSubstring (Contains is now the range one).
inline StringContainsMatcher Contains(const std::string& text, CaseSensitive sensitivity = CaseSensitive::Yes) {
  return ContainsSubstring(text, sensitivity);
}
}  // namespace Catch::Matchers
// 2.x's single header brings Approx into the global namespace; 3.x keeps it in Catch.
using Catch::Approx;
#else
#include <catch2/catch.hpp>
#endif
