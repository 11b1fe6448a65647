#include "consistency.h"

#include <algorithm>
#include <string_view>

namespace parallax::ner {
namespace {

// "Reid" of "Tara Reid"; "" for a one-word name.
std::string_view LastWord(const std::string& name) {
  const size_t space = name.rfind(' ');
  return space == std::string::npos ? std::string_view() : std::string_view(name).substr(space + 1);
}

}  // namespace

void SurnamesOfPersons(std::vector<Mention>* mentions) {
  std::vector<std::string_view> surnames;
  for (const Mention& m : *mentions) {
    if (m.type == EntityType::kPerson && !LastWord(m.text).empty()) surnames.push_back(LastWord(m.text));
  }
  if (surnames.empty()) return;
  for (Mention& m : *mentions) {
    if (m.type == EntityType::kPerson || m.text.find(' ') != std::string::npos) continue;
    if (std::find(surnames.begin(), surnames.end(), m.text) != surnames.end()) m.type = EntityType::kPerson;
  }
}

void InstitutionsAreNotPersons(std::vector<Mention>* mentions) {
  // Not "Union": Gabrielle Union.
  static constexpr std::string_view kHeads[] = {
      "Center", "Centre", "University", "College", "Hospital", "Clinic", "Company", "Inc", "Inc.",
      "Corp", "Corp.", "Corporation", "Ltd", "Ltd.", "LLC", "Party", "Council", "Committee", "Ministry",
      "Agency", "Department", "Institute", "Foundation", "Association", "Bank", "Group", "Airlines",
      "School", "Academy", "Commission", "Authority", "Federation", "Museum", "Stadium", "Productions",
      "Pictures", "Studios", "Entertainment", "Holdings", "Industries", "Technologies", "Airways"};
  for (Mention& m : *mentions) {
    const std::string_view last = LastWord(m.text);
    if (m.type != EntityType::kPerson || last.empty()) continue;
    if (std::find(std::begin(kHeads), std::end(kHeads), last) != std::end(kHeads)) {
      m.type = EntityType::kOrganization;
    }
  }
}

}  // namespace parallax::ner
