#include "assist/suggestion_queue.h"
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

namespace privascore::assist {

const char* to_string(Decision decision) {
  switch (decision) {
    case Decision::pending: return "pending";
    case Decision::accepted: return "accepted";
    case Decision::rejected: return "rejected";
  }
  return "pending";
}

Result<std::vector<QueueEntry>> JsonlSuggestionQueue::read_locked() {
  std::vector<QueueEntry> entries;
  std::ifstream in(m_path, std::ios::binary);
  if (!in) {
    if (access(m_path.c_str(), F_OK) != 0) return entries;  // not created yet: empty queue
    return fail("cannot read suggestion queue " + m_path, "check the file's permissions");
  }
  std::map<std::string, std::size_t> index;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    const std::string where = m_path + ":" + std::to_string(number);
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object())
      return fail(where + ": not a JSON object", "repair or remove that line; the file is JSON Lines");
    const std::string event = j.value("event", "");
    if (event == "suggested") {
      auto s = suggestion_from_json(j.value("suggestion", nlohmann::json()));
      if (!s) return fail(where + ": " + s.error().message);
      if (index.count(s->id)) continue;
      index[s->id] = entries.size();
      entries.push_back(QueueEntry{std::move(*s)});
    } else if (event == "decided") {
      auto it = index.find(j.value("id", ""));
      if (it == index.end()) return fail(where + ": decision for unknown suggestion `" + j.value("id", "") + "`");
      QueueEntry& e = entries[it->second];
      const std::string d = j.value("decision", "");
      if (d == "accepted")
        e.decision = Decision::accepted;
      else if (d == "rejected")
        e.decision = Decision::rejected;
      else
        return fail(where + ": decision `" + d + "` is not accepted or rejected");
      e.editor = j.value("editor", "");
      e.note = j.value("note", "");
      e.decided = j.value("at", "");
    } else {
      return fail(where + ": unknown event `" + event + "`", "expected `suggested` or `decided`");
    }
  }
  return entries;
}

Result<void> JsonlSuggestionQueue::append_locked(const std::vector<std::string>& lines) {
  if (lines.empty()) return {};
  int fd = open(m_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return fail("cannot write suggestion queue " + m_path + ": " + std::strerror(errno));
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  flock(fd, LOCK_EX);
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string message = std::strerror(errno);
      flock(fd, LOCK_UN);
      close(fd);
      return fail("cannot write suggestion queue " + m_path + ": " + message);
    }
    done += static_cast<std::size_t>(n);
  }
  flock(fd, LOCK_UN);
  close(fd);
  return {};
}

Result<std::size_t> JsonlSuggestionQueue::add(const std::vector<Suggestion>& suggestions) {
  std::lock_guard lock(m_mutex);
  auto current = read_locked();
  if (!current) return tl::unexpected(current.error());
  std::set<std::string> known;
  for (const auto& e : *current) known.insert(e.suggestion.id);
  std::vector<std::string> lines;
  for (const auto& s : suggestions) {
    if (s.id.empty() || !known.insert(s.id).second) continue;
    lines.push_back(dump_json(nlohmann::json{{"event", "suggested"}, {"suggestion", to_json(s)}}));
  }
  if (auto ok = append_locked(lines); !ok) return tl::unexpected(ok.error());
  return lines.size();
}

Result<std::vector<QueueEntry>> JsonlSuggestionQueue::entries() {
  std::lock_guard lock(m_mutex);
  return read_locked();
}

Result<QueueEntry> JsonlSuggestionQueue::decide(const std::string& id, Decision decision, const std::string& editor,
                                                const std::string& note) {
  if (decision == Decision::pending) return fail("a decision must be accepted or rejected");
  if (editor.empty()) return fail("a decision needs the editor's name", "pass --editor NAME");
  std::lock_guard lock(m_mutex);
  auto current = read_locked();
  if (!current) return tl::unexpected(current.error());
  for (auto& e : *current) {
    if (e.suggestion.id != id) continue;
    if (e.decision != Decision::pending)
      return fail("suggestion " + id + " was already " + to_string(e.decision) + " by " + e.editor,
                  "a decision is final; queue a new suggestion instead");
    e.decision = decision;
    e.editor = editor;
    e.note = note;
    e.decided = utc_now();
    auto line = dump_json(nlohmann::json{{"event", "decided"},
                                         {"id", id},
                                         {"decision", to_string(decision)},
                                         {"editor", editor},
                                         {"note", note},
                                         {"at", e.decided}});
    if (auto ok = append_locked({line}); !ok) return tl::unexpected(ok.error());
    return e;
  }
  return fail("no suggestion `" + id + "` in " + m_path, "list the queue with `privascore assist queue list`");
}

}  // namespace privascore::assist
