// `casekit plan CLIENT VERB ...`: one verb per change a case worker makes
// to a service plan, each a thin layer over plan_edits.hpp.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/editor.hpp"
#include "cli/plan_verbs.hpp"
#include "edit/plan_edits.hpp"
#include "edit/plan_text.hpp"

namespace casekit::cli {
namespace {

void verb_add_need(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  PlanInputs& in = pc->in;
  v.add_option("--description", in.need.description, "The need, in plain words")->required();
  v.add_option("--domain", in.need.domain,
               "Area of life: education, employment, housing, health, ...");
  v.add_option("--identified", in.identified, "Date the need was identified");
  v.add_flag("--emergent", in.need.emergent, "The need came up after the plan was made");
  v.add_option("--in-scope", in.in_scope,
               "yes when the program serves this need, no when a referral must meet it")
      ->check(one_of({"yes", "no"}));
  v.callback([pc] {
    PlanInputs& given = pc->in;
    if (!given.identified.empty()) given.need.identified = given.identified;
    if (!given.in_scope.empty()) given.need.in_scope = given.in_scope == "yes";
    change(*pc, [&](ClientEdit& e) { return "added need " + add_need(e, given.need); });
  });
}

void verb_meet_need(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  v.add_option("need", pc->in.item, "The need's id, like N1")->required();
  v.add_option("--date", pc->in.date, "Date the need was met (default: today)");
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) {
      meet_need(e, pc->in.item, today_or(pc->in.date));
      return fmt::format("marked need {} met", pc->in.item);
    });
  });
}

void verb_add_long_term_goal(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  v.add_option("--statement", pc->in.statement, "The client's hope for the future, as a statement")
      ->required();
  v.add_option("--client-words", pc->in.client_words, "The hope in the client's own words");
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) {
      return "added long-term goal " + add_long_term_goal(e, pc->in.statement, pc->in.client_words);
    });
  });
}

void verb_add_goal(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  GoalInput& in = pc->in.goal;
  v.add_option("--statement", in.statement, "Specific: \"Marcus will ...\"")->required();
  v.add_option("--long-term", in.long_term, "The long-term goal it serves, like L1");
  v.add_option("--need", in.needs, "A need it addresses, like N1 (repeatable)")
      ->allow_extra_args(false);
  v.add_option("--baseline", in.baseline, "Measurable: where the client starts, a number");
  v.add_option("--target", in.target, "Measurable: where the client aims to be, a number");
  v.add_option("--unit", in.unit, "Unit of the measure, like % or hours");
  v.add_option("--target-date", in.target_date, "Time-framed: the date to reach the goal by");
  v.add_option("--frequency", in.frequency, "How often, like 2x/week");
  v.add_option("--duration", in.duration, "For how long, like 2026-12-01 to 2027-03-01");
  v.add_option("--strength", in.strengths_used,
               "Strength-based: a strength the goal builds on (repeatable)")
      ->allow_extra_args(false);
  v.add_option("--milestone", pc->in.milestones,
               "A step toward the goal: 'STEP | DATE | WHO' (repeatable)")
      ->allow_extra_args(false);
  v.add_option("--methods", in.methods, "How the milestones will be accomplished");
  v.add_option("--responsible", in.responsible, "Who is responsible for the tasks");
  v.add_option("--outcome", in.program_outcome, "The program outcome it connects to");
  v.callback([pc] {
    for (const auto& m : pc->in.milestones) {
      StepSpec step = parse_step(m, "milestone");
      pc->in.goal.milestones.push_back({step.step, step.date, step.who});
    }
    change(*pc, [&](ClientEdit& e) { return "added goal " + add_goal(e, pc->in.goal); });
  });
}

void verb_add_milestone(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  MilestoneInput& in = pc->in.milestone;
  v.add_option("goal", pc->in.item, "The goal's id, like G1")->required();
  v.add_option("--step", in.step, "The step, like \"Register for HSE classes\"")->required();
  v.add_option("--due", in.due, "Date the step is due");
  v.add_option("--who", in.who, "Who takes the step");
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) {
      add_milestone(e, pc->in.item, pc->in.milestone);
      return "added a milestone to " + pc->in.item;
    });
  });
}

