#include "parallax/entities.h"

#include <gtest/gtest.h>

TEST(EntitiesLexicon, Countries) {
  EXPECT_EQ(parallax::entities::CountryOf("U.S."), "United States");
}
