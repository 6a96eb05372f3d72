/*
 * Directory-relative file-system calls for Headroom's removal core (DESIGN.md invariant 1).
 *
 * Node has no openat(): every fs call takes a path that the kernel resolves again, so a folder swapped for
 * a symbolic link between a check and the call redirects it. Here every call takes a directory descriptor
 * opened with O_NOFOLLOW|O_DIRECTORY and one bare name (no '/', never "." or ".."), as systemd-tmpfiles and
 * `find -delete` do: once a directory is open, renaming or swapping it cannot move the call elsewhere.
 *
 * All calls are synchronous; the engine runs them on a worker thread. Errors are thrown as Error objects
 * with `code` ('ENOENT' ...) and `errno`, like Node's own. Built with node-api only, so one build loads in
 * Node and in Electron.
 */
#define _GNU_SOURCE
#include <node_api.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#endif
#ifdef __APPLE__
#include <stdio.h>
#endif
#ifdef __GLIBC__
#include <malloc.h>
#endif

#define NAME_BUF 4096

static const char *errno_code(int err) {
  switch (err) {
    case ENOENT: return "ENOENT";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case ELOOP: return "ELOOP";
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case EEXIST: return "EEXIST";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EBUSY: return "EBUSY";
    case EXDEV: return "EXDEV";
    case EINVAL: return "EINVAL";
    case EMFILE: return "EMFILE";
    case ENFILE: return "ENFILE";
    case EROFS: return "EROFS";
    case EIO: return "EIO";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case EBADF: return "EBADF";
    case ENOSPC: return "ENOSPC";
    case ETXTBSY: return "ETXTBSY";
    case EAGAIN: return "EAGAIN";
    case ENOSYS: return "ENOSYS";
    case EOVERFLOW: return "EOVERFLOW";
#ifdef EDQUOT
    case EDQUOT: return "EDQUOT";
#endif
    default: return "UNKNOWN";
  }
}

static napi_value throw_errno(napi_env env, int err, const char *syscall, const char *name) {
  char msg[NAME_BUF + 160];
  snprintf(msg, sizeof msg, "%s: %s, %s '%s'", errno_code(err), strerror(err), syscall, name ? name : "");
  napi_value message, error, code, errnum, sys;
  napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &message);
  napi_create_error(env, NULL, message, &error);
  napi_create_string_utf8(env, errno_code(err), NAPI_AUTO_LENGTH, &code);
  napi_create_int32(env, -err, &errnum);
  napi_create_string_utf8(env, syscall, NAPI_AUTO_LENGTH, &sys);
  napi_set_named_property(env, error, "code", code);
  napi_set_named_property(env, error, "errno", errnum);
  napi_set_named_property(env, error, "syscall", sys);
  napi_throw(env, error);
  return NULL;
}

static napi_value throw_type(napi_env env, const char *msg) {
  napi_throw_type_error(env, NULL, msg);
  return NULL;
}

/* Reads argument `v` (a Buffer, a Uint8Array or a string) as bytes into `out`, NUL-terminated. */
static int get_bytes(napi_env env, napi_value v, char *out, size_t cap) {
  bool is_array = false;
  napi_is_typedarray(env, v, &is_array);
  if (is_array) {
    napi_typedarray_type type;
    void *data;
    size_t len;
    if (napi_get_typedarray_info(env, v, &type, &len, &data, NULL, NULL) != napi_ok ||
        type != napi_uint8_array || len + 1 > cap)
      return -1;
    memcpy(out, data, len);
    out[len] = '\0';
    if (memchr(out, '\0', len) != NULL) return -1;
    return 0;
  }
  size_t len;
  if (napi_get_value_string_utf8(env, v, out, cap, &len) != napi_ok || len + 1 >= cap) return -1;
  return (strlen(out) == len) ? 0 : -1;
}

/* A bare name: not empty, no '/', not "." or "..". Anything else could leave the directory. */
static int get_name(napi_env env, napi_value v, char *out) {
  if (get_bytes(env, v, out, NAME_BUF) != 0) return -1;
  if (out[0] == '\0' || strchr(out, '/') != NULL) return -1;
  if (strcmp(out, ".") == 0 || strcmp(out, "..") == 0) return -1;
  return 0;
}

static int get_int(napi_env env, napi_value v, int32_t *out) {
  return napi_get_value_int32(env, v, out) == napi_ok ? 0 : -1;
}

