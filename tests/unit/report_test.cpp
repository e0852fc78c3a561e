// The output formats of casekit check on a result built by hand: SARIF,
// JUnit XML, GitHub annotations and the coaching-tool checklist.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/report.hpp"

using namespace casekit;
using Json = nlohmann::ordered_json;

namespace {

Diagnostic finding(std::string file, int line, int column, Severity severity, std::string rule,
                   std::string message, std::string hint = {}, Subject subject = {}) {
  return {{std::move(file), line, column},
          severity,
          std::move(rule),
          std::move(message),
          std::move(hint),
          std::move(subject)};
}

// A whole report through the format's writer, as `casekit check` writes it.
std::string render(std::string_view format, const CheckResult& result,
                   const std::string& as_of = "2026-11-23") {
  return render_report(*find_check_format(format), result, {as_of});
}

Subject goal(std::string id) {
  return {SubjectKind::goal, std::move(id)};
}

// Two clients: ana-lopez with findings of six rules (an error, a rule with
// two findings, an info finding on line 0, two about goals), and
// ben-okoro with none; one stray entry in clients/.
CheckResult sample() {
  CheckResult result;
  result.folder_findings.push_back(
      finding("clients/old notes.txt", 0, 0, Severity::warning, "format/unknown-file",
              "old notes.txt is not a client folder", "move it out of clients/"));
  ClientReport ana{"ana-lopez", {}, {}};
  ana.findings = {
      finding("clients/ana-lopez/client.yaml", 0, 0, Severity::info, "language/spelling",
              "'recieved' may be misspelt", "received"),
      finding("clients/ana-lopez/notes/2026-11-02-1000-phone.yaml", 7, 3, Severity::warning,
              "language/label", "'refused': labelling or stigmatising words", "instead: declined"),
      finding("clients/ana-lopez/notes/2026-11-09-1000-phone.yaml", 4, 1, Severity::warning,
              "language/label", "'noncompliant': labelling or stigmatising words"),
      finding("clients/ana-lopez/notes/2026-11-09-1000-phone.yaml", 9, 1, Severity::warning,
              "note/next-steps", "the note has no next steps"),
      finding("clients/ana-lopez/plan.yaml", 12, 5, Severity::error, "plan/referral-consent",
              "referral R1 is active, and no release of information covers it", "record consent"),
      finding("clients/ana-lopez/plan.yaml", 20, 5, Severity::warning, "goal/time-framed",
              "short-term goal G2 has no target date", "add `target_date: YYYY-MM-DD`", goal("G2")),
      finding("clients/ana-lopez/plan.yaml", 30, 5, Severity::warning, "goal/milestones",
              "goal G1 has no milestones (incremental steps toward it)", "", goal("G1")),
  };
  result.clients.push_back(ana);
  result.clients.push_back({"ben-okoro", {}, {}});
  return result;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::size_t rule_index(const std::string& id) {
  return static_cast<std::size_t>(find_rule(id) - rule_catalogue().data());
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::size_t columns(const std::string& line) {
  return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The feedback of one client: from its "Feedback" line to the next client.
std::string feedback_of(const std::string& sheet, const std::string& client) {
  std::size_t start = sheet.find("\nFeedback\n", sheet.find("Client: " + client));
  REQUIRE(start != std::string::npos);
  start += 10;
  std::size_t end = sheet.find("\n\n=====", start);
  return sheet.substr(start, end == std::string::npos ? std::string::npos : end + 1 - start);
}

// Text with its line breaks and indents as single spaces, to find a
// sentence wherever the wrap broke it.
std::string flat(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\n')
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  return out;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

TEST_CASE("report sarif: one run, every rule in the driver") {
  Json log = Json::parse(render("sarif", sample()));
  CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const Json& driver = log["runs"][0]["tool"]["driver"];
  CHECK(driver["name"] == "casekit");
  REQUIRE(driver["rules"].size() == rule_catalogue().size());
  const RuleInfo& spelling = *find_rule("language/spelling");
  const Json& rule = driver["rules"][rule_index("language/spelling")];
  CHECK(rule["id"] == "language/spelling");
  CHECK(rule["shortDescription"]["text"] == spelling.item);
  CHECK(rule["fullDescription"]["text"] == spelling.source);
  CHECK(rule["defaultConfiguration"]["level"] == "note");
  CHECK(rule["help"]["text"] == explain_rule(spelling));
  CHECK(rule["properties"]["tags"] == Json::array({"writing"}));
  CHECK(rule["helpUri"] == "man:casekit-check(1)#language/spelling");
  // The version --version prints; informationUri must be an absolute URI,
  // and casekit has no web site: the man page's URI.
  CHECK(driver["version"] == CASEKIT_VERSION);
  CHECK(driver["informationUri"] == "man:casekit-check(1)");
}

TEST_CASE("report sarif: results with rule index, level, message and place") {
  Json results = Json::parse(render("sarif", sample()))["runs"][0]["results"];
  REQUIRE(results.size() == 8);
  auto result_of = [&](const std::string& rule) {
    for (const auto& r : results)
      if (r["ruleId"] == rule) return r;
    return Json();
  };
  Json time_framed = result_of("goal/time-framed");
  CHECK(time_framed["ruleIndex"] == rule_index("goal/time-framed"));
  CHECK(time_framed["level"] == "warning");
  CHECK(time_framed["message"]["text"] ==
        "short-term goal G2 has no target date (add `target_date: YYYY-MM-DD`)");
  const Json& place = time_framed["locations"][0]["physicalLocation"];
  CHECK(place["artifactLocation"]["uri"] == "clients/ana-lopez/plan.yaml");
  CHECK(place["region"] == Json{{"startLine", 20}, {"startColumn", 5}});
  CHECK(result_of("plan/referral-consent")["ruleIndex"] == rule_index("plan/referral-consent"));
  CHECK(result_of("plan/referral-consent")["level"] == "error");
  // info is "note" in SARIF; line 0, the whole file, is line 1 without a
  // column, so dashboards show it.
  Json spelling = result_of("language/spelling");
  CHECK(spelling["level"] == "note");
  CHECK(spelling["message"]["text"] == "'recieved' may be misspelt (received)");
  CHECK(spelling["locations"][0]["physicalLocation"]["region"] == Json{{"startLine", 1}});
  // The uri is a URI reference: the space is percent-encoded.
  CHECK(result_of(
            "format/unknown-file")["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "clients/old%20notes.txt");
}

TEST_CASE("report sarif: nothing found is an empty results list") {
  CheckResult empty;
  empty.clients.push_back({"ben-okoro", {}, {}});
  Json log = Json::parse(render("sarif", empty));
  CHECK(log["runs"][0]["results"] == Json::array());
  CHECK(log["runs"][0]["tool"]["driver"]["rules"].size() == rule_catalogue().size());
}

TEST_CASE("report sarif: an unknown rule keeps its id without an index") {
  CheckResult result;
  result.folder_findings.push_back(
      finding("casekit.yaml", 3, 0, Severity::error, "future/rule", "x \"quoted\"\n"));
  Json entry = Json::parse(render("sarif", result))["runs"][0]["results"][0];
  CHECK(entry == Json{{"ruleId", "future/rule"},
                      {"level", "error"},
                      {"message", {{"text", "x \"quoted\"\n"}}},
                      {"locations",
                       {{{"physicalLocation",
                          {{"artifactLocation", {{"uri", "casekit.yaml"}}},
                           {"region", {{"startLine", 3}}}}}}}}});
}

TEST_CASE("report json: the casekit-check/1 schema, in its documented order") {
  std::string text = render("json", sample(), "2026-11-23");
  Json doc = Json::parse(text);
  std::vector<std::string> keys;
  for (const auto& [key, value] : doc.items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"schema", "as_of", "folder", "clients", "summary"});
  CHECK(doc["schema"] == "casekit-check/1");
  CHECK(doc["as_of"] == "2026-11-23");
  CHECK(doc["summary"] == Json{{"errors", 1}, {"warnings", 6}, {"infos", 1}, {"clients", 2}});
  CHECK(doc["folder"].size() == 1);
  REQUIRE(doc["clients"].size() == 2);
  CHECK(doc["clients"][1] == Json{{"id", "ben-okoro"}, {"findings", Json::array()}});
  CHECK(doc["clients"][0]["findings"][5] ==
        Json{{"file", "clients/ana-lopez/plan.yaml"},
             {"line", 20},
             {"column", 5},
             {"severity", "warning"},
             {"rule", "goal/time-framed"},
             {"message", "short-term goal G2 has no target date"},
             {"hint", "add `target_date: YYYY-MM-DD`"}});
  CHECK(text.back() == '\n');
}

TEST_CASE("report json: control characters and bidirectional overrides are escapes") {
  CheckResult result;
  result.folder_findings.push_back(
      finding("clients/a\u202eb", 0, 0, Severity::warning, "format/unknown-file", "x\x7f\x1b\xff"));
  std::string text = render("json", result, "2026-11-23");
  CHECK(text.find("\xe2\x80\xae") == std::string::npos);
  CHECK(text.find('\x7f') == std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
  Json doc = Json::parse(text);
  CHECK(doc["folder"][0]["file"] == "clients/a\u202eb");
  CHECK(doc["folder"][0]["message"] == "x\x7f\x1b\xef\xbf\xbd");
}

TEST_CASE("report junit: a suite per client and for the case folder, a case per checklist") {
  std::string out = render("junit", sample());
  CHECK(out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"casekit check\" "
                  "tests=\"15\" "
                  "failures=\"5\" errors=\"0\">\n",
                  0) == 0);
  CHECK(occurrences(out, "<testsuite ") == 3);
  CHECK(out.find("<testsuite name=\"case-folder\" tests=\"1\" failures=\"1\"") !=
        std::string::npos);
  CHECK(out.find("<testsuite name=\"ana-lopez\" tests=\"7\" failures=\"4\"") != std::string::npos);
  CHECK(out.find("<testsuite name=\"ben-okoro\" tests=\"7\" failures=\"0\"") != std::string::npos);
  for (const char* checklist : {"structure", "initial-assessment", "service-plan",
                                "short-term-goal", "progress-note", "case", "writing"})
    CHECK(out.find(fmt::format("<testcase name=\"{}\" classname=\"ben-okoro\"/>", checklist)) !=
          std::string::npos);
  CHECK(out.find("<testcase name=\"service-plan\" classname=\"ana-lopez\">\n      <failure "
                 "message=\"1 finding\" "
                 "type=\"error\">clients/ana-lopez/plan.yaml:12:5: error: referral R1 is active, "
                 "and no release of "
                 "information covers it (record consent) [plan/referral-consent]\n</failure>\n    "
                 "</testcase>\n") != std::string::npos);
  CHECK(out.find("<testcase name=\"initial-assessment\" classname=\"ana-lopez\"/>") !=
        std::string::npos);
}

TEST_CASE("report junit: info findings pass and go to system-out") {
  std::string out = render("junit", sample());
  std::size_t writing = out.find("<testcase name=\"writing\" classname=\"ana-lopez\">");
  REQUIRE(writing != std::string::npos);
  std::string block = out.substr(writing, out.find("</testcase>", writing) - writing);
  CHECK(block.find("<failure message=\"2 findings\" type=\"warning\">") != std::string::npos);
  CHECK(block.find("[language/spelling]") > block.find("<system-out>"));
  CHECK(
      block.find(
          "<system-out>clients/ana-lopez/client.yaml: info: 'recieved' may be misspelt (received) "
          "[language/spelling]\n</system-out>") != std::string::npos);

  CheckResult only_info;
  only_info.clients.push_back(
      {"cara",
       {finding("clients/cara/client.yaml", 2, 1, Severity::info, "language/spelling", "x")},
       {}});
  out = render("junit", only_info);
  CHECK(out.find("failures=\"0\"") != std::string::npos);
  CHECK(out.find("<failure") == std::string::npos);
  CHECK(out.find("<testcase name=\"writing\" classname=\"cara\">\n      <system-out>") !=
        std::string::npos);
}

TEST_CASE("report junit: XML escaping of <, &, quotes and control characters") {
  CheckResult result;
  result.clients.push_back({"a<b&\"c'",
                            {finding("clients/x/plan.yaml", 1, 1, Severity::warning,
                                     "plan/signature", "if a < b && c > d say \"no\"\x01")},
                            {}});
  std::string out = render("junit", result);
  CHECK(out.find("<testsuite name=\"a&lt;b&amp;&quot;c&apos;\"") != std::string::npos);
  CHECK(out.find("classname=\"a&lt;b&amp;&quot;c&apos;\"") != std::string::npos);
  // Shown as an escape (format_diagnostic), so no XML replacement is needed.
  CHECK(out.find("if a &lt; b &amp;&amp; c &gt; d say \"no\"\\x01") != std::string::npos);
  CHECK(out.find("a<b") == std::string::npos);
  CHECK(out.find('\x01') == std::string::npos);
  // Every '&' starts an entity.
  for (std::size_t at = out.find('&'); at != std::string::npos; at = out.find('&', at + 1)) {
    std::string entity = out.substr(at, out.find(';', at) + 1 - at);
    CHECK((entity == "&lt;" || entity == "&gt;" || entity == "&amp;" || entity == "&quot;" ||
           entity == "&apos;"));
  }
}

TEST_CASE("report github: one workflow command a finding, exactly") {
  CheckResult result;
  result.folder_findings.push_back(finding("clients/a,b:c.txt", 0, 0, Severity::warning,
                                           "format/unknown-file",
                                           "a,b:c.txt is 100% stray\r\nsecond line", "move it"));
  result.clients.push_back(
      {"ana-lopez",
       {finding("clients/ana-lopez/plan.yaml", 12, 5, Severity::error, "plan/referral-consent",
                "no release", "record consent"),
        finding("clients/ana-lopez/plan.yaml", 14, 0, Severity::warning, "plan/signature",
                "unsigned"),
        finding("clients/ana-lopez/client.yaml", 0, 0, Severity::info, "language/spelling",
                "'recieved' may be misspelt", "received")},
       {}});
  CHECK(render("github", result) ==
        "::warning file=clients/a%2Cb%3Ac.txt,title=format/unknown-file::a,b:c.txt is 100%25 "
        "stray%0D%0Asecond line "
        "(move it)\n"
        "::error file=clients/ana-lopez/plan.yaml,line=12,col=5,title=plan/referral-consent::no "
        "release (record consent)\n"
        "::warning file=clients/ana-lopez/plan.yaml,line=14,title=plan/signature::unsigned\n"
        "::notice file=clients/ana-lopez/client.yaml,title=language/spelling::'recieved' may be "
        "misspelt (received)\n");
  CHECK(render("github", CheckResult{}).empty());
}

TEST_CASE("report checklist: the coaching checklists, items met and not met") {
  std::string out = render("checklist", sample(), "2026-11-23");
  CHECK(out.rfind("Case Management Coaching Tool: casekit check as of 2026-11-23\n", 0) == 0);
  CHECK(out == render("checklist", sample(), "2026-11-23"));
  for (const char* heading :
       {"\nClient: ana-lopez\n", "\nClient: ben-okoro\n", "\nInitial Assessment\n",
        "\nIndividual Service Plan\n", "\nISP Short-Term Goals\n", "\nProgress Notes\n",
        "\nWriting (every file of the record)\n", "\nCase folder\n"})
    CHECK(occurrences(out, heading) >= 1);
  std::string ana = out.substr(out.find("Client: ana-lopez"),
                               out.find("Client: ben-okoro") - out.find("Client: ana-lopez"));
  // One block per note a finding names; the others take a line each.
  std::string note = ana.substr(ana.find("  Note 2026-11-09-1000-phone.yaml\n"));
  CHECK(note.find("\n    [ ] Includes next steps/plan with timeframe: ") != std::string::npos);
  CHECK(note.find("\n    [x] Describes objective account of interaction.\n") != std::string::npos);
  CHECK(ana.find("\n  [ ] Non-judgmental: no labelling or stigmatising words. (2 findings)\n") !=
        std::string::npos);
  CHECK(ana.find("\n  [ ] Proper grammar and spelling.\n") != std::string::npos);
  CHECK(ana.find("\n  [x] Strengths of the client are noted in the assessment.\n") !=
        std::string::npos);
  // One block per goal a finding names, each with its own marks.
  std::string g1 =
      ana.substr(ana.find("  Goal G1\n"), ana.find("  Goal G2\n") - ana.find("  Goal G1\n"));
  std::string g2 = ana.substr(ana.find("  Goal G2\n"),
                              ana.find("Achievable and Realistic") - ana.find("  Goal G2\n"));
  CHECK(g1.find("    [ ] Includes milestones,") != std::string::npos);
  CHECK(g1.find("    [x] Time-framed:") != std::string::npos);
  CHECK(g2.find("    [x] Includes milestones,") != std::string::npos);
  CHECK(g2.find("    [ ] Time-framed:") != std::string::npos);
  std::string ben = out.substr(out.find("Client: ben-okoro"));
  CHECK(ben.find("[ ]") == std::string::npos);
  // Without the plan's text, a client whose goals have no findings gets
  // one block for all of them.
  CHECK(ben.find("\nISP Short-Term Goals\n  All goals\n    [x] Specific:") != std::string::npos);
  CHECK(ana.find("Any other goal of the plan has no findings: it meets every item.") !=
        std::string::npos);
  for (const auto& line : lines_of(out)) CHECK_MESSAGE(columns(line) <= 80, line);
}

TEST_CASE(
    "report checklist feedback: positive first, and never but, at most three improvements, a "
    "question last") {
  std::string out = render("checklist", sample(), "2026-11-23");
  std::string ana = feedback_of(out, "ana-lopez");
  CHECK(ana.rfind("  What this record does well: ", 0) == 0);
  CHECK(ana.find("Initial Assessment: An initial strength-based assessment is recorded.") !=
        std::string::npos);
  CHECK(lower(ana).find(" but ") == std::string::npos);
  CHECK(lower(ana).find("however") == std::string::npos);
  CHECK(ana.find(", and ") != std::string::npos);
  std::vector<std::string> improvements;
  for (const auto& line : lines_of(ana))
    if (line.size() > 6 && line.compare(0, 4, "    ") == 0 &&
        std::isdigit(static_cast<unsigned char>(line[4])) && line[5] == '.')
      improvements.push_back(line);
  REQUIRE(improvements.size() == 3);
  // Errors first, then the rule with the most findings, then rules.yaml order.
  CHECK(improvements[0].rfind(
            "    1. A referral that shares information about the client relies on a signed", 0) ==
        0);
  CHECK(improvements[1] ==
        "    2. Non-judgmental: no labelling or stigmatising words. (2 findings)");
  CHECK(improvements[2].rfind("    3. Time-framed:", 0) == 0);
  CHECK(flat(ana).find("At clients/ana-lopez/plan.yaml:12:5: referral R1 is active, and no release "
                       "of information "
                       "covers it (record consent).") != std::string::npos);
  CHECK(flat(ana).find("`casekit check ana-lopez` lists the other 3 findings.") !=
        std::string::npos);
  auto lines = lines_of(ana);
  REQUIRE(!lines.empty());
  CHECK(lines.back().back() == '?');
  CHECK(ana.find("--explain plan/referral-consent") != std::string::npos);

  std::string ben = feedback_of(out, "ben-okoro");
  CHECK(ben.rfind("  What this record does well: ", 0) == 0);
  CHECK(ben.find("the record meets every item casekit checks") != std::string::npos);
  CHECK(lines_of(ben).back().back() == '?');
  CHECK(lower(ben).find(" but ") == std::string::npos);
}

TEST_CASE("report checklist: the progress-note checklist per note, a clean note in one line") {
  CheckResult result;
  ClientReport dev{"dev",
                   {finding("clients/dev/notes/2026-11-09-1000-phone.yaml", 9, 1, Severity::warning,
                            "note/next-steps", "the note has no next steps")},
                   {}};
  dev.note_files = {"2026-11-02-1000-phone.yaml", "2026-11-09-1000-phone.yaml"};
  result.clients.push_back(dev);
  std::string out = render("checklist", result, "2026-11-23");
  CHECK(out.find("\n  [x] Note 2026-11-02-1000-phone.yaml: every item met\n") != std::string::npos);
  std::string note = out.substr(out.find("\n  Note 2026-11-09-1000-phone.yaml\n"));
  CHECK(note.find("\n    [ ] Includes next steps/plan with timeframe: ") != std::string::npos);
  CHECK(note.find("\n    [x] Describes objective account of interaction.\n") != std::string::npos);
  CHECK(out.find("Findings that name no one note") == std::string::npos);
}

TEST_CASE("report checklist: a record with only format errors is not checked") {
  CheckResult result;
  result.clients.push_back(
      {"cara",
       {finding("clients/cara/plan.yaml", 3, 1, Severity::error, "format/parse", "bad YAML")},
       {}});
  std::string out = render("checklist", result, "2026-11-23");
  CHECK(out.find("could not be checked") != std::string::npos);
  CHECK(out.find("  [-] Strengths of the client are noted in the assessment.\n") !=
        std::string::npos);
  CHECK(out.find("[x]", out.find("Client: cara")) == std::string::npos);
  CHECK(out.find("\nRecord format\n  [ ] The file is valid YAML in casekit's safe subset.\n") !=
        std::string::npos);
  std::string feedback = feedback_of(out, "cara");
  CHECK(feedback.rfind("  Thank you", 0) == 0);
  CHECK(feedback.find("    1. The file is valid YAML") != std::string::npos);
  CHECK(feedback.find("    2. ") == std::string::npos);
}

TEST_CASE("report checklist: goals from the plan, and rules_run marks what did not apply") {
  CheckResult result;
  result.clients.push_back({"cara", {}, {"goal/specific", "note/objective"}, {"G1", "G4"}, true});
  std::string out = render("checklist", result, "");
  CHECK(out.rfind("Case Management Coaching Tool: casekit check\n", 0) == 0);
  CHECK(out.find("  Goal G1\n    [x] Specific:") != std::string::npos);
  CHECK(out.find("  Goal G4\n    [x] Specific:") != std::string::npos);
  CHECK(out.find("    [-] Measurable:") != std::string::npos);
  CHECK(out.find("  [x] Describes objective account of interaction.") != std::string::npos);
  CHECK(out.find("  [-] Includes data or new information gathered.") != std::string::npos);
  CHECK(out.find(
            "\nInitial Assessment\n  Not checked: these rules are turned off for this record.\n") !=
        std::string::npos);
}

TEST_CASE("report checklist: checklists none of whose rules ran say so in one line") {
  CheckResult result;
  ClientReport dev{"dev", {}, {}};
  for (const auto& rule : rule_catalogue())
    if (rule.checklist == "initial-assessment" || rule.checklist == "writing")
      dev.rules_run.push_back(rule.id);
  dev.findings.push_back(finding("clients/dev/client.yaml", 9, 3, Severity::warning,
                                 "case/contact-gap", "no contact"));
  result.clients.push_back(dev);
  std::string out = render("checklist", result, "2026-11-23");
  CHECK(
      out.find(
          "\nIndividual Service Plan\n  Not checked: there is no service plan yet, or these rules "
          "are turned off.\n") != std::string::npos);
  CHECK(out.find("\nISP Short-Term Goals\n  Not checked: there is no service plan yet") !=
        std::string::npos);
  CHECK(out.find("\nProgress Notes\n  Not checked: there are no progress notes yet") !=
        std::string::npos);
  CHECK(out.find("The plan is reviewed regularly.") == std::string::npos);
  CHECK(out.find("  [x] Strengths of the client are noted in the assessment.\n") !=
        std::string::npos);
  // A checklist with a finding shows its items, whatever rules_run says.
  CHECK(out.find("  [ ] An active client has had contact within contact_interval_days; ") !=
        std::string::npos);
  CHECK(out.find("  [-] A closed case has a closure date") != std::string::npos);
}

TEST_CASE("report checklist: a plan with no goals says so") {
  CheckResult result;
  result.clients.push_back({"dev", {}, {}, {}, true});
  std::string out = render("checklist", result, "2026-11-23");
  CHECK(out.find("\nISP Short-Term Goals\n  No short-term goals are on record to check.\n") !=
        std::string::npos);
  CHECK(out.find("Achievable and Realistic") == std::string::npos);
}

TEST_CASE("text on a terminal: wrapped at words under a hanging indent, the hint on its own line") {
  ClientReport client{"ana-lopez", {}, {}};
  client.findings = {finding("clients/ana-lopez/plan.yaml", 12, 5, Severity::error,
                             "plan/referral-consent",
                             "referral R1 to the Bronx Fathers' Support Network is active, and no "
                             "release of information covers it",
                             "record the client's consent with `casekit plan ana-lopez "
                             "add-consent --partner NAME`")};
  TextStyle style;
  style.width = 60;
  CHECK(render_text(client, style) ==
        "clients/ana-lopez/plan.yaml:12:5: error: referral R1 to the\n"
        "    Bronx Fathers' Support Network is active, and no release\n"
        "    of information covers it [plan/referral-consent]\n"
        "    hint: record the client's consent with `casekit plan\n"
        "          ana-lopez add-consent --partner NAME`\n");
  // Piped: one line, as editors and CI annotators read it.
  CHECK(render_text(client, TextStyle{}) ==
        "clients/ana-lopez/plan.yaml:12:5: error: referral R1 to the Bronx Fathers' Support "
        "Network is active, and no release of information covers it (record the client's consent "
        "with `casekit plan ana-lopez add-consent --partner NAME`) [plan/referral-consent]\n");
}

// Streaming is check's only mode: each format writes a client's part when
// it is handed the client (JUnit alone holds its suites for the totals on
// its root), and the pieces make the same report as render_report.
TEST_CASE("report writers: a client's part is written when the client is checked") {
  CheckResult result = sample();
  for (const CheckFormat& format : check_formats()) {
    CAPTURE(format.name);
    ReportOptions options{"2026-11-23"};
    std::unique_ptr<ReportWriter> writer = format.writer(options);
    std::string out = writer->client({"", result.folder_findings});
    std::string part = writer->client(result.clients.front());
    if (format.name == "junit")
      CHECK(part.empty());
    else
      CHECK(part.find(format.name == "github" || format.name == "sarif"
                          ? "plan.yaml"
                          : "ana-lopez") != std::string::npos);
    out += part + writer->client(result.clients.back());
    out += writer->end({1, 6, 1, 2});
    CHECK(out == render_report(format, result, options));
  }
}
