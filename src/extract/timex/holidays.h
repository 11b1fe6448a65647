// Named holidays (internal): their day in a given year, for the scanner
// (holidays.cc) and for resolution (resolve.cc).
#pragma once

#include "parallax/timex.h"

namespace parallax::timex::internal {

// The day of holiday `id` (TimexMeaning::holiday, an index into the table
// in holidays.cc) in `year`: fixed days (Christmas), the n-th weekday of a
// month (Thanksgiving, Labor Day) or a day relative to Easter (Good Friday).
CivilDate HolidayDate(int id, int year);

}  // namespace parallax::timex::internal