static napi_value make_int(napi_env env, int64_t n) {
  napi_value v;
  napi_create_int64(env, n, &v);
  return v;
}

#define ARGS(n)                  \
  size_t argc = n;               \
  napi_value argv[n];            \
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL); \
  if (argc < n) return throw_type(env, "headroom_fs: missing arguments");

#define DIR_FLAGS (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)

/* openDir(absPath): a directory descriptor; the last component must not be a symbolic link. */
static napi_value open_dir(napi_env env, napi_callback_info info) {
  ARGS(1);
  char path[NAME_BUF];
  if (get_bytes(env, argv[0], path, sizeof path) != 0 || path[0] != '/')
    return throw_type(env, "openDir: an absolute path is required");
  int fd = open(path, DIR_FLAGS);
  if (fd < 0) return throw_errno(env, errno, "open", path);
  return make_int(env, fd);
}

/* openDirAt(dirFd, name): the subdirectory `name` of `dirFd`, never through a symbolic link. */
static napi_value open_dir_at(napi_env env, napi_callback_info info) {
  ARGS(2);
  int32_t dirfd;
  char name[NAME_BUF];
  if (get_int(env, argv[0], &dirfd) != 0 || get_name(env, argv[1], name) != 0)
    return throw_type(env, "openDirAt: a descriptor and a bare name are required");
  int fd = openat(dirfd, name, DIR_FLAGS);
  if (fd < 0) return throw_errno(env, errno, "openat", name);
  return make_int(env, fd);
}

/*
 * statAt(dirFd, name | null, out: Float64Array(11)): writes [mode, dev, ino, nlink, uid, size, blocks,
 * mtimeSec, mtimeNsec, ctimeSec, ctimeNsec] of `name` (never following a link), or of the directory itself
 * when `name` is null, into `out` (one array reused for every call: no object per file).
 */
static napi_value stat_at(napi_env env, napi_callback_info info) {
  ARGS(3);
  int32_t dirfd;
  if (get_int(env, argv[0], &dirfd) != 0) return throw_type(env, "statAt: a descriptor is required");
  napi_valuetype t;
  napi_typeof(env, argv[1], &t);
  struct stat st;
  char name[NAME_BUF];
  if (t == napi_null || t == napi_undefined) {
    if (fstat(dirfd, &st) != 0) return throw_errno(env, errno, "fstat", "");
  } else {
    if (get_name(env, argv[1], name) != 0) return throw_type(env, "statAt: a bare name is required");
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return throw_errno(env, errno, "fstatat", name);
  }
#ifdef __APPLE__
  struct timespec mt = st.st_mtimespec, ct = st.st_ctimespec;
#else
  struct timespec mt = st.st_mtim, ct = st.st_ctim;
#endif
  double fields[11] = {
      (double)st.st_mode, (double)st.st_dev, (double)st.st_ino, (double)st.st_nlink,
      (double)st.st_uid, (double)st.st_size, (double)st.st_blocks, (double)mt.tv_sec,
      (double)mt.tv_nsec, (double)ct.tv_sec, (double)ct.tv_nsec};
  napi_typedarray_type type;
  size_t length;
  void *data;
  if (napi_get_typedarray_info(env, argv[2], &type, &length, &data, NULL, NULL) != napi_ok ||
      type != napi_float64_array || length < 11)
    return throw_type(env, "statAt: a Float64Array of 11 is required");
  memcpy(data, fields, sizeof fields);
  return NULL;
}

/* unlinkAt(dirFd, name): removes the file `name` in `dirFd` (never a directory). */
static napi_value unlink_at(napi_env env, napi_callback_info info) {
  ARGS(2);
  int32_t dirfd;
  char name[NAME_BUF];
  if (get_int(env, argv[0], &dirfd) != 0 || get_name(env, argv[1], name) != 0)
    return throw_type(env, "unlinkAt: a descriptor and a bare name are required");
  if (unlinkat(dirfd, name, 0) != 0) return throw_errno(env, errno, "unlinkat", name);
  return NULL;
}

/* rmdirAt(dirFd, name): removes the empty directory `name` in `dirFd`. */
static napi_value rmdir_at(napi_env env, napi_callback_info info) {
  ARGS(2);
  int32_t dirfd;
  char name[NAME_BUF];
  if (get_int(env, argv[0], &dirfd) != 0 || get_name(env, argv[1], name) != 0)
    return throw_type(env, "rmdirAt: a descriptor and a bare name are required");
  if (unlinkat(dirfd, name, AT_REMOVEDIR) != 0) return throw_errno(env, errno, "rmdir", name);
  return NULL;
}

