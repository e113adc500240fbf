/* LD_PRELOAD shim that makes a componentize-py build reproducible (ci/build-python-runtime).

   componentize-py snapshots CPython after running our module's top level inside its own
   wasmtime, whose WASI context hands the guest the host's entropy, clocks and file
   metadata. CPython keeps them (the str hash secret, FileFinder mtimes, and stat results
   left in freed memory that later objects' padding shows), so two builds would differ.

   Much of wasmtime-wasi's file access goes through rustix, which makes system calls itself
   rather than through libc, so wrapping libc functions cannot catch it. Instead a seccomp
   filter traps the stat family and getrandom wherever they are made, and a SIGSYS handler
   makes the call and rewrites its result:
   - getrandom: fixed bytes, the same for every call (so which thread asks first does not
     matter);
   - stat results for paths under $FUELGAUGE_REPRO_ROOT (the build's work dir): fixed
     times, a fixed device, and an inode number hashed from the path below that root. The
     guest sees the device/inode pair as a hash (wasi metadata-hash, its st_ino), and the
     build's files are fresh copies with new inodes every run.
   - getdents64 on a directory under the root: its entries sorted by name (see below), as
     the order a directory lists in depends on the file system (ext4's hash seed, tmpfs's
     creation order) and wasmtime-wasi passes it to the guest, whose imports then run (and
     allocate) in that order.
   Clocks are read through the vDSO, which seccomp cannot see, so clock_gettime is wrapped.
   The filter outlives exec: a child process without this shim preloaded would die of
   SIGSYS at its first stat (componentize-py starts none). x86-64 Linux only. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

#if !defined(__x86_64__)
#error "repro.c: x86-64 only"
#endif

#define FIXED_SEC 1700000000
#define FIXED_DEV 0x2a

int clock_gettime(clockid_t id, struct timespec *ts) {
  static int (*real)(clockid_t, struct timespec *);
  if (!real) real = dlsym(RTLD_NEXT, "clock_gettime");
  int r = real(id, ts);
  ts->tv_sec = FIXED_SEC; ts->tv_nsec = 0;
  return r;
}

/* The filter lets a trapped call through when its sixth argument, which none of these
   calls reads, is MAGIC: that is how the handler makes the real call. (Keyed on an
   argument rather than on the caller's address, it also works in a child that inherits
   the filter and preloads this shim again.) */
#define MAGIC 0x726570726f5f4f4bULL
static long raw(long nr, long a0, long a1, long a2, long a3, long a4) {
  long r = syscall(nr, a0, a1, a2, a3, a4, MAGIC);
  return r == -1 ? -errno : r; /* the kernel's convention, which the trapped caller expects */
}

static void fill(void *buf, size_t len) {
  unsigned long long s = 0x9E3779B97F4A7C15ULL;
  unsigned char *p = buf;
  for (size_t i = 0; i < len; i++) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; p[i] = (unsigned char)(s >> 32); }
}

static char root[4096];
static size_t root_len;

/* Appends s to buf (size 8192) at *n. Signal-safe, unlike snprintf. */
static void put(char *buf, size_t *n, const char *s) {
  while (*s && *n < 8191) buf[(*n)++] = *s++;
  buf[*n] = 0;
}
static void put_link(char *buf, size_t *n, int fd) {
  char link[32] = "/proc/self/fd/", digits[12];
  int k = 0;
  if (fd == AT_FDCWD) strcpy(link, "/proc/self/cwd");
  else { do digits[k++] = (char)('0' + fd % 10); while ((fd /= 10) && k < 11);
         size_t l = strlen(link); while (k) link[l++] = digits[--k]; link[l] = 0; }
  ssize_t r = readlink(link, buf + *n, 8191 - *n);
  if (r > 0) *n += (size_t)r;
  buf[*n] = 0;
}
/* The path that dirfd and path name (not normalised; only has to be the same every run). */
static void path_of(char *buf, int dirfd, const char *path) {
  size_t n = 0; buf[0] = 0;
  if (path && path[0] == '/') { put(buf, &n, path); return; }
  put_link(buf, &n, dirfd);
  if (path && *path) { put(buf, &n, "/"); put(buf, &n, path); }
}
static int under_root(const char *path) {
  return root_len && !strncmp(path, root, root_len) && (!path[root_len] || path[root_len] == '/');
}
#define FNV_BASIS 0xcbf29ce484222325ULL
static unsigned long long fnv(unsigned long long h, const char *s) { /* FNV-1a, streaming */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
  return h;
}
/* Inode number for a path under the root (0 for other paths: leave them alone). */
static unsigned long long ino_of(int dirfd, const char *path) {
  char buf[8192];
  path_of(buf, dirfd, path);
  return under_root(buf) ? fnv(FNV_BASIS, buf + root_len) | 1 : 0;
}
/* Link counts and directory sizes depend on the file system, so they are pinned too. */
static void pin_stat(struct stat *st, unsigned long long ino) {
  struct timespec t = {FIXED_SEC, 0};
  st->st_dev = FIXED_DEV; st->st_ino = ino; st->st_nlink = 1;
  if (S_ISDIR(st->st_mode)) st->st_size = 4096;
  st->st_atim = t; st->st_mtim = t; st->st_ctim = t;
}
static void pin_statx(struct statx *sx, unsigned long long ino) {
  struct statx_timestamp t = {FIXED_SEC, 0, 0};
  sx->stx_dev_major = 0; sx->stx_dev_minor = FIXED_DEV; sx->stx_ino = ino; sx->stx_nlink = 1;
  if (S_ISDIR(sx->stx_mode)) sx->stx_size = 4096;
  sx->stx_atime = t; sx->stx_btime = t; sx->stx_ctime = t; sx->stx_mtime = t;
}

