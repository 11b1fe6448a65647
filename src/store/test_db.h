// Fresh database paths under testing::TempDir() for the store's tests.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace parallax::store_testing {

// A path unique to this process and `name`, with no leftover file, WAL or SHM.
inline std::string FreshDbPath(const std::string& name) {
  std::string path = testing::TempDir() + "parallax_store_" + name + "_" +
                     std::to_string(::getpid()) + ".db";
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path + suffix, ec);
  }
  return path;
}

}  // namespace parallax::store_testing