/* mkdirAt(dirFd, name, mode) */
static napi_value mkdir_at(napi_env env, napi_callback_info info) {
  ARGS(3);
  int32_t dirfd, mode;
  char name[NAME_BUF];
  if (get_int(env, argv[0], &dirfd) != 0 || get_name(env, argv[1], name) != 0 ||
      get_int(env, argv[2], &mode) != 0)
    return throw_type(env, "mkdirAt: a descriptor, a bare name and a mode are required");
  if (mkdirat(dirfd, name, (mode_t)mode) != 0) return throw_errno(env, errno, "mkdirat", name);
  return NULL;
}

/*
 * writeNewFileAt(dirFd, name, content, mode): creates `name` (failing if it exists, even as a link),
 * writes all of `content` (a Buffer or a string) and closes it. A short write removes the file again.
 */
static napi_value write_new_file_at(napi_env env, napi_callback_info info) {
  ARGS(4);
  int32_t dirfd, mode;
  char name[NAME_BUF];
  if (get_int(env, argv[0], &dirfd) != 0 || get_name(env, argv[1], name) != 0 ||
      get_int(env, argv[3], &mode) != 0)
    return throw_type(env, "writeNewFileAt: a descriptor, a bare name, content and a mode are required");
  char content[NAME_BUF * 4];
  if (get_bytes(env, argv[2], content, sizeof content) != 0)
    return throw_type(env, "writeNewFileAt: content must be a short string without NUL");
  int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, (mode_t)mode);
  if (fd < 0) return throw_errno(env, errno, "openat", name);
  size_t len = strlen(content), done = 0;
  while (done < len) {
    ssize_t n = write(fd, content + done, len - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = n < 0 ? errno : EIO;
      close(fd);
      unlinkat(dirfd, name, 0);
      return throw_errno(env, err, "write", name);
    }
    done += (size_t)n;
  }
  if (close(fd) != 0 && errno != EINTR) {
    int err = errno;
    unlinkat(dirfd, name, 0);
    return throw_errno(env, err, "close", name);
  }
  return NULL;
}

/*
 * renameNoReplace(fromDirFd, fromName, toDirFd, toName): moves an entry between two open directories on
 * the same file system, failing with EEXIST rather than replacing an existing `toName`, and with EXDEV
 * across file systems (never a copy).
 */
static napi_value rename_no_replace(napi_env env, napi_callback_info info) {
  ARGS(4);
  int32_t fromfd, tofd;
  char from[NAME_BUF], to[NAME_BUF];
  if (get_int(env, argv[0], &fromfd) != 0 || get_name(env, argv[1], from) != 0 ||
      get_int(env, argv[2], &tofd) != 0 || get_name(env, argv[3], to) != 0)
    return throw_type(env, "renameNoReplace: two descriptors and two bare names are required");
  int rc;
#if defined(__linux__) && defined(SYS_renameat2)
  rc = (int)syscall(SYS_renameat2, fromfd, from, tofd, to, RENAME_NOREPLACE);
  if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
    /* A file system without RENAME_NOREPLACE: link then unlink, both relative to the open directories. */
    rc = linkat(fromfd, from, tofd, to, 0);
    if (rc == 0 && unlinkat(fromfd, from, 0) != 0) {
      int err = errno;
      unlinkat(tofd, to, 0);
      errno = err;
      rc = -1;
    }
  }
#elif defined(__APPLE__)
  rc = renameatx_np(fromfd, from, tofd, to, RENAME_EXCL);
#else
  rc = -1;
  errno = ENOSYS;
#endif
  if (rc != 0) return throw_errno(env, errno, "rename", from);
  return NULL;
}

/* closeFd(fd) */
static napi_value close_fd(napi_env env, napi_callback_info info) {
  ARGS(1);
  int32_t fd;
  if (get_int(env, argv[0], &fd) != 0) return throw_type(env, "closeFd: a descriptor is required");
  if (close(fd) != 0 && errno != EINTR) return throw_errno(env, errno, "close", "");
  return NULL;
}

/*
 * A directory stream over its own descriptor for `dirfd` (readdir moves the position, and closedir closes
 * the descriptor: the caller's stays untouched). On failure, *out stays NULL and the thrown error returns.
 */
