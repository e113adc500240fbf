/* Linked into every C and C++ program (only what a program uses ends up in it).
 *
 * Debian's compiler-rt builtins for wasm32 were built with the stack protector, so a few of
 * them (`__umodti3`, behind `(unsigned __int128)a * b % m`) need its guard and failure hook,
 * which wasi-libc does not define. A fixed guard keeps builds reproducible; the failure is a
 * trap, a runtime error like any other. */
#include <stdint.h>

uintptr_t __stack_chk_guard = 0x5eed5eedu;

_Noreturn void __stack_chk_fail(void) { __builtin_trap(); }
