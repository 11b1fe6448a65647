#include "ingest/io/walk.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace parallax::io {
namespace {

struct DirId {
  dev_t dev;
  ino_t ino;
  bool operator==(const DirId&) const = default;
};

std::string Join(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

class Walker {
 public:
  Walker(int max_depth, std::vector<InputEntry>* out) : max_depth_(max_depth), out_(out) {}

  void Input(const std::string& path) {
    if (path == "-") {
      out_->push_back({path, {}});
      return;
    }
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      out_->push_back({path, Reason("cannot open", errno)});
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      Folder(path, st, 0);
    } else {
      out_->push_back({path, {}});  // explicitly named: read whatever it is
    }
  }

 private:
  static std::string Reason(const char* what, int err) {
    return std::string(what) + ": " + std::strerror(err);
  }

  void Folder(const std::string& path, const struct stat& st, int depth) {
    DirId id{st.st_dev, st.st_ino};
    if (std::find(stack_.begin(), stack_.end(), id) != stack_.end()) {
      out_->push_back({path, "folder loop (a symlink to an enclosing folder); skipped"});
      return;
    }
    if (depth > max_depth_) {
      out_->push_back({path, "folders nested deeper than " + std::to_string(max_depth_) +
                                 " levels; skipped"});
      return;
    }
    DIR* dir = ::opendir(path.c_str());
    if (dir == nullptr) {
      out_->push_back({path, Reason("cannot read folder", errno)});
      return;
    }
    std::vector<std::string> names;
    errno = 0;
    while (struct dirent* e = ::readdir(dir)) {
      if (e->d_name[0] == '.') continue;  // hidden, ".", ".."
      names.emplace_back(e->d_name);
    }
    int read_errno = errno;
    ::closedir(dir);
    if (read_errno != 0) out_->push_back({path, Reason("cannot read folder", read_errno)});
    std::sort(names.begin(), names.end());

    stack_.push_back(id);
    for (const std::string& name : names) {
      std::string child = Join(path, name);
      struct stat cst;
      if (::stat(child.c_str(), &cst) != 0) {
        int err = errno;
        struct stat lst;
        bool dangling = err == ENOENT && ::lstat(child.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode);
        out_->push_back({child, dangling ? "broken symbolic link; skipped" : Reason("cannot open", err)});
        continue;
      }
      if (S_ISDIR(cst.st_mode)) {
        Folder(child, cst, depth + 1);
      } else if (S_ISREG(cst.st_mode)) {
        out_->push_back({child, {}});
      }
      // FIFOs, sockets and devices inside folders are not documents: skipped.
    }
    stack_.pop_back();
  }

  int max_depth_;
  std::vector<InputEntry>* out_;
  std::vector<DirId> stack_;
};

}  // namespace

void ExpandInputs(const std::vector<std::string>& inputs, int max_depth,
                  std::vector<InputEntry>* out) {
  Walker walker(max_depth, out);
  for (const std::string& input : inputs) walker.Input(input);
}

}  // namespace parallax::io
