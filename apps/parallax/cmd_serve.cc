// `parallax serve`: the HTTP API and web app over a store (include/parallax/server.h).
#include <csignal>
#include <iostream>
#include <memory>

#include "commands.h"
#include "parallax/server.h"

namespace parallax::cli {
namespace {

Server* g_server = nullptr;  // for the signal handler

extern "C" void StopOnSignal(int) {
  if (g_server != nullptr) g_server->Stop();
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
  cmd->callback([opt, exit_code] {
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
    g_server = server->get();
    std::signal(SIGINT, StopOnSignal);
    std::signal(SIGTERM, StopOnSignal);
    Status st = (*server)->Run();
    g_server = nullptr;
    if (!st.ok()) {
      ReportProblem(opt->db_path, st.message());
      *exit_code = 1;
    }
  });
}

}  // namespace parallax::cli
