// SuggestionQueue: where suggestions wait for an editor. An editor accepts or
// rejects each one; nothing in the queue is ever published by itself.
//
// JsonlSuggestionQueue keeps the queue as an append-only JSON Lines file of
// events ({"event":"suggested",...} and {"event":"decided",...}), so the
// history of every decision stays readable and diffable. The SQLite store can
// import the same events once the editorial workflow uses it. Methods are
// safe to call from several threads; appends take an exclusive flock(2), so
// several processes may share one file.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "assist/suggestion.h"
#include "util/error.h"

namespace privascore::assist {

enum class Decision { pending, accepted, rejected };
const char* to_string(Decision decision);

struct QueueEntry {
  Suggestion suggestion;
  Decision decision = Decision::pending;
  std::string editor;   // who decided; "" while pending
  std::string note;     // the editor's reason
  std::string decided;  // UTC time of the decision
};

class SuggestionQueue {
 public:
  virtual ~SuggestionQueue() = default;
  /// Queues the suggestions whose id is not queued yet; returns how many
  /// were new. Fails when the queue cannot be read or written.
  virtual Result<std::size_t> add(const std::vector<Suggestion>& suggestions) = 0;
  /// Every queued suggestion with its current decision, oldest first.
  virtual Result<std::vector<QueueEntry>> entries() = 0;
  /// Records an editor's decision. Fails for an unknown id, for a suggestion
  /// already decided, for Decision::pending and for an empty editor name.
  virtual Result<QueueEntry> decide(const std::string& id, Decision decision, const std::string& editor,
                                    const std::string& note) = 0;
};

class JsonlSuggestionQueue final : public SuggestionQueue {
 public:
  /// The file is created on the first add().
  explicit JsonlSuggestionQueue(std::string path) : m_path(std::move(path)) {}

  Result<std::size_t> add(const std::vector<Suggestion>& suggestions) override;
  Result<std::vector<QueueEntry>> entries() override;
  Result<QueueEntry> decide(const std::string& id, Decision decision, const std::string& editor,
                            const std::string& note) override;

 private:
  Result<std::vector<QueueEntry>> read_locked();
  Result<void> append_locked(const std::vector<std::string>& lines);

  std::string m_path;
  std::mutex m_mutex;
};

}  // namespace privascore::assist