// "2" of `complete-milestone G1 2`, refused unless it is a small number.
int milestone_number(const std::string& number, const std::string& client) {
  bool digits = !number.empty() && number.size() < 4 &&
                number.find_first_not_of("0123456789") == std::string::npos;
  if (!digits)
    throw Error(
        fmt::format("'{}' is not a milestone number", number),
        fmt::format("milestones are numbered from 1 within each goal; `casekit show {}` lists them",
                    client));
  return std::stoi(number);
}

void verb_complete_milestone(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  v.add_option("goal", pc->in.item, "The goal's id, like G1")->required();
  v.add_option("milestone", pc->in.number,
               "The milestone's number within the goal, from 1 (see `casekit show`)")
      ->required();
  v.add_option("--date", pc->in.date, "Date it was done (default: today)");
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) {
      int number = milestone_number(pc->in.number, pc->client());
      complete_milestone(e, pc->in.item, number, today_or(pc->in.date));
      return fmt::format("marked milestone {} of {} done", pc->in.number, pc->in.item);
    });
  });
}

void verb_goal_status(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  v.add_option("goal", pc->in.item, "The goal's id, like G1")->required();
  v.add_option("status", pc->in.status, "achieved, revised, discontinued or active")
      ->required()
      ->check(one_of({"active", "achieved", "revised", "discontinued"}));
  v.add_option("--date", pc->in.date, "Date of the change (default: today)");
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) {
      set_goal_status(e, pc->in.item, pc->in.status, today_or(pc->in.date));
      return fmt::format("goal {} is now {}", pc->in.item, pc->in.status);
    });
  });
}

}  // namespace

void setup_plan(CLI::App& command, Context& context) {
  auto pc = std::make_shared<PlanContext>();
  pc->context = &context;
  command.add_flag("--edit", pc->edit,
                   "Edit plan.yaml in $VISUAL or $EDITOR, checked before it is saved");
  command
      .add_flag("--resume", pc->resume,
                "With --edit: reopen the text kept from an edit that was not saved")
      ->needs("--edit");
  command.add_flag("--force", pc->force,
                   "Keep a date that looks impossible (a signature after today or before the "
                   "plan was written), with a warning");
  command.require_subcommand(0, 1);
  static const PlanVerb verbs[] = {
      {"add-need", "Record a need in the assessment (client.yaml)", verb_add_need},
      {"meet-need", "Mark a need met", verb_meet_need},
      {"add-long-term-goal", "Add a long-term goal: the client's hope for the future",
       verb_add_long_term_goal},
      {"add-goal", "Add a S.M.A.R.T.S. short-term goal", verb_add_goal},
      {"add-milestone", "Add a milestone to a short-term goal", verb_add_milestone},
      {"complete-milestone", "Mark a milestone done", verb_complete_milestone},
      {"goal-status", "Mark a goal achieved, revised, discontinued or active again",
       verb_goal_status},
  };
  for (const auto& verb : verbs) verb.setup(*command.add_subcommand(verb.name, verb.summary), pc);
  setup_plan_services(command, pc);
  command.callback([pc, &command] {
    if (!command.get_subcommands().empty()) {
      if (pc->edit)
        throw Error("--edit cannot be combined with a change like " +
                        command.get_subcommands().front()->get_name(),
                    "run the change, or --edit, on its own");
      return;
    }
    if (!pc->edit)
      throw Error(
          "say what to change in the plan",
          fmt::format("run `casekit plan {} --help` for the changes, or use --edit", pc->client()));
    CaseFolder folder = pc->context->folder();
    // Held while the editor is open, so no other casekit process changes
    // the plan underneath; a plan with format errors can be repaired here.
    PlanText plan = read_plan_text(folder, pc->client());
    // Checked and written inside the edit, so a text that cannot be
    // written (the disk is full) is kept like a refused one.
    EditRequest request{{"plan", pc->client()}, pc->resume, plan.display, plan.source.text};
    auto text = edit_until_accepted(folder, plan.source.text, request, [&](const std::string& t) {
      check_plan_text(folder, pc->client(), t, pc->force);
      write_plan_text(folder, plan, t);
    });
    if (!text) {
      fmt::print(stderr, "casekit: nothing was written (the plan was left unchanged)\n");
      return;
    }
    fmt::print("Saved {}\n", plan.display);
    record_in_git(folder, {plan.path}, fmt::format("plan: edit the plan of {}", pc->client()));
  });
}

}  // namespace casekit::cli