static napi_value open_dir_stream(napi_env env, int dirfd, DIR **out) {
  int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return throw_errno(env, errno, "openat", ".");
  DIR *dir = fdopendir(fd);
  if (dir == NULL) {
    int err = errno;
    close(fd);
    return throw_errno(env, err, "fdopendir", "");
  }
  *out = dir;
  return NULL;
}

/* readDirAt(dirFd): the names in the directory (Buffers, without "." and ".."). */
static napi_value read_dir_at(napi_env env, napi_callback_info info) {
  ARGS(1);
  int32_t dirfd;
  if (get_int(env, argv[0], &dirfd) != 0) return throw_type(env, "readDirAt: a descriptor is required");
  DIR *dir = NULL;
  napi_value failed = open_dir_stream(env, dirfd, &dir);
  if (dir == NULL) return failed;
  napi_value arr;
  napi_create_array(env, &arr);
  uint32_t n = 0;
  struct dirent *e;
  errno = 0;
  while ((e = readdir(dir)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    napi_value buf;
    void *data;
    size_t len = strlen(e->d_name);
    napi_create_buffer_copy(env, len, e->d_name, &data, &buf);
    napi_set_element(env, arr, n++, buf);
  }
  int err = errno;
  closedir(dir);
  if (err != 0) return throw_errno(env, err, "readdir", "");
  return arr;
}

/*
 * Scanning. A scan opens each folder beneath the root's descriptor by its relative path, refusing a symbolic
 * link or a mount point at any component (a folder swapped for a link while the scan runs is not followed
 * out of the root), lists it and examines every entry with fstatat relative to it, and hands back what the
 * engine keeps in its packed columns: no JS object and no path join per file.
 */
struct grow {
  char *data;
  size_t used, cap;
};

static int grow_reserve(struct grow *g, size_t more) {
  if (g->used + more <= g->cap) return 0;
  size_t cap = g->cap ? g->cap : 4096;
  while (cap < g->used + more) cap *= 2;
  char *data = realloc(g->data, cap);
  if (data == NULL) return -1;
  g->data = data;
  g->cap = cap;
  return 0;
}

static int grow_put(struct grow *g, const void *bytes, size_t len) {
  if (grow_reserve(g, len) != 0) return -1;
  memcpy(g->data + g->used, bytes, len);
  g->used += len;
  return 0;
}

#ifdef __linux__
#ifndef SYS_openat2
#define SYS_openat2 437
#endif
/* struct open_how and its flags (linux/openat2.h, which older headers lack). */
struct hr_open_how {
  unsigned long long flags, mode, resolve;
};
#define HR_RESOLVE_NO_XDEV 0x01
#define HR_RESOLVE_NO_MAGICLINKS 0x02
#define HR_RESOLVE_NO_SYMLINKS 0x04
#define HR_RESOLVE_BENEATH 0x08
static int openat2_missing = 0;
#endif

/*
 * Opens the folder `rel` ("a/b", "" for the root itself) beneath `rootfd` without a symbolic link or a
 * mount point anywhere on the way: in one openat2 call where the kernel has it (Linux 5.6), else one
 * component at a time, each opened relative to the last with O_NOFOLLOW and checked to be on `root_dev`.
 */
static int open_beneath(int rootfd, const char *rel, dev_t root_dev, int portable) {
#ifdef __linux__
  if (!portable && !openat2_missing) {
    struct hr_open_how how = {DIR_FLAGS, 0,
                              HR_RESOLVE_BENEATH | HR_RESOLVE_NO_SYMLINKS | HR_RESOLVE_NO_MAGICLINKS |
                                  HR_RESOLVE_NO_XDEV};
    for (int tries = 0; tries < 4; tries++) {
      long fd = syscall(SYS_openat2, rootfd, rel[0] ? rel : ".", &how, sizeof how);
      if (fd >= 0) return (int)fd;
      if (errno != EAGAIN) break; /* a rename elsewhere raced the lookup: try again */
    }
    if (errno == ENOSYS) openat2_missing = 1;
    /* ENOSYS: an old kernel; EPERM: a sandbox that filters the call. Both go the portable way. */
    if (errno != ENOSYS && errno != EPERM) return -1;
  }
#else
  (void)portable;
#endif
  char path[NAME_BUF];
  size_t len = strlen(rel);
  if (len + 1 > sizeof path) {
    errno = ENAMETOOLONG;
    return -1;
  }
  memcpy(path, rel, len + 1);
  int fd = openat(rootfd, ".", DIR_FLAGS);
  for (char *name = path, *next; fd >= 0 && *name != '\0'; name = next) {
    next = strchr(name, '/');
    if (next != NULL) *next++ = '\0';
    else next = name + strlen(name);
    int child = -1;
    errno = EINVAL; /* an empty, "." or ".." component would not go down */
    if (*name != '\0' && strcmp(name, ".") != 0 && strcmp(name, "..") != 0) child = openat(fd, name, DIR_FLAGS);
    struct stat st;
    if (child >= 0 && fstat(child, &st) == 0 && st.st_dev != root_dev) {
      close(child);
      child = -1;
      errno = EXDEV;
    }
    int err = errno;
    close(fd);
    errno = err;
    fd = child;
  }
  return fd;
}

/* Lists `dirfd` (and closes it) into `files` (paths `prefix` + name), `dirs` and `others` (NUL-ended names). */
struct listing {
  struct grow sizes, mtimes, inos, ends, paths, dirs, others;
  uint32_t count;
  int stat_errno;
};

static int list_dir(int fd, const char *prefix, size_t prefix_len, dev_t root_dev, struct listing *out) {
  DIR *dir = fdopendir(fd);
  if (dir == NULL) {
    int err = errno;
    close(fd);
    return err;
  }
  int err = 0;
  for (;;) {
    errno = 0;
    struct dirent *e = readdir(dir);
    if (e == NULL) {
      err = errno;
      break;
    }
    const char *name = e->d_name;
    if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0) continue;
#ifdef DT_UNKNOWN
    /* Symbolic links, sockets, fifos and devices are never candidates: no fstatat needed to leave them out. */
    if (e->d_type != DT_REG && e->d_type != DT_DIR && e->d_type != DT_UNKNOWN) continue;
#endif
    struct stat st;
    if (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
      if (errno == ENOENT) continue; /* removed since the folder was listed: gone, not an error */
      out->stat_errno = errno;      /* listed but not searchable: every entry would fail alike */
      break;
    }
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) continue;
    size_t len = strlen(name) + 1;
    if (st.st_dev != root_dev) {
      if (grow_put(&out->others, name, len) != 0) err = ENOMEM;
    } else if (S_ISDIR(st.st_mode)) {
      if (grow_put(&out->dirs, name, len) != 0) err = ENOMEM;
    } else {
#ifdef __APPLE__
      struct timespec mt = st.st_mtimespec;
#else
      struct timespec mt = st.st_mtim;
#endif
      /* Node's own msFromTimeSpec, operation for operation (built with -ffp-contract=off: no fused
       * multiply-add), so an mtime equals the one fs.lstat reports to the last bit. */
      double size = (double)st.st_size, ino = (double)st.st_ino;
      double ms = (double)mt.tv_sec * 1000.0 + (double)mt.tv_nsec / 1000000.0;
      uint32_t end = (uint32_t)(out->paths.used + prefix_len + len - 1);
      if (grow_put(&out->sizes, &size, sizeof size) || grow_put(&out->mtimes, &ms, sizeof ms) ||
          grow_put(&out->inos, &ino, sizeof ino) || grow_put(&out->ends, &end, sizeof end) ||
          grow_put(&out->paths, prefix, prefix_len) || grow_put(&out->paths, name, len - 1))
        err = ENOMEM;
      out->count++;
    }
    if (err != 0) break;
  }
  closedir(dir);
  return err;
}

