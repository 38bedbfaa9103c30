// privascore user: the accounts of the editor (add, list, disable).
//
// A password is read from the terminal without echo (twice), or made up and
// shown once (--generate), or read as one line from standard input
// (--password-stdin, for scripts). It is never taken as an argument (it
// would end up in the shell history and the process list) and never
// written anywhere but as its argon2id hash.
#include <fcntl.h>
#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>
#include <CLI/CLI.hpp>
#include <iomanip>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/command.h"
#include "editor/accounts.h"
#include "editor/clock.h"
#include "editor/credentials.h"
#include "editor/editor_schema.h"
#include "store/store.h"

namespace privascore {

namespace {

// Wipes a string's bytes when it goes out of scope.
struct SecretString {
  std::string value;
  ~SecretString() {
    if (!value.empty()) sodium_memzero(value.data(), value.size());
  }
};

/// "cli:<unix user>", the actor of changes made from the command line.
std::string cli_actor() {
  const passwd* pw = getpwuid(geteuid());
  return std::string("cli:") + (pw && pw->pw_name ? pw->pw_name : std::to_string(geteuid()));
}

/// Reads one line from the terminal with echo off; nullopt when there is no
/// terminal.
std::optional<std::string> read_hidden(const std::string& prompt) {
  const int fd = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  termios old{};
  const bool is_tty = tcgetattr(fd, &old) == 0;
  if (is_tty) {
    termios silent = old;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(fd, TCSAFLUSH, &silent);
  }
  (void)!::write(fd, prompt.data(), prompt.size());
  std::string line;
  char c;
  while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
  if (is_tty) tcsetattr(fd, TCSAFLUSH, &old);
  (void)!::write(fd, "\n", 1);
  ::close(fd);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

/// The store at path with the editor's tables, or nullopt (error printed).
std::optional<store::Store> open_store(const std::string& path, bool create) {
  auto opened = store::Store::open(path, create ? store::Store::OpenMode::create : store::Store::OpenMode::existing);
  if (!opened) {
    print_error(opened.error().message, opened.error().hint);
    return std::nullopt;
  }
  auto migrated = editor::migrate_editor(opened->database());
  if (!migrated) {
    print_error(migrated.error().message, migrated.error().hint);
    return std::nullopt;
  }
  return std::move(*opened);
}

struct UserOptions {
  std::string db = store::k_default_database;
  std::string name;
  std::string role;
  bool generate = false;
  bool password_stdin = false;
};

int run_add(const UserOptions& o) {
  auto role = editor::parse_role(o.role);
  if (!role) {
    print_error("unknown role `" + o.role + "`", "use --role editor, reviewer or admin");
    return k_exit_usage;
  }
  if (auto problem = editor::user_name_problem(o.name); !problem.empty()) {
    print_error(problem, "choose a name such as \"anna.schmidt\"");
    return k_exit_usage;
  }
  if (!editor::init_crypto()) {
    print_error("libsodium could not be initialised");
    return k_exit_failure;
  }
  SecretString password;
  if (o.generate) {
    password.value = editor::generate_password();
  } else if (o.password_stdin) {
    std::getline(std::cin, password.value);
    if (!password.value.empty() && password.value.back() == '\r') password.value.pop_back();
  } else {
    auto first = read_hidden("Password for " + o.name + ": ");
    if (!first) {
      print_error("there is no terminal to read the password from",
                  "run it in a terminal, or use --generate (prints a new password once) or --password-stdin");
      return k_exit_usage;
    }
    password.value = *first;
    SecretString again{read_hidden("Repeat the password: ").value_or("")};
    if (again.value != password.value) {
      print_error("the two passwords differ; nothing was changed", "run the command again");
      return k_exit_usage;
    }
  }
  if (auto problem = editor::password_problem(password.value); !problem.empty()) {
    print_error(problem, "or let privascore make one with --generate");
    return k_exit_usage;
  }
  auto store = open_store(o.db, /*create=*/true);
  if (!store) return k_exit_failure;
  editor::SystemClock clock;
  auto user = editor::add_user(store->database(), o.name, *role, password.value, clock, cli_actor());
  if (!user) {
    print_error(user.error().message, user.error().hint);
    return k_exit_failure;
  }
  std::cout << "added user " << user->name << " (" << editor::to_string(user->role) << ") to " << o.db << "\n";
  if (o.generate) {
    std::cout << "password (shown only now): " << password.value << "\n";
  }
  return k_exit_ok;
}

int run_list(const UserOptions& o) {
  auto store = open_store(o.db, /*create=*/false);
  if (!store) return k_exit_failure;
  auto users = editor::list_users(store->database());
  if (!users) {
    print_error(users.error().message, users.error().hint);
    return k_exit_failure;
  }
  if (users->empty()) {
    std::cout << "no users yet; add one with `privascore user add NAME --role admin`\n";
    return k_exit_ok;
  }
  std::size_t width = 4;
  for (const auto& u : *users) width = std::max(width, u.name.size());
  std::cout << std::left << std::setw(static_cast<int>(width) + 2) << "name" << std::setw(10) << "role" << std::setw(10)
            << "state"
            << "created\n";
  for (const auto& u : *users) {
    std::cout << std::left << std::setw(static_cast<int>(width) + 2) << u.name << std::setw(10)
              << editor::to_string(u.role) << std::setw(10) << (u.disabled ? "disabled" : "active") << u.created_at
              << "\n";
  }
  return k_exit_ok;
}

int run_disable(const UserOptions& o) {
  auto store = open_store(o.db, /*create=*/false);
  if (!store) return k_exit_failure;
  editor::SystemClock clock;
  if (auto r = editor::disable_user(store->database(), o.name, clock, cli_actor()); !r) {
    print_error(r.error().message, r.error().hint);
    return k_exit_failure;
  }
  std::cout << "disabled user " << o.name << "; their sessions have ended\n";
  return k_exit_ok;
}

}  // namespace

CommandSpec user_command() {
  return {"user", "Manage the editor's accounts: add, list, disable", [](CLI::App& app) -> CommandRunner {
            auto o = std::make_shared<UserOptions>();
            app.require_subcommand(1);
            const std::string db_help = std::string("Database file (default: ") + store::k_default_database + ")";
            CLI::App* add = app.add_subcommand("add", "Add a user; the password is asked for without echo");
            add->add_option("NAME", o->name, "User name: a-z, 0-9, '.', '_', '-'")->required();
            add->add_option("--role", o->role, "editor, reviewer or admin")->required();
            add->add_flag("--generate", o->generate, "Make up a strong password and print it once");
            add->add_flag("--password-stdin", o->password_stdin, "Read the password as one line from standard input");
            add->add_option("--db", o->db, db_help);
            add->footer(
                "Roles: an editor proposes changes; a reviewer also approves other people's drafts and publishes; "
                "an admin also changes the methodology.");
            CLI::App* list = app.add_subcommand("list", "List the users and their roles");
            list->add_option("--db", o->db, db_help);
            CLI::App* disable = app.add_subcommand("disable", "Disable a user and end their sessions");
            disable->add_option("NAME", o->name, "User name")->required();
            disable->add_option("--db", o->db, db_help);
            return [o, add, list, disable]() {
              if (add->parsed()) return run_add(*o);
              if (list->parsed()) return run_list(*o);
              if (disable->parsed()) return run_disable(*o);
              return static_cast<int>(k_exit_usage);
            };
          }};
}

}  // namespace privascore