/* getdents64 in name order. The handler keeps no per-fd state (so close, dup and fd reuse
   need no tracking): the file position is the index of the next entry in sorted order.
   Each call reads the whole directory again from offset 0 with the real call, sorts it,
   copies out the entries from that index on (d_off = index after the entry, so
   lseek/seekdir to a d_off works, and lseek to 0 rewinds), then lseeks the fd to the new
   index. Every file system accepts lseek to any small non-negative offset on a directory,
   and only this code reads from it afterwards, after seeking back to 0 first. The guest
   lists each directory in one or two calls (wasmtime-wasi reads a whole directory per
   fd_readdir), so reading it again per call costs little. d_ino is the path-hashed inode
   number that stat reports for the entry (wasmtime-wasi stats entries for the guest's
   d_ino anyway; this keeps the two consistent).
   Buffers are static and shared under a spin lock (no malloc in a signal handler; SIGSYS
   is blocked while its handler runs, and the handler's real calls are not trapped, so the
   lock cannot be re-entered by one thread). A directory too big for them is listed
   unsorted, with the kernel's own positions, and a warning: the build then still works but
   may not be reproducible. */
struct dirent64 { uint64_t d_ino; int64_t d_off; unsigned short d_reclen; unsigned char d_type; char d_name[]; };
#define DENTS_CAP (4 << 20)  /* bytes of records; the biggest directory a build lists has ~7 KB */
#define DENTS_MAX 65536      /* entries */
static char dents[DENTS_CAP];
static struct dirent64 *sorted[DENTS_MAX];
static volatile int dents_lock;

static int name_lt(const char *a, const char *b) { /* strcmp < 0, byte-wise, signal-safe */
  while (*a && *a == *b) a++, b++;
  return (unsigned char)*a < (unsigned char)*b;
}
static void sort_dents(size_t n) { /* heap sort: in place, no recursion, n log n */
  for (size_t end = n, start = n / 2;;) {
    size_t root_i;
    if (start > 0) root_i = --start;
    else if (--end > 0) { struct dirent64 *t = sorted[0]; sorted[0] = sorted[end]; sorted[end] = t; root_i = 0; }
    else break;
    for (size_t c; (c = 2 * root_i + 1) < end; root_i = c) {
      if (c + 1 < end && name_lt(sorted[c]->d_name, sorted[c + 1]->d_name)) c++;
      if (!name_lt(sorted[root_i]->d_name, sorted[c]->d_name)) break;
      struct dirent64 *t = sorted[root_i]; sorted[root_i] = sorted[c]; sorted[c] = t;
    }
  }
}
static void warn_once(const char *msg, size_t len) {
  static volatile int warned;
  if (!__atomic_exchange_n(&warned, 1, __ATOMIC_RELAXED)) write(2, msg, len);
}

