// Editor templates. Lines starting with "# casekit-edit:" are instructions that
// the editor loop removes (src/cli/editor.cpp). The questions are the desk guide's own (seeds 000
// and 001: "Example Questions to Ask", "Example Questions to Elicit Strengths"); they stay as
// comments, so they never end up in the record.
#include <fmt/format.h>

#include "edit/templates.hpp"

namespace casekit {

std::string client_template() {
  return R"(# casekit-edit: New client. Fill in what you learned; lines starting with # are comments.
# casekit-edit: Save and close the editor to create the client; leave it unchanged to cancel.
# casekit-edit: Lines starting with "# casekit-edit:" are removed; the other comments stay in the file.
# Write answers in sentences after `|`, on the following lines, indented two
# spaces more than the key: colons, quotes and # are then plain text.
# A list takes one item a line, each after "- " (for a sentence, "- |" and
# the text indented on the next line); remove the [] when you add one.
name:
preferred_name:
pronouns:
date_of_birth:        # YYYY-MM-DD
language:             # the language the client speaks
case_manager:
# opened: YYYY-MM-DD  (today when left out)

assessment:
  date:               # YYYY-MM-DD
  language:           # the language the assessment was conducted in
  interpreter:        # who interpreted, if the languages differ
  methods: []         # interview, form, screening tool
  # What are you good at? What do you feel proud of? What positive things
  # do other people say about you?
  strengths: []
  # Who are the people you can rely on? Who/what do you find helpful?
  # (skills, other service providers, support systems)
  resources: []
  # How long have you been managing these challenges? Tell me how things
  # were before this challenge.
  background: |
  # What challenges are you facing?
  challenges: []
  # What stands in the way of your goals?
  barriers: []
  # Each need: {id: N1, domain: ..., description: ..., status: open}
  needs: []
  # Assess every basic need, even those the program does not serve:
  # ok, need, not-applicable or not-assessed.
  basic_needs:
    housing: not-assessed
    food: not-assessed
    income: not-assessed
    transportation: not-assessed
    health: not-assessed
    safety: not-assessed
    childcare: not-assessed
  eligibility:
    eligible:         # true or false
    # What the eligibility rests on.
    basis: |
  # What will be different in your life if you are successful in this
  # program? How can this program be helpful to you? (their words)
  readiness: |
  # What do you hope for in your future? (quotes, in the client's words)
  client_words: []
  # Screenings for specific issues (Oregon programs ask for all five):
  # {topic: alcohol-drug, date: YYYY-MM-DD, result: ...}, or instead of a
  # date and a result, declined: the reason the client gave. Topics:
  # alcohol-drug, mental-health, domestic-violence, learning, physical-health.
  screenings: []
)";
}

std::string note_template(const std::string& date, const std::string& time) {
  return fmt::format(
      R"(# casekit-edit: Progress note (S.O.A.P.D.). Lines starting with # are comments.
# casekit-edit: Save and close the editor to add the note; leave it unchanged to cancel.
# casekit-edit: Write each answer after `|`, on the following lines, indented two
# casekit-edit: spaces: colons, quotes and # are then plain text. A list takes one
# casekit-edit: item a line, each after "- "; remove the [] when you add one.
date: {}
time: "{}"
contact: in-person    # in-person, phone, video, collateral, attempted
author:
goals: []             # the short-term goals this contact was about: [G1]
# event: service-start  (service-start, service-end, employment-change,
#                        life-event, emergent-need, status-update, ...)

# Strengths observed, linked to the goals.
strengths: |
# An objective account of the interaction: what you saw and heard.
objective: |
# Your assessment of the situation and the client: state of being and
# ability to complete tasks. Direct observations, not opinions.
assessment: |
# Data and new information gathered.
data: |
# Where each goal's measure stands today: {{G1: 138}}
# measures: {{}}
# Steps the client took toward the goals since the last contact.
client_steps: []
# Steps you took toward the goals since the last contact.
worker_steps: []
# Next steps with a timeframe: {{step: ..., by: YYYY-MM-DD, who: ...}}
plan: []
)",
      date, time);
}

std::string edit_guide(const std::string& part) {
  std::string out =
      "# casekit-edit: Save and close the editor to write the changes; leave the text unchanged "
      "to cancel.\n"
      "# casekit-edit: Lines starting with \"# casekit-edit:\" are removed; other comments stay.\n"
      "# casekit-edit: Write sentences after `|`, on the following lines, indented two spaces "
      "more than the key.\n";
  if (part == "intake")
    return out +
           "# casekit-edit: The intake: name, preferred_name, pronouns, date_of_birth, language,\n"
           "# casekit-edit: contact, case_manager, household and the other details of the "
           "client.\n";
  if (part == "reassessment")
    out +=
        "# casekit-edit: A reassessment, from the latest: change what changed since. The latest\n"
        "# casekit-edit: is kept under earlier_assessments: once this one is saved.\n";
  if (part == "assessment" || part == "reassessment")
    return out +
           "# casekit-edit: The assessment, with the desk guide's questions:\n"
           "# casekit-edit: strengths: What are you good at? What do you feel proud of?\n"
           "# casekit-edit: resources: Who are the people you can rely on? Who/what do you find "
           "helpful?\n"
           "# casekit-edit: background: How long have you been managing these challenges?\n"
           "# casekit-edit: challenges: What challenges are you facing?\n"
           "# casekit-edit: barriers: What stands in the way of your goals?\n"
           "# casekit-edit: basic_needs: assess every one, even those the program does not "
           "serve.\n"
           "# casekit-edit: readiness: What will be different in your life if you are "
           "successful?\n"
           "# casekit-edit: client_words: What do you hope for in your future? In their words.\n";
  return out +
         "# casekit-edit: The service plan: goals the client chose, S.M.A.R.T.S., with "
         "milestones, services and who does what by when.\n";
}

}  // namespace casekit
