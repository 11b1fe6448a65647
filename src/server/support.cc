// StorePool, BriefCache, RateLimiter and the JSON error helpers.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "server/server_impl.h"

namespace parallax::server_internal {

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Store> s = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(s));
    }
  }
  StoreOptions o;
  o.read_only = true;
  o.create = false;
  Result<std::unique_ptr<Store>> s = Store::Open(path_, o);
  if (!s.ok()) return s.status();
  return Lease(this, std::move(s).value());
}

void StorePool::Return(std::unique_ptr<Store> store) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < 64) idle_.push_back(std::move(store));
}

std::shared_ptr<const std::string> BriefCache::Get(const std::string& story_id,
                                                   const std::string& version) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(story_id);
  if (it == entries_.end() || it->second.version != version) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.json;
}

void BriefCache::Put(const std::string& story_id, const std::string& version,
                     std::shared_ptr<const std::string> json) {
  if (capacity_ == 0) return;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(story_id);
  if (it != entries_.end()) {
    it->second.version = version;
    it->second.json = std::move(json);
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return;
  }
  lru_.push_front(story_id);
  entries_.emplace(story_id, Entry{version, std::move(json), lru_.begin()});
  while (entries_.size() > capacity_) {
    entries_.erase(lru_.back());
    lru_.pop_back();
  }
}

bool RateLimiter::Allow(const std::string& client, int* retry_after_s) {
  if (rate_ <= 0) return true;
  auto now = std::chrono::steady_clock::now();
  std::lock_guard<std::mutex> lock(mu_);
  if (buckets_.size() > 10000) {
    // Forget clients whose bucket has refilled: they lose nothing.
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      double secs = std::chrono::duration<double>(now - it->second.last).count();
      it = it->second.tokens + secs * rate_ >= burst_ ? buckets_.erase(it) : std::next(it);
    }
  }
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!fresh) {
    double secs = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(burst_, b.tokens + secs * rate_);
    b.last = now;
  }
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return true;
  }
  *retry_after_s = std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / rate_)));
  return false;
}

std::string ErrorJson(int status, std::string_view message) {
  nlohmann::json j = {{"error", {{"status", status}, {"message", message}}}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void SendError(httplib::Response& res, int status, std::string_view message) {
  res.status = status;
  res.set_content(ErrorJson(status, message), "application/json; charset=utf-8");
  res.set_header("Cache-Control", "no-store");
}

void SendJson(httplib::Response& res, std::string body) {
  res.status = 200;
  res.set_content(std::move(body), "application/json; charset=utf-8");
  res.set_header("Cache-Control", "no-store");
}

bool IsLoopback(std::string_view a) {
  return a == "::1" || a.rfind("127.", 0) == 0 || a.rfind("::ffff:127.", 0) == 0;
}

}  // namespace parallax::server_internal
