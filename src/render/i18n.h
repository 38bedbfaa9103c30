// Interface strings of the command line in German and English.
#pragma once

#include <string>

#include "model/model.h"

namespace privascore {

/// The message for key in lang; the key itself when there is none (a test
/// checks that every key exists in both languages).
const std::string& tr(Lang lang, const std::string& key);

/// Every key known to the catalog (for tests).
std::vector<std::string> message_keys();

}  // namespace privascore
