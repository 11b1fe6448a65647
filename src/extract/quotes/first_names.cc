// First names by gender, from the US Congress legislators data (CC0;
// ../shared/data/ie/gazetteers/congress_legislators, legislators-current.yaml
// and executive.yaml: `name.first` and `name.nickname` with `bio.gender`;
// names given to both genders left out). Regenerate with
// src/extract/quotes/first_names.py.
#include "first_names.h"

#include <algorithm>
#include <string_view>

namespace parallax::quotes::internal {
namespace {

// Sorted, folded.
constexpr std::string_view kMale[] = {
    "aaron", "abraham", "adam", "addison", "adlai", "adrian", "adriano", "al", "alan", "alben",
    "albert", "alejandro", "alex", "ami", "andrew", "andré", "andy", "angus", "august",
    "austin", "barack", "barry", "ben", "benjamin", "bennie", "bernard", "bernie", "bill",
    "blake", "bobby", "brad", "bradley", "brandon", "brendan", "brett", "brian", "bruce",
    "bryan", "buddy", "burgess", "byron", "calvin", "carlos", "charles", "chester", "chip",
    "chris", "christian", "christopher", "chuck", "chuy", "clarence", "clay", "cleo", "cliff",
    "cory", "craig", "dale", "dan", "daniel", "danny", "darin", "darrell", "darren", "dave",
    "david", "derek", "derrick", "dick", "don", "donald", "dusty", "dwight", "earl", "ed",
    "edward", "elbridge", "eli", "emanuel", "eric", "eugene", "frank", "franklin", "gabe",
    "garland", "garret", "gary", "george", "gerald", "gilbert", "glenn", "greg", "gregorio",
    "gregory", "grover", "gus", "guy", "hakeem", "hal", "hank", "hannibal", "harold", "harry",
    "henry", "herbert", "hubert", "jack", "jake", "james", "jamie", "jared", "jason", "jay",
    "jeff", "jefferson", "jerrold", "jerry", "jesús", "jim", "jimmy", "joaquin", "jodey", "joe",
    "john", "johnny", "jon", "jonathan", "joseph", "josh", "joshua", "juan", "keith", "ken",
    "kevin", "kweisi", "lance", "levi", "lindsey", "lloyd", "lyndon", "marc", "mario", "mark",
    "marlin", "martin", "matt", "max", "maxwell", "michael", "mike", "millard", "mitch",
    "morgan", "nathaniel", "neal", "nelson", "nicholas", "nicolas", "pat", "patrick", "paul",
    "pete", "peter", "raja", "ralph", "rand", "randall", "randy", "raphael", "raul", "rich",
    "richard", "rick", "riley", "ritchie", "ro", "robert", "roger", "ron", "ronald", "ronny",
    "ruben", "rudy", "russ", "russell", "rutherford", "ryan", "salud", "sam", "sanford",
    "schuyler", "scott", "sean", "seth", "sheldon", "shomari", "shri", "spiro", "steny",
    "stephen", "steve", "steven", "suhas", "ted", "theodore", "thom", "thomas", "tim",
    "timothy", "todd", "tom", "tommy", "tony", "tracey", "trent", "troy", "ulysses", "vern",
    "vicente", "vince", "walter", "warren", "wesley", "william", "woodrow", "zachary",
};

constexpr std::string_view kFemale[] = {
    "adelita", "alexandria", "alma", "amy", "analilia", "andrea", "angela", "angie", "ann",
    "anna", "april", "ashley", "ayanna", "becca", "beth", "betty", "bonnie", "brittany",
    "carol", "catherine", "celeste", "chellie", "chrissy", "cindy", "claudia", "cynthia", "deb",
    "debbie", "deborah", "delia", "diana", "dina", "doris", "eleanor", "elise", "elissa",
    "elizabeth", "emilia", "emily", "erin", "frederica", "grace", "gwen", "haley", "harriet",
    "hillary", "ilhan", "jacky", "jahana", "jan", "janelle", "janice", "jasmine", "jeanne",
    "jennifer", "jill", "joni", "joyce", "judy", "julia", "julie", "kamala", "kat", "katherine",
    "kathy", "katie", "kelly", "kim", "kimberlyn", "kirsten", "kristen", "lamonica", "lateefah",
    "laura", "laurel", "lauren", "linda", "lisa", "lizzie", "lois", "lori", "lucy", "luz",
    "madeleine", "maggie", "marcy", "margaret", "maria", "mariannette", "marie", "marilyn",
    "marsha", "mary", "maxine", "mazie", "melanie", "michelle", "mónica", "nancy", "nanette",
    "nellie", "nicole", "nikema", "norma", "nydia", "patty", "pramila", "rashida", "robin",
    "rosa", "sara", "sarah", "sharice", "shelley", "sheri", "shontel", "stacey", "stephanie",
    "summer", "susan", "susie", "suzan", "suzanne", "sydney", "sylvia", "tammy", "teresa",
    "terri", "tina", "valerie", "veronica", "victoria", "virginia", "yassamin", "young",
    "yvette", "zoe",
};

}  // namespace

Gender FirstNameGender(std::string_view folded) {
  if (std::binary_search(std::begin(kMale), std::end(kMale), folded)) return Gender::kMale;
  if (std::binary_search(std::begin(kFemale), std::end(kFemale), folded)) return Gender::kFemale;
  return Gender::kUnknown;
}

}  // namespace parallax::quotes::internal
