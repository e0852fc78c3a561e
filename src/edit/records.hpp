// Creating case folders, clients and notes, and closing cases. Input
// arrives as YAML text (from options, standard input or an editor) so that
// every way in goes through the same checks and keeps the writer's text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edit/client_edit.hpp"
#include "record/case_folder.hpp"

namespace casekit {

struct InitOptions {
  std::string program;
  std::string profile = "generic";
};

// Makes casekit.yaml and clients/ in `dir` (created if missing); refuses
// a folder that already is a case folder.
void init_case_folder(FileSystem& files, const fs::path& dir, const InitOptions& options);

// Creates clients/<id>/client.yaml from a YAML document. A missing id is
// derived from the name; missing status and opened get `active` and today.
// Returns the id.
std::string create_client(const CaseFolder& folder, const std::string& text,
                          const std::string& source_name);

// The template `new-client --edit` opens: the desk guide's assessment
// questions as comments above the keys they fill.
std::string client_template();
// The template `note --edit` opens, with the S.O.A.P.D. prompts.
std::string note_template(const std::string& date, const std::string& time);

// Refuses references a note made from options would have that the record
// does not: goals, needs, a service.
void require_note_references(const CaseFolder& folder, const std::string& id,
                             const std::vector<std::string>& goals,
                             const std::vector<std::string>& needs, const std::string& service);

// Adds a progress note from a YAML document; fills `written` with today
// when missing. Returns the new file's path.
struct AddedNote {
  fs::path path;
  Client client;  // as read for the note, so callers need not read it again
};
AddedNote add_note(const CaseFolder& folder, const std::string& id, const std::string& text,
                   const std::string& source_name);

// A plan as text, for editing by hand, with the client's lock held.
struct PlanText {
  std::unique_ptr<Lock> lock;
  fs::path path;
  std::string display;
  SourceText source;  // "created: today" when there is no plan yet
};
PlanText read_plan_text(const CaseFolder& folder, const std::string& id);
// Checks a plan written by hand against the format and the rest of the
// record; throws InvalidRecord with every problem.
void check_plan_text(const CaseFolder& folder, const std::string& id, const std::string& text);
// Writes it back, keeping the file's byte order mark and line ends.
void write_plan_text(const CaseFolder& folder, const PlanText& plan, const std::string& text);

// Closes a case. Returns the ids of goals still active, which the caller
// reports: the desk guide expects none at closure.
std::vector<std::string> close_client(ClientEdit& edit, const std::string& date,
                                      const std::string& reason, const std::string& summary);

}  // namespace casekit