/* Returns what the trapped getdents64(fd, out, cap) returns. */
static long sorted_getdents(int fd, char *out, size_t cap) {
  char dir[8192];
  path_of(dir, fd, "");
  if (!under_root(dir)) return raw(SYS_getdents64, fd, (long)out, (long)cap, 0, 0);
  off_t pos = lseek(fd, 0, SEEK_CUR);
  if (pos < 0) return -errno;
  while (__atomic_exchange_n(&dents_lock, 1, __ATOMIC_ACQUIRE)) {}
  long r = 0;
  size_t used = 0, n = 0;
  int fits = 1;
  if (lseek(fd, 0, SEEK_SET) < 0) { r = -errno; goto done; }
  while (fits) { /* read it all; a call with no room left returns 0 only at the end */
    long got = raw(SYS_getdents64, fd, (long)(dents + used), (long)(DENTS_CAP - used), 0, 0);
    if (got == 0) break;
    if (got == -EINVAL) { fits = 0; break; } /* the next record does not fit in what is left */
    if (got < 0) { r = got; lseek(fd, pos, SEEK_SET); goto done; }
    for (size_t o = used; o < used + (size_t)got; o += ((struct dirent64 *)(dents + o))->d_reclen) {
      if (n == DENTS_MAX) { fits = 0; break; }
      sorted[n++] = (struct dirent64 *)(dents + o);
    }
    used += (size_t)got;
  }
  if (!fits) { /* too big: list it the kernel's way */
    static const char msg[] = "repro.so: warning: a directory is too big to list sorted; the build may not be reproducible\n";
    warn_once(msg, sizeof msg - 1);
    lseek(fd, pos, SEEK_SET);
    r = raw(SYS_getdents64, fd, (long)out, (long)cap, 0, 0);
    goto done;
  }
  sort_dents(n);
  unsigned long long dir_h = fnv(FNV_BASIS, dir + root_len);
  size_t i = (size_t)pos, w = 0;
  for (; i < n && w + sorted[i]->d_reclen <= cap; i++) {
    struct dirent64 *d = (struct dirent64 *)(out + w);
    memcpy(d, sorted[i], sorted[i]->d_reclen);
    d->d_ino = fnv(fnv(dir_h, "/"), d->d_name) | 1; /* = ino_of(fd, d_name) */
    d->d_off = (int64_t)(i + 1);
    w += d->d_reclen;
  }
  if (w == 0 && i < n) r = -EINVAL; /* the kernel's answer when one record does not fit */
  else r = (long)w;
  lseek(fd, (off_t)i, SEEK_SET);
done:
  __atomic_store_n(&dents_lock, 0, __ATOMIC_RELEASE);
  return r;
}

static void on_sigsys(int sig, siginfo_t *si, void *ctx) {
  (void)sig;
  greg_t *g = ((ucontext_t *)ctx)->uc_mcontext.gregs;
  long nr = si->si_syscall;
  long a[6] = {g[REG_RDI], g[REG_RSI], g[REG_RDX], g[REG_R10], g[REG_R8], g[REG_R9]};
  int saved = errno;
  long r;
  unsigned long long ino;
  if (nr == SYS_getrandom) { fill((void *)a[0], (size_t)a[1]); r = a[1]; goto out; }
  if (nr == SYS_getdents64) { r = sorted_getdents((int)a[0], (char *)a[1], (size_t)a[2]); goto out; }
  r = raw(nr, a[0], a[1], a[2], a[3], a[4]);
  if (r != 0) goto out;
  switch (nr) {
  case SYS_statx:
    if ((ino = ino_of((int)a[0], (const char *)a[1]))) pin_statx((struct statx *)a[4], ino);
    break;
  case SYS_newfstatat:
    if ((ino = ino_of((int)a[0], (const char *)a[1]))) pin_stat((struct stat *)a[2], ino);
    break;
  case SYS_fstat:
    if ((ino = ino_of((int)a[0], ""))) pin_stat((struct stat *)a[1], ino);
    break;
  case SYS_stat: case SYS_lstat:
    if ((ino = ino_of(AT_FDCWD, (const char *)a[0]))) pin_stat((struct stat *)a[1], ino);
    break;
  }
out:
  g[REG_RAX] = r;
  errno = saved;
}

__attribute__((constructor)) static void install(void) {
  /* Resolved, as /proc/self/fd links are. */
  const char *r = getenv("FUELGAUGE_REPRO_ROOT");
  if (r && *r && realpath(r, root)) root_len = strlen(root);

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_sigsys;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  /* Trap these calls unless they carry MAGIC. Installed before any thread exists, so
     every thread inherits it. */
  struct sock_filter f[] = {
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getdents64, 7, 0),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getrandom, 6, 0),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_statx, 5, 0),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_newfstatat, 4, 0),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_fstat, 3, 0),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_stat, 2, 0),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_lstat, 1, 0),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[5])),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)MAGIC, 0, 3),
    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[5]) + 4),
    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)(MAGIC >> 32), 0, 1),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
  };
  struct sock_fprog prog = {sizeof f / sizeof f[0], f};
  if (sigaction(SIGSYS, &sa, 0) || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
      prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog)) {
    static const char msg[] = "repro.so: cannot install the seccomp filter\n";
    write(2, msg, sizeof msg - 1);
    _exit(125);
  }
}
