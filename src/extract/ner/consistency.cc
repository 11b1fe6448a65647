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


void InstitutionsAreNotPersons(std::vector<Mention>* mentions) {
  static constexpr std::string_view kHeads[] = {
      "Center", "Centre", "University", "College", "Hospital", "Clinic", "Company", "Inc", "Inc.",
      "Corp", "Corp.", "Corporation", "Ltd", "Ltd.", "LLC", "Party", "Council", "Committee", "Ministry",
      "Agency", "Department", "Institute", "Foundation", "Association", "Bank", "Group", "Airlines",
      "School", "Academy", "Commission", "Authority", "Federation", "Museum", "Stadium", "Productions",
      "Pictures", "Studios", "Entertainment", "Holdings", "Industries", "Technologies", "Airways"};  // not "Union": Gabrielle Union
  for (Mention& m : *mentions) {
    const size_t space = m.text.rfind(' ');
    if (m.type != EntityType::kPerson || space == std::string::npos) continue;
    const std::string_view last = std::string_view(m.text).substr(space + 1);
    if (std::find(std::begin(kHeads), std::end(kHeads), last) != std::end(kHeads)) {
      m.type = EntityType::kOrganization;
    }
  }
}

}  // namespace parallax::ner
