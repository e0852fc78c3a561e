#include <fmt/format.h>

#include "base/printable.hpp"
#include "cli/commands.hpp"
#include "edit/attach.hpp"
#include "record/documents.hpp"

namespace casekit::cli {

void setup_attach(CLI::App& command, Context& context) {
  auto in = std::make_shared<AttachInput>();
  auto source = std::make_shared<std::string>();
  command.add_option("file", *source, "The file to attach: a scan, a PDF, a photo")->required();
  command
      .add_option("--kind", in->kind, "What it is: signed-plan, release, eligibility, form, other")
      ->required()
      ->check(one_of(document_kinds()));
  command.add_option("--date", in->date, "The date it was signed or issued (YYYY-MM-DD)")
      ->required();
  command.add_option("--note", in->note, "A line about it, like \"DHS 7819, signed\"");
  command.callback([in, source, &context] {
    in->source = *source;
    CaseFolder folder = context.folder();
    std::uintmax_t max_bytes =
        static_cast<std::uintmax_t>(folder.settings().document_max_mb) * 1000 * 1000;
    ClientEdit edit(folder, context.client);
    Attached attached = attach_document(edit, *in, max_bytes);
    std::vector<fs::path> written = edit.save();
    written.push_back(attached.path);
    fmt::print("Attached {} to {} as document {} ({} bytes, {})\n", printable(*source),
               context.client, attached.id, attached.bytes, folder.display(attached.path));
    record_in_git(folder, written,
                  fmt::format("attach: add {} {} for {}", in->kind, attached.id, context.client));
  });
}

}  // namespace casekit::cli
