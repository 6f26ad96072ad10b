-- Neovim 0.7.2 as a non-VS Code LSP client of the Nianbao server (push diagnostics over stdio).
--   SERVER=dist/server.js FILE=ws/2021年度报告.md ROOT=ws [WAIT_MS=20000] \
--     nvim --headless -n -i NONE -u test/e2e/nvim-lsp.lua
-- (test/e2e/nvim-lsp.sh does the setup.) Prints one JSON line and exits:
--   0 at least one diagnostic with source "nianbao" arrived (and, with EXPECT=004, seed 004's
--     expected findings at their byte columns and the heading quick fix among the code actions)
--   1 diagnostics arrived but none from "nianbao", an expectation failed, or HARNESS_FORCE_FAIL
--   3 no diagnostics at all (server died, never published, or bad path)
-- Only 0.7-era API is used: vim.lsp.start_client, buf_attach_client, vim.diagnostic.get.
local out = { client = 'nvim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) }
local function finish(code)
  out.exit = code
  io.stdout:write(vim.fn.json_encode(out) .. '\n')
  io.stdout:flush()
  if code == 0 then vim.cmd('qa!') else vim.cmd('cq! ' .. code) end
end

local server, file, root = os.getenv('SERVER'), os.getenv('FILE'), os.getenv('ROOT')
local wait_ms = tonumber(os.getenv('WAIT_MS') or '') or 20000
local force = os.getenv('HARNESS_FORCE_FAIL') or ''
if not server or not file then out.error = 'SERVER and FILE must be set'; return finish(3) end

local stderr = {}
local id = vim.lsp.start_client({
  name = 'nianbao',
  cmd = { 'node', server, '--stdio' },
  root_dir = root or vim.fn.fnamemodify(file, ':h'),
  workspace_folders = root and { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } } or nil,
  on_exit = function(code, signal) out.server_exit = code; out.server_signal = signal end,
})
if not id then out.error = 'start_client failed'; return finish(3) end

vim.cmd('filetype on')  -- -u skips the defaults; we want filetype=markdown like a real setup
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
out.filetype = vim.bo[buf].filetype
vim.lsp.buf_attach_client(buf, id)

local function nianbao_diags()
  return vim.tbl_filter(function(d) return d.source == 'nianbao' end, vim.diagnostic.get(buf))
end
local t0 = vim.loop.hrtime()
local ok = vim.wait(wait_ms, function() return #nianbao_diags() > 0 or out.server_exit ~= nil end, 50)
-- Let a burst of publishes settle a little so the printout is complete.
if ok and out.server_exit == nil then vim.wait(300, function() return false end, 50) end
out.wait_ms = math.floor((vim.loop.hrtime() - t0) / 1e6)

out.diagnostics = vim.tbl_map(function(d)
  local lsp = d.user_data and d.user_data.lsp or {}
  return { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
    message = d.message, source = d.source, code = lsp.code or d.code }
end, vim.diagnostic.get(buf))
out.count = #out.diagnostics
out.nianbao_count = #nianbao_diags()

local client = vim.lsp.get_client_by_id(id)
if client and client.server_capabilities then
  out.server_name = client.server_info and client.server_info.name or nil
end

-- Seed 004 as 2023年度报告.md. Columns are bytes: nvim converts the server's UTF-16 ranges, so
-- "5、 存在的主要问题及改进情况" (15 UTF-16 units) ends at byte 41, and 表三's caption line
-- (87 units) at byte 155.
local EXPECT_004 = {
  { code = 'conversion-artifact', lnum = 0, col = 0, end_col = 19, message = '转换残留的 Word 书签「[bookmark: _GoBack]」' },
  { code = 'table-layout', lnum = 57, col = 0, end_col = 155, message = '表三为「每个单元格占一行」格式，可转换为制表符分隔的表格' },
  { code = 'section-heading', lnum = 399, col = 0, end_col = 41, message = '标题应为「五、存在的主要问题及改进情况」，而不是「5、 存在的主要问题及改进情况」' },
}
local HEADING_FIX = '改为「五、存在的主要问题及改进情况」'
local function expect_004()
  local problems = {}
  local heading
  for _, want in ipairs(EXPECT_004) do
    local found
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      if lsp.code == want.code and d.lnum == want.lnum and d.col == want.col and d.end_col == want.end_col and d.message == want.message then found = d end
    end
    if not found then table.insert(problems, 'missing ' .. vim.fn.json_encode(want)) end
    if want.code == 'section-heading' then heading = found end
  end
  if heading then
    -- As :'<,'>lua vim.lsp.buf.range_code_action() over the heading would ask (0.7 keeps only
    -- code and codeDescription in user_data.lsp, so the range is made from the byte columns).
    local params = vim.lsp.util.make_given_range_params({ heading.lnum + 1, heading.col }, { heading.end_lnum + 1, heading.end_col }, buf, client.offset_encoding)
    params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, heading.lnum) }
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000)
    out.code_actions = {}
    for _, r in pairs(responses or {}) do
      if r.err then out.code_action_error = r.err.message end
      for _, a in ipairs(r.result or {}) do table.insert(out.code_actions, { title = a.title, kind = a.kind }) end
    end
    local has_fix = false
    for _, a in ipairs(out.code_actions) do has_fix = has_fix or (a.title == HEADING_FIX and a.kind == 'quickfix') end
    if not has_fix then table.insert(problems, 'no quickfix "' .. HEADING_FIX .. '" at line 399') end
  end
  return problems
end
if os.getenv('EXPECT') == '004' and out.nianbao_count > 0 then out.expect_failures = expect_004() end
vim.lsp.stop_client(id)

if out.count == 0 then out.error = out.server_exit and ('server exited with code ' .. tostring(out.server_exit)) or 'no diagnostics'; return finish(3) end
if out.nianbao_count == 0 then out.error = 'no diagnostic with source "nianbao"'; return finish(1) end
if out.expect_failures and #out.expect_failures > 0 then out.error = table.concat(out.expect_failures, '; '); return finish(1) end
if force == '1' or force == 'all' or vim.tbl_contains(vim.split(force, ','), 'nvim') then
  out.error = 'failing on purpose (HARNESS_FORCE_FAIL)'; return finish(1)
end
out.pass = true
finish(0)
