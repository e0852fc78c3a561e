// The plan verbs for services, referrals, releases of information,
// signatures and reviews (the rest of `casekit plan`: cmd_plan.cpp).
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/plan_verbs.hpp"
#include "edit/plan_edits.hpp"

namespace casekit::cli {

namespace {

void verb_add_service(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  ServiceInput& in = pc->in.service;
  v.add_option("--name", in.name, "The service, as the program names it")->required();
  v.add_option("--need", in.needs, "The documented need it meets, like N1 (repeatable)")
      ->allow_extra_args(false);
  v.add_option("--goal", in.goals, "A goal it supports, like G1 (repeatable)")
      ->allow_extra_args(false);
  v.add_option("--provider", in.provider, "Who provides it");
  v.add_option("--start", in.start, "Start date");
  v.add_option("--end", in.end, "End date");
  v.add_option("--status", in.status, "planned (default), active, completed or discontinued")
      ->check(one_of({"planned", "active", "completed", "discontinued"}));
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) { return "added service " + add_service(e, pc->in.service); });
  });
}

void verb_service_status(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  v.add_option("service", pc->in.item, "The service's id, like S1")->required();
  v.add_option("status", pc->in.status,
               "active (started), completed or discontinued (ended), or planned")
      ->required()
      ->check(one_of({"planned", "active", "completed", "discontinued"}));
  v.add_option("--date", pc->in.date, "Date it started or ended (default: today)");
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) {
      set_service_status(e, pc->in.item, pc->in.status, today_or(pc->in.date));
      return fmt::format("service {} is now {}", pc->in.item, pc->in.status);
    });
  });
}

void verb_add_referral(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  ReferralInput& in = pc->in.referral;
  v.add_option("--to", in.to, "The partner the client is referred to")->required();
  v.add_option("--need", in.needs, "The need it addresses, like N2 (repeatable)")
      ->allow_extra_args(false);
  v.add_option(
      "--consent", in.consent,
      "Signed date of the release of information it relies on (as recorded with add-consent)");
  v.add_option("--release", in.release,
               "The partner of the release of information it relies on, as add-consent wrote it");
  v.add_option("--shares", in.shares,
               "none: nothing about the client goes to the partner, so no release is needed")
      ->check(one_of({"none"}));
  v.add_option("--date", in.date, "Date of the referral (default: today)");
  v.add_option("--outcome", in.outcome, "What came of it, when known");
  v.callback([pc] {
    ReferralInput& given = pc->in.referral;
    if (given.date.empty()) given.date = today().str();
    change(*pc, [&](ClientEdit& e) { return "added referral " + add_referral(e, given); });
  });
}

void verb_referral_outcome(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  v.add_option("referral", pc->in.item, "The referral's id, like R1")->required();
  v.add_option("--outcome", pc->in.outcome, "What came of the referral")->required();
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) {
      set_referral_outcome(e, pc->in.item, pc->in.outcome);
      return "recorded the outcome of " + pc->in.item;
    });
  });
}

void verb_referral_status(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  v.add_option("referral", pc->in.item, "The referral's id, like R1")->required();
  v.add_option("status", pc->in.status, "made, accepted, declined, attended, no-show or closed")
      ->required()
      ->check(one_of(referral_statuses()));
  v.add_option("--date", pc->in.date, "Date it happened or you learned it (default: today)");
  v.add_option("--note", pc->in.outcome, "A few words on it, like who you spoke to");
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) {
      add_referral_status(e, pc->in.item, pc->in.status, today_or(pc->in.date), pc->in.outcome);
      return fmt::format("referral {} is now {}", pc->in.item, pc->in.status);
    });
  });
}

void verb_add_consent(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  ConsentInput& in = pc->in.consent;
  v.add_option("--partner", in.partner, "Who information may be shared with")->required();
  v.add_option("--scope", in.scope, "What may be shared (repeatable)")->allow_extra_args(false);
  v.add_option("--signed", in.signed_on, "Date the client signed the release")->required();
  v.add_option("--expires", in.expires, "Date the release expires");
  v.add_option("--shares", in.shares,
               "What export --for may send the partner: contact, assessment, plan, notes, "
               "documents (comma-separated or repeated)")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(one_of({"contact", "assessment", "plan", "notes", "documents"}));
  v.add_option("--document", in.document,
               "The signed release as attached with casekit attach --kind release, like D1");
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) {
      add_consent(e, pc->in.consent);
      return "recorded a release of information for " + pc->in.consent.partner;
    });
  });
}

void verb_revoke_consent(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  v.add_option("--partner", pc->in.partner, "The partner whose release is revoked")->required();
  v.add_option("--date", pc->in.date, "Date it was revoked (default: today)");
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) {
      revoke_consent(e, pc->in.partner, today_or(pc->in.date));
      return "revoked the release of information for " + pc->in.partner;
    });
  });
}

void verb_sign(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  v.add_option("who", pc->in.who, "client or case-manager")
      ->required()
      ->check(one_of({"client", "case-manager"}));
  v.add_option("--date", pc->in.date, "Date of the signature (default: today)");
  v.add_option("--name", pc->in.name, "Name of the person who signed");
  v.callback([pc] {
    bool client = pc->in.who == "client";
    change(*pc, [&](ClientEdit& e) {
      sign_plan(e, client ? "client" : "case_manager", today_or(pc->in.date), pc->in.name);
      return fmt::format("recorded the {}'s signature", client ? "client" : "case manager");
    });
  });
}

void verb_decline_signature(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  v.add_option("--reason", pc->in.reason,
               "Why the client did not sign, and that the plan was explained")
      ->required();
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) {
      record_declined_signature(e, pc->in.reason);
      return std::string("recorded why the client did not sign");
    });
  });
}

void verb_review(CLI::App& v, const std::shared_ptr<PlanContext>& pc) {
  v.add_option(
      "--next", pc->in.next,
      "Date of the next review (default with --reviewed: the program's plan_review_days later)");
  v.add_option("--reviewed", pc->in.reviewed, "Date the plan was reviewed with the client");
  v.callback([pc] {
    change(*pc, [&](ClientEdit& e) {
      set_review(e, pc->in.next, pc->in.reviewed);
      return std::string("updated the plan's review dates");
    });
  });
}

}  // namespace

void setup_plan_services(CLI::App& plan, const std::shared_ptr<PlanContext>& pc) {
  static const PlanVerb verbs[] = {
      {"add-service", "Add a service tied to a documented need", verb_add_service},
      {"service-status", "Mark a service started, completed or discontinued", verb_service_status},
      {"add-referral", "Refer the client to a partner for a need", verb_add_referral},
      {"referral-outcome", "Record what came of a referral", verb_referral_outcome},
      {"referral-status", "Record a referral accepted, declined, attended, no-show or closed",
       verb_referral_status},
      {"add-consent", "Record a signed release of information (client.yaml)", verb_add_consent},
      {"revoke-consent", "Record that a release of information was revoked", verb_revoke_consent},
      {"sign", "Record the client's or case manager's signature on the plan", verb_sign},
      {"decline-signature", "Record why the client did not sign the plan", verb_decline_signature},
      {"review", "Record a plan review and set the next review date", verb_review},
  };
  for (const auto& verb : verbs) verb.setup(*plan.add_subcommand(verb.name, verb.summary), pc);
}

}  // namespace casekit::cli
