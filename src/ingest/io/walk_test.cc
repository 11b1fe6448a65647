#include "ingest/io/walk.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "ingest/io/test_util.h"

namespace parallax::io {
namespace {

namespace fs = std::filesystem;

// Entries relative to `root`, problems marked with "!".
std::vector<std::string> Walk(const std::vector<std::string>& inputs, const std::string& root,
                              int max_depth = 64) {
  std::vector<InputEntry> entries;
  ExpandInputs(inputs, max_depth, &entries);
  std::vector<std::string> out;
  for (const InputEntry& e : entries) {
    std::string p = e.path.starts_with(root) ? e.path.substr(root.size() + 1) : e.path;
    out.push_back(e.problem.empty() ? p : "!" + p + ": " + e.problem);
  }
  return out;
}

TEST(ExpandInputs, SortedRecursiveSkippingHidden) {
  std::string root = testing::MakeTempDir("walk");
  fs::create_directories(root + "/b/nested");
  fs::create_directories(root + "/.git");
  testing::WriteFile(root + "/c.txt", "c");
  testing::WriteFile(root + "/a.html", "a");
  testing::WriteFile(root + "/.hidden.txt", "h");
  testing::WriteFile(root + "/.git/config", "g");
  testing::WriteFile(root + "/b/nested/z.jsonl", "z");
  testing::WriteFile(root + "/b/y.txt", "y");
  testing::WriteFile(root + "/B.txt", "B");
  EXPECT_EQ(Walk({root}, root), (std::vector<std::string>{"B.txt", "a.html", "b/nested/z.jsonl",
                                                          "b/y.txt", "c.txt"}));
  // Named explicitly, a hidden file is read; "-" passes through; order is kept.
  EXPECT_EQ(Walk({root + "/.hidden.txt", "-", root + "/b"}, root),
            (std::vector<std::string>{".hidden.txt", "-", "b/nested/z.jsonl", "b/y.txt"}));
}

TEST(ExpandInputs, MissingAndUnreadable) {
  std::string root = testing::MakeTempDir("walk_bad");
  fs::create_directories(root + "/locked");
  testing::WriteFile(root + "/locked/secret.txt", "s");
  testing::WriteFile(root + "/ok.txt", "ok");
  ::chmod((root + "/locked").c_str(), 0);
  bool can_bypass = ::access((root + "/locked/secret.txt").c_str(), R_OK) == 0;  // root user
  std::vector<std::string> got = Walk({root + "/missing.txt", root}, root);
  ::chmod((root + "/locked").c_str(), 0755);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], "!missing.txt: cannot open: No such file or directory");
  if (can_bypass) {
    EXPECT_EQ(got[1], "locked/secret.txt");
  } else {
    EXPECT_EQ(got[1], "!locked: cannot read folder: Permission denied");
  }
  EXPECT_EQ(got[2], "ok.txt");
}

TEST(ExpandInputs, SymlinkLoopsAreBounded) {
  std::string root = testing::MakeTempDir("walk_loop");
  fs::create_directories(root + "/d");
  testing::WriteFile(root + "/d/f.txt", "f");
  fs::create_directory_symlink(root + "/d", root + "/d/again");
  fs::create_symlink(root + "/nowhere", root + "/d/dangling");
  std::vector<std::string> got = Walk({root}, root);
  ASSERT_EQ(got.size(), 3u) << ::testing::PrintToString(got);
  EXPECT_EQ(got[0], "!d/again: folder loop (a symlink to an enclosing folder); skipped");
  EXPECT_EQ(got[1], "!d/dangling: broken symbolic link; skipped");
  EXPECT_EQ(got[2], "d/f.txt");
}

TEST(ExpandInputs, DepthLimit) {
  std::string root = testing::MakeTempDir("walk_deep");
  fs::create_directories(root + "/1/2/3");
  testing::WriteFile(root + "/1/2/3/deep.txt", "d");
  testing::WriteFile(root + "/1/shallow.txt", "s");
  std::vector<std::string> got = Walk({root}, root, 2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0], "!1/2/3: folders nested deeper than 2 levels; skipped");
  EXPECT_EQ(got[1], "1/shallow.txt");
}

}  // namespace
}  // namespace parallax::io
