// `parallax serve`: the HTTP API and web app over a store (include/parallax/server.h).
#include <pthread.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "commands.h"
#include "parallax/server.h"

namespace parallax::cli {
namespace {

// The ingest token from --ingest-token-file or PARALLAX_INGEST_TOKEN when
// --ingest-token is not given (a token on the command line shows in `ps`).
// The file's first line is the token; false (with a message) when unreadable.
bool ResolveToken(const std::string& file, std::string* token) {
  if (!token->empty()) return true;
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in || !std::getline(in, *token)) {
      ReportProblem(file, "cannot read the ingest token");
      return false;
    }
    while (!token->empty() && (token->back() == '\r' || token->back() == ' ')) token->pop_back();
    if (token->empty()) {
      ReportProblem(file, "the ingest token file's first line is empty");
      return false;
    }
    return true;
  }
  if (const char* env = std::getenv("PARALLAX_INGEST_TOKEN")) *token = env;
  return true;
}

}  // namespace

void RegisterServe(CLI::App& app, int* exit_code) {
  auto opt = std::make_shared<ServerOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the JSON API and the web app over a database");
  cmd->add_option("--db", opt->db_path, "SQLite database file (created when missing)");
  cmd->add_option("--host", opt->host, "address to listen on (default 127.0.0.1)");
  cmd->add_option("--port", opt->port, "port (0: any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--ingest-token", opt->ingest_token,
                  "enables POST /api/ingest for requests with 'Authorization: Bearer TOKEN'");
  auto token_file = std::make_shared<std::string>();
  cmd->add_option("--ingest-token-file", *token_file,
                  "read the ingest token from this file's first line (else from the "
                  "PARALLAX_INGEST_TOKEN environment variable)");
  cmd->add_flag("--warm-briefs,!--no-warm-briefs", opt->warm_briefs,
                "build the briefs of new and changed stories ahead of requests (default on)");
  cmd->add_flag("--allow-remote-ingest", opt->allow_remote_ingest,
                "accept ingest from non-loopback addresses");
  cmd->add_option("--max-body", opt->max_body_bytes, "request body limit in bytes");
  cmd->add_option("--rate-limit", opt->rate_per_second,
                  "requests per second per client address (0: unlimited)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--search-cache-seconds", opt->search_cache_seconds,
                  "reuse search answers this long, until an article is added (0: off)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads", opt->threads, "worker threads")->check(CLI::Range(1, 256));
  cmd->callback([opt, token_file, exit_code] {
    if (!ResolveToken(*token_file, &opt->ingest_token)) {
      *exit_code = 2;
      return;
    }
    // SIGINT/SIGTERM are taken by one thread with sigwait, never by a
    // handler: every thread the server starts inherits the blocked mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    Result<std::unique_ptr<Server>> server = Server::Create(*opt);
    if (!server.ok()) {
      ReportProblem(opt->db_path, server.status().message());
      *exit_code = 1;
      return;
    }
    Result<int> port = (*server)->Bind();
    if (!port.ok()) {
      ReportProblem(opt->db_path, port.status().message());
      *exit_code = 1;
      return;
    }
    // The first line on stdout is the address (scripts read the port from it).
    std::cout << "parallax: serving " << opt->db_path << " on http://" << opt->host << ":" << *port
              << "/" << std::endl;
    Server* running = server->get();
    std::thread stopper([running, signals] {
      int sig = 0;
      sigwait(&signals, &sig);
      running->Stop();
    });
    Status st = running->Run();
    pthread_kill(stopper.native_handle(), SIGTERM);  // wakes it when Run ended on its own
    stopper.join();
    running->Stop();
    if (!st.ok()) {
      ReportProblem(opt->db_path, st.message());
      *exit_code = 1;
    }
  });
}

}  // namespace parallax::cli
