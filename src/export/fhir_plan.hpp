// A client's service plan as FHIR R4 resources: the goals (long- and
// short-term, with their baselines), the services and referrals as
// ServiceRequests (a referral's follow-up as a Task), and the CarePlan
// that ties them together.
#pragma once

#include "export/fhir_bundle.hpp"

namespace casekit::fhir {

void add_plan(BundleBuilder& b, const Plan& plan);

}  // namespace casekit::fhir
