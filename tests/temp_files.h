// Internal to the tests: scratch files under the system temp directory, removed on destruction.
#ifndef CLAIMEX_TESTS_TEMP_FILES_H_
#define CLAIMEX_TESTS_TEMP_FILES_H_

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace claimex::testing {

// A name no other test (or test process) uses at the same time: prefix, pid, counter, random.
inline std::string UniqueTempName(const std::string& prefix) {
  static std::atomic<int> counter{0};
  static std::random_device rd;
  return prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(rd());
}

// A fresh directory, removed with everything in it.
struct TempDir {
  std::filesystem::path path;
  TempDir() : path(std::filesystem::temp_directory_path() / UniqueTempName("claimex_test")) {
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Writes `bytes` to `name` (sub-directories created) and returns the full path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::filesystem::path p = path / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  // The full path of `name` in the directory (the directory itself when empty).
  std::string Path(const std::string& name = "") const {
    return name.empty() ? path.string() : (path / name).string();
  }
};

// A database path, removed with its WAL, shared-memory and journal files.
struct TempDb {
  std::string path =
      (std::filesystem::temp_directory_path() / (UniqueTempName("claimex_test") + ".db")).string();
  TempDb() = default;
  ~TempDb() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(path + suffix, ec);
    }
  }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;
};

}  // namespace claimex::testing

#endif  // CLAIMEX_TESTS_TEMP_FILES_H_
