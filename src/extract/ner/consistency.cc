#include "consistency.h"

#include <algorithm>
#include <string_view>

namespace parallax::ner {

void SurnamesOfPersons(std::vector<Mention>* mentions) {
  std::vector<std::string_view> surnames;
  for (const Mention& m : *mentions) {
    const size_t space = m.text.rfind(' ');
    if (m.type == EntityType::kPerson && space != std::string::npos) {
      surnames.push_back(std::string_view(m.text).substr(space + 1));
    }
  }
  if (surnames.empty()) return;
  for (Mention& m : *mentions) {
    if (m.type == EntityType::kPerson || m.text.find(' ') != std::string::npos) continue;
    if (std::find(surnames.begin(), surnames.end(), m.text) != surnames.end()) m.type = EntityType::kPerson;
  }
}


}  // namespace parallax::ner
