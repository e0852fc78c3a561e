// What a note says, as the note and case rules read it: its prose as plain
// words, and whether it names a service, a goal or a partner. A case worker
// writes "the HSE class", "Project HOPE" or "G2" in prose as often as in
// the note's `service:` and `goals:` fields, so the rules read both.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "record/model.hpp"

namespace casekit {

// Lower case, letters and digits only, words one space apart and the whole
// padded with spaces: "Project H.O.P.E." and "project hope" are both
// " project hope ", so a name is found as whole words.
std::string plain_words(std::string_view text);

// Every prose section of a note (the S.O.A.P.D. sections and the steps),
// joined, as written.
std::string note_prose(const Note& note);

// How a note may name a service: its id, its name, the name without its
// parenthesis and the parenthesis alone ("HSE", "MetroCard"), its provider;
// each as plain_words.
std::vector<std::string> names_of(const Service& s);

// The partner's name without the person or program a worker adds to it:
// "Hunts Point Food Pantry (Ms. Diaz)", "Project H.O.P.E. - job developer",
// "Bronx Fathers' Support Network, child support navigator".
std::string partner_name(const std::string& partner);

// How a note may name a partner: its name, and its initials when the name
// has three words or more ("Bronx Adult Learning Center" is also "BALC").
std::vector<std::string> names_of_partner(std::string_view partner);

// A note, and its prose as plain words, made the first time a rule asks:
// only the notes a rule reads are made into words.
struct NoteText {
  const Note* note;
  std::optional<std::string> plain_text = {};

  const std::string& plain();
  // Whether its prose names one of `names` (each as plain_words).
  bool names_any(const std::vector<std::string>& names);
  // Whether the note refers to the goal: in `goals:`, or its id in the
  // prose ("G2", "G2's", "goal 2").
  bool refers_to_goal(const std::string& goal_id);
};

// The notes of a record in date order, each made into words when asked.
std::vector<NoteText> notes_by_date(const ClientRecord& record);

// A contact that was tried and not made tells of no progress.
bool is_attempt(const Note& note);

}  // namespace casekit
