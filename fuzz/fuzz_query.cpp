// libFuzzer target for the query and form parsers (src/web/query.h): the
// input is read as a raw query string. Every outcome must be a value or an
// error, never a crash, a sanitizer report or a hang; and the parsers must
// keep their promises: decoded names and values are valid UTF-8, a checked
// query has no repeated and no unknown name, the canonical form is a fixed
// point (parsing it gives it back), every error message is valid UTF-8 and
// names a parameter.
//
// Build and run: `make fuzz` (see fuzz/CMakeLists.txt and the Makefile).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "util/text.h"
#include "web/query.h"

namespace {

using namespace privascore;

void check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);

  if (auto lenient = web::parse_query(raw)) {
    for (const auto& [name, value] : lenient->params) {
      check(find_invalid_utf8(name) == std::string::npos);
      check(find_invalid_utf8(value) == std::string::npos);
    }
    const std::string canonical = lenient->canonical();
    check(web::canonical_query(raw) == canonical);
    auto again = web::parse_query(canonical);
    check(again.has_value());
    check(again->canonical() == canonical);
    check(again->params.size() == lenient->params.size());
  } else {
    check(web::canonical_query(raw) == raw);
  }

  const web::QuerySpec spec{{"edition", "lang", "from", "to", "model"}, {"w."}};
  auto checked = web::parse_query_checked(raw, spec);
  if (checked) {
    std::set<std::string> names;
    for (const auto& [name, value] : checked->params) {
      check(spec.allows(name));
      check(names.insert(name).second);
    }
    check(checked->params.size() <= web::k_max_query_params);
  } else {
    check(find_invalid_utf8(checked.error().message) == std::string::npos);
    check(find_invalid_utf8(checked.error().parameter) == std::string::npos);
    check(!checked.error().message.empty() && !checked.error().hint.empty());
  }

  if (auto decoded = web::percent_decode(raw, true)) {
    auto round = web::percent_decode(web::percent_encode(*decoded), false);
    check(round.has_value() && *round == *decoded);
  }
  return 0;
}
