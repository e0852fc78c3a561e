-- Run by nvim_test.sh: opens a note, changes a line without saving, starts
-- casekit lsp with Neovim's own client (0.7's start_client and
-- buf_attach_client) and writes the diagnostics Neovim received to $OUT,
-- one a line: LINE:COLUMN SEVERITY CODE MESSAGE.
local out = assert(os.getenv("OUT"))
vim.cmd("edit " .. vim.fn.fnameescape(assert(os.getenv("NOTE"))))
local buf = vim.api.nvim_get_current_buf()
local line = assert(tonumber(os.getenv("LINE")))
vim.api.nvim_buf_set_lines(buf, line, line + 1, false, { "  - Tested clean at the clinic on 2026-11-18." })
local client = vim.lsp.start_client({
  name = "casekit",
  cmd = { assert(os.getenv("CASEKIT")), "lsp" },
  root_dir = assert(os.getenv("ROOT")),
})
vim.lsp.buf_attach_client(buf, client)
local function label_found()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == "language/label" then return true end
  end
  return false
end
vim.wait(30000, label_found, 20)
local lines = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?"
  table.insert(lines, string.format("%d:%d %d %s %s", d.lnum, d.col, d.severity, code, d.message))
end
table.sort(lines)
local file = assert(io.open(out, "w"))
file:write(table.concat(lines, "\n") .. "\n")
file:close()
vim.lsp.stop_client(client)
vim.cmd("qa!")
