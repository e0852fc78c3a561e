// Reading a short-term goal's statement as a supervisor does, for the
// S.M.A.R.T.S. rules (seed 000/001). The words come from
// src/data/goal_words.yaml.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casekit {

// Words of a statement, lower case, with their outer punctuation
// stripped; '.', '%', '/', '$' and '-' stay inside a word ("p.m", "75%").
std::vector<std::string> statement_words(std::string_view text);

// The vague action after "NAME will" ("be better", "improve" on its own),
// when the statement names no observable action or result.
std::optional<std::string> vague_action(std::string_view statement);

// Whether the statement names a measure: a count, a percentage, a
// frequency, a score or a named target. Dates, time spans ("within 3
// months"), times of day and street numbers are not measures.
bool names_a_measure(std::string_view statement);

// The first activity the text names that the client keeps doing
// ("tutoring", "classes", "meet with"), or nothing for a one-time step.
std::optional<std::string> recurring_activity(std::string_view text);

// Whether the text says how often: "3x/week", "twice a week", "weekly",
// "every Tuesday", "on Tuesdays and Fridays", "3 sessions/week".
bool states_frequency(std::string_view text);

// Whether a strength a goal uses is one the assessment records (as a
// strength or a resource), as a worker would accept it: in any case and
// spacing, or sharing a distinctive word ("Support of his mother" is the
// assessment's "Strong family relationships, especially with his mother").
bool strength_recorded(std::string_view used, const std::vector<std::string>& recorded);

// The words of a text that say what it is about, stemmed ("classes" is
// "class"), without the common ones strength_recorded passes over: how a
// note is tied to a goal it does not name by id.
std::vector<std::string> goal_words(std::string_view text);

}  // namespace casekit
