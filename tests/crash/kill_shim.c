/* A test-only LD_PRELOAD library: counts the calls by which casekit
 * changes the disk (write, fsync, rename, link, unlink, mkdir, fchmod,
 * chmod) and kills the process with SIGKILL just before call number
 * CASEKIT_KILL_AT. With CASEKIT_KILL_COUNT=FILE it writes how many such
 * calls the process made to FILE when it exits. Production code knows
 * nothing of it. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static long calls;

static void count_call(void) {
  static long kill_at = -1;
  if (kill_at < 0) {
    const char* at = getenv("CASEKIT_KILL_AT");
    kill_at = at ? atol(at) : 0;
  }
  if (++calls == kill_at) raise(SIGKILL);
}

__attribute__((destructor)) static void report_count(void) {
  const char* file = getenv("CASEKIT_KILL_COUNT");
  if (!file) return;
  FILE* out = fopen(file, "w");
  if (!out) return;
  fprintf(out, "%ld\n", calls);
  fclose(out);
}

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t write(int fd, const void* data, size_t size) {
  count_call();
  return NEXT(write)(fd, data, size);
}
int fsync(int fd) {
  count_call();
  return NEXT(fsync)(fd);
}
int rename(const char* from, const char* to) {
  count_call();
  return NEXT(rename)(from, to);
}
int link(const char* from, const char* to) {
  count_call();
  return NEXT(link)(from, to);
}
int unlink(const char* path) {
  count_call();
  return NEXT(unlink)(path);
}
int mkdir(const char* path, mode_t mode) {
  count_call();
  return NEXT(mkdir)(path, mode);
}
int fchmod(int fd, mode_t mode) {
  count_call();
  return NEXT(fchmod)(fd, mode);
}
int chmod(const char* path, mode_t mode) {
  count_call();
  return NEXT(chmod)(path, mode);
}