static napi_value buffer_of(napi_env env, struct grow *g) {
  napi_value buf;
  void *data;
  napi_create_buffer_copy(env, g->used, g->used ? g->data : "", &data, &buf);
  return buf;
}

/*
 * scanDirBeneath(rootFd, rel, rootDev, portable): the folder `rel` (a Buffer: "" for the root, else "a/b",
 * never "." or "..") beneath `rootFd`, listed and examined. Returns [count, columns, dirs, others,
 * statErrno]: `columns` an ArrayBuffer holding the regular files as Float64 sizes[count], mtimeMs[count],
 * inos[count], then Uint32 path ends[count], then the path bytes (rel + "/" + name, back to back);
 * `dirs` and `others` Buffers of NUL-ended names: subfolders on the root's device, and files or folders on
 * another one (mount points, not crossed); `statErrno` nonzero when examining an entry failed (the listing
 * stops there). A folder that cannot be opened throws (ENOENT, ELOOP for a link, EXDEV for a mount...).
 * `portable` forces the way without openat2 (tests).
 */
static napi_value scan_dir_beneath(napi_env env, napi_callback_info info) {
  ARGS(4);
  int32_t rootfd;
  double root_dev;
  bool portable = false;
  char rel[NAME_BUF];
  if (get_int(env, argv[0], &rootfd) != 0 || get_bytes(env, argv[1], rel, sizeof rel) != 0 ||
      napi_get_value_double(env, argv[2], &root_dev) != napi_ok)
    return throw_type(env, "scanDirBeneath: a descriptor, a relative path and a device are required");
  napi_get_value_bool(env, argv[3], &portable);
  if (rel[0] == '/') return throw_type(env, "scanDirBeneath: the path must be relative");
  int fd = open_beneath(rootfd, rel, (dev_t)root_dev, portable);
  if (fd < 0) return throw_errno(env, errno, "openat", rel);
  size_t rel_len = strlen(rel);
  if (rel_len > 0) rel[rel_len++] = '/';
  struct listing l;
  memset(&l, 0, sizeof l);
  int err = list_dir(fd, rel, rel_len, (dev_t)root_dev, &l);
  napi_value result = NULL;
  if (err != 0) {
    throw_errno(env, err, "readdir", rel);
  } else {
    size_t nums = (size_t)l.count * sizeof(double);
    size_t total = 3 * nums + l.ends.used + l.paths.used;
    void *data;
    napi_value columns, items[5];
    napi_create_arraybuffer(env, total, &data, &columns);
    char *at = data;
    struct grow *parts[] = {&l.sizes, &l.mtimes, &l.inos, &l.ends, &l.paths};
    for (size_t i = 0; i < 5; i++) {
      if (parts[i]->used) memcpy(at, parts[i]->data, parts[i]->used);
      at += parts[i]->used;
    }
    items[0] = make_int(env, l.count);
    items[1] = columns;
    items[2] = buffer_of(env, &l.dirs);
    items[3] = buffer_of(env, &l.others);
    items[4] = make_int(env, l.stat_errno);
    napi_create_array_with_length(env, 5, &result);
    for (uint32_t i = 0; i < 5; i++) napi_set_element(env, result, i, items[i]);
  }
  struct grow *all[] = {&l.sizes, &l.mtimes, &l.inos, &l.ends, &l.paths, &l.dirs, &l.others};
  for (size_t i = 0; i < 7; i++) free(all[i]->data);
  return result;
}

