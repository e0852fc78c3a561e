// A small JSON-RPC client for a language server over stdio (the Language
// Server Protocol's framing: Content-Length headers, then JSON), enough
// for the tests: requests, notifications, and the diagnostics it publishes.
"use strict";
const { spawn } = require("child_process");

class LspClient {
  constructor(command, args) {
    this.server = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"] });
    this.nextId = 1;
    this.pending = new Map();
    this.diagnostics = new Map();
    this.waiting = new Map();
    this.settings = {};
    this.buffer = Buffer.alloc(0);
    this.server.stdout.on("data", (chunk) => this.read(chunk));
  }

  read(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(this.buffer.slice(0, end).toString())[1]);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.slice(end + 4, end + 4 + length).toString("utf8");
      this.buffer = this.buffer.slice(end + 4 + length);
      this.receive(JSON.parse(body));
    }
  }

  receive(message) {
    if (process.env.LSP_DEBUG) console.error(JSON.stringify(message).slice(0, 400));
    if (message.id !== undefined && message.method === "workspace/configuration") {
      // The server pulls its settings, a section at a time.
      const result = message.params.items.map((item) => this.settings[item.section] ?? null);
      this.write({ jsonrpc: "2.0", id: message.id, result });
    } else if (message.id !== undefined && message.method) {
      // Another request of the server's (capabilities, progress): acknowledged.
      this.write({ jsonrpc: "2.0", id: message.id, result: null });
    } else if (message.id !== undefined) {
      const done = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (done) message.error ? done.reject(new Error(message.error.message)) : done.resolve(message.result);
    } else if (message.method === "textDocument/publishDiagnostics") {
      this.diagnostics.set(message.params.uri, message.params.diagnostics);
      const wake = this.waiting.get(message.params.uri);
      if (wake) wake(message.params.diagnostics);
    }
  }

  write(message) {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    this.write({ jsonrpc: "2.0", id, method, params });
    return within(new Promise((resolve, reject) => this.pending.set(id, { resolve, reject })), method);
  }

  // The settings the server is given, pushed and pulled: { section: value }.
  configure(settings) {
    this.settings = settings;
    this.notify("workspace/didChangeConfiguration", { settings });
  }

  notify(method, params) {
    this.write({ jsonrpc: "2.0", method, params });
  }

  // Opens a document and waits for the diagnostics the server publishes for it.
  open(uri, text) {
    this.diagnostics.delete(uri);
    const published = new Promise((resolve) => this.waiting.set(uri, resolve));
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
    return within(published, "diagnostics of " + uri);
  }

  close(uri) {
    this.waiting.delete(uri);
    this.notify("textDocument/didClose", { textDocument: { uri } });
  }

  async stop() {
    await this.request("shutdown", null);
    this.notify("exit", null);
  }
}

// A server that never answers fails the test rather than hanging it.
function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("no answer from the language server: " + what)), 30000);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

module.exports = { LspClient };
