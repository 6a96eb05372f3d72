/*
 * The attacker of tests/attack: exchanges two directory entries with renameat2(RENAME_EXCHANGE) in a tight
 * loop until it receives SIGTERM, then leaves them as they were first found (an even number of swaps).
 * Once the cleanup has removed NAME_A (it emptied it), the exchange fails with ENOENT: it stops swapping
 * and waits. Usage: swapper DIR NAME_A NAME_B (both names inside DIR). Prints the number of swaps made.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static volatile sig_atomic_t stop = 0;
static void on_term(int sig) { (void)sig; stop = 1; }

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: swapper DIR NAME_A NAME_B\n");
    return 2;
  }
  int dir = open(argv[1], O_RDONLY | O_DIRECTORY);
  if (dir < 0) { perror("open"); return 2; }
  signal(SIGTERM, on_term);
  signal(SIGINT, on_term);
  unsigned long swaps = 0;
  printf("ready\n");
  fflush(stdout);
  while (!stop || swaps % 2 != 0) {
    if (syscall(SYS_renameat2, dir, argv[2], dir, argv[3], RENAME_EXCHANGE) == 0) swaps++;
    else if (errno == ENOENT) { if (swaps % 2 == 0) { while (!stop) pause(); break; } }
    else { perror("renameat2"); return 1; }
  }
  printf("%lu\n", swaps);
  return 0;
}