/*
 * releaseFreeMemory(): hands the allocator's free pages back to the system. glibc keeps what a scan's
 * batches and worker threads freed (tens of MB after a million files) until something asks; a long-running
 * engine asks once a scan is indexed. Nothing to do elsewhere.
 */
static napi_value release_free_memory(napi_env env, napi_callback_info info) {
  (void)env;
  (void)info;
#ifdef __GLIBC__
  malloc_trim(0);
#endif
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"openDir", NULL, open_dir, NULL, NULL, NULL, napi_enumerable, NULL},
      {"openDirAt", NULL, open_dir_at, NULL, NULL, NULL, napi_enumerable, NULL},
      {"statAt", NULL, stat_at, NULL, NULL, NULL, napi_enumerable, NULL},
      {"unlinkAt", NULL, unlink_at, NULL, NULL, NULL, napi_enumerable, NULL},
      {"rmdirAt", NULL, rmdir_at, NULL, NULL, NULL, napi_enumerable, NULL},
      {"mkdirAt", NULL, mkdir_at, NULL, NULL, NULL, napi_enumerable, NULL},
      {"writeNewFileAt", NULL, write_new_file_at, NULL, NULL, NULL, napi_enumerable, NULL},
      {"renameNoReplace", NULL, rename_no_replace, NULL, NULL, NULL, napi_enumerable, NULL},
      {"closeFd", NULL, close_fd, NULL, NULL, NULL, napi_enumerable, NULL},
      {"readDirAt", NULL, read_dir_at, NULL, NULL, NULL, napi_enumerable, NULL},
      {"scanDirBeneath", NULL, scan_dir_beneath, NULL, NULL, NULL, napi_enumerable, NULL},
      {"releaseFreeMemory", NULL, release_free_memory, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}
