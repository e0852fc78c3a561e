#include "export/fhir_documents.hpp"

#include <fmt/format.h>

namespace casekit {
namespace {

using Json = nlohmann::ordered_json;

// The file's media type from its extension: what a reader opens it with.
std::string content_type(const std::string& file) {
  std::string extension = file.substr(file.rfind('.') + 1);
  for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == "pdf") return "application/pdf";
  if (extension == "jpg" || extension == "jpeg") return "image/jpeg";
  if (extension == "png") return "image/png";
  if (extension == "tif" || extension == "tiff") return "image/tiff";
  return "application/octet-stream";
}

// The kinds as LOINC document types where one fits; the others as text.
Json type_of(const std::string& kind) {
  if (kind == "signed-plan")
    return {{"coding", {{{"system", "http://loinc.org"}, {"code", "18776-5"}}}},
            {"text", "Plan of care note, signed"}};
  if (kind == "release")
    return {{"coding", {{{"system", "http://loinc.org"}, {"code", "59284-0"}}}},
            {"text", "Release of information, signed"}};
  return {{"text", kind == "eligibility" ? "Proof of eligibility"
                   : kind == "form"      ? "Agency form"
                                         : "Document"}};
}

}  // namespace

Json document_reference(const ClientDocument& document, const std::string& id,
                        const Json& patient) {
  Json attachment = {{"contentType", content_type(document.file)},
                     {"url", "documents/" + document.file},
                     {"size", document.bytes},
                     {"title", document.file}};
  if (document.date) attachment["creation"] = document.date->str();
  Json doc = {{"resourceType", "DocumentReference"},
              {"id", id},
              {"identifier",
               {{{"system", "urn:ietf:rfc:3986"}, {"value", "urn:casekit:" + document.sha256}}}},
              {"status", "current"},
              {"type", type_of(document.kind)},
              {"subject", patient},
              {"content", {{{"attachment", attachment}}}}};
  if (!document.note.empty()) doc["description"] = document.note;
  return doc;
}

}  // namespace casekit
